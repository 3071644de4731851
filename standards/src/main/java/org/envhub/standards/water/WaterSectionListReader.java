package org.envhub.standards.water;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envhub.standards.io.CsvFields;
import org.envhub.standards.io.InputFiles;
import org.envhub.standards.io.ReadReport;

/**
 * Reads the optional section list: {@code section,name,city,district,water_body,target}.
 *
 * <ul>
 *   <li>Only {@code section} is required; any other column may be absent or a cell empty. Columns are
 *       found by name, in any order and any case.</li>
 *   <li>{@code target} is the target class (考核目标) written {@code I … V}, {@code Ⅰ … Ⅴ}, {@code 1 … 5}
 *       or {@code 劣V}; empty means no target.</li>
 *   <li>{@code water_body} is {@code river}, {@code lake} or {@code reservoir}; empty leaves it to the
 *       samples.</li>
 *   <li>A section listed twice keeps its first row; a bad row is reported and skipped.</li>
 * </ul>
 */
public final class WaterSectionListReader {

    static final List<String> COLUMNS = List.of("section", "name", "city", "district", "water_body", "target");

    private WaterSectionListReader() {}

    /** The sections by code, in file order. */
    public static Map<String, WaterSection> read(Path file, ReadReport report) {
        List<String> lines = InputFiles.readLines(file, report);
        if (lines == null) {
            return Map.of();
        }
        return read(lines, file.toString(), report);
    }

    public static Map<String, WaterSection> read(List<String> lines, String source, ReadReport report) {
        if (lines.isEmpty()) {
            report.problem(source, 0, "empty file, expected the header " + String.join(",", COLUMNS));
            return Map.of();
        }
        List<String> header = CsvFields.split(lines.get(0));
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; header != null && i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!COLUMNS.contains(name)) {
                report.problem(source, 1, "column '" + header.get(i).trim() + "' is not one of " + String.join(",", COLUMNS) + "; ignored");
            }
            column.putIfAbsent(name, i);
        }
        if (!column.containsKey("section")) {
            report.problem(source, 1, "header lacks section; not a section list");
            return Map.of();
        }
        int width = header.size();
        Map<String, WaterSection> sections = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            long lineNo = i + 1;
            report.countRows(1);
            List<String> f = CsvFields.split(line);
            if (f == null) {
                report.problem(source, lineNo, "unclosed quote; row skipped");
                continue;
            }
            if (f.size() != width) {
                report.problem(source, lineNo, "row has " + f.size() + " of " + width + " columns; row skipped");
                continue;
            }
            String code = cell(f, column, "section");
            if (code.isEmpty()) {
                report.problem(source, lineNo, "no section; row skipped");
                continue;
            }
            try {
                String bodyText = cell(f, column, "water_body");
                String targetText = cell(f, column, "target");
                WaterBody body = bodyText.isEmpty() ? null : WaterBody.parse(bodyText);
                WaterClass target = targetText.isEmpty() ? null : WaterClass.parse(targetText);
                Long first = firstLine.putIfAbsent(code, lineNo);
                if (first != null) {
                    report.problem(source, lineNo, "section " + code + " already listed on line " + first + "; the first is kept");
                    continue;
                }
                sections.put(code, new WaterSection(code, cell(f, column, "name"), cell(f, column, "city"),
                        cell(f, column, "district"), body, target));
                report.countValues(1);
            } catch (IllegalArgumentException bad) {
                report.problem(source, lineNo, "section " + code + ": " + bad.getMessage() + "; row skipped");
            }
        }
        return sections;
    }

    private static String cell(List<String> fields, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        return i == null ? "" : fields.get(i).trim();
    }
}
