package org.envhub.standards.water;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envhub.standards.io.CsvFields;
import org.envhub.standards.io.InputFiles;
import org.envhub.standards.io.ReadReport;

/**
 * Reads surface-water samples from the wide CSV layout, one sample a row:
 * {@code section,time,water_body,ph,do,codmn,cod,bod5,nh3n,tp,tn,cu,zn,f,se,as,hg,cd,cr6,pb,cn,phenol,petroleum,las,sulfide,fecal_coliform}.
 *
 * <ul>
 *   <li>Columns are found by their header names, in any order and any case; an item column may also be
 *       headed by its label or Chinese name ({@code NH3-N}, {@code 氨氮}). {@code section}, {@code time} and
 *       {@code water_body} are required; any item column may be absent, and any value empty (missing).
 *       A header column that is no item is reported and ignored, so that a misspelt item is not lost
 *       in silence.</li>
 *   <li>{@code time} is an ISO date ({@code 2024-03-05}, the sample then at 00:00) or date-time
 *       ({@code 2024-03-05T10:30}, or with a space); {@code /} may stand for {@code -}.</li>
 *   <li>{@code water_body} is {@code river}, {@code lake} or {@code reservoir} (or 河流, 湖泊, 水库).</li>
 *   <li>Values in mg/L (fecal coliform per litre). Empty, {@code -} or {@code NA} is missing. A value
 *       below the detection limit, {@code 0.004L} or {@code <0.004}, counts as {@link BelowDetection}
 *       says (default half the limit).</li>
 *   <li>A bad row is reported with its file, line and reason and skipped whole, so that a sample is
 *       never judged on part of its values: a row with the wrong number of columns, no section, a bad
 *       time or water body, a value that is not a number, negative, or a pH outside 0–14.</li>
 *   <li>Across all files read together: a section keeps one water body (a row that says otherwise is
 *       reported and skipped), and a second row for the same section and time is reported and
 *       skipped, the first kept.</li>
 *   <li>Files may be gzip-compressed ({@code .csv.gz}), UTF-8 or GB18030 (as spreadsheets save them).</li>
 * </ul>
 */
public final class WaterSampleReader {

    public static final String SECTION = "section";
    public static final String TIME = "time";
    public static final String WATER_BODY = "water_body";

    /** The header of a file with every column, as {@code envhub} writes its examples. */
    public static final String FULL_HEADER;

    static {
        StringBuilder sb = new StringBuilder(SECTION + "," + TIME + "," + WATER_BODY);
        for (WaterItem item : WaterItem.values()) {
            sb.append(',').append(item.column());
        }
        FULL_HEADER = sb.toString();
    }

    private final BelowDetection belowDetection;
    private final Map<String, WaterBody> bodies = new HashMap<>();
    private final Map<String, String> bodySeenAt = new HashMap<>();
    private final Map<String, String> seen = new HashMap<>();
    private final List<WaterSample> samples = new ArrayList<>();

    private WaterSampleReader(BelowDetection belowDetection) {
        this.belowDetection = belowDetection;
    }

    /** Reads every file, in order, as one data set. */
    public static List<WaterSample> read(List<Path> files, ReadReport report, BelowDetection belowDetection) {
        WaterSampleReader reader = new WaterSampleReader(belowDetection);
        for (Path file : files) {
            reader.readFile(file, report);
        }
        return List.copyOf(reader.samples);
    }

    public static List<WaterSample> read(Path file, ReadReport report) {
        return read(List.of(file), report, BelowDetection.HALF_LIMIT);
    }

    /** Reads the lines of one file, header first; {@code source} names it in problems. */
    public static List<WaterSample> read(List<String> lines, String source, ReadReport report, BelowDetection belowDetection) {
        WaterSampleReader reader = new WaterSampleReader(belowDetection);
        reader.readLines(lines, source, report);
        return List.copyOf(reader.samples);
    }

    private void readFile(Path file, ReadReport report) {
        List<String> lines = InputFiles.readLines(file, report);
        if (lines == null) {
            return;
        }
        readLines(lines, file.toString(), report);
    }

    private void readLines(List<String> lines, String source, ReadReport report) {
        if (lines.isEmpty()) {
            report.problem(source, 0, "empty file, expected a header starting " + SECTION + "," + TIME + "," + WATER_BODY);
            return;
        }
        List<String> header = CsvFields.split(lines.get(0));
        if (header == null) {
            report.problem(source, 1, "unclosed quote in the header; not a water sample file");
            return;
        }
        int sectionCol = -1;
        int timeCol = -1;
        int bodyCol = -1;
        WaterItem[] itemOf = new WaterItem[header.size()];
        boolean[] taken = new boolean[WaterItem.count()];
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            switch (name.toLowerCase()) {
                case SECTION -> sectionCol = sectionCol < 0 ? i : sectionCol;
                case TIME -> timeCol = timeCol < 0 ? i : timeCol;
                case WATER_BODY -> bodyCol = bodyCol < 0 ? i : bodyCol;
                default -> {
                    WaterItem item = WaterItem.byName(name);
                    if (item == null) {
                        report.problem(source, 1, "column '" + name + "' is not a GB 3838 item; ignored");
                    } else if (taken[item.ordinal()]) {
                        report.problem(source, 1, "column '" + name + "' repeats " + item.column() + "; the first is read");
                    } else {
                        taken[item.ordinal()] = true;
                        itemOf[i] = item;
                    }
                }
            }
        }
        List<String> absent = new ArrayList<>();
        if (sectionCol < 0) {
            absent.add(SECTION);
        }
        if (timeCol < 0) {
            absent.add(TIME);
        }
        if (bodyCol < 0) {
            absent.add(WATER_BODY);
        }
        if (!absent.isEmpty()) {
            report.problem(source, 1, "header lacks " + String.join(", ", absent) + "; not a water sample file");
            return;
        }
        int width = header.size();
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
            String section = f.get(sectionCol).trim();
            if (section.isEmpty()) {
                report.problem(source, lineNo, "no section; row skipped");
                continue;
            }
            try {
                LocalDateTime time = time(f.get(timeCol));
                WaterBody body = WaterBody.parse(f.get(bodyCol));
                double[] values = new double[WaterItem.count()];
                Arrays.fill(values, Double.NaN);
                int present = 0;
                for (int c = 0; c < width; c++) {
                    if (itemOf[c] != null) {
                        double v = value(itemOf[c], f.get(c));
                        values[itemOf[c].ordinal()] = v;
                        if (!Double.isNaN(v)) {
                            present++;
                        }
                    }
                }
                String where = source + ":" + lineNo;
                WaterBody known = bodies.putIfAbsent(section, body);
                if (known != null && known != body) {
                    report.problem(source, lineNo, "section " + section + " is a " + known.id() + " (" + bodySeenAt.get(section)
                            + "), not a " + body.id() + "; row skipped");
                    continue;
                }
                bodySeenAt.putIfAbsent(section, where);
                String first = seen.putIfAbsent(section + "\u0000" + time, where);
                if (first != null) {
                    report.problem(source, lineNo, "section " + section + " at " + time + " already read at " + first + "; the first is kept");
                    continue;
                }
                samples.add(new WaterSample(section, time, body, Concentrations.ofArray(values)));
                report.countValues(present);
            } catch (IllegalArgumentException | DateTimeParseException bad) {
                report.problem(source, lineNo, "section " + section + ": " + bad.getMessage() + "; row skipped");
            }
        }
    }

    /** An ISO date or date-time, {@code T} or a space between, {@code /} allowed for {@code -}. */
    static LocalDateTime time(String text) {
        String t = text.trim().replace('/', '-');
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no time");
        }
        try {
            if (t.length() <= 10) {
                return LocalDate.parse(t).atStartOfDay();
            }
            return LocalDateTime.parse(t.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + text.trim() + "' is not an ISO date or date-time");
        }
    }

    private double value(WaterItem item, String text) {
        String t = text.trim();
        if (t.isEmpty() || t.equals("-") || t.equals("—") || t.equalsIgnoreCase("NA") || t.equalsIgnoreCase("N/A")) {
            return Double.NaN;
        }
        boolean below = false;
        if (t.startsWith("<")) {
            below = true;
            t = t.substring(1).trim();
        } else if (t.endsWith("L") || t.endsWith("l")) {
            below = true;
            t = t.substring(0, t.length() - 1).trim();
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(item.column() + " '" + text.trim() + "' is not a number");
        }
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(item.column() + " " + text.trim() + " is not a concentration (negative or not finite)");
        }
        if (item == WaterItem.PH && (below || v > 14)) {
            throw new IllegalArgumentException("pH " + text.trim() + " is outside 0–14");
        }
        return below ? belowDetection.valueFor(v) : v;
    }
}
