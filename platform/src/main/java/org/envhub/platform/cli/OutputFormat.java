package org.envhub.platform.cli;

/** How a command prints its table. */
public enum OutputFormat {
    /** Aligned columns for a terminal. */
    TABLE,
    /** UTF-8 CSV with a header row. */
    CSV,
    /** A JSON array of objects, one per row. */
    JSON
}
