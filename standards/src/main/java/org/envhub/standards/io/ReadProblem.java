package org.envhub.standards.io;

/**
 * One thing wrong in an input file: where it is and what is wrong. Readers report it and keep the good
 * data around it, so a bad cell never costs a whole file.
 *
 * @param source the file (as the user named it)
 * @param line   1-based line number, or 0 for a problem with the file as a whole
 * @param reason what is wrong, naming the column or station where there is one
 */
public record ReadProblem(String source, long line, String reason) {

    /** {@code file:line: reason}, the form editors and terminals turn into a link; {@code file: reason} for line 0. */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason;
    }
}
