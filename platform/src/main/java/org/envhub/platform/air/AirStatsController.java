package org.envhub.platform.air;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.envhub.platform.web.Table;
import org.envhub.platform.web.TableExport;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.stats.AirReport;
import org.envhub.standards.air.stats.Attainment;
import org.envhub.standards.air.stats.PeriodStatistic;
import org.envhub.standards.air.stats.ReportRow;
import org.envhub.standards.air.stats.RuleSpan;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * City days, rankings and period reports (HJ 663 and the 2018 ranking rule), from the stored daily results.
 * Dates are natural days in Beijing time; a period without from/to is the month of the latest data.
 */
@RestController
@RequestMapping("/api/air")
@Tag(name = "air statistics", description = "City daily AQI, rankings and period reports")
public class AirStatsController {

    /** A period figure set of one city, for the command centre. */
    public record PeriodFigures(String period, LocalDate from, LocalDate to, Double goodDayRatio, Double compositeIndex, Integer rank,
                                int cities, boolean complete) {}

    public record Summary(String city, PeriodFigures month, PeriodFigures year, String note) {}

    /** One line of a report: a statistic, its value and (where there is one) its limit and status. */
    public record ReportLine(String item, String name, Double value, Double limit, String status) {}

    public record Report(String city, LocalDate from, LocalDate to, List<String> ruleSets, RankingRow figures,
                         List<ReportLine> statistics, List<CityDay> days, int cities) {}

    private final AirStatistics stats;
    private final PeriodResults periods;

    public AirStatsController(AirStatistics stats, PeriodResults periods) {
        this.periods = periods;
        this.stats = stats;
    }

    @Operation(summary = "A city's daily AQI and statistics", description = "Default: the month of the latest data.")
    @GetMapping("/cities/{city}/daily")
    public List<CityDay> cityDaily(@PathVariable String city, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate[] p = period(from, to);
        return stats.cityDays(city, p[0], p[1]);
    }

    @Operation(summary = "A city's days as a table", description = "format = csv or xlsx")
    @GetMapping(value = "/cities/{city}/daily", params = "format")
    public ResponseEntity<byte[]> cityDailyTable(@PathVariable String city, @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to, @RequestParam String format) {
        List<List<Object>> rows = new ArrayList<>();
        for (CityDay d : cityDaily(city, from, to)) {
            rows.add(List.of(d.city(), d.day().toString(), nz(d.aqi()), nz(d.category()), nz(d.primary()), nz(d.pm25()), nz(d.pm10()),
                    nz(d.o3Max8h()), nz(d.o3Max1h()), nz(d.no2()), nz(d.so2()), nz(d.co()), d.ruleSet()));
        }
        return TableExport.download(new Table(city + "日报", List.of("城市", "日期", "AQI", "级别", "首要污染物", "PM2.5(µg/m³)", "PM10(µg/m³)",
                "O3-8h(µg/m³)", "O3-1h最大(µg/m³)", "NO2(µg/m³)", "SO2(µg/m³)", "CO(mg/m³)", "规则"), rows), format);
    }

    @Operation(summary = "City ranking by composite index", description = "Cities ascending by the published composite index "
            + "(ties share a rank). includeIncomplete ranks cities whose data fall short of HJ 663's completeness rules too.")
    @GetMapping("/ranking")
    public List<RankingRow> ranking(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(defaultValue = "true") boolean includeIncomplete) {
        LocalDate[] p = period(from, to);
        return stats.ranking(stats.cityReport(p[0], p[1], includeIncomplete));
    }

    @Operation(summary = "The ranking as a table", description = "format = csv or xlsx")
    @GetMapping(value = "/ranking", params = "format")
    public ResponseEntity<byte[]> rankingTable(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                               @RequestParam(defaultValue = "true") boolean includeIncomplete, @RequestParam String format) {
        LocalDate[] p = period(from, to);
        List<List<Object>> rows = new ArrayList<>();
        for (RankingRow r : ranking(from, to, includeIncomplete)) {
            rankingLine(rows, r);
        }
        return TableExport.download(new Table("城市排名_" + p[0] + "_" + p[1], rankingTitles(), rows), format);
    }

    private static void rankingLine(List<List<Object>> rows, RankingRow r) {
        List<Object> row = new ArrayList<>(List.of(nz(r.rank()), r.city(), nz(r.compositeIndex())));
        for (Pollutant pol : Pollutant.values()) {
            row.add(nz(r.singleIndices().get(pol.label())));
        }
        row.addAll(List.of(nz(r.primary()), nz(r.goodDayRatio()), r.heavyPollutionDays(), nz(r.pm25()), r.complete() ? "是" : "否"));
        rows.add(row);
    }

    private static List<String> rankingTitles() {
        List<String> titles = new ArrayList<>(List.of("排名", "城市", "综合指数"));
        for (Pollutant pol : Pollutant.values()) {
            titles.add(pol.label() + "单项指数");
        }
        titles.addAll(List.of("首要污染物", "优良天数比例(%)", "重污染天数", "PM2.5(µg/m³)", "数据完整"));
        return titles;
    }

    @Operation(summary = "A city's period report", description = "Period statistics, composite index, good-day ratio, attainment, "
            + "rank among all cities, the rule sets used, and the days.")
    @GetMapping("/report")
    public Report report(@RequestParam String city, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate[] p = period(from, to);
        AirReport report = stats.cityReport(p[0], p[1], true);
        ReportRow row = report.row(city);
        if (row == null) {
            throw new NoSuchElementException("no data for city '" + city + "' from " + p[0] + " to " + p[1]);
        }
        List<ReportLine> lines = new ArrayList<>();
        for (PeriodStatistic st : PeriodStatistic.values()) {
            double v = row.statistics().value(st);
            Attainment.PollutantAttainment pa = row.attainment().of(st.pollutant());
            Attainment.Check check = pa.checks().stream().filter(c -> c.statistic() == st).findFirst().orElse(null);
            String status = check == null ? null : !check.complete() ? Attainment.Status.NOT_ASSESSED.chinese()
                    : check.exceeds() ? Attainment.Status.EXCEEDS.chinese() : Attainment.Status.MEETS.chinese();
            lines.add(new ReportLine(st.column(), st.chineseName(), Double.isNaN(v) ? null : v, check == null ? null : check.limit(), status));
        }
        int cities = (int) report.rows().stream().filter(ReportRow::ranked).count();
        return new Report(city, p[0], p[1], report.ruleSpans().stream().map(RuleSpan::toString).toList(), AirStatistics.row(row), lines,
                stats.cityDays(city, p[0], p[1]), cities);
    }

    @Operation(summary = "A city's report as a table", description = "format = csv or xlsx")
    @GetMapping(value = "/report", params = "format")
    public ResponseEntity<byte[]> reportTable(@RequestParam String city, @RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to, @RequestParam String format) {
        Report r = report(city, from, to);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("综合指数", nz(r.figures().compositeIndex()), "", ""));
        rows.add(List.of("排名", r.figures().rank() == null ? "" : r.figures().rank() + "/" + r.cities(), "", ""));
        rows.add(List.of("优良天数比例(%)", nz(r.figures().goodDayRatio()), "", ""));
        rows.add(List.of("重污染天数", r.figures().heavyPollutionDays(), "", ""));
        for (ReportLine l : r.statistics()) {
            rows.add(List.of(l.name(), nz(l.value()), nz(l.limit()), nz(l.status())));
        }
        rows.add(List.of("评价规则", String.join("; ", r.ruleSets()), "", ""));
        return TableExport.download(new Table(city + "空气质量报告_" + r.from() + "_" + r.to(), List.of("项目", "数值", "标准限值", "达标情况"), rows), format);
    }

    @Operation(summary = "A city's figures for this month and this year", description = "Month and year of the latest data, "
            + "as stored (月报、年报): the same figures as /api/air/periods.")
    @GetMapping("/cities/{city}/summary")
    public Summary summary(@PathVariable String city) {
        LocalDate[] data = stats.dataDays();
        if (data == null) {
            throw new NoSuchElementException("no daily results yet");
        }
        LocalDate last = data[1];
        PeriodFigures month = figures(PeriodResults.MONTH, city, YearMonth.from(last).atDay(1), last);
        PeriodFigures year = figures(PeriodResults.YEAR, city, LocalDate.of(last.getYear(), 1, 1), last);
        String note = month.complete() && year.complete() ? null : "数据不完整（不满足 HJ 663 有效性要求），排名仅供参考";
        return new Summary(city, month, year, note);
    }

    private PeriodFigures figures(String kind, String city, LocalDate start, LocalDate last) {
        return periods.city(kind, start, city)
                .map(p -> new PeriodFigures(kind, start, p.lastDay(), p.figures().goodDayRatio(), p.figures().compositeIndex(),
                        p.figures().rank(), p.rankedCities(), p.figures().complete()))
                .orElseGet(() -> new PeriodFigures(kind, start, last, null, null, null, 0, false));
    }

    @Operation(summary = "The months and years with stored figures", description = "Newest first: kind (month, year), start, end, "
            + "the latest day with data, the rule sets used.")
    @GetMapping("/periods")
    public List<CityPeriod> periods() {
        return periods.periods();
    }

    @Operation(summary = "Every city's figures for a month or a year (月报、年报)", description = "kind = month (start YYYY-MM) or "
            + "year (start YYYY); best rank first. Stored when the daily results change, so they are the published figures.")
    @GetMapping("/periods/{kind}/{start}")
    public List<CityPeriod> periodFigures(@PathVariable String kind, @PathVariable String start) {
        return periods.ranking(kind, periodStart(kind, start));
    }

    @Operation(summary = "A month's or year's figures as a table", description = "format = csv or xlsx")
    @GetMapping(value = "/periods/{kind}/{start}", params = "format")
    public ResponseEntity<byte[]> periodTable(@PathVariable String kind, @PathVariable String start, @RequestParam String format) {
        List<List<Object>> rows = new ArrayList<>();
        for (CityPeriod p : periodFigures(kind, start)) {
            rankingLine(rows, p.figures());
        }
        return TableExport.download(new Table((kind.equals(PeriodResults.YEAR) ? "年度" : "月度") + "城市排名_" + start, rankingTitles(), rows),
                format);
    }

    private static LocalDate periodStart(String kind, String start) {
        try {
            return switch (kind) {
                case PeriodResults.MONTH -> YearMonth.parse(start).atDay(1);
                case PeriodResults.YEAR -> LocalDate.of(Integer.parseInt(start), 1, 1);
                default -> throw new IllegalArgumentException("kind must be month or year, not '" + kind + "'");
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("start: expected " + (kind.equals(PeriodResults.MONTH) ? "YYYY-MM" : "YYYY") + ", got '" + start + "'");
        }
    }

    /** [from, to] from the optional parameters; default the month of the latest data. */
    private LocalDate[] period(String from, String to) {
        LocalDate last;
        if (to != null) {
            last = day("to", to);
        } else {
            LocalDate[] data = stats.dataDays();
            last = data == null ? LocalDate.now(AirTime.LOCAL) : data[1];
        }
        LocalDate first = from != null ? day("from", from) : YearMonth.from(last).atDay(1);
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("from (" + first + ") is after to (" + last + ")");
        }
        return new LocalDate[] {first, last};
    }

    private static LocalDate day(String name, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": expected a date YYYY-MM-DD, got '" + text + "'");
        }
    }

    private static Object nz(Object o) {
        return o == null ? "" : o;
    }

}
