package org.envhub.standards.io;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a read found: how many files, rows and values were read, and the problems met on the way.
 * Callers print the problems and carry on with the data.
 *
 * <p>A year of bad national files could hold millions of problems, so only the first
 * {@link #problemLimit()} are kept; {@link #problemCount()} still counts them all. Safe to share
 * between the threads of a parallel read.
 */
public final class ReadReport {

    public static final int DEFAULT_PROBLEM_LIMIT = 10_000;

    private final int problemLimit;
    private final List<ReadProblem> problems = new ArrayList<>();
    private long problemCount;
    private long files;
    private long rows;
    private long values;

    public ReadReport() {
        this(DEFAULT_PROBLEM_LIMIT);
    }

    public ReadReport(int problemLimit) {
        if (problemLimit < 0) {
            throw new IllegalArgumentException("problem limit must not be negative: " + problemLimit);
        }
        this.problemLimit = problemLimit;
    }

    public synchronized void problem(String source, long line, String reason) {
        add(new ReadProblem(source, line, reason));
    }

    public synchronized void add(ReadProblem problem) {
        problemCount++;
        if (problems.size() < problemLimit) {
            problems.add(problem);
        }
    }

    public synchronized void countFile() { files++; }

    public synchronized void countRows(long n) { rows += n; }

    public synchronized void countValues(long n) { values += n; }

    /** Adds the counts and problems of another report (e.g. one file's, read on another thread). */
    public synchronized void addAll(ReadReport other) {
        ReadReport copy;
        synchronized (other) {
            copy = new ReadReport(Integer.MAX_VALUE);
            copy.problems.addAll(other.problems);
            copy.problemCount = other.problemCount;
            copy.files = other.files;
            copy.rows = other.rows;
            copy.values = other.values;
        }
        for (ReadProblem p : copy.problems) {
            if (problems.size() < problemLimit) {
                problems.add(p);
            }
        }
        problemCount += copy.problemCount;
        files += copy.files;
        rows += copy.rows;
        values += copy.values;
    }

    /** The problems kept, in the order found (at most {@link #problemLimit()}). */
    public synchronized List<ReadProblem> problems() { return List.copyOf(problems); }

    /** All problems found, including those beyond the limit. */
    public synchronized long problemCount() { return problemCount; }

    public synchronized boolean hasProblems() { return problemCount > 0; }

    public int problemLimit() { return problemLimit; }

    public synchronized long files() { return files; }

    /** Data rows read (header lines not counted). */
    public synchronized long rows() { return rows; }

    /** Non-missing values stored. */
    public synchronized long values() { return values; }

    /** Prints every kept problem, one a line, and a note if some were left out. */
    public synchronized void printProblems(PrintStream out) {
        problems.forEach(out::println);
        if (problemCount > problems.size()) {
            out.println("... and " + (problemCount - problems.size()) + " more problems");
        }
    }

    @Override
    public synchronized String toString() {
        return files + " files, " + rows + " rows, " + values + " values, " + problemCount + " problems";
    }
}
