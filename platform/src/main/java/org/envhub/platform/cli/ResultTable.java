package org.envhub.platform.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The rows a command prints, in table, CSV or JSON form. A cell is a String, a Number or null
 * (missing: empty in CSV, {@code -} in a table, {@code null} in JSON).
 */
public final class ResultTable {

    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();
    /** Columns a terminal table shows when set; CSV and JSON always carry every column. */
    private List<String> tableColumns;

    public ResultTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public ResultTable(String... columns) {
        this(List.of(columns));
    }

    public List<String> columns() { return columns; }

    /** Shows only these columns in {@link OutputFormat#TABLE}, so that a wide report stays readable in a terminal. */
    public ResultTable tableColumns(String... names) {
        for (String name : names) {
            if (!columns.contains(name)) {
                throw new IllegalArgumentException("no column " + name);
            }
        }
        this.tableColumns = List.of(names);
        return this;
    }

    public List<Object[]> rows() { return rows; }

    public void add(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + columns.size() + " columns");
        }
        rows.add(cells);
    }

    /** A number with exactly {@code decimals} decimals, rounded half to even as GB/T 8170 does (published figures: 4.59, 62.6); null for NaN. */
    public static BigDecimal fixed(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN);
    }

    /** An integer that uses a negative value for missing. */
    public static Integer integerOrNull(int value) {
        return value < 0 ? null : value;
    }

    public void print(OutputFormat format, PrintStream out) {
        switch (format) {
            case CSV -> printCsv(out);
            case JSON -> printJson(out);
            case TABLE -> printTable(out);
        }
        out.flush();
    }

    private void printCsv(PrintStream out) {
        StringBuilder sb = new StringBuilder(64 * (rows.size() + 1));
        appendCsvLine(sb, columns.toArray());
        for (Object[] row : rows) {
            appendCsvLine(sb, row);
        }
        out.print(sb);
    }

    private static void appendCsvLine(StringBuilder sb, Object[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String text = text(cells[i], "");
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                sb.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(text);
            }
        }
        sb.append('\n');
    }

    private void printJson(PrintStream out) {
        List<Map<String, Object>> objects = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                object.put(columns.get(i), row[i]);
            }
            objects.add(object);
        }
        out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(objects));
    }

    private void printTable(PrintStream out) {
        List<String> shown = tableColumns != null ? tableColumns : columns;
        int[] index = shown.stream().mapToInt(columns::indexOf).toArray();
        List<Object[]> shownRows = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] cells = new Object[index.length];
            for (int i = 0; i < index.length; i++) {
                cells[i] = row[index[i]];
            }
            shownRows.add(cells);
        }
        int[] widths = new int[shown.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = displayWidth(shown.get(i));
        }
        for (Object[] row : shownRows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], displayWidth(text(row[i], "-")));
            }
        }
        StringBuilder sb = new StringBuilder();
        appendTableLine(sb, shown.toArray(), widths);
        for (int i = 0; i < widths.length; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        sb.append('\n');
        for (Object[] row : shownRows) {
            appendTableLine(sb, row, widths);
        }
        out.print(sb);
    }

    private static void appendTableLine(StringBuilder sb, Object[] cells, int[] widths) {
        for (int i = 0; i < cells.length; i++) {
            String text = text(cells[i], "-");
            int pad = widths[i] - displayWidth(text);
            if (i > 0) {
                sb.append("  ");
            }
            if (cells[i] instanceof Number) {
                sb.append(" ".repeat(pad)).append(text);
            } else {
                sb.append(text);
                if (i < cells.length - 1) {
                    sb.append(" ".repeat(pad));
                }
            }
        }
        sb.append('\n');
    }

    private static String text(Object cell, String missing) {
        if (cell == null) {
            return missing;
        }
        if (cell instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return cell.toString();
    }

    /** Terminal columns: CJK and full-width characters take two. */
    static int displayWidth(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
                    || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                    || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                    || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
            width += wide ? 2 : 1;
        }
        return width;
    }
}
