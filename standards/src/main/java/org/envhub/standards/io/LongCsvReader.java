package org.envhub.standards.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;

/**
 * Reads hourly data in the long layout {@code time,station,pollutant,value}, one value a row, the form
 * bureaus export from their own systems and envhub exports back:
 * <pre>
 * time,station,pollutant,value
 * 2023-01-20T01:00,1001A,PM2.5,36
 * </pre>
 *
 * <ul>
 *   <li>{@code time} is ISO local time ({@code 2023-01-20T01:00}, seconds allowed) and labels the hour
 *       that ends then, as the national files do; it must be a whole hour.</li>
 *   <li>{@code pollutant} is read by {@link Pollutant#parse} (PM2.5, PM25, pm2_5…).</li>
 *   <li>An empty value is missing; the row still puts its station and hour on the grid.</li>
 *   <li>Columns are found by name; others are ignored. Bad rows are reported and skipped; a
 *       station-hour-pollutant given twice keeps the first.</li>
 * </ul>
 *
 * The grid spans the first to the last hour read, with the stations sorted.
 */
public final class LongCsvReader {

    private LongCsvReader() {}

    public static HourlyGrid read(Path file, ReadReport report) {
        return read(List.of(file), report);
    }

    /** Reads several files into one grid; earlier files win over later ones for repeated values. */
    public static HourlyGrid read(List<Path> files, ReadReport report) {
        Rows rows = new Rows();
        for (Path file : files) {
            try (BufferedReader in = InputFiles.newReader(file)) {
                report.countFile();
                readFile(in, file.toString(), rows, report);
            } catch (IOException e) {
                report.problem(file.toString(), 0, "cannot read: " + InputFiles.describe(e));
            }
        }
        return rows.toGrid(report);
    }

    /** Reads lines already in memory (header first); {@code source} names them in problems. */
    public static HourlyGrid read(List<String> lines, String source, ReadReport report) {
        Rows rows = new Rows();
        try (BufferedReader in = new BufferedReader(new java.io.StringReader(String.join("\n", lines)))) {
            readFile(in, source, rows, report);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows.toGrid(report);
    }

    private static void readFile(BufferedReader in, String source, Rows rows, ReadReport report) throws IOException {
        String headerLine = in.readLine();
        if (headerLine == null) {
            report.problem(source, 0, "empty file");
            return;
        }
        if (headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        List<String> header = CsvFields.split(headerLine);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; header != null && i < header.size(); i++) {
            col.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (String name : List.of("time", "station", "pollutant", "value")) {
            if (!col.containsKey(name)) {
                report.problem(source, 1, "header lacks '" + name + "'; expected time,station,pollutant,value");
                return;
            }
        }
        int iTime = col.get("time");
        int iStation = col.get("station");
        int iPollutant = col.get("pollutant");
        int iValue = col.get("value");
        int needed = Math.max(Math.max(iTime, iStation), Math.max(iPollutant, iValue)) + 1;
        long lineNo = 1;
        long rowCount = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            rowCount++;
            List<String> f = CsvFields.split(line);
            if (f == null || f.size() < needed) {
                report.problem(source, lineNo, f == null ? "unclosed quote; row skipped" : "row has " + f.size() + " columns, needs " + needed + "; row skipped");
                continue;
            }
            String timeText = f.get(iTime).trim();
            LocalDateTime time;
            try {
                time = LocalDateTime.parse(timeText);
            } catch (DateTimeParseException e) {
                report.problem(source, lineNo, "time '" + timeText + "' is not an ISO local time like 2023-01-20T01:00; row skipped");
                continue;
            }
            if (time.getMinute() != 0 || time.getSecond() != 0 || time.getNano() != 0) {
                report.problem(source, lineNo, "time " + timeText + " is not a whole hour; row skipped");
                continue;
            }
            String station = f.get(iStation).trim();
            if (station.isEmpty()) {
                report.problem(source, lineNo, "no station; row skipped");
                continue;
            }
            Pollutant pollutant;
            try {
                pollutant = Pollutant.parse(f.get(iPollutant));
            } catch (IllegalArgumentException e) {
                report.problem(source, lineNo, e.getMessage() + "; row skipped");
                continue;
            }
            String valueText = f.get(iValue).trim();
            double value = Double.NaN;
            if (!valueText.isEmpty()) {
                if (!DecimalText.isDecimal(valueText)) {
                    report.problem(source, lineNo, "station " + station + " " + pollutant.label() + ": value '" + valueText + "' is not a number; row skipped");
                    continue;
                }
                value = Double.parseDouble(valueText);
            }
            rows.add(source, lineNo, time, station, pollutant, value);
        }
        report.countRows(rowCount);
    }

    /** The rows read so far, held in primitive arrays until the grid's size is known. */
    private static final class Rows {
        final Map<String, Integer> stationIds = new HashMap<>();
        final List<String> stations = new ArrayList<>();
        final Map<String, Integer> sourceIds = new HashMap<>();
        final List<String> sources = new ArrayList<>();
        long[] hour = new long[1024];
        int[] station = new int[1024];
        byte[] pollutant = new byte[1024];
        double[] value = new double[1024];
        int[] source = new int[1024];
        long[] line = new long[1024];
        int size;
        long minHour = Long.MAX_VALUE;
        long maxHour = Long.MIN_VALUE;

        void add(String src, long lineNo, LocalDateTime time, String code, Pollutant p, double v) {
            if (size == hour.length) {
                int n = size * 2;
                hour = Arrays.copyOf(hour, n);
                station = Arrays.copyOf(station, n);
                pollutant = Arrays.copyOf(pollutant, n);
                value = Arrays.copyOf(value, n);
                source = Arrays.copyOf(source, n);
                line = Arrays.copyOf(line, n);
            }
            long h = ChronoUnit.HOURS.between(LocalDateTime.of(2000, 1, 1, 0, 0), time);
            hour[size] = h;
            station[size] = stationIds.computeIfAbsent(code, c -> {
                stations.add(c);
                return stations.size() - 1;
            });
            pollutant[size] = (byte) p.ordinal();
            value[size] = v;
            source[size] = sourceIds.computeIfAbsent(src, s -> {
                sources.add(s);
                return sources.size() - 1;
            });
            line[size] = lineNo;
            minHour = Math.min(minHour, h);
            maxHour = Math.max(maxHour, h);
            size++;
        }

        HourlyGrid toGrid(ReadReport report) {
            List<String> sorted = new ArrayList<>(new TreeSet<>(stations));
            if (size == 0) {
                return new HourlyGrid(LocalDateTime.of(2000, 1, 1, 0, 0), 0, sorted);
            }
            long span = maxHour - minHour + 1;
            if (span > 24L * 366 * 50) {
                throw new IllegalArgumentException("the data spans " + span + " hours; more than 50 years is surely a wrong date");
            }
            int hours = (int) span;
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < sorted.size(); i++) {
                index.put(sorted.get(i), i);
            }
            int[] seriesOf = new int[stations.size()];
            for (int i = 0; i < stations.size(); i++) {
                seriesOf[i] = index.get(stations.get(i));
            }
            HourlyGrid grid = new HourlyGrid(LocalDateTime.of(2000, 1, 1, 0, 0).plusHours(minHour), hours, sorted);
            Pollutant[] pollutants = Pollutant.values();
            BitSet[] seen = new BitSet[pollutants.length * sorted.size()];
            long values = 0;
            for (int r = 0; r < size; r++) {
                int s = seriesOf[station[r]];
                int h = (int) (hour[r] - minHour);
                int cell = pollutant[r] * sorted.size() + s;
                if (seen[cell] == null) {
                    seen[cell] = new BitSet(hours);
                }
                if (seen[cell].get(h)) {
                    report.problem(sources.get(source[r]), line[r], "station " + sorted.get(s) + " " + pollutants[pollutant[r]].label()
                            + " at " + grid.hourAt(h) + " given again; the first is kept");
                    continue;
                }
                seen[cell].set(h);
                if (!Double.isNaN(value[r])) {
                    grid.set(pollutants[pollutant[r]], s, h, value[r]);
                    values++;
                }
            }
            report.countValues(values);
            return grid;
        }
    }
}
