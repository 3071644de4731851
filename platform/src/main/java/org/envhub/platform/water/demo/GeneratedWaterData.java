package org.envhub.platform.water.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.envhub.standards.water.WaterBody;
import org.envhub.standards.water.WaterClass;
import org.envhub.standards.water.WaterItem;
import org.envhub.standards.water.WaterRuleSet;
import org.envhub.standards.water.WaterSampleReader;

/**
 * <b>GENERATED, NOT REAL DATA.</b> A made-up surface-water data set for the demo and the end-to-end tests: 31 sections
 * (28 national and provincial, 3 municipal) on real rivers, lakes and reservoirs in the districts of 济南 (Jinan,
 * Shandong), with plausible coordinates, and monthly laboratory samples from January 2024 to June 2025 drawn from a
 * seeded random generator. No value was measured by anyone; place names are real, the numbers are not.
 *
 * <p>How the numbers are made, so that the pages have something to show:
 * <ul>
 *   <li>each section's items sit at a chosen share of its target class's limits, with seasons: ammonia nitrogen
 *       and total nitrogen peak in winter, phosphorus and the oxygen-demand items in the summer rains, dissolved
 *       oxygen follows the water temperature (high in winter); 2025 is a little cleaner than 2024;</li>
 *   <li>national sections are sampled for every item (metals mostly below detection, written {@code 0.00004L}),
 *       provincial ones for eleven, municipal ones for six, so CWQI item counts differ;</li>
 *   <li>four sections miss their target in part of the year (兴济河, 商中河, 德惠新河, 白云湖);</li>
 *   <li>June 2025 is the month in progress (samples to the 18th), with intensified (加密) weekly samples at the
 *       sections at risk: 小清河辛丰庄's ammonia nitrogen rising week by week, 徒骇河's phosphorus and 雪野水库's
 *       phosphorus close to their limits, 玉符河's permanganate index close to its limit, 兴济河 already over.</li>
 * </ul>
 * {@code envhub water demo-data --out DIR} writes the files; {@code data/water-generated/} holds them, and a test
 * checks that they are exactly what this class writes.
 */
public final class GeneratedWaterData {

    public static final String SECTIONS_FILE = "sections.csv";
    public static final String SAMPLES_FILE = "samples.csv";
    public static final YearMonth FIRST_MONTH = YearMonth.of(2024, 1);
    public static final YearMonth LAST_MONTH = YearMonth.of(2025, 6);
    /** The last sampling day: June 2025 is the month in progress. */
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 6, 18);

    private static final long SEED = 20250618L;

    /** How a section behaves. */
    enum Fate { GOOD, TYPICAL, FAILING_NH3N, FAILING_TP, FAILING_COD, RISING_NH3N, NEAR_TP, NEAR_CODMN, OVER_NH3N }

    /**
     * One section of the set.
     *
     * @param share the share of the target's limits its oxygen-demand and nutrient items sit at, on average
     */
    record Section(String code, String name, String level, WaterBody body, String water, String basin, String district,
                   double lon, double lat, WaterClass target, double share, Fate fate, String mn) {}

    static final List<Section> SECTIONS = List.of(
            // 黄河流域: the Yellow River and the rivers and reservoirs that feed it
            s("JN-HH01", "黄河平阴", "national", WaterBody.RIVER, "黄河", "黄河流域", "平阴县", 116.445, 36.312, WaterClass.III, 0.55, Fate.GOOD, null),
            s("JN-HH02", "黄河长清", "national", WaterBody.RIVER, "黄河", "黄河流域", "长清区", 116.705, 36.567, WaterClass.III, 0.55, Fate.GOOD, null),
            s("JN-HH03", "黄河泺口", "national", WaterBody.RIVER, "黄河", "黄河流域", "天桥区", 116.992, 36.731, WaterClass.III, 0.58, Fate.GOOD, "88888880000001"),
            s("JN-HH04", "黄河济阳", "provincial", WaterBody.RIVER, "黄河", "黄河流域", "济阳区", 117.208, 36.887, WaterClass.III, 0.6, Fate.TYPICAL, null),
            s("JN-YF01", "玉符河罗而庄", "provincial", WaterBody.RIVER, "玉符河", "黄河流域", "槐荫区", 116.872, 36.658, WaterClass.III, 0.68, Fate.NEAR_CODMN, null),
            s("JN-BD01", "北大沙河崮山", "provincial", WaterBody.RIVER, "北大沙河", "黄河流域", "长清区", 116.853, 36.520, WaterClass.IV, 0.52, Fate.TYPICAL, null),
            s("JN-ND01", "南大沙河入黄口", "provincial", WaterBody.RIVER, "南大沙河", "黄河流域", "长清区", 116.672, 36.466, WaterClass.IV, 0.55, Fate.TYPICAL, null),
            s("JN-LX01", "浪溪河入黄口", "provincial", WaterBody.RIVER, "浪溪河", "黄河流域", "平阴县", 116.431, 36.268, WaterClass.III, 0.65, Fate.TYPICAL, null),
            s("JN-DW01", "大汶河莱芜", "national", WaterBody.RIVER, "大汶河", "黄河流域", "莱芜区", 117.602, 36.188, WaterClass.III, 0.62, Fate.TYPICAL, "88888880000002"),
            s("JN-DW02", "牟汶河钢城", "provincial", WaterBody.RIVER, "牟汶河", "黄河流域", "钢城区", 117.803, 36.062, WaterClass.III, 0.66, Fate.TYPICAL, null),
            s("JN-YW01", "瀛汶河口镇", "provincial", WaterBody.RIVER, "瀛汶河", "黄河流域", "莱芜区", 117.553, 36.318, WaterClass.III, 0.6, Fate.TYPICAL, null),
            s("JN-XY01", "雪野水库", "national", WaterBody.RESERVOIR, "雪野水库", "黄河流域", "莱芜区", 117.562, 36.402, WaterClass.II, 0.72, Fate.NEAR_TP, null),
            s("JN-YZ01", "鹏山水库", "provincial", WaterBody.RESERVOIR, "鹏山水库", "黄河流域", "莱芜区", 117.686, 36.238, WaterClass.III, 0.5, Fate.GOOD, null),
            s("JN-WH01", "卧虎山水库", "provincial", WaterBody.RESERVOIR, "卧虎山水库", "黄河流域", "市中区", 117.018, 36.498, WaterClass.II, 0.55, Fate.GOOD, null),
            s("JN-JX01", "锦绣川水库", "provincial", WaterBody.RESERVOIR, "锦绣川水库", "黄河流域", "历城区", 117.162, 36.502, WaterClass.II, 0.5, Fate.GOOD, null),
            s("JN-YQ01", "玉清湖水库", "provincial", WaterBody.RESERVOIR, "玉清湖水库", "黄河流域", "槐荫区", 116.812, 36.702, WaterClass.II, 0.6, Fate.GOOD, null),
            s("JN-QS01", "鹊山水库", "provincial", WaterBody.RESERVOIR, "鹊山水库", "黄河流域", "天桥区", 116.978, 36.764, WaterClass.II, 0.62, Fate.TYPICAL, null),
            // 小清河流域
            s("JN-XQ01", "小清河睦里庄", "national", WaterBody.RIVER, "小清河", "小清河流域", "槐荫区", 116.885, 36.679, WaterClass.III, 0.62, Fate.TYPICAL, null),
            s("JN-XQ02", "小清河五柳闸", "provincial", WaterBody.RIVER, "小清河", "小清河流域", "天桥区", 117.003, 36.700, WaterClass.IV, 0.55, Fate.TYPICAL, null),
            s("JN-XQ03", "小清河还乡店", "national", WaterBody.RIVER, "小清河", "小清河流域", "历城区", 117.121, 36.724, WaterClass.IV, 0.6, Fate.TYPICAL, null),
            s("JN-XQ04", "小清河辛丰庄", "national", WaterBody.RIVER, "小清河", "小清河流域", "章丘区", 117.352, 36.852, WaterClass.IV, 0.55, Fate.RISING_NH3N, null),
            s("JN-JY01", "巨野河入小清河口", "provincial", WaterBody.RIVER, "巨野河", "小清河流域", "历城区", 117.251, 36.772, WaterClass.IV, 0.5, Fate.TYPICAL, null),
            s("JN-XJ01", "绣江河水寨", "provincial", WaterBody.RIVER, "绣江河", "小清河流域", "章丘区", 117.523, 36.781, WaterClass.IV, 0.48, Fate.TYPICAL, null),
            s("JN-BY01", "白云湖湖心", "provincial", WaterBody.LAKE, "白云湖", "小清河流域", "章丘区", 117.402, 36.833, WaterClass.IV, 0.85, Fate.FAILING_TP, null),
            s("JN-DM01", "大明湖湖心", "municipal", WaterBody.LAKE, "大明湖", "小清河流域", "历下区", 117.021, 36.675, WaterClass.III, 0.6, Fate.TYPICAL, null),
            s("JN-XZ01", "兴济河入小清河口", "municipal", WaterBody.RIVER, "兴济河", "小清河流域", "天桥区", 116.951, 36.690, WaterClass.IV, 0.85, Fate.OVER_NH3N, null),
            // 海河流域 (徒骇河、德惠新河 flow to the Bohai Sea through the Haihe basin's southern rivers)
            s("JN-TH01", "徒骇河济阳", "national", WaterBody.RIVER, "徒骇河", "海河流域", "济阳区", 117.105, 36.985, WaterClass.IV, 0.6, Fate.NEAR_TP, null),
            s("JN-TH02", "徒骇河营子闸", "provincial", WaterBody.RIVER, "徒骇河", "海河流域", "济阳区", 117.285, 37.052, WaterClass.IV, 0.55, Fate.TYPICAL, null),
            s("JN-DH01", "德惠新河商河", "national", WaterBody.RIVER, "德惠新河", "海河流域", "商河县", 117.152, 37.318, WaterClass.IV, 0.82, Fate.FAILING_COD, null),
            s("JN-SS01", "沙河商河", "provincial", WaterBody.RIVER, "沙河", "海河流域", "商河县", 117.238, 37.262, WaterClass.IV, 0.55, Fate.TYPICAL, null),
            s("JN-SZ01", "商中河入德惠新河口", "municipal", WaterBody.RIVER, "商中河", "海河流域", "商河县", 117.201, 37.285, WaterClass.V, 0.82, Fate.FAILING_NH3N, null));

    private static Section s(String code, String name, String level, WaterBody body, String water, String basin, String district, double lon,
                             double lat, WaterClass target, double share, Fate fate, String mn) {
        return new Section(code, name, level, body, water, basin, district, lon, lat, target, share, fate, mn);
    }

    private GeneratedWaterData() {}

    /** The sections registry file: the columns the registry import reads ({@code section} doubles as the CLI's key). */
    public static String sectionsCsv() {
        StringBuilder sb = new StringBuilder("section,name,level,water_body,water_name,basin,province,city,district,longitude,latitude,target,active,station_mn\n");
        for (Section s : SECTIONS) {
            sb.append(String.join(",", s.code(), s.name(), s.level(), s.body().id(), s.water(), s.basin(), "山东", "济南", s.district(),
                    Double.toString(s.lon()), Double.toString(s.lat()), s.target().label(), "Y", s.mn() == null ? "" : s.mn())).append('\n');
        }
        return sb.toString();
    }

    /** The samples file, in the wide layout of {@code envhub water} and the platform import. */
    public static String samplesCsv() {
        Random random = new Random(SEED);
        StringBuilder sb = new StringBuilder(WaterSampleReader.FULL_HEADER).append('\n');
        for (YearMonth m = FIRST_MONTH; !m.isAfter(LAST_MONTH); m = m.plusMonths(1)) {
            for (Section s : SECTIONS) {
                for (LocalDateTime t : times(s, m, random)) {
                    sb.append(row(s, t, random)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** The sampling times of a section in a month: once (days 6–12), weekly in June 2025 at the sections at risk. */
    private static List<LocalDateTime> times(Section s, YearMonth m, Random random) {
        int day = 6 + random.nextInt(7);
        LocalDateTime regular = m.atDay(day).atTime(9 + random.nextInt(6), random.nextBoolean() ? 0 : 30);
        if (!m.equals(LAST_MONTH) || s.fate() == Fate.GOOD || s.fate() == Fate.TYPICAL || s.fate().name().startsWith("FAILING")) {
            return List.of(regular);
        }
        List<LocalDateTime> list = new ArrayList<>();
        for (int d : new int[] {2, 9, 16}) {
            list.add(m.atDay(d).atTime(10, 0));
        }
        return list;
    }

    private static String row(Section s, LocalDateTime t, Random random) {
        Map<WaterItem, String> v = values(s, t, random);
        StringBuilder sb = new StringBuilder(s.code()).append(',').append(t.toString().replace("T", " ")).append(',').append(s.body().id());
        for (WaterItem item : WaterItem.values()) {
            sb.append(',').append(v.getOrDefault(item, ""));
        }
        return sb.toString();
    }

    private static Map<WaterItem, String> values(Section s, LocalDateTime t, Random random) {
        int month = t.getMonthValue();
        double winter = Math.cos(2 * Math.PI * (month - 1.5) / 12);   // 1 in mid-January, -1 in mid-July
        double summer = -winter;
        double improving = t.getYear() >= 2025 ? 0.95 : 1.0;
        double share = s.share() * improving;
        WaterRuleSet rules = WaterRuleSet.GB3838_2002;
        Map<WaterItem, String> v = new EnumMap<>(WaterItem.class);
        boolean june = YearMonth.from(t).equals(LAST_MONTH);
        int week = june ? (t.getDayOfMonth() - 2) / 7 : 0;   // 0, 1, 2 for the 2nd, 9th, 16th

        double nh3n = share * limit(rules, WaterItem.NH3N, s) * (1 + 0.35 * winter) * noise(random);
        double tp = share * limit(rules, WaterItem.TP, s) * (1 + 0.3 * summer) * noise(random);
        double codmn = share * limit(rules, WaterItem.CODMN, s) * (1 + 0.12 * summer) * noise(random);
        double cod = share * limit(rules, WaterItem.COD, s) * (1 + 0.12 * summer) * noise(random);
        double bod5 = share * limit(rules, WaterItem.BOD5, s) * (1 + 0.12 * summer) * noise(random);
        double doSaturated = 8.9 + 1.8 * winter;
        double dissolved = Math.max(2.2, doSaturated - 2.2 * Math.max(0, share - 0.5) - (s.body() == WaterBody.RIVER ? 0 : 0.3)) * noise(random, 0.06);
        switch (s.fate()) {
            case FAILING_NH3N -> nh3n *= 1.15 + 0.25 * winter;
            case FAILING_TP -> tp *= 1.05 + 0.25 * summer;
            case FAILING_COD -> {
                codmn *= 1.0 + 0.2 * summer;
                cod *= 1.0 + 0.2 * summer;
            }
            case OVER_NH3N -> nh3n = june ? 1.55 + 0.08 * week + 0.03 * random.nextGaussian() : nh3n * (1.05 + 0.15 * winter);
            case RISING_NH3N -> nh3n = june ? 1.05 + 0.20 * week + 0.02 * random.nextGaussian()
                    : t.getYear() == 2025 && month == 5 ? 0.85 : nh3n;
            case NEAR_TP -> tp = june ? limit(rules, WaterItem.TP, s) * (0.86 + 0.02 * random.nextGaussian()) : tp;
            case NEAR_CODMN -> codmn = june ? limit(rules, WaterItem.CODMN, s) * (0.86 + 0.02 * random.nextGaussian()) : codmn;
            default -> { }
        }
        double tn = (s.body() == WaterBody.RIVER ? 2.2 : 0.9) * (share / 0.6) * (1 + 0.25 * winter) * noise(random);

        v.put(WaterItem.PH, fixed(7.65 + 0.25 * summer + 0.12 * random.nextGaussian(), 2));
        v.put(WaterItem.DO, fixed(dissolved, 1));
        v.put(WaterItem.CODMN, fixed(codmn, 1));
        v.put(WaterItem.COD, fixed(Math.max(cod, 4), 0));
        v.put(WaterItem.NH3N, fixed(Math.max(nh3n, 0.03), 3));
        v.put(WaterItem.TP, fixed(Math.max(tp, 0.005), 3));
        boolean provincialOrMore = !s.level().equals("municipal");
        if (provincialOrMore) {
            v.put(WaterItem.BOD5, fixed(Math.max(bod5, 0.6), 1));
            v.put(WaterItem.TN, fixed(tn, 2));
            v.put(WaterItem.F, fixed(0.45 + 0.15 * random.nextDouble(), 3));
            v.put(WaterItem.PETROLEUM, random.nextInt(3) == 0 ? "0.01L" : fixed(0.01 + 0.02 * random.nextDouble(), 2));
            v.put(WaterItem.PHENOL, random.nextInt(2) == 0 ? "0.0003L" : fixed(0.0004 + 0.0008 * random.nextDouble(), 4));
        }
        if (s.level().equals("national")) {
            v.put(WaterItem.CU, random.nextInt(2) == 0 ? "0.001L" : fixed(0.001 + 0.004 * random.nextDouble(), 3));
            v.put(WaterItem.ZN, random.nextInt(2) == 0 ? "0.05L" : fixed(0.05 + 0.03 * random.nextDouble(), 3));
            v.put(WaterItem.SE, "0.0004L");
            v.put(WaterItem.AS, fixed(0.0005 + 0.0015 * random.nextDouble(), 4));
            v.put(WaterItem.HG, "0.00004L");
            v.put(WaterItem.CD, "0.0001L");
            v.put(WaterItem.CR6, "0.004L");
            v.put(WaterItem.PB, random.nextInt(3) == 0 ? fixed(0.001 + 0.002 * random.nextDouble(), 3) : "0.001L");
            v.put(WaterItem.CN, "0.004L");
            v.put(WaterItem.LAS, random.nextInt(2) == 0 ? "0.05L" : fixed(0.05 + 0.04 * random.nextDouble(), 2));
            v.put(WaterItem.SULFIDE, random.nextInt(2) == 0 ? "0.005L" : fixed(0.005 + 0.01 * random.nextDouble(), 3));
            v.put(WaterItem.FECAL_COLIFORM, Long.toString(Math.round(Math.exp(6.5 + 1.2 * random.nextDouble() + (summer + 1)))));
        }
        return v;
    }

    private static double limit(WaterRuleSet rules, WaterItem item, Section s) {
        return rules.limits().limit(item, s.target(), s.body());
    }

    private static double noise(Random random) {
        return noise(random, 0.12);
    }

    /** A multiplicative log-normal error. */
    private static double noise(Random random, double sigma) {
        return Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
    }

    private static String fixed(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
