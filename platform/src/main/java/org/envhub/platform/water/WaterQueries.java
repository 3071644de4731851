package org.envhub.platform.water;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.envhub.platform.auth.DataScope;
import org.envhub.standards.water.WaterClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-side queries of the stored evaluations, limited to what the user may see. */
@Component
public class WaterQueries {

    private final JdbcClient jdbc;
    private final WaterSectionRepository sections;
    private final WaterSampleStore samples;

    public WaterQueries(JdbcClient jdbc, WaterSectionRepository sections, WaterSampleStore samples) {
        this.jdbc = jdbc;
        this.sections = sections;
        this.samples = samples;
    }

    /** The month of the latest sample: the "current month" of the pages when the user names none. */
    public YearMonth latestMonth() {
        return samples.latestDay().map(YearMonth::from).orElse(YearMonth.now(org.envhub.platform.air.AirTime.LOCAL));
    }

    /** The sections the scope sees (active ones, unless {@code withInactive}). */
    public List<WaterSectionView> visibleSections(DataScope scope, boolean withInactive) {
        return sections.all().stream().filter(s -> scope.allows(s.districtId())).filter(s -> withInactive || s.active()).toList();
    }

    private record Eval(int samples, String waterClass, String quality, Boolean attained, String mainPollutants, Double cwqi,
                        Integer cwqiItems, String ruleSet) {}

    /** Every active section the scope sees, with its evaluation over the period (empty fields without samples). */
    public List<SectionStatus> sections(WaterPeriod period, DataScope scope) {
        Map<String, Eval> evals = new HashMap<>();
        jdbc.sql("""
                        select section_code, samples, water_class, quality, attained, main_pollutants, cwqi, cwqi_items, rule_set
                        from water_section_eval where period_kind = ? and period_start = ? and rule_set = ?""")
                .params(period.kind(), period.start(), period.rules().id())
                .query(rs -> {
                    boolean att = rs.getBoolean(5);
                    Boolean attained = rs.wasNull() ? null : att;
                    double c = rs.getDouble(7);
                    Double cwqi = rs.wasNull() ? null : c;
                    evals.put(rs.getString(1), new Eval(rs.getInt(2), rs.getString(3), rs.getString(4), attained, rs.getString(6), cwqi,
                            rs.getInt(8), rs.getString(9)));
                });
        List<SectionStatus> list = new ArrayList<>();
        for (WaterSectionView s : visibleSections(scope, false)) {
            Eval e = evals.get(s.code());
            WaterClass cls = e == null || e.waterClass() == null ? null : WaterClass.parse(e.waterClass());
            list.add(new SectionStatus(s.code(), s.name(), s.level(), s.levelName(), s.waterBody(), s.waterBodyName(), s.waterName(), s.basin(),
                    s.city(), s.district(), s.districtId(), s.longitude(), s.latitude(), s.target(), s.stationMn(), period.label(),
                    e == null ? null : e.samples(), cls == null ? null : cls.label(), cls == null ? null : cls.chineseLabel(),
                    e == null ? null : e.quality(), e == null ? null : e.attained(), e == null ? null : e.mainPollutants(),
                    e == null ? null : e.cwqi(), e == null ? null : e.cwqiItems(), WaterClassColours.of(cls),
                    e == null ? period.rules().id() : e.ruleSet()));
        }
        return list;
    }

    /**
     * The cities, districts, rivers or basins over the period, best CWQI first. A district user sees its own
     * district's row only: the others, and the cities, rivers and basins, include sections outside its district.
     */
    public List<AreaStatus> areas(String kind, WaterPeriod period, DataScope scope) {
        if (!List.of(WaterEvaluations.CITY, WaterEvaluations.DISTRICT, WaterEvaluations.RIVER, WaterEvaluations.BASIN).contains(kind)) {
            throw new IllegalArgumentException("kind: expected city, district, river or basin, got '" + kind + "'");
        }
        List<AreaStatus> rows = jdbc.sql("""
                        select area_kind, parent_name, area_name, area_id, sections, good_sections, worst_sections, good_ratio, worst_ratio,
                               quality, rating_method, cwqi, cwqi_rank, with_target, attained, rule_set
                        from water_area_eval where area_kind = ? and period_kind = ? and period_start = ? and rule_set = ?
                        order by parent_name, case when cwqi_rank is null then 1 else 0 end, cwqi_rank, area_name""")
                .params(kind, period.kind(), period.start(), period.rules().id())
                .query((rs, n) -> {
                    long id = rs.getLong(4);
                    Long areaId = rs.wasNull() ? null : id;
                    return new AreaStatus(rs.getString(1), rs.getString(2), rs.getString(3), areaId, period.label(), rs.getInt(5), rs.getInt(6),
                            rs.getInt(7), (Double) rs.getObject(8, Double.class), rs.getObject(9, Double.class), rs.getString(10), rs.getString(11),
                            rs.getObject(12, Double.class), rs.getObject(13, Integer.class), rs.getInt(14), rs.getInt(15), rs.getString(16));
                }).list();
        if (scope.unlimited()) {
            return rows;
        }
        return rows.stream().filter(r -> WaterEvaluations.DISTRICT.equals(r.kind()) && r.areaId() != null && scope.allows(r.areaId())).toList();
    }

    /** One monthly mean of an item of a section. */
    public record MonthlyValue(String period, Double value, String itemClass, int samples) {}

    /** A section's monthly means of an item (rounded, as evaluated) from {@code from} to {@code to}. */
    public List<MonthlyValue> monthly(String code, String item, YearMonth from, YearMonth to) {
        Map<LocalDate, MonthlyValue> found = new HashMap<>();
        jdbc.sql("""
                        select i.period_start, i.mean_value, i.item_class, e.samples from water_section_eval_item i
                        join water_section_eval e on e.section_code = i.section_code and e.period_kind = i.period_kind
                             and e.period_start = i.period_start and e.rule_set = i.rule_set
                        where i.section_code = ? and i.item = ? and i.period_kind = 'month' and i.period_start between ? and ?""")
                .params(code, item, from.atDay(1), to.atDay(1))
                .query(rs -> {
                    LocalDate d = rs.getObject(1, LocalDate.class);
                    found.put(d, new MonthlyValue(YearMonth.from(d).toString(), rs.getDouble(2), rs.getString(3), rs.getInt(4)));
                });
        List<MonthlyValue> list = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            list.add(found.getOrDefault(m.atDay(1), new MonthlyValue(m.toString(), null, null, 0)));
        }
        return list;
    }
}
