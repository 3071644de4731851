package org.envhub.platform.air;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.RuleChoice;
import org.envhub.standards.air.stats.AirReport;
import org.envhub.standards.air.stats.ReportRow;
import org.envhub.standards.air.stats.RuleSpan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The month and year figures of every city (月报、年报), stored with their rule choice so that the figure a leader
 * reports is the figure on the screen until the data under it change: recomputed for the months and years an
 * import touched, from the stored daily results.
 */
@Service
public class PeriodResults {

    public static final String MONTH = "month", YEAR = "year";

    private static final Logger log = LoggerFactory.getLogger(PeriodResults.class);
    private static final RuleChoice RULES = RuleChoice.AUTO;
    private static final String INDEX_COLUMNS = Arrays.stream(Pollutant.values())
            .map(p -> "index_" + HourlyValueStore.column(p)).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AirStatistics stats;

    public PeriodResults(JdbcClient jdbc, JdbcTemplate template, AirStatistics stats) {
        this.jdbc = jdbc;
        this.template = template;
        this.stats = stats;
    }

    /** Recomputes the months and years that hold any day from {@code first} to {@code last}. */
    @Transactional
    public void recompute(LocalDate first, LocalDate last) {
        long t0 = System.nanoTime();
        TreeSet<YearMonth> months = new TreeSet<>();
        for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
            months.add(m);
        }
        for (YearMonth m : months) {
            store(MONTH, m.atDay(1), m.atEndOfMonth());
        }
        for (int y = first.getYear(); y <= last.getYear(); y++) {
            store(YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        }
        log.info("Month and year figures {} .. {}: {} months, {} years in {} ms", first, last, months.size(),
                last.getYear() - first.getYear() + 1, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Computes the months and years that have daily results but no stored figures: daily results stored before the
     * figures were, or written behind the importer's back.
     */
    public void fillMissing() {
        TreeSet<YearMonth> months = new TreeSet<>();
        jdbc.sql("select distinct natural_day from air_daily_city").query(LocalDate.class).list().forEach(d -> months.add(YearMonth.from(d)));
        months.removeAll(jdbc.sql("select distinct period_start from air_period_city where period_kind = ? and rule_set = ?")
                .params(MONTH, RULES.id()).query(LocalDate.class).list().stream().map(YearMonth::from).toList());
        TreeSet<Integer> years = new TreeSet<>();
        for (YearMonth m : months) {
            store(MONTH, m.atDay(1), m.atEndOfMonth());
            years.add(m.getYear());
        }
        for (int y : years) {
            store(YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        }
        if (!months.isEmpty()) {
            log.info("Month and year figures filled in for {} months", months.size());
        }
    }

    private void store(String kind, LocalDate start, LocalDate end) {
        template.update("delete from air_period_city where period_kind = ? and period_start = ? and rule_set = ?",
                kind, Date.valueOf(start), RULES.id());
        LocalDate lastDay = jdbc.sql("select max(natural_day) from air_daily_city where natural_day between ? and ?")
                .params(Date.valueOf(start), Date.valueOf(end)).query(LocalDate.class).optional().orElse(null);
        if (lastDay == null) {
            return;
        }
        AirReport report = stats.cityReport(start, end, true);
        String spans = report.ruleSpans().stream().map(RuleSpan::toString).collect(Collectors.joining("; "));
        int ranked = (int) report.rows().stream().filter(ReportRow::ranked).count();
        Timestamp now = Timestamp.valueOf(AirTime.nowUtc());
        List<Object[]> rows = new ArrayList<>();
        for (RankingRow r : stats.ranking(report)) {
            List<Object> row = new ArrayList<>(List.of(r.city(), kind, Date.valueOf(start), Date.valueOf(end), RULES.id(), spans, Date.valueOf(lastDay)));
            row.add(r.compositeIndex());
            for (Pollutant p : Pollutant.values()) {
                row.add(r.singleIndices().get(p.label()));
            }
            row.addAll(Arrays.asList(r.primary(), r.goodDayRatio(), r.goodDays(), r.validDays(), r.heavyPollutionDays(), r.pm25(), r.pm10(),
                    r.o3Percentile90(), r.rank(), ranked, r.complete(), now));
            rows.add(row.toArray());
        }
        String columns = "city, period_kind, period_start, period_end, rule_set, rule_spans, last_day, composite_index, " + INDEX_COLUMNS
                + ", primary_pollutant, good_day_ratio, good_days, valid_days, heavy_days, pm25, pm10, o3_p90, city_rank, ranked_cities, "
                + "complete, computed_at";
        template.batchUpdate("insert into air_period_city (" + columns + ") values (" + columns.replaceAll("[a-z0-9_]+", "?") + ")", rows);
    }

    /** Every city's figures of one period, best rank first (unranked cities last). */
    public List<CityPeriod> ranking(String kind, LocalDate start) {
        return jdbc.sql("select * from air_period_city where period_kind = ? and period_start = ? and rule_set = ? "
                        + "order by case when city_rank is null then 1 else 0 end, city_rank, composite_index, city")
                .params(kind, Date.valueOf(start), RULES.id()).query((rs, n) -> read(rs)).list();
    }

    /** One city's figures of one period. */
    public Optional<CityPeriod> city(String kind, LocalDate start, String city) {
        return jdbc.sql("select * from air_period_city where period_kind = ? and period_start = ? and rule_set = ? and city = ?")
                .params(kind, Date.valueOf(start), RULES.id(), city).query((rs, n) -> read(rs)).optional();
    }

    /** The periods with stored figures, newest first: kind, start and the latest day with data. */
    public List<CityPeriod> periods() {
        return jdbc.sql("""
                        select period_kind, period_start, period_end, max(last_day) as last_day, max(ranked_cities) as ranked_cities,
                               max(rule_spans) as rule_spans
                        from air_period_city where rule_set = ? group by period_kind, period_start, period_end
                        order by period_start desc, period_kind""")
                .param(RULES.id())
                .query((rs, n) -> new CityPeriod(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), RULES.id(), spans(rs.getString(6)), rs.getInt(5), null)).list();
    }

    private static CityPeriod read(ResultSet rs) throws SQLException {
        Map<String, Double> singles = new LinkedHashMap<>();
        for (Pollutant p : Pollutant.values()) {
            singles.put(p.label(), rs.getObject("index_" + HourlyValueStore.column(p), Double.class));
        }
        RankingRow figures = new RankingRow(rs.getObject("city_rank", Integer.class), rs.getString("city"),
                rs.getObject("composite_index", Double.class), singles, rs.getString("primary_pollutant"),
                rs.getObject("good_day_ratio", Double.class), rs.getInt("good_days"), rs.getInt("valid_days"), rs.getInt("heavy_days"),
                rs.getObject("pm25", Double.class), rs.getObject("pm10", Double.class), rs.getObject("o3_p90", Double.class),
                rs.getBoolean("complete"));
        return new CityPeriod(rs.getString("period_kind"), rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class), rs.getObject("last_day", LocalDate.class), rs.getString("rule_set"),
                spans(rs.getString("rule_spans")), rs.getInt("ranked_cities"), figures);
    }

    private static List<String> spans(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("; "));
    }
}
