package org.envhub.platform.imports;

/** Something wrong in an imported file: where (file, line, column or station) and what. */
public record ImportProblem(String location, String message) {
}
