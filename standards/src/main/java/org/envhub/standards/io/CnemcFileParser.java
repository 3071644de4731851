package org.envhub.standards.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.envhub.standards.air.Pollutant;

/**
 * Parses one CNEMC daily station file held in memory, byte by byte, into the grid of
 * {@link CnemcHourlyReader}. Rows dated as the file go straight into the grid; rows of another date
 * are handed back as {@link Stray}s. Every oddity is reported with the file and line.
 *
 * <p>The buffer must hold a {@code '\n'} just after the data (at index {@code length}): every scan
 * stops on it, so the hot loops need no bounds test of their own.
 */
final class CnemcFileParser {

    /** Row types: 0..5 are the pollutants by ordinal, then the official columns. */
    static final int POLLUTANTS = Pollutant.values().length;
    static final int TYPES = POLLUTANTS + OfficialColumn.values().length;
    private static final byte[][] TYPE_LABELS = new byte[TYPES][];

    static {
        for (Pollutant p : Pollutant.values()) {
            TYPE_LABELS[p.ordinal()] = p.label().getBytes(StandardCharsets.US_ASCII);
        }
        for (OfficialColumn c : OfficialColumn.values()) {
            TYPE_LABELS[POLLUTANTS + c.ordinal()] = c.label().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** What a header column holds, besides a series index (0 and up). */
    static final int UNNAMED = -1;
    static final int REPEATED = -2;
    static final int NOT_A_STATION = -3;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Where the rows go: the reader's grid. */
    interface Target {
        boolean isKept(int type);

        /** Takes row (hour, type) for a file and line: null, or the problem if another row took it first. */
        String claim(int hour, int type, int file, long line);

        /** The grid's arrays of a type, {@code [series][hour]}. */
        double[][] values(int type);

        int seriesCount();
    }

    /** A row whose date is not its file's: applied by the reader after the parallel part, in file order. */
    record Stray(int file, long line, LocalDateTime hour, int type, double[] values) {}

    private final byte[] b;
    private final int n;
    private final int order;
    private final String source;
    private final String[] codes;
    private final int[] map;
    private final ReadReport report;
    private final int base;
    private final byte[] dayBytes;
    private final Target target;
    private final List<Stray> strays;
    private long rows;
    private long stored;

    /**
     * @param map      series index of each header column, or {@link #UNNAMED}, {@link #REPEATED}, {@link #NOT_A_STATION}
     * @param base     grid index of the hour labelled {@code day 00:00}
     * @param dayBytes the file's own date as {@code YYYYMMDD}, or null if unknown (every row then strays)
     */
    CnemcFileParser(byte[] bytes, int length, int order, String source, String[] codes, int[] map, ReadReport report,
                    int base, byte[] dayBytes, Target target, List<Stray> strays) {
        this.b = bytes;
        this.n = length;
        this.order = order;
        this.source = source;
        this.codes = codes;
        this.map = map;
        this.report = report;
        this.base = base;
        this.dayBytes = dayBytes;
        this.target = target;
        this.strays = strays;
    }

    void parse() {
        // load() put a '\n' after the data, so every scan below stops without a bounds test.
        int pos = 0;
        long line = 1;
        while (b[pos] != '\n') {
            pos++;
        }
        pos++;
        while (pos < n) {
            line++;
            pos = row(pos, line);
        }
        report.countRows(rows);
        report.countValues(stored);
    }

    /** Reads the row starting at {@code start}; returns where the next row starts. */
    int row(int start, long line) {
        int c1 = fieldEnd(start);
        if (b[c1] != ',') {
            return blankOrShort(start, c1, line);
        }
        int c2 = fieldEnd(c1 + 1);
        if (b[c2] != ',') {
            return blankOrShort(start, c2, line);
        }
        int c3 = fieldEnd(c2 + 1);
        rows++;
        int type = type(c2 + 1, c3);
        if (type < 0) {
            problem(line, "unknown type '" + text(c2 + 1, c3) + "'; row skipped");
            return nextLine(c3);
        }
        int hour = hour(c1 + 1, c2);
        if (hour < 0) {
            problem(line, "hour '" + text(c1 + 1, c2) + "' is not 0..23; row skipped");
            return nextLine(c3);
        }
        boolean home = dayBytes != null && c1 - start == 8 && Arrays.equals(b, start, c1, dayBytes, 0, 8);
        LocalDate date = null;
        if (!home) {
            date = date(start, c1);
            if (date == null) {
                problem(line, "date '" + text(start, c1) + "' is not a date YYYYMMDD; row skipped");
                return nextLine(c3);
            }
        }
        if (!target.isKept(type)) {
            return nextLine(c3);
        }
        int end;
        if (home) {
            int h = base + hour;
            String taken = target.claim(h, type, order, line);
            if (taken != null) {
                problem(line, taken);
                return nextLine(c3);
            }
            end = cells(c3, line, target.values(type), h);
        } else {
            double[][] cellsBySeries = new double[target.seriesCount()][1];
            for (double[] cell : cellsBySeries) {
                cell[0] = Double.NaN;
            }
            end = cells(c3, line, cellsBySeries, 0);
            double[] bySeries = new double[cellsBySeries.length];
            for (int s = 0; s < bySeries.length; s++) {
                bySeries[s] = cellsBySeries[s][0];
            }
            strays.add(new Stray(order, line, date.atTime(hour, 0), type, bySeries));
        }
        return nextLine(end);
    }

    /** A line with fewer than three fields: blank lines pass silently, others are reported. */
    int blankOrShort(int start, int stop, long line) {
        int next = nextLine(stop);
        if (!blank(start, next - 1)) {
            rows++;
            problem(line, "row has fewer than the 3 columns date,hour,type; skipped");
        }
        return next;
    }

    /** The end of the field starting at {@code i}: its comma, CR or LF. */
    int fieldEnd(int i) {
        byte c = b[i];
        while (c != ',' && c != '\n' && c != '\r') {
            c = b[++i];
        }
        return i;
    }

    /** The start of the line after the one holding {@code i}; looks at 8 bytes a step. */
    int nextLine(int i) {
        while (i + 8 <= n) {
            long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            // The lowest byte of x that is zero is the first '\n' (SWAR zero-byte test).
            long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3) + 1;
            }
            i += 8;
        }
        while (b[i] != '\n') {
            i++;
        }
        return i + 1;
    }

    /**
     * Parses the station cells after the comma at {@code c3} into {@code dest[series][h]};
     * returns the index of the line's end (CR or LF).
     */
    int cells(int c3, long line, double[][] dest, int h) {
        int columns = map.length;
        int col = 3;
        int unnamed = 0;
        int beyond = 0;
        int i = c3;
        if (b[c3] == ',') {
            i = c3 + 1;
            while (true) {
                int start = i;
                long mantissa = 0;
                byte c = b[i];
                while (c >= '0' && c <= '9') {
                    mantissa = mantissa * 10 + (c - '0');
                    c = b[++i];
                }
                int digits = i - start;
                int decimals = 0;
                if (c == '.') {
                    int fractionStart = ++i;
                    c = b[i];
                    while (c >= '0' && c <= '9') {
                        mantissa = mantissa * 10 + (c - '0');
                        c = b[++i];
                    }
                    decimals = i - fractionStart;
                    digits += decimals;
                }
                boolean plain = c == ',' || c == '\n' || c == '\r';
                if (!plain) {
                    while (c != ',' && c != '\n' && c != '\r') {
                        c = b[++i];
                    }
                }
                if (i > start) {
                    int s = col < columns ? map[col] : UNNAMED;
                    if (s >= 0) {
                        double v;
                        if (plain && digits > 0 && digits <= 15) {
                            // An exact integer over an exact power of ten rounds once, as parseDouble does.
                            v = decimals == 0 ? mantissa : mantissa / DecimalText.POW10[decimals];
                        } else {
                            v = slowNumber(start, i, line);
                        }
                        if (v == v) {
                            dest[s][h] = v;
                            stored++;
                        }
                    } else if (s == UNNAMED && !blank(start, i)) {
                        if (col < columns) {
                            unnamed++;
                        } else {
                            beyond++;
                        }
                    }
                }
                col++;
                if (c != ',') {
                    break;
                }
                i++;
            }
        }
        if (col < columns) {
            int lost = 0;
            String firstLost = null;
            for (int c = col; c < columns; c++) {
                if (map[c] >= 0) {
                    lost++;
                    firstLost = firstLost == null ? codes[c] : firstLost;
                }
            }
            if (lost > 0) {
                problem(line, "row has " + col + " of " + columns + " columns; no values for " + count(lost, "station")
                        + " from " + firstLost + " on");
            }
        }
        if (unnamed > 0) {
            problem(line, count(unnamed, "value") + " in columns with no station code ignored");
        }
        if (beyond > 0) {
            problem(line, "row has " + col + " columns, the header " + columns + "; " + count(beyond, "value")
                    + " beyond the header ignored");
        }
        return i;
    }

    /** A cell the fast path did not take: blanks, signs, exponents, or garbage (reported, NaN). */
    double slowNumber(int start, int end, long line) {
        String t = new String(b, start, end - start, StandardCharsets.UTF_8).trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        if (DecimalText.isDecimal(t)) {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        }
        problem(line, "station " + codes[columnOf(start)] + ": '" + t + "' is not a number; cell left missing");
        return Double.NaN;
    }

    /** The header column of a cell, for messages: counts commas (only on the slow path). */
    int columnOf(int cellStart) {
        int col = 0;
        int lineStart = cellStart;
        while (lineStart > 0 && b[lineStart - 1] != '\n') {
            lineStart--;
        }
        for (int i = lineStart; i < cellStart; i++) {
            if (b[i] == ',') {
                col++;
            }
        }
        return col;
    }

    boolean blank(int start, int end) {
        for (int i = start; i < end; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    int type(int start, int end) {
        int length = end - start;
        for (int t = 0; t < TYPES; t++) {
            byte[] label = TYPE_LABELS[t];
            if (label.length == length && Arrays.equals(b, start, end, label, 0, length)) {
                return t;
            }
        }
        return -1;
    }

    int hour(int start, int end) {
        if (end - start < 1 || end - start > 2) {
            return -1;
        }
        int h = 0;
        for (int i = start; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            h = h * 10 + d;
        }
        return h <= 23 ? h : -1;
    }

    LocalDate date(int start, int end) {
        return end - start == 8 ? parseDate(b, start) : null;
    }

    String text(int start, int end) {
        String t = new String(b, start, Math.min(end - start, 40), StandardCharsets.UTF_8);
        return end - start > 40 ? t + "…" : t;
    }

    void problem(long line, String reason) {
        report.problem(source, line, reason);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String typeLabel(int type) {
        return new String(TYPE_LABELS[type], StandardCharsets.US_ASCII);
    }

    /** A date written YYYYMMDD at {@code start}, or null. */
    static LocalDate parseDate(byte[] b, int start) {
        int v = 0;
        for (int i = start; i < start + 8; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            v = v * 10 + d;
        }
        try {
            return LocalDate.of(v / 10000, v / 100 % 100, v % 100);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
