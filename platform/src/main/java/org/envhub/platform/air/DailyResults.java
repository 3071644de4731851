package org.envhub.platform.air;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.envhub.platform.registry.RegisteredStation;
import org.envhub.platform.registry.StationRepository;
import org.envhub.standards.air.AqiResult;
import org.envhub.standards.air.DailyGrid;
import org.envhub.standards.air.DailyStatistic;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.RuleChoice;
import org.envhub.standards.air.Station;
import org.envhub.standards.air.stats.CityAggregation;
import org.envhub.standards.air.stats.DailyAqi;
import org.envhub.standards.air.stats.DailyOptions;
import org.envhub.standards.air.stats.DailyStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily statistics and daily AQI of stations and cities (HJ 663, HJ 633), computed by the standards library
 * from the stored hourly values and stored with the rule set of each day ({@link RuleChoice#AUTO}: HJ 633-2012
 * before 2026-03-01, HJ 633-2026 from then). Recomputed for the days an import touched.
 */
@Service
public class DailyResults {

    private static final Logger log = LoggerFactory.getLogger(DailyResults.class);
    private static final int STATIONS_PER_QUERY = 200;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final StationRepository stations;

    public DailyResults(JdbcClient jdbc, JdbcTemplate template, StationRepository stations) {
        this.jdbc = jdbc;
        this.template = template;
        this.stations = stations;
    }

    /** The natural days (Beijing time) that hold these UTC hour ends. */
    public static TreeSet<LocalDate> days(Collection<StationHour> hours) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (StationHour h : hours) {
            days.add(DailyStatistics.naturalDayOf(AirTime.toLocal(h.hourEnd())));
        }
        return days;
    }

    /** The registry as the standards library sees it. */
    public List<Station> stationList() {
        List<Station> list = new ArrayList<>();
        for (RegisteredStation s : stations.all()) {
            list.add(new Station(s.code(), s.name(), s.city(), s.longitude() == null ? Double.NaN : s.longitude(),
                    s.latitude() == null ? Double.NaN : s.latitude(), s.control()));
        }
        return list;
    }

    /** Recomputes and stores the daily results of every station and city for the days first … last. */
    @Transactional
    public void recompute(LocalDate first, LocalDate last) {
        long t0 = System.nanoTime();
        List<Station> list = stationList();
        // From the day before (a 2026 MDA8 window may reach back) to 24:00 of the last day.
        HourlyGrid hourly = hourlyGrid(list.stream().map(Station::code).toList(), first.minusDays(1).atTime(1, 0), last.plusDays(1).atStartOfDay());
        DailyOptions options = DailyOptions.defaults().withRules(RuleChoice.AUTO);
        DailyGrid stationDaily = DailyStatistics.compute(hourly, first, last, options);
        DailyGrid cityDaily = CityAggregation.of(list).cityDaily(stationDaily);
        store("air_daily_station", "station_code", stationDaily, DailyAqi.compute(stationDaily, RuleChoice.AUTO));
        keepYearsCurrent(stationDaily);
        store("air_daily_city", "city", cityDaily, DailyAqi.compute(cityDaily, RuleChoice.AUTO));
        log.info("Daily results {} .. {}: {} stations, {} cities in {} ms", first, last, stationDaily.seriesCount(), cityDaily.seriesCount(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    private void store(String table, String keyColumn, DailyGrid daily, DailyAqi aqi) {
        for (int d = 0; d < daily.days(); d++) {
            LocalDate day = daily.dayAt(d);
            String rules = aqi.ruleSet(d).id();
            template.update("delete from " + table + " where natural_day = ? and rule_set = ?", Date.valueOf(day), rules);
            List<Object[]> rows = new ArrayList<>();
            for (int s = 0; s < daily.seriesCount(); s++) {
                Double[] v = new Double[DailyStatistic.values().length];
                boolean any = false;
                for (DailyStatistic st : DailyStatistic.values()) {
                    double x = daily.value(st, s, d);
                    v[st.ordinal()] = Double.isNaN(x) ? null : x;
                    any |= !Double.isNaN(x);
                }
                if (!any) {
                    continue;
                }
                AqiResult r = aqi.result(s, d);
                rows.add(new Object[] {daily.series().get(s), Date.valueOf(day), rules, v[0], v[1], v[2], v[3], v[4], v[5], v[6],
                        r.hasAqi() ? r.aqi() : null, r.primaryLabel().isEmpty() ? null : r.primaryLabel()});
            }
            template.batchUpdate("insert into " + table + " (" + keyColumn + ", natural_day, rule_set, so2, no2, co, pm10, pm25, o3_max_1h, o3_max_8h, "
                    + "aqi, primary_pollutant) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    /** Station hourly values from the database as a grid labelled in Beijing time, {@code firstLocal} … {@code lastLocal}. */
    public HourlyGrid hourlyGrid(List<String> codes, LocalDateTime firstLocal, LocalDateTime lastLocal) {
        int hours = (int) java.time.Duration.between(firstLocal, lastLocal).toHours() + 1;
        HourlyGrid grid = new HourlyGrid(firstLocal, hours, codes);
        LocalDateTime a = AirTime.toUtc(firstLocal), b = AirTime.toUtc(lastLocal);
        for (int i = 0; i < codes.size(); i += STATIONS_PER_QUERY) {
            jdbc.sql("select station_code, hour_end, " + HourlyValueStore.VALUE_COLUMNS
                            + " from air_hourly where station_code in (:s) and hour_end between :a and :b")
                    .param("s", codes.subList(i, Math.min(codes.size(), i + STATIONS_PER_QUERY))).param("a", a).param("b", b)
                    .query(rs -> {
                        int s = grid.seriesIndex(rs.getString(1));
                        int h = grid.indexOf(AirTime.toLocal(rs.getObject(2, LocalDateTime.class)));
                        double[] c = HourlyValueStore.values(rs, 3);
                        for (Pollutant p : Pollutant.values()) {
                            grid.set(p, s, h, c[p.ordinal()]);
                        }
                    });
        }
        return grid;
    }

    /**
     * Station daily statistics of whole years, kept in memory once read (about 40 MB a year for the national
     * network) so that rankings and reports need not read a year of rows again; kept current by each recompute.
     */
    private final ConcurrentHashMap<Integer, DailyGrid> years = new ConcurrentHashMap<>();

    /**
     * Station daily statistics covering {@code from} … {@code to} (the grid may cover more: a period within one
     * year gets that whole year, from memory).
     */
    public DailyGrid stationDailyCovering(LocalDate from, LocalDate to) {
        if (from.getYear() != to.getYear()) {
            return stationDaily(from, to);
        }
        return years.computeIfAbsent(from.getYear(), y -> stationDaily(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
    }

    /** Reads the year of the latest stored day into memory, so that the first ranking after start-up is as fast as the rest. */
    public void warmLatestYear() {
        jdbc.sql("select max(natural_day) from air_daily_station").query(LocalDate.class).optional()
                .ifPresent(day -> stationDailyCovering(day, day));
    }

    /** Forgets the in-memory years between these days (after their stored results changed behind this class's back). */
    public void forget(LocalDate first, LocalDate last) {
        for (int y = first.getYear(); y <= last.getYear(); y++) {
            years.remove(y);
        }
    }

    /**
     * Writes freshly computed station days into the years held in memory. Each year is replaced by a patched copy,
     * so a ranking being computed never sees half an update; a year that lacks one of the fresh stations is dropped,
     * to be read again when next asked for.
     */
    private void keepYearsCurrent(DailyGrid fresh) {
        for (int y = fresh.firstDay().getYear(); y <= fresh.dayAt(fresh.days() - 1).getYear(); y++) {
            years.computeIfPresent(y, (year, held) -> patched(held, fresh));
        }
    }

    private static DailyGrid patched(DailyGrid held, DailyGrid fresh) {
        DailyGrid copy = held.copy();
        for (int s = 0; s < fresh.seriesCount(); s++) {
            int target = copy.seriesIndex(fresh.series().get(s));
            for (int d = 0; d < fresh.days(); d++) {
                int day = copy.indexOf(fresh.dayAt(d));
                if (day < 0 || day >= copy.days()) {
                    continue;
                }
                for (DailyStatistic st : DailyStatistic.values()) {
                    double v = fresh.value(st, s, d);
                    if (target < 0 && !Double.isNaN(v)) {
                        return null;
                    }
                    if (target >= 0) {
                        copy.set(st, target, day, v);
                    }
                }
            }
        }
        return copy;
    }

    /** Station daily statistics from the stored results, as the standards library's grid ({@code from} … {@code to}). */
    public DailyGrid stationDaily(LocalDate from, LocalDate to) {
        List<String> codes = jdbc.sql("select distinct station_code from air_daily_station where natural_day between ? and ? order by station_code")
                .params(Date.valueOf(from), Date.valueOf(to)).query(String.class).list();
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        DailyGrid grid = new DailyGrid(from, days, codes);
        jdbc.sql("""
                        select station_code, natural_day, so2, no2, co, pm10, pm25, o3_max_1h, o3_max_8h from air_daily_station
                        where natural_day between ? and ? and rule_set in ('hj633-2012', 'hj633-2026')""")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    int s = grid.seriesIndex(rs.getString(1));
                    int d = grid.indexOf(rs.getObject(2, LocalDate.class));
                    for (DailyStatistic st : DailyStatistic.values()) {
                        Object v = rs.getObject(3 + st.ordinal());
                        if (v != null) {
                            grid.set(st, s, d, ((Number) v).doubleValue());
                        }
                    }
                });
        return grid;
    }
}
