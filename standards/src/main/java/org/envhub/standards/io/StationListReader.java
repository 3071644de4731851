package org.envhub.standards.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envhub.standards.air.Station;

/**
 * Reads the national station list (国控站点列表) in the {@code cnemc-stations.csv} layout:
 * {@code 监测点编码,监测点名称,城市,经度,纬度,对照点} (code, name, city, longitude, latitude, control).
 *
 * <ul>
 *   <li>Columns are found by their header names, so their order does not matter.</li>
 *   <li>A coordinate written {@code -} or left empty is unknown (NaN); the list has ten such stations.</li>
 *   <li>Names keep their inner spaces and full-width brackets as published ({@code 二  印},
 *       {@code 草堂寺（已停运）}); only the outer spaces go.</li>
 *   <li>{@code 对照点} is {@code Y} for a control (background) station, {@code N} or empty otherwise.</li>
 *   <li>A code listed twice keeps its first row; a bad row is reported and skipped.</li>
 * </ul>
 */
public final class StationListReader {

    static final String CODE = "监测点编码";
    static final String NAME = "监测点名称";
    static final String CITY = "城市";
    static final String LONGITUDE = "经度";
    static final String LATITUDE = "纬度";
    static final String CONTROL = "对照点";

    private StationListReader() {}

    public static List<Station> read(Path file, ReadReport report) {
        List<String> lines = InputFiles.readLines(file, report);
        if (lines == null) {
            return List.of();
        }
        return read(lines, file.toString(), report);
    }

    /** Reads the lines of a station list, header first; {@code source} names it in problems. */
    public static List<Station> read(List<String> lines, String source, ReadReport report) {
        if (lines.isEmpty()) {
            report.problem(source, 0, "empty file, expected the header " + String.join(",", CODE, NAME, CITY, LONGITUDE, LATITUDE, CONTROL));
            return List.of();
        }
        List<String> header = CsvFields.split(lines.get(0));
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; header != null && i < header.size(); i++) {
            column.putIfAbsent(header.get(i).trim(), i);
        }
        List<String> absent = new ArrayList<>();
        for (String name : List.of(CODE, NAME, CITY, LONGITUDE, LATITUDE, CONTROL)) {
            if (!column.containsKey(name)) {
                absent.add(name);
            }
        }
        if (!absent.isEmpty()) {
            report.problem(source, 1, "header lacks " + String.join(", ", absent) + "; not a station list");
            return List.of();
        }
        int width = header.size();
        Map<String, Long> firstLine = new HashMap<>();
        List<Station> stations = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            long lineNo = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            report.countRows(1);
            List<String> f = CsvFields.split(line);
            if (f == null) {
                report.problem(source, lineNo, "unclosed quote; row skipped");
                continue;
            }
            if (f.size() < width) {
                report.problem(source, lineNo, "row has " + f.size() + " of " + width + " columns; row skipped");
                continue;
            }
            String code = f.get(column.get(CODE)).trim();
            if (code.isEmpty()) {
                report.problem(source, lineNo, "no station code (" + CODE + "); row skipped");
                continue;
            }
            try {
                double lon = coordinate(f.get(column.get(LONGITUDE)), LONGITUDE, 180);
                double lat = coordinate(f.get(column.get(LATITUDE)), LATITUDE, 90);
                boolean control = control(f.get(column.get(CONTROL)));
                Long first = firstLine.putIfAbsent(code, lineNo);
                if (first != null) {
                    report.problem(source, lineNo, "station " + code + " already listed on line " + first + "; the first is kept");
                    continue;
                }
                stations.add(new Station(code, f.get(column.get(NAME)).trim(), f.get(column.get(CITY)).trim(), lon, lat, control));
                report.countValues(1);
            } catch (IllegalArgumentException bad) {
                report.problem(source, lineNo, "station " + code + ": " + bad.getMessage() + "; row skipped");
            }
        }
        return stations;
    }

    private static double coordinate(String text, String column, double limit) {
        String t = text.trim();
        if (t.isEmpty() || t.equals("-") || t.equals("—")) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + t + "' is not a number");
        }
        if (!(Math.abs(v) <= limit)) {
            throw new IllegalArgumentException(column + " " + t + " is outside ±" + (int) limit);
        }
        return v;
    }

    private static boolean control(String text) {
        String t = text.trim();
        return switch (t.toUpperCase()) {
            case "Y", "YES", "是", "TRUE", "1" -> true;
            case "N", "NO", "否", "FALSE", "0", "" -> false;
            default -> throw new IllegalArgumentException(CONTROL + " '" + t + "' is neither Y nor N");
        };
    }
}
