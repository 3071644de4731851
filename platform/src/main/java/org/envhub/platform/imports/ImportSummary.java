package org.envhub.platform.imports;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One import as the data-management page and the command line show it: what was read, what changed, and the
 * problems found (the good data around a problem is kept). Times are UTC.
 */
public record ImportSummary(long id, String kind, String fileName, String status, LocalDateTime startedAt, LocalDateTime finishedAt,
                            String username, int rowsRead, int valuesAdded, int valuesReplaced, int valuesSame, int problemCount,
                            String message, List<ImportProblem> problems) {
}
