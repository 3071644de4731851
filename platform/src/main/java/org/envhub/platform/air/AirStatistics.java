package org.envhub.platform.air;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.envhub.standards.air.AqiLevel;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.RuleChoice;
import org.envhub.standards.air.stats.AirReport;
import org.envhub.standards.air.stats.Period;
import org.envhub.standards.air.stats.ReportOptions;
import org.envhub.standards.air.stats.ReportRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Period figures of cities (rankings, reports) from the stored daily results, computed by the standards library. */
@Service
public class AirStatistics {

    private final JdbcClient jdbc;
    private final DailyResults daily;

    public AirStatistics(JdbcClient jdbc, DailyResults daily) {
        this.jdbc = jdbc;
        this.daily = daily;
    }

    /** A city's stored days, oldest first. */
    public List<CityDay> cityDays(String city, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select city, natural_day, aqi, primary_pollutant, so2, no2, co, pm10, pm25, o3_max_1h, o3_max_8h, rule_set
                        from air_daily_city where city = ? and natural_day between ? and ? and rule_set in ('hj633-2012', 'hj633-2026')
                        order by natural_day""")
                .params(city, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> {
                    Integer aqi = rs.getObject("aqi", Integer.class);
                    AqiLevel level = aqi == null ? null : AqiLevel.of(aqi);
                    return new CityDay(rs.getString("city"), rs.getObject("natural_day", LocalDate.class), aqi, level == null ? null : level.number(),
                            level == null ? null : level.category(), level == null ? null : level.hexColour(), rs.getString("primary_pollutant"),
                            d(rs.getObject("so2")), d(rs.getObject("no2")), d(rs.getObject("co")), d(rs.getObject("pm10")),
                            d(rs.getObject("pm25")), d(rs.getObject("o3_max_1h")), d(rs.getObject("o3_max_8h")), rs.getString("rule_set"));
                }).list();
    }

    /** The first and last day with stored daily results, or null. */
    public LocalDate[] dataDays() {
        return jdbc.sql("select min(natural_day), max(natural_day) from air_daily_city")
                .query((rs, n) -> rs.getObject(1) == null ? null : new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                .single();
    }

    /** The city report of a period (AUTO rules), from the stored station daily statistics. */
    public AirReport cityReport(LocalDate from, LocalDate to, boolean rankIncomplete) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        if (from.plusDays(800).isBefore(to)) {
            throw new IllegalArgumentException("the period " + from + " to " + to + " is longer than 800 days");
        }
        DailyGrid stationDaily = daily.stationDaily(from, to);
        return AirReport.fromDaily(daily.stationList(), stationDaily, null, new Period(from, to), RuleChoice.AUTO,
                ReportOptions.defaults().withLevel(AirReport.Level.CITY).withRanksIncomplete(rankIncomplete));
    }

    public List<RankingRow> ranking(AirReport report) {
        List<RankingRow> rows = new ArrayList<>();
        for (ReportRow r : report.ranked()) {
            if (r.goodDays().validDays() == 0 && Double.isNaN(r.index().value())) {
                continue; // a city with no data at all in the period
            }
            rows.add(row(r));
        }
        return rows;
    }

    public static RankingRow row(ReportRow r) {
        Map<String, Double> singles = new LinkedHashMap<>();
        for (Pollutant p : Pollutant.values()) {
            singles.put(p.label(), d(r.index().publishedSingle(p)));
        }
        StringJoiner primary = new StringJoiner("+");
        r.index().primary().forEach(p -> primary.add(p.label()));
        return new RankingRow(r.ranked() ? r.rank() : null, r.series(), d(r.index().published()), singles,
                primary.length() == 0 ? null : primary.toString(), r.goodDays().validDays() == 0 ? null : r.goodDays().publishedPercent(),
                r.goodDays().goodDays(), r.goodDays().validDays(), r.heavyPollutionDays(), d(r.statistics().mean(Pollutant.PM25)),
                d(r.statistics().mean(Pollutant.PM10)), d(r.statistics().percentile(Pollutant.O3)), r.index().complete());
    }

    private static Double d(Object o) {
        if (o == null) {
            return null;
        }
        double v = ((Number) o).doubleValue();
        return Double.isNaN(v) ? null : v;
    }
}
