package org.envhub.standards.water;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.envhub.standards.air.ConcentrationRounding;
import org.envhub.standards.air.stats.Period;

/**
 * A period's surface-water report, what {@code envhub water report} prints: each section's class over the
 * period, its target and attainment, main pollutants and CWQI; and each city's good-water ratio, rating,
 * CWQI, rank and change.
 *
 * <ul>
 *   <li>Sections: those listed in the section list, in its order, then those only in the samples, by
 *       code. A listed section without samples in the period has a row without a class and counts for
 *       nothing else.</li>
 *   <li>Cities: from the section list; sections it does not list (and all sections, without a list)
 *       belong to the city {@code -}.</li>
 *   <li>A city's rating applies the river and basin rule ({@link RiverRating}) to its sections: by
 *       shares from 5 sections, by the mean below.</li>
 *   <li>Cities are ranked by CWQI as published ({@link WaterOptions#cwqiDecimals()}), ascending, ties
 *       sharing a rank; a city without a CWQI is not ranked.</li>
 *   <li>With an earlier period, each city's CWQI change rate against it, on the published values.</li>
 * </ul>
 */
public final class WaterReport {

    /**
     * @param section  what is known of the section
     * @param period   its evaluation over the period; null without samples in it
     * @param attained whether it met its target; null without a target or a class
     */
    public record SectionRow(WaterSection section, PeriodEvaluation period, Boolean attained) {

        public WaterClass waterClass() { return period == null ? null : period.waterClass(); }

        public WaterBody body() { return period != null ? period.body() : section.body(); }
    }

    /**
     * @param city         the city
     * @param sections     its sections with a class in the period
     * @param goodSections of which I–III
     * @param goodRatio    their share (优良比例), a fraction; NaN without sections
     * @param rating       its rating by the river and basin rule; null without sections
     * @param cwqi         its CWQI, the mean of its sections'
     * @param rank         1 for the lowest CWQI; 0 when not ranked
     * @param withTarget   its sections with a target and a class
     * @param attained     of which attained
     * @param cwqiBefore   its CWQI in the earlier period; NaN when none
     * @param changeRate   (now − before)/before on published values, a fraction; NaN when none
     */
    public record CityRow(String city, int sections, int goodSections, double goodRatio, RiverRating rating, Cwqi cwqi,
                          int rank, int withTarget, int attained, double cwqiBefore, double changeRate) {}

    private final WaterRuleSet rules;
    private final Period period;
    private final Period compareWith;
    private final List<SectionRow> sections;
    private final List<CityRow> cities;
    private final List<String> notes;

    private WaterReport(WaterRuleSet rules, Period period, Period compareWith, List<SectionRow> sections,
                        List<CityRow> cities, List<String> notes) {
        this.rules = rules;
        this.period = period;
        this.compareWith = compareWith;
        this.sections = List.copyOf(sections);
        this.cities = List.copyOf(cities);
        this.notes = List.copyOf(notes);
    }

    /**
     * @param samples     the samples (others outside the period are ignored)
     * @param listed      the section list by code; empty for none
     * @param period      the period
     * @param compareWith an earlier period for the change rate, or null
     */
    public static WaterReport compute(List<WaterSample> samples, Map<String, WaterSection> listed, Period period,
                                      Period compareWith, WaterOptions options) {
        Objects.requireNonNull(period);
        Map<String, List<WaterSample>> bySection = new LinkedHashMap<>();
        for (WaterSample s : samples) {
            bySection.computeIfAbsent(s.section(), k -> new ArrayList<>()).add(s);
        }
        List<String> notes = new ArrayList<>();
        List<WaterSection> all = new ArrayList<>(listed.values());
        for (String code : new TreeSet<>(bySection.keySet())) {
            if (!listed.containsKey(code)) {
                all.add(WaterSection.unlisted(code));
                if (!listed.isEmpty()) {
                    notes.add("section " + code + " is not in the section list; it counts for city " + WaterSection.NO_CITY);
                }
            }
        }

        List<SectionRow> rows = new ArrayList<>();
        Map<String, List<PeriodEvaluation>> cityPeriods = new LinkedHashMap<>();
        Map<String, List<PeriodEvaluation>> cityBefore = new LinkedHashMap<>();
        Map<String, int[]> cityTargets = new LinkedHashMap<>();
        for (WaterSection section : all) {
            List<WaterSample> own = bySection.getOrDefault(section.code(), List.of());
            PeriodEvaluation p = PeriodEvaluation.of(section.code(), own, period.from(), period.to(), options);
            if (p != null && section.body() != null && section.body() != p.body()) {
                notes.add("section " + section.code() + " is listed as " + section.body().id() + " but sampled as "
                        + p.body().id() + "; the samples' " + p.body().id() + " limits apply");
            }
            Boolean attained = p == null ? null : p.attains(section.target());
            rows.add(new SectionRow(section, p, attained));
            List<PeriodEvaluation> periods = cityPeriods.computeIfAbsent(section.city(), k -> new ArrayList<>());
            int[] targets = cityTargets.computeIfAbsent(section.city(), k -> new int[2]);
            if (p != null && p.waterClass() != null) {
                periods.add(p);
                if (attained != null) {
                    targets[0]++;
                    targets[1] += attained ? 1 : 0;
                }
            }
            if (compareWith != null) {
                PeriodEvaluation b = PeriodEvaluation.of(section.code(), own, compareWith.from(), compareWith.to(), options);
                List<PeriodEvaluation> before = cityBefore.computeIfAbsent(section.city(), k -> new ArrayList<>());
                if (b != null && b.waterClass() != null) {
                    before.add(b);
                }
            }
        }

        List<String> cityNames = new ArrayList<>(cityPeriods.keySet());
        double[] published = new double[cityNames.size()];
        List<Cwqi> cityCwqi = new ArrayList<>();
        for (int i = 0; i < cityNames.size(); i++) {
            List<PeriodEvaluation> periods = cityPeriods.get(cityNames.get(i));
            Cwqi cwqi = Cwqi.ofCity(periods.stream().map(p -> p.evaluation().cwqi()).toList());
            cityCwqi.add(cwqi);
            published[i] = ConcentrationRounding.round(cwqi.value(), options.cwqiDecimals());
        }
        int[] ranks = Cwqi.rank(published, options.cwqiDecimals());
        List<CityRow> cityRows = new ArrayList<>();
        for (int i = 0; i < cityNames.size(); i++) {
            String city = cityNames.get(i);
            List<PeriodEvaluation> periods = cityPeriods.get(city);
            List<WaterClass> classes = periods.stream().map(PeriodEvaluation::waterClass).toList();
            int good = (int) classes.stream().filter(WaterClass::isGoodWater).count();
            double before = Double.NaN;
            if (compareWith != null) {
                List<PeriodEvaluation> b = cityBefore.getOrDefault(city, List.of());
                before = ConcentrationRounding.round(Cwqi.ofCity(b.stream().map(p -> p.evaluation().cwqi()).toList()).value(),
                        options.cwqiDecimals());
            }
            int[] targets = cityTargets.get(city);
            cityRows.add(new CityRow(city, periods.size(), good, GoodWaterRatio.of(classes), RiverRating.of(periods, options),
                    cityCwqi.get(i), ranks[i], targets[0], targets[1], before, Cwqi.changeRate(published[i], before)));
        }
        return new WaterReport(options.rules(), period, compareWith, rows, cityRows, notes);
    }

    /** The rule set every figure of this report was computed under. */
    public WaterRuleSet rules() { return rules; }

    public Period period() { return period; }

    /** The earlier period of the change rates, or null. */
    public Period compareWith() { return compareWith; }

    public List<SectionRow> sections() { return sections; }

    public List<CityRow> cities() { return cities; }

    /** Things worth telling the user that are not errors: unlisted sections, water bodies that disagree. */
    public List<String> notes() { return notes; }
}
