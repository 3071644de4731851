package org.envhub.platform.water;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.envhub.platform.air.AirTime;
import org.envhub.standards.air.ConcentrationRounding;
import org.envhub.standards.water.Cwqi;
import org.envhub.standards.water.GoodWaterRatio;
import org.envhub.standards.water.MainPollutant;
import org.envhub.standards.water.PeriodEvaluation;
import org.envhub.standards.water.RiverRating;
import org.envhub.standards.water.WaterBody;
import org.envhub.standards.water.WaterClass;
import org.envhub.standards.water.WaterEvaluation;
import org.envhub.standards.water.WaterItem;
import org.envhub.standards.water.WaterOptions;
import org.envhub.standards.water.WaterReport;
import org.envhub.standards.water.WaterSample;
import org.envhub.standards.water.WaterSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored evaluations (月度、年度评价), each with the rule set that produced it: every active section over each
 * month and year (the mean of the period's samples, rounded by the 2020 rule, then classified, with main pollutants,
 * CWQI and attainment of its target), and every city, district, river and basin (good-water ratio, share of 劣V,
 * the river and basin rating, CWQI mean and rank). All of it is computed by the standards library
 * ({@link WaterReport}); this class only groups the sections and stores the results.
 *
 * <p>Recomputed for the months (and their years) whose samples change, and in full when the registry changes
 * (a target, a district or a water body changes every period's figures).
 */
@Service
public class WaterEvaluations {

    public static final String CITY = "city";
    public static final String DISTRICT = "district";
    public static final String RIVER = "river";
    public static final String BASIN = "basin";

    private static final Logger log = LoggerFactory.getLogger(WaterEvaluations.class);

    private final WaterSectionRepository sections;
    private final WaterSampleStore samples;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final WaterOptions defaults = WaterOptions.defaults();

    public WaterEvaluations(WaterSectionRepository sections, WaterSampleStore samples, JdbcClient jdbc, JdbcTemplate template,
                            TransactionTemplate tx) {
        this.sections = sections;
        this.samples = samples;
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
    }

    /** The options every stored figure is computed with: the library's defaults under the period's rule set. */
    public WaterOptions options(WaterPeriod period) {
        return defaults.withRules(period.rules());
    }

    /** Recomputes these months and the years they fall in. */
    public synchronized void recompute(Collection<YearMonth> months) {
        if (months.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        List<WaterSectionView> registry = sections.all().stream().filter(WaterSectionView::active).toList();
        Set<Integer> years = new TreeSet<>();
        for (YearMonth m : new TreeSet<>(months)) {
            evaluate(WaterPeriod.month(m), registry);
            years.add(m.getYear());
        }
        for (int y : years) {
            evaluate(WaterPeriod.year(y), registry);
        }
        log.debug("water evaluations of {} months and {} years recomputed in {} ms", months.size(), years.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Recomputes every month with samples (after a registry change). */
    public void recomputeAll() {
        recompute(samples.months());
    }

    private void evaluate(WaterPeriod period, List<WaterSectionView> registry) {
        WaterOptions options = options(period);
        Map<String, WaterBody> bodies = new HashMap<>();
        registry.forEach(s -> bodies.put(s.code(), WaterBody.parse(s.waterBody())));
        List<WaterSample> all = samples.samples(period.start(), period.end(), bodies);
        String rules = options.rules().id();
        Timestamp now = Timestamp.valueOf(AirTime.nowUtc());
        Date start = Date.valueOf(period.start());

        List<Object[]> sectionRows = new ArrayList<>();
        List<Object[]> itemRows = new ArrayList<>();
        List<Object[]> areaRows = new ArrayList<>();

        WaterReport byCity = report(all, registry, WaterSectionView::city, period, options);
        for (WaterReport.SectionRow row : byCity.sections()) {
            PeriodEvaluation p = row.period();
            if (p == null) {
                continue;
            }
            WaterEvaluation e = p.evaluation();
            WaterClass target = row.section().target();
            sectionRows.add(new Object[] {row.section().code(), period.kind(), start, rules, Date.valueOf(period.end()), p.samples(),
                    label(p.waterClass()), e.quality() == null ? null : e.quality().label(), label(target), row.attained(),
                    e.mainPollutants().isEmpty() ? null : MainPollutant.format(e.mainPollutants(), options.mainPollutants().multipleDecimals(), true),
                    finite(ConcentrationRounding.round(e.cwqi().value(), options.cwqiDecimals())), e.cwqi().items(), now});
            for (WaterItem item : WaterItem.values()) {
                if (e.values().has(item)) {
                    itemRows.add(new Object[] {row.section().code(), period.kind(), start, rules, item.column(), e.values().get(item),
                            label(e.itemClass(item))});
                }
            }
        }
        Map<String, Long> cityIds = new HashMap<>();
        registry.forEach(s -> cityIds.put(s.city(), s.cityId()));
        addAreas(areaRows, CITY, "", byCity, cityIds, period, rules, options, now);

        Map<String, List<WaterSectionView>> byCityName = new LinkedHashMap<>();
        registry.stream().filter(s -> s.district() != null).forEach(s -> byCityName.computeIfAbsent(s.city(), k -> new ArrayList<>()).add(s));
        for (Map.Entry<String, List<WaterSectionView>> city : byCityName.entrySet()) {
            Map<String, Long> districtIds = new HashMap<>();
            city.getValue().forEach(s -> districtIds.put(s.district(), s.districtId()));
            // Districts are ranked within their city, as a city ranks its districts.
            addAreas(areaRows, DISTRICT, city.getKey(), report(all, city.getValue(), WaterSectionView::district, period, options), districtIds,
                    period, rules, options, now);
        }
        addAreas(areaRows, RIVER, "", report(all, registry.stream().filter(s -> s.waterName() != null).toList(), WaterSectionView::waterName,
                period, options), Map.of(), period, rules, options, now);
        addAreas(areaRows, BASIN, "", report(all, registry.stream().filter(s -> s.basin() != null).toList(), WaterSectionView::basin,
                period, options), Map.of(), period, rules, options, now);

        tx.executeWithoutResult(status -> {
            for (String table : List.of("water_section_eval", "water_section_eval_item", "water_area_eval")) {
                jdbc.sql("delete from " + table + " where period_kind = ? and period_start = ? and rule_set = ?")
                        .params(period.kind(), period.start(), rules).update();
            }
            template.batchUpdate("""
                    insert into water_section_eval (section_code, period_kind, period_start, rule_set, period_end, samples, water_class,
                        quality, target_class, attained, main_pollutants, cwqi, cwqi_items, computed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", sectionRows);
            template.batchUpdate("""
                    insert into water_section_eval_item (section_code, period_kind, period_start, rule_set, item, mean_value, item_class)
                    values (?, ?, ?, ?, ?, ?, ?)""", itemRows);
            template.batchUpdate("""
                    insert into water_area_eval (area_kind, parent_name, area_name, period_kind, period_start, rule_set, area_id, sections,
                        good_sections, worst_sections, good_ratio, worst_ratio, quality, rating_method, cwqi, cwqi_rank, with_target,
                        attained, computed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", areaRows);
        });
    }

    /**
     * The library's report over these sections, grouped by {@code group} (the report's "city" column holds the
     * group: a city, a district, a river or a basin). Only these sections' samples go in.
     */
    private static WaterReport report(List<WaterSample> all, List<WaterSectionView> members, Function<WaterSectionView, String> group,
                                      WaterPeriod period, WaterOptions options) {
        Map<String, WaterSection> listed = new LinkedHashMap<>();
        for (WaterSectionView s : members) {
            WaterClass target = s.target() == null ? null : WaterClass.parse(s.target());
            listed.put(s.code(), new WaterSection(s.code(), s.name(), group.apply(s), s.district(), WaterBody.parse(s.waterBody()), target));
        }
        List<WaterSample> own = all.stream().filter(x -> listed.containsKey(x.section())).toList();
        return WaterReport.compute(own, listed, period.period(), null, options);
    }

    private static void addAreas(List<Object[]> rows, String kind, String parent, WaterReport report, Map<String, Long> ids,
                                 WaterPeriod period, String rules, WaterOptions options, Timestamp now) {
        Map<String, List<WaterClass>> classes = new HashMap<>();
        for (WaterReport.SectionRow s : report.sections()) {
            if (s.waterClass() != null) {
                classes.computeIfAbsent(s.section().city(), k -> new ArrayList<>()).add(s.waterClass());
            }
        }
        for (WaterReport.CityRow c : report.cities()) {
            if (c.sections() == 0) {
                continue; // no section of it sampled in the period: nothing to say
            }
            List<WaterClass> own = classes.getOrDefault(c.city(), List.of());
            int worst = (int) own.stream().filter(x -> x == WaterClass.WORSE_THAN_V).count();
            RiverRating rating = c.rating();
            Cwqi cwqi = c.cwqi();
            rows.add(new Object[] {kind, parent, c.city(), period.kind(), Date.valueOf(period.start()), rules, ids.get(c.city()), c.sections(),
                    c.goodSections(), worst, own.isEmpty() ? null : GoodWaterRatio.publishedPercent(own),
                    own.isEmpty() ? null : ConcentrationRounding.round(100.0 * worst / own.size(), 1),
                    rating == null ? null : rating.quality().label(),
                    rating == null ? null : rating.method() == RiverRating.Method.SECTION_SHARES ? "shares" : "mean",
                    finite(ConcentrationRounding.round(cwqi.value(), options.cwqiDecimals())), c.rank() == 0 ? null : c.rank(),
                    c.withTarget(), c.attained(), now});
        }
    }

    static String label(WaterClass c) {
        return c == null ? null : c.label();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
