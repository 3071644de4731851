package org.envhub.standards.io;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.envhub.standards.air.AqiResult;

/**
 * Reads station-hours saved from the national real-time platform, one row per station, as collected
 * by the public CNEMC scrapers:
 * {@code timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,pm10_24h,
 * pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h}.
 *
 * <p>Columns are found by name. {@code timepoint} comes as {@code 2023-07-15T15:00:00},
 * {@code 2023-12-31T1000} or {@code 2023-12-31 10:00}; it labels the hour by its end.
 *
 * <p>Some saved files have {@code o3} and {@code o3_24h} swapped (the 1h value under
 * {@code o3_24h}). The 24-hour maximum can never be below the hour's own value, so when a file has
 * rows with {@code o3} above {@code o3_24h} and none the other way round, the two are read swapped
 * and the file is reported.
 */
public final class PublishedHourReader {

    private static final List<String> NUMBERS = List.of("longitude", "latitude", "aqi", "pm10", "pm10_24h", "pm2_5", "pm2_5_24h",
            "o3", "o3_24h", "o3_8h", "o3_8h_24h", "no2", "no2_24h", "so2", "so2_24h", "co", "co_24h");
    private static final List<String> REQUIRED = List.of("timepoint", "stationcode", "primarypollutant", "aqi",
            "pm10", "pm2_5", "o3", "no2", "so2", "co");

    private PublishedHourReader() {}

    public static List<PublishedHour> read(Path file, ReadReport report) {
        List<String> lines = InputFiles.readLines(file, report);
        if (lines == null) {
            return List.of();
        }
        return read(lines, file.toString(), report);
    }

    public static List<PublishedHour> read(List<String> lines, String source, ReadReport report) {
        if (lines.isEmpty()) {
            report.problem(source, 0, "empty file");
            return List.of();
        }
        List<String> header = CsvFields.split(lines.get(0));
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; header != null && i < header.size(); i++) {
            col.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> absent = REQUIRED.stream().filter(c -> !col.containsKey(c)).toList();
        if (!absent.isEmpty()) {
            report.problem(source, 1, "header lacks " + String.join(", ", absent));
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            long lineNo = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            report.countRows(1);
            List<String> f = CsvFields.split(lines.get(i));
            if (f == null) {
                report.problem(source, lineNo, "unclosed quote; row skipped");
                continue;
            }
            if (f.size() < header.size()) {
                report.problem(source, lineNo, "row has " + f.size() + " of " + header.size() + " columns; row skipped");
                continue;
            }
            String station = f.get(col.get("stationcode")).trim();
            LocalDateTime hour = timepoint(f.get(col.get("timepoint")));
            if (hour == null) {
                report.problem(source, lineNo, "timepoint '" + f.get(col.get("timepoint")).trim() + "' is not a date and hour; row skipped");
                continue;
            }
            if (station.isEmpty()) {
                report.problem(source, lineNo, "no station code; row skipped");
                continue;
            }
            Map<String, Double> v = new HashMap<>();
            for (String name : NUMBERS) {
                Integer c = col.get(name);
                double x = Double.NaN;
                if (c != null) {
                    String t = f.get(c).trim();
                    if (!t.isEmpty() && !t.equals("-") && !t.equals("—")) {
                        try {
                            x = Double.parseDouble(t);
                        } catch (NumberFormatException e) {
                            report.problem(source, lineNo, "station " + station + ": " + name + " '" + t + "' is not a number; left missing");
                        }
                    }
                }
                v.put(name, x);
            }
            rows.add(new Row(lineNo, hour, station, f, v));
        }
        boolean swapped = o3Swapped(rows);
        if (swapped) {
            report.problem(source, 0, "o3 and o3_24h are swapped (o3 exceeds the 24-hour maximum o3_24h); read as swapped");
        }
        List<PublishedHour> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, Double> v = r.values;
            double aqi = v.get("aqi");
            out.add(new PublishedHour(r.hour, r.station, v.get("longitude"), v.get("latitude"),
                    text(r.fields, col.get("area")), text(r.fields, col.get("positionname")),
                    r.fields.get(col.get("primarypollutant")).trim(),
                    Double.isNaN(aqi) ? AqiResult.MISSING : (int) aqi,
                    v.get("pm10"), v.get("pm10_24h"), v.get("pm2_5"), v.get("pm2_5_24h"),
                    swapped ? v.get("o3_24h") : v.get("o3"), swapped ? v.get("o3") : v.get("o3_24h"),
                    v.get("o3_8h"), v.get("o3_8h_24h"), v.get("no2"), v.get("no2_24h"),
                    v.get("so2"), v.get("so2_24h"), v.get("co"), v.get("co_24h")));
            report.countValues(v.values().stream().filter(x -> !Double.isNaN(x)).count());
        }
        return out;
    }

    private record Row(long line, LocalDateTime hour, String station, List<String> fields, Map<String, Double> values) {}

    private static boolean o3Swapped(List<Row> rows) {
        int above = 0;
        int below = 0;
        for (Row r : rows) {
            double hour = r.values.get("o3");
            double max = r.values.get("o3_24h");
            if (hour > max) {
                above++;
            } else if (hour < max) {
                below++;
            }
        }
        return above > 0 && below == 0;
    }

    private static String text(List<String> fields, Integer column) {
        return column == null ? "" : fields.get(column).trim();
    }

    /** {@code 2023-07-15T15:00:00}, {@code 2023-07-15T15:00}, {@code 2023-12-31T1000}, {@code 2023-12-31 10:00}; a trailing Z is ignored. */
    static LocalDateTime timepoint(String text) {
        String t = text.trim();
        if (t.endsWith("Z")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.length() < 13 || (t.charAt(10) != 'T' && t.charAt(10) != ' ')) {
            return null;
        }
        String time = t.substring(11).replace(":", "");
        if (!time.matches("\\d{2}(\\d{2}(\\d{2})?)?")) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(t.substring(0, 10));
            int hour = Integer.parseInt(time.substring(0, 2));
            int minute = time.length() >= 4 ? Integer.parseInt(time.substring(2, 4)) : 0;
            int second = time.length() >= 6 ? Integer.parseInt(time.substring(4, 6)) : 0;
            return day.atTime(hour, minute, second);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
