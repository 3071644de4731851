package org.envhub.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import org.envhub.standards.water.WaterBody;
import org.envhub.standards.water.WaterClass;
import org.envhub.standards.water.WaterItem;
import org.envhub.standards.water.WaterRuleSet;
import org.envhub.standards.water.WaterSampleReader;

/**
 * Writes a year of realistic monthly surface-water samples for 30 sections in three cities, in the wide
 * CSV layout of {@code envhub water}, with a section list and a handful of bad rows, for end-to-end
 * tests and demos.
 *
 * <ul>
 *   <li>青川市: 12 river sections, mostly clean (class I–III); one more listed, never sampled.</li>
 *   <li>白沙市: 10 river sections downstream of industry and farms, several IV, V or 劣Ⅴ.</li>
 *   <li>云湖市: 4 river sections, 3 lake points and a reservoir, where phosphorus and summer algae
 *       (pH towards 9, now and then above) decide.</li>
 * </ul>
 * Each section has its own pollution level; nutrients and organics rise in the dry winter months and DO
 * falls in the warm ones. Trace items below their detection limit are written {@code 0.00004L}; about 3%
 * of trace-item cells are empty. Values carry one decimal more than the 2020 rounding keeps, so that
 * rounding matters.
 *
 * <p>January to June go to a plain {@code .csv}, July to December to a {@code .csv.gz}. Seven bad rows
 * are slipped in ({@link #BAD_KINDS}); {@link Output#badRows()} says where. The output is the same for
 * the same seed.
 */
public final class SyntheticWaterYear {

    /** What the bad rows are, in the order they are listed in {@link Output#badRows()}. */
    public static final List<String> BAD_KINDS = List.of("impossible date", "unknown water body", "value not a number",
            "a column short", "negative value", "duplicate of an earlier sample", "lake section written as river");

    /**
     * @param sampleFiles the two sample files, January–June then July–December
     * @param sections    the section list
     * @param samples     how many good samples were written (sections × 12)
     * @param badRows     where each bad row is, in {@link #BAD_KINDS} order
     */
    public record Output(List<Path> sampleFiles, Path sections, int samples, List<BadRow> badRows) {}

    /** A bad row: its file, its 1-based line and what is wrong with it. */
    public record BadRow(Path file, long line, String kind) {}

    private record Section(String code, String name, String city, String district, WaterBody body, double level, WaterClass target) {}

    /** Detection limits of the trace items (mg/L), below which a value is written with an L. */
    private static final double[][] DETECTION = {
            {WaterItem.HG.ordinal(), 0.00004}, {WaterItem.CD.ordinal(), 0.0005}, {WaterItem.PB.ordinal(), 0.001},
            {WaterItem.CN.ordinal(), 0.004}, {WaterItem.PHENOL.ordinal(), 0.0003}, {WaterItem.SULFIDE.ordinal(), 0.005},
            {WaterItem.PETROLEUM.ordinal(), 0.01}, {WaterItem.CR6.ordinal(), 0.004}, {WaterItem.AS.ordinal(), 0.0003},
            {WaterItem.SE.ordinal(), 0.0004}};

    private final long seed;

    public SyntheticWaterYear(long seed) {
        this.seed = seed;
    }

    public Output write(int year, Path dir) {
        try {
            Files.createDirectories(dir);
            List<Section> sections = sections();
            Path list = dir.resolve("sections.csv");
            writeSections(sections, list);

            SplittableRandom random = new SplittableRandom(seed);
            List<String> h1 = new ArrayList<>();
            List<String> h2 = new ArrayList<>();
            int samples = 0;
            for (int month = 1; month <= 12; month++) {
                for (Section s : sections) {
                    if (s.level() < 0) {
                        continue;
                    }
                    (month <= 6 ? h1 : h2).add(row(s, year, month, random));
                    samples++;
                }
            }
            Path first = dir.resolve("water-" + year + "-h1.csv");
            Path second = dir.resolve("water-" + year + "-h2.csv.gz");
            List<BadRow> bad = new ArrayList<>();
            String header = WaterSampleReader.FULL_HEADER;

            // January–June: four bad rows at seeded places, each a damaged copy of the good row before it
            List<String> lines1 = new ArrayList<>(h1);
            String[] kinds1 = {BAD_KINDS.get(0), BAD_KINDS.get(1), BAD_KINDS.get(2), BAD_KINDS.get(3)};
            int[] at1 = places(random, lines1.size(), kinds1.length);
            for (int k = kinds1.length - 1; k >= 0; k--) {
                lines1.add(at1[k], damage(lines1.get(at1[k] - 1), k, year));
            }
            // inserted from the back, so the k-th bad row has the k before it in front: index at[k] + k, line + 2
            for (int k = 0; k < kinds1.length; k++) {
                bad.add(new BadRow(first, at1[k] + k + 2, kinds1[k]));
            }

            // July–December: a negative value, a duplicate and a lake point written as a river
            List<String> lines2 = new ArrayList<>(h2);
            int[] at2 = places(random, lines2.size(), 3);
            String lakeRow = lines2.stream().filter(l -> l.contains(",lake,")).findFirst().orElseThrow();
            String[] rows2 = {damage(lines2.get(at2[0] - 1), 4, year), lines2.get(at2[1] - 1),
                    lakeRow.replaceFirst("-\\d\\dT", "-28T").replace(",lake,", ",river,")};
            for (int k = 2; k >= 0; k--) {
                lines2.add(at2[k], rows2[k]);
            }
            for (int k = 0; k < 3; k++) {
                bad.add(new BadRow(second, at2[k] + k + 2, BAD_KINDS.get(4 + k)));
            }

            writeText(first, header, lines1, false);
            writeText(second, header, lines2, true);
            return new Output(List.of(first, second), list, samples, List.copyOf(bad));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code n} distinct sorted places in 1..size (a bad row goes before the line at that place). */
    private static int[] places(SplittableRandom random, int size, int n) {
        TreeSet<Integer> set = new TreeSet<>();
        while (set.size() < n) {
            set.add(random.nextInt(1, size));
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A damaged copy of a good row. */
    private static String damage(String good, int kind, int year) {
        String[] f = good.split(",", -1);
        switch (kind) {
            case 0 -> f[1] = year + "-02-30";
            case 1 -> f[2] = "stream";
            case 2 -> f[3 + WaterItem.NH3N.ordinal()] = "0..5";
            case 3 -> {
                return good.substring(0, good.lastIndexOf(','));
            }
            case 4 -> f[3 + WaterItem.COD.ordinal()] = "-3";
            default -> throw new IllegalArgumentException("kind " + kind);
        }
        return String.join(",", f);
    }

    private static List<Section> sections() {
        List<Section> s = new ArrayList<>();
        double[] qc = {0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9};
        String[] qcDistricts = {"东城区", "西城区", "北山县"};
        for (int i = 0; i < qc.length; i++) {
            s.add(new Section(String.format("QC%02d", i + 1), (i < 6 ? "青川河" : "白石溪") + "断面" + (i % 6 + 1), "青川市",
                    qcDistricts[i % 3], WaterBody.RIVER, qc[i], qc[i] < 0.5 ? WaterClass.II : WaterClass.III));
        }
        s.add(new Section("QC13", "青川河新设断面", "青川市", "东城区", WaterBody.RIVER, -1, WaterClass.III));
        double[] bs = {0.6, 0.75, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.9, 2.3};
        for (int i = 0; i < bs.length; i++) {
            s.add(new Section(String.format("BS%02d", i + 1), "沙河断面" + (i + 1), "白沙市", i < 5 ? "工业园区" : "沙南县",
                    WaterBody.RIVER, bs[i], bs[i] < 0.8 ? WaterClass.III : bs[i] < 1.5 ? WaterClass.IV : WaterClass.V));
        }
        double[] yh = {0.4, 0.55, 0.7, 0.85};
        for (int i = 0; i < yh.length; i++) {
            s.add(new Section(String.format("YH%02d", i + 1), "入湖河流断面" + (i + 1), "云湖市", "湖滨区", WaterBody.RIVER, yh[i],
                    WaterClass.III));
        }
        s.add(new Section("YH-L1", "云湖湖心", "云湖市", "湖滨区", WaterBody.LAKE, 0.7, WaterClass.III));
        s.add(new Section("YH-L2", "云湖北湾", "云湖市", "湖滨区", WaterBody.LAKE, 0.95, WaterClass.III));
        s.add(new Section("YH-L3", "云湖南湾", "云湖市", "湖滨区", WaterBody.LAKE, 1.2, WaterClass.IV));
        s.add(new Section("YH-R1", "青龙水库", "云湖市", "山前县", WaterBody.RESERVOIR, 0.35, WaterClass.II));
        return s;
    }

    private static void writeSections(List<Section> sections, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Section s : sections) {
            lines.add(String.join(",", s.code(), s.name(), s.city(), s.district(), s.body().id(), s.target().label()));
        }
        writeText(file, "section,name,city,district,water_body,target", lines, false);
    }

    /** One sample of a section in a month. */
    private static String row(Section s, int year, int month, SplittableRandom random) {
        LocalDateTime time = LocalDate.of(year, month, random.nextInt(5, 16)).atTime(random.nextInt(8, 12), random.nextInt(0, 60));
        // 1 in the dry winter (Dec–Feb), 0 in midsummer (Jul–Aug): nutrients up, DO up in the cold
        double winter = (Math.cos((month - 1) * Math.PI / 6) + 1) / 2;
        double level = s.level() * (0.85 + 0.35 * winter);
        StringBuilder sb = new StringBuilder();
        sb.append(s.code()).append(',').append(time).append(',').append(s.body().id());
        WaterRuleSet rules = WaterRuleSet.GB3838_2002;
        for (WaterItem item : WaterItem.values()) {
            double noise = Math.exp(0.22 * random.nextGaussian());
            double v = switch (item) {
                case PH -> s.body().lakeLimits() ? 7.6 + 1.0 * (1 - winter) + 0.25 * random.nextGaussian() : 7.5 + 0.3 * random.nextGaussian();
                case DO -> Math.max(0.5, (7.5 + 3.5 * winter) * (1.1 - 0.3 * s.level()) * Math.exp(0.08 * random.nextGaussian()));
                case TN -> 1.4 * level * noise;
                case FECAL_COLIFORM -> 4000 * level * noise;
                case CU -> 0.004 * noise;
                case ZN -> 0.03 * noise;
                case F -> 0.35 * noise;
                case SE -> 0.0004 * noise;
                case AS -> 0.002 * noise;
                case HG -> 0.00003 * level * noise;
                case CD -> 0.0004 * noise;
                case CR6 -> 0.005 * level * noise;
                case PB -> 0.002 * level * noise;
                case CN -> 0.003 * level * noise;
                case PHENOL -> 0.0008 * level * noise;
                case PETROLEUM -> 0.02 * level * noise;
                case LAS -> 0.05 * level * noise;
                case SULFIDE -> 0.008 * level * noise;
                case TP -> rules.limits().classIII(WaterItem.TP, s.body()) * 0.75 * level * (s.body().lakeLimits() ? 1.3 - 0.6 * winter : 1) * noise;
                default -> rules.limits().classIII(item, s.body()) * 0.7 * level * noise;
            };
            sb.append(',').append(cell(item, v, random));
        }
        return sb.toString();
    }

    private static String cell(WaterItem item, double v, SplittableRandom random) {
        boolean basic = switch (item) {
            case PH, DO, CODMN, NH3N, TP, TN -> true;
            default -> false;
        };
        if (!basic && random.nextInt(100) < 3) {
            return "";
        }
        for (double[] d : DETECTION) {
            if ((int) d[0] == item.ordinal() && v < d[1]) {
                return plain(d[1]) + "L";
            }
        }
        int decimals = switch (item) {
            case PH -> 2;
            case FECAL_COLIFORM -> 0;
            case DO, CODMN, COD, BOD5 -> 2;
            case NH3N, TN, PETROLEUM, LAS -> 3;
            case TP, CU, ZN, F, CR6, PB, CN, SULFIDE -> 4;
            case SE, AS, PHENOL -> 5;
            case HG, CD -> 6;
        };
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static void writeText(Path file, String header, List<String> lines, boolean gzip) throws IOException {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }
}
