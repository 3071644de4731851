package org.envhub.standards.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.io.CnemcFileParser.Stray;

/**
 * Reads the daily station files of the national network (全国空气质量实时数据, {@code china_sites_YYYYMMDD.csv},
 * plain or gzipped) into one {@link HourlyGrid}.
 *
 * <p>Layout: {@code date,hour,type,<station code>...}, one row per hour and type, one column per
 * station. Hour {@code h} of date {@code D} names the hour that <em>ends</em> at {@code D h:00}, so
 * hour 0 is the last hour of the day before; the grid labels hours the same way. The types are the
 * six pollutants' 1h values and the official columns of {@link OfficialColumn}; the latter are kept
 * only when asked for, since a national year of one column is 2,026 × 8,784 doubles (140 MB).
 *
 * <p>The files as published have oddities, each reported with its file and line while the rest of
 * the data is kept:
 * <ul>
 *   <li>a station column repeated in a header: the first column is kept;</li>
 *   <li>header columns with no station code (trailing commas): ignored;</li>
 *   <li>rows shorter than the header: the stations past the end are missing;</li>
 *   <li>empty cells: missing (NaN), not reported;</li>
 *   <li>an unparseable number: that cell is missing, the rest of the row is kept;</li>
 *   <li>an unknown type, a bad date or hour: the row is skipped;</li>
 *   <li>the same hour and type read twice (twice in a file, or in two files): the first is kept,
 *       rows dated as their file coming before rows that stray from their file's date.</li>
 * </ul>
 *
 * <p>Memory: the grid holds doubles, so a national year (2,026 stations × 8,784 hours) takes about
 * 140 MB per pollutant or official column kept, 850 MB for the six pollutants alone.
 *
 * <p>Speed matters: a national year is 366 files of about 2 MB. Files are read in parallel, parsed as
 * bytes (no strings, no regular expressions per cell), and written straight into the grid; rows of
 * types not kept are skipped without parsing their numbers. A quick look at every header first fixes
 * the stations and hours, so the grid is allocated once. Measured on 40 national days (81 MB) on a
 * shared 2-core machine: about 230 MB of plain CSV per CPU-second, and 120 MB per CPU-second from
 * {@code .gz}, where inflating alone (zlib, about 290 MB/s) takes half the time. A plain-CSV year
 * (730 MB) thus needs about 3 CPU-seconds, a gzipped one about 6.
 */
public final class CnemcHourlyReader {

    private static final int POLLUTANTS = CnemcFileParser.POLLUTANTS;
    private static final int TYPES = CnemcFileParser.TYPES;
    private static final int UNNAMED = CnemcFileParser.UNNAMED;
    private static final int REPEATED = CnemcFileParser.REPEATED;
    private static final int NOT_A_STATION = CnemcFileParser.NOT_A_STATION;

    private final EnumSet<OfficialColumn> keep;
    private int threads = Runtime.getRuntime().availableProcessors();

    /** A reader of the 1h values only. */
    public CnemcHourlyReader() {
        this(EnumSet.noneOf(OfficialColumn.class));
    }

    /** A reader that also keeps the given official columns. */
    public CnemcHourlyReader(Set<OfficialColumn> keep) {
        this.keep = keep.isEmpty() ? EnumSet.noneOf(OfficialColumn.class) : EnumSet.copyOf(keep);
    }

    /** Number of files read at once; defaults to the number of processors. */
    public CnemcHourlyReader threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        return this;
    }

    /** Reads the files, in the given order of precedence for repeated hours. Never throws for bad data. */
    public CnemcHourlyData read(List<Path> files) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, files.size())), r -> {
            Thread t = new Thread(r, "cnemc-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            return new Run(files).read(pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the quick look at a file's start found. */
    private static final class FileInfo {
        final int order;
        final Path path;
        final String source;
        final ReadReport report = new ReadReport();
        String[] codes;          // header names by column; null if the file is unusable
        LocalDate homeDate;      // the date of its first good row
        int[] seriesOfColumn;    // filled once the union of stations is known

        FileInfo(int order, Path path) {
            this.order = order;
            this.path = path;
            this.source = path.toString();
        }
    }

    /** A reusable read buffer, one per thread. */
    private static final class Buffer {
        byte[] bytes = new byte[1 << 22];
        int length;
    }

    private final class Run implements CnemcFileParser.Target {
        final List<FileInfo> files = new ArrayList<>();
        final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);
        List<String> series;
        LocalDate firstDay;
        int hours;
        /** [type][series][hour]; null for types not kept. */
        double[][][] values = new double[TYPES][][];
        /** Which (hour, type) rows are filled, and from which file and line: {@code hour * TYPES + type}. */
        int[] rowFile;
        long[] rowLine;

        Run(List<Path> paths) {
            for (int i = 0; i < paths.size(); i++) {
                files.add(new FileInfo(i, paths.get(i)));
            }
        }

        CnemcHourlyData read(ExecutorService pool) {
            List<Callable<Void>> looks = new ArrayList<>();
            for (FileInfo f : files) {
                looks.add(() -> {
                    look(f);
                    return null;
                });
            }
            runAll(pool, looks);
            buildGrid();

            // Files of one date are read in one task, in order, so that "the first is kept" holds.
            Map<LocalDate, List<FileInfo>> byDate = new TreeMap<>();
            List<FileInfo> undated = new ArrayList<>();
            for (FileInfo f : files) {
                if (f.codes == null) {
                    continue;
                }
                if (f.homeDate == null) {
                    undated.add(f);
                } else {
                    byDate.computeIfAbsent(f.homeDate, d -> new ArrayList<>()).add(f);
                }
            }
            List<Callable<List<Stray>>> tasks = new ArrayList<>();
            byDate.forEach((day, group) -> tasks.add(() -> readDay(day, group)));
            if (!undated.isEmpty()) {
                tasks.add(() -> readDay(null, undated));
            }
            fillDaysWithoutFiles(byDate.keySet());
            List<Stray> strays = new ArrayList<>();
            for (List<Stray> s : runAll(pool, tasks)) {
                strays.addAll(s);
            }
            applyStrays(strays);

            ReadReport report = new ReadReport();
            for (FileInfo f : files) {
                report.addAll(f.report);
            }
            double[][][] pollutants = new double[POLLUTANTS][][];
            System.arraycopy(values, 0, pollutants, 0, POLLUTANTS);
            HourlyGrid grid = new HourlyGrid(firstDay.atStartOfDay(), hours, series, pollutants);
            Map<OfficialColumn, double[][]> official = new EnumMap<>(OfficialColumn.class);
            for (OfficialColumn c : keep) {
                official.put(c, values[POLLUTANTS + c.ordinal()]);
            }
            return new CnemcHourlyData(grid, official, report);
        }

        /** Reads the header and the date of the first good row. */
        void look(FileInfo f) {
            List<byte[]> lines = new ArrayList<>();
            try (InputStream in = InputFiles.open(f.path)) {
                byte[] chunk = new byte[1 << 16];
                byte[] acc = new byte[0];
                int accLength = 0;
                int lineStart = 0;
                // A header plus a few rows is enough; give up on the date after 100 lines.
                outer:
                while (lines.size() < 100) {
                    int r = in.read(chunk);
                    if (r < 0) {
                        if (lineStart < accLength) {
                            lines.add(Arrays.copyOfRange(acc, lineStart, accLength));
                        }
                        break;
                    }
                    if (accLength + r > acc.length) {
                        acc = Arrays.copyOf(acc, Math.max(acc.length * 2, accLength + r));
                    }
                    System.arraycopy(chunk, 0, acc, accLength, r);
                    int scanFrom = accLength;
                    accLength += r;
                    for (int i = scanFrom; i < accLength; i++) {
                        if (acc[i] == '\n') {
                            lines.add(Arrays.copyOfRange(acc, lineStart, i));
                            lineStart = i + 1;
                            if (lines.size() >= 2 && dateOf(lines.get(lines.size() - 1)) != null) {
                                break outer;
                            }
                        }
                    }
                }
            } catch (IOException e) {
                f.report.problem(f.source, 0, "cannot read: " + InputFiles.describe(e));
                return;
            }
            if (lines.isEmpty()) {
                f.report.problem(f.source, 0, "empty file");
                return;
            }
            String header = new String(trimLine(lines.get(0)), StandardCharsets.UTF_8);
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            String[] names = header.split(",", -1);
            if (names.length < 3 || !names[0].trim().equalsIgnoreCase("date") || !names[1].trim().equalsIgnoreCase("hour")
                    || !names[2].trim().equalsIgnoreCase("type")) {
                f.report.problem(f.source, 1, "not a CNEMC station file: the header should start with date,hour,type");
                return;
            }
            for (int i = 0; i < names.length; i++) {
                names[i] = names[i].trim();
            }
            f.codes = names;
            for (int i = 1; i < lines.size() && f.homeDate == null; i++) {
                f.homeDate = dateOf(lines.get(i));
            }
            f.report.countFile();
        }

        void buildGrid() {
            TreeSet<String> union = new TreeSet<>();
            for (FileInfo f : files) {
                if (f.codes == null) {
                    continue;
                }
                for (int i = 3; i < f.codes.length; i++) {
                    if (!f.codes[i].isEmpty()) {
                        union.add(f.codes[i]);
                    }
                }
            }
            series = List.copyOf(union);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < series.size(); i++) {
                index.put(series.get(i), i);
            }
            for (FileInfo f : files) {
                if (f.codes == null) {
                    continue;
                }
                int[] map = new int[f.codes.length];
                Map<String, Integer> firstColumn = new HashMap<>();
                Arrays.fill(map, 0, Math.min(3, map.length), NOT_A_STATION);
                for (int i = 3; i < f.codes.length; i++) {
                    String code = f.codes[i];
                    if (code.isEmpty()) {
                        map[i] = UNNAMED;
                        continue;
                    }
                    Integer first = firstColumn.putIfAbsent(code, i);
                    if (first != null) {
                        map[i] = REPEATED;
                        f.report.problem(f.source, 1, "station " + code + " repeated in column " + (i + 1)
                                + " (first in column " + (first + 1) + "); the first column is kept");
                    } else {
                        map[i] = index.get(code);
                    }
                }
                f.seriesOfColumn = map;
            }
            LocalDate min = null;
            LocalDate max = null;
            for (FileInfo f : files) {
                if (f.homeDate != null) {
                    min = min == null || f.homeDate.isBefore(min) ? f.homeDate : min;
                    max = max == null || f.homeDate.isAfter(max) ? f.homeDate : max;
                }
            }
            firstDay = min == null ? LocalDate.of(1970, 1, 1) : min;
            hours = min == null ? 0 : (int) (ChronoUnit.DAYS.between(min, max) + 1) * 24;
            allocate();
        }

        void allocate() {
            int s = series.size();
            for (int t = 0; t < TYPES; t++) {
                if (isKept(t)) {
                    values[t] = new double[s][hours];
                }
            }
            rowFile = new int[hours * TYPES];
            Arrays.fill(rowFile, -1);
            rowLine = new long[hours * TYPES];
        }

        @Override
        public boolean isKept(int type) {
            return type < POLLUTANTS || keep.contains(OfficialColumn.values()[type - POLLUTANTS]);
        }

        /** Marks missing the hours of dates inside the range that no file claims. */
        void fillDaysWithoutFiles(Set<LocalDate> claimed) {
            for (int day = 0; day * 24 < hours; day++) {
                if (!claimed.contains(firstDay.plusDays(day))) {
                    fillMissing(day * 24);
                }
            }
        }

        void fillMissing(int from) {
            for (double[][] byType : values) {
                if (byType != null) {
                    for (double[] v : byType) {
                        Arrays.fill(v, from, from + 24, Double.NaN);
                    }
                }
            }
        }

        /** Reads the files of one date (or, with {@code day == null}, files whose date is unknown). */
        List<Stray> readDay(LocalDate day, List<FileInfo> group) {
            int base = day == null ? -1 : (int) ChronoUnit.DAYS.between(firstDay, day) * 24;
            if (base >= 0) {
                fillMissing(base);
            }
            byte[] dayBytes = day == null ? null
                    : String.format("%04d%02d%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()).getBytes(StandardCharsets.US_ASCII);
            List<Stray> strays = new ArrayList<>();
            Buffer buffer = buffers.get();
            for (FileInfo f : group) {
                String problem = load(f.path, buffer);
                if (problem != null) {
                    f.report.problem(f.source, 0, problem);
                    if (problem.startsWith("cannot read:")) {
                        continue;
                    }
                }
                new CnemcFileParser(buffer.bytes, buffer.length, f.order, f.source, f.codes, f.seriesOfColumn, f.report,
                        base, dayBytes, this, strays).parse();
            }
            return strays;
        }

        /**
         * Reads a whole file into the buffer, followed by a '\n' sentinel. A file cut short (a broken
         * download, a truncated .gz) keeps its complete lines before the cut. Returns the problem, or null.
         */
        String load(Path path, Buffer buffer) {
            int n = 0;
            String problem = null;
            try (InputStream in = InputFiles.open(path)) {
                while (true) {
                    if (n == buffer.bytes.length) {
                        buffer.bytes = Arrays.copyOf(buffer.bytes, n * 2);
                    }
                    int r = in.read(buffer.bytes, n, buffer.bytes.length - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
            } catch (IOException e) {
                problem = InputFiles.describe(e);
                int lastLineEnd = n - 1;
                while (lastLineEnd >= 0 && buffer.bytes[lastLineEnd] != '\n') {
                    lastLineEnd--;
                }
                n = lastLineEnd + 1;
                if (n == 0) {
                    return "cannot read: " + problem;
                }
                long lines = 0;
                for (int i = 0; i < n; i++) {
                    lines += buffer.bytes[i] == '\n' ? 1 : 0;
                }
                problem = "cannot read past line " + lines + ": " + problem + "; the lines before are kept";
            }
            if (n == buffer.bytes.length) {
                buffer.bytes = Arrays.copyOf(buffer.bytes, n + 1);
            }
            buffer.bytes[n] = '\n';
            buffer.length = n;
            return problem;
        }

        /** Rows dated outside their file's date: grow the grid if needed, then apply them in file order. */
        void applyStrays(List<Stray> strays) {
            if (strays.isEmpty()) {
                return;
            }
            strays.sort((a, b) -> a.file() != b.file() ? Integer.compare(a.file(), b.file()) : Long.compare(a.line(), b.line()));
            LocalDate min = hours == 0 ? null : firstDay;
            LocalDate max = hours == 0 ? null : firstDay.plusDays(hours / 24 - 1);
            for (Stray r : strays) {
                LocalDate d = r.hour().toLocalDate();
                min = min == null || d.isBefore(min) ? d : min;
                max = max == null || d.isAfter(max) ? d : max;
            }
            grow(min, max);
            for (Stray r : strays) {
                int h = (int) ChronoUnit.HOURS.between(firstDay.atStartOfDay(), r.hour());
                String taken = claim(h, r.type(), r.file(), r.line());
                if (taken != null) {
                    FileInfo f = files.get(r.file());
                    f.report.problem(f.source, r.line(), taken);
                    continue;
                }
                double[][] dest = values[r.type()];
                for (int s = 0; s < r.values().length; s++) {
                    if (!Double.isNaN(r.values()[s])) {
                        dest[s][h] = r.values()[s];
                    }
                }
            }
        }

        void grow(LocalDate min, LocalDate max) {
            int newHours = (int) (ChronoUnit.DAYS.between(min, max) + 1) * 24;
            int shift = (int) ChronoUnit.DAYS.between(min, firstDay) * 24;
            if (newHours == hours && shift == 0) {
                return;
            }
            double[][][] old = values;
            int[] oldFile = rowFile;
            long[] oldLine = rowLine;
            int oldHours = hours;
            firstDay = min;
            hours = newHours;
            values = new double[TYPES][][];
            allocate();
            for (int t = 0; t < TYPES; t++) {
                if (old[t] == null) {
                    continue;
                }
                for (int s = 0; s < old[t].length; s++) {
                    Arrays.fill(values[t][s], Double.NaN);
                    System.arraycopy(old[t][s], 0, values[t][s], shift, oldHours);
                }
            }
            System.arraycopy(oldFile, 0, rowFile, shift * TYPES, oldFile.length);
            System.arraycopy(oldLine, 0, rowLine, shift * TYPES, oldLine.length);
        }

        @Override
        public String claim(int hour, int type, int file, long line) {
            int key = hour * TYPES + type;
            if (rowFile[key] >= 0) {
                return repeatMessage(firstDay.atStartOfDay().plusHours(hour), type, rowFile[key], rowLine[key]);
            }
            rowFile[key] = file;
            rowLine[key] = line;
            return null;
        }

        @Override
        public double[][] values(int type) {
            return values[type];
        }

        @Override
        public int seriesCount() {
            return series.size();
        }

        String repeatMessage(LocalDateTime hour, int type, int firstFile, long firstLine) {
            return "repeated row: hour " + hour.toLocalDate() + " " + hour.getHour() + " " + CnemcFileParser.typeLabel(type)
                    + " was already read at " + files.get(firstFile).source + ":" + firstLine + "; the first is kept";
        }
    }

    /** The date of a data row (its first field, YYYYMMDD), or null. */
    private static LocalDate dateOf(byte[] line) {
        int comma = -1;
        for (int i = 0; i < line.length; i++) {
            if (line[i] == ',') {
                comma = i;
                break;
            }
        }
        return comma == 8 ? CnemcFileParser.parseDate(line, 0) : null;
    }

    private static byte[] trimLine(byte[] line) {
        int end = line.length;
        if (end > 0 && line[end - 1] == '\r') {
            end--;
        }
        return end == line.length ? line : Arrays.copyOf(line, end);
    }

    private static <T> List<T> runAll(ExecutorService pool, Collection<? extends Callable<T>> tasks) {
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }
}
