package org.envhub.platform.water;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.envhub.platform.air.AirTime;
import org.envhub.platform.air.StoreResult;
import org.envhub.platform.auth.DataScope;
import org.envhub.platform.imports.ImportLog;
import org.envhub.platform.imports.ImportProblem;
import org.envhub.platform.imports.ImportSummary;
import org.envhub.platform.web.Table;
import org.envhub.platform.web.TableExport;
import org.envhub.standards.air.ConcentrationRounding;
import org.envhub.standards.water.GoodWaterRatio;
import org.envhub.standards.water.WaterBody;
import org.envhub.standards.water.WaterClass;
import org.envhub.standards.water.WaterItem;
import org.envhub.standards.water.WaterRuleSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Surface water (地表水): the sections registry, the stored monthly and annual evaluations of sections, cities,
 * districts, rivers and basins (GB 3838-2002, rule set {@code gb3838-2002}), the monthly risk warning, trends and
 * the month's summary. A district user sees its own district's sections only. Periods are Beijing months
 * ({@code month=2024-06}) or years ({@code year=2024}); without either, the month of the latest sample. Add
 * {@code format=csv} or {@code format=xlsx} to a table to download it.
 */
@RestController
@RequestMapping("/api/water")
@Tag(name = "water", description = "Surface water (地表水): sections, evaluations, rankings, risk warning")
public class WaterApiController {

    public static final String KIND_SECTIONS = "water-sections";

    private final WaterSectionRepository sections;
    private final WaterSectionService service;
    private final WaterQueries queries;
    private final WaterRisks risks;
    private final WaterSampleStore samples;
    private final ImportLog imports;
    private final WaterSettings settings;

    public WaterApiController(WaterSectionRepository sections, WaterSectionService service, WaterQueries queries, WaterRisks risks,
                              WaterSampleStore samples, ImportLog imports, WaterSettings settings) {
        this.sections = sections;
        this.service = service;
        this.queries = queries;
        this.risks = risks;
        this.samples = samples;
        this.imports = imports;
        this.settings = settings;
    }

    // ---- registry ----

    @Operation(summary = "The sections registry (断面台账) the user may see", description = "withInactive adds sections no longer in use.")
    @GetMapping("/sections")
    public List<WaterSectionView> sections(@RequestParam(defaultValue = "true") boolean withInactive) {
        return queries.visibleSections(DataScope.current(), withInactive);
    }

    @Operation(summary = "The registry as a table", description = "format = csv or xlsx; the columns the registry import reads back")
    @GetMapping(value = "/sections", params = "format")
    public ResponseEntity<byte[]> sectionsTable(@RequestParam(defaultValue = "true") boolean withInactive, @RequestParam String format) {
        List<List<Object>> rows = new ArrayList<>();
        for (WaterSectionView s : sections(withInactive)) {
            rows.add(List.of(s.code(), s.name(), s.levelName(), s.waterBodyName(), nz(s.waterName()), nz(s.basin()), nz(s.province()), s.city(),
                    nz(s.district()), nz(s.longitude()), nz(s.latitude()), nz(s.target()), s.active() ? "是" : "否", nz(s.stationMn())));
        }
        return TableExport.download(new Table("地表水断面台账", List.of("断面编码", "断面名称", "控制级别", "水体类型", "河流", "流域", "省份", "城市",
                "区县", "经度", "纬度", "水质目标", "启用", "自动站MN"), rows), format);
    }

    @Operation(summary = "One section")
    @GetMapping("/sections/{code}")
    public WaterSectionView section(@PathVariable String code) {
        return visible(code);
    }

    @Operation(summary = "Create or change a section", description = "The code in the path wins over the body's. level: national, "
            + "provincial, municipal (or 国控, 省控, 市控); waterBody: river, lake, reservoir; target: I … V or empty. A district user may "
            + "only change its own district's sections. A new automatic-station MN is registered with the HJ 212 gateway with stationPassword.")
    @PutMapping("/sections/{code}")
    public ResponseEntity<WaterSectionView> save(@PathVariable String code, @RequestBody WaterSectionForm form) {
        WaterSectionForm f = new WaterSectionForm(code, form.name(), form.level(), form.waterBody(), form.waterName(), form.basin(),
                form.province(), form.city(), form.district(), form.longitude(), form.latitude(), form.target(), form.active(),
                form.stationMn(), form.stationPassword());
        boolean created = service.save(f, DataScope.current());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(sections.find(code.trim()).orElseThrow());
    }

    @Operation(summary = "Import a sections registry file (CSV or Excel)", description = "Columns by header: 断面编码, 断面名称, 控制级别, "
            + "水体类型, 城市, and optionally 河流, 流域, 省份, 区县, 经度, 纬度, 水质目标, 启用, 自动站MN (or the English names). Bad rows are "
            + "reported by line; the others are kept.")
    @PostMapping(value = "/sections/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportSummary importSections(@RequestParam("file") MultipartFile file, Authentication user) throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "sections.csv"
                : Path.of(file.getOriginalFilename()).getFileName().toString();
        Path tmp = Files.createTempFile("envhub-sections", SpreadsheetFile.isExcel(name) ? ".xlsx" : ".csv");
        try {
            file.transferTo(tmp);
            return importSections(tmp, name, user.getName(), DataScope.current(), imports, service);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads and saves a registry file under a new import record (the API, the command line and the demo loader). */
    public static ImportSummary importSections(Path file, String name, String username, DataScope scope, ImportLog imports,
                                               WaterSectionService service) {
        long id = imports.start(KIND_SECTIONS, name, username, "running");
        SectionFile.Result read = SectionFile.read(file, name);
        List<ImportProblem> problems = new ArrayList<>(read.problems());
        WaterSectionService.BulkResult result = service.saveAll(read.sections(), scope, name);
        for (int i = 0; i < read.sections().size(); i++) {
            String why = result.refused().get(read.sections().get(i).code().trim());
            if (why != null) {
                problems.add(new ImportProblem(read.where().get(i), why));
            }
        }
        String message = result.added() + " sections added, " + result.updated() + " updated, " + (read.rows() - read.sections().size()
                + result.refused().size()) + " refused";
        imports.finish(id, "done", read.rows(), StoreResult.counts(result.added(), result.updated(), 0), problems, message);
        return imports.find(id).orElseThrow();
    }

    // ---- evaluations ----

    @Operation(summary = "Sections over a month or year: target, class, attainment, main pollutants, CWQI",
            description = "Every active section the user sees, with its stored evaluation (empty without samples). Filters: level "
                    + "(national/provincial/municipal), basin, district, river.")
    @GetMapping("/evaluation")
    public List<SectionStatus> evaluation(@Parameter(description = "YYYY-MM") @RequestParam(required = false) String month,
                                          @Parameter(description = "YYYY") @RequestParam(required = false) String year,
                                          @RequestParam(required = false) String level, @RequestParam(required = false) String basin,
                                          @RequestParam(required = false) String district, @RequestParam(required = false) String river) {
        String lv = level == null || level.isBlank() ? null : ControlLevel.parse(level).id();
        return queries.sections(period(month, year), DataScope.current()).stream()
                .filter(s -> lv == null || lv.equals(s.level()))
                .filter(s -> blank(basin) || basin.equals(s.basin()))
                .filter(s -> blank(district) || district.equals(s.district()))
                .filter(s -> blank(river) || river.equals(s.waterName()))
                .toList();
    }

    @Operation(summary = "The sections' evaluation as a table", description = "format = csv or xlsx")
    @GetMapping(value = "/evaluation", params = "format")
    public ResponseEntity<byte[]> evaluationTable(@RequestParam(required = false) String month, @RequestParam(required = false) String year,
                                                  @RequestParam(required = false) String level, @RequestParam(required = false) String basin,
                                                  @RequestParam(required = false) String district, @RequestParam(required = false) String river,
                                                  @RequestParam String format) {
        WaterPeriod p = period(month, year);
        List<List<Object>> rows = new ArrayList<>();
        for (SectionStatus s : evaluation(month, year, level, basin, district, river)) {
            rows.add(List.of(s.code(), s.name(), s.levelName(), nz(s.waterName()), nz(s.basin()), nz(s.district()), nz(s.target()),
                    nz(s.classLabel()), nz(s.quality()), s.attained() == null ? "" : s.attained() ? "达标" : "未达标", nz(s.mainPollutants()),
                    nz(s.cwqi()), nz(s.samples()), s.ruleSet()));
        }
        return TableExport.download(new Table("断面水质_" + p.label(), List.of("断面编码", "断面名称", "控制级别", "河流", "流域", "区县", "水质目标",
                "水质类别", "水质状况", "达标情况", "主要污染指标", "CWQI", "样品数", "评价规则"), rows), format);
    }

    @Operation(summary = "Cities, districts, rivers or basins over a month or year", description = "kind = city, district (ranked within "
            + "its city), river or basin: good-water ratio, 劣V share, the river and basin rating, CWQI and its rank, attainment. A district "
            + "user sees its own district's row only.")
    @GetMapping("/areas")
    public List<AreaStatus> areas(@RequestParam(defaultValue = "district") String kind, @RequestParam(required = false) String month,
                                  @RequestParam(required = false) String year) {
        return queries.areas(kind, period(month, year), DataScope.current());
    }

    @Operation(summary = "The areas as a table", description = "format = csv or xlsx")
    @GetMapping(value = "/areas", params = "format")
    public ResponseEntity<byte[]> areasTable(@RequestParam(defaultValue = "district") String kind, @RequestParam(required = false) String month,
                                             @RequestParam(required = false) String year, @RequestParam String format) {
        WaterPeriod p = period(month, year);
        List<List<Object>> rows = new ArrayList<>();
        for (AreaStatus a : areas(kind, month, year)) {
            rows.add(List.of(nz(a.rank()), a.name(), nz(a.parent()), nz(a.cwqi()), a.sections(), a.goodSections(), nz(a.goodRatio()), a.worstSections(),
                    nz(a.worstRatio()), nz(a.quality()), "shares".equals(a.ratingMethod()) ? "断面比例法" : "mean".equals(a.ratingMethod()) ? "均值法" : "",
                    a.withTarget(), a.attained(), a.ruleSet()));
        }
        String what = switch (kind) {
            case "city" -> "城市";
            case "river" -> "河流";
            case "basin" -> "流域";
            default -> "区县";
        };
        return TableExport.download(new Table(what + "水质排名_" + p.label(), List.of("CWQI排名", what, "所属城市", "CWQI", "断面数", "优良断面数",
                "优良比例(%)", "劣V类断面数", "劣V类比例(%)", "水质状况", "评价方法", "有目标断面数", "达标断面数", "评价规则"), rows), format);
    }

    // ---- risk ----

    @Operation(summary = "Sections at risk of missing their target this month (月度超标风险)", description = "month: default the month of "
            + "the latest sample. Each with the item that drives it and why; thresholds in GET /api/water/settings.")
    @GetMapping("/risks")
    public List<WaterRisks.SectionRisk> risks(@RequestParam(required = false) String month) {
        return risks.of(month(month), DataScope.current());
    }

    @Operation(summary = "The risk list as a table", description = "format = csv or xlsx")
    @GetMapping(value = "/risks", params = "format")
    public ResponseEntity<byte[]> risksTable(@RequestParam(required = false) String month, @RequestParam String format) {
        List<List<Object>> rows = new ArrayList<>();
        for (WaterRisks.SectionRisk r : risks(month)) {
            rows.add(List.of(r.code(), r.name(), r.levelName(), nz(r.district()), r.target(), nz(r.monthClass()), r.samples(), r.status(),
                    r.driver().itemName(), String.join("；", r.items().stream().map(WaterRisks.RiskItem::message).toList())));
        }
        return TableExport.download(new Table("月度超标风险断面_" + month(month), List.of("断面编码", "断面名称", "控制级别", "区县", "水质目标",
                "月累计类别", "本月样品数", "状态", "主要风险指标", "原因"), rows), format);
    }

    // ---- one section ----

    /** A sample as the API gives it: Beijing time, source, the values by item column. */
    public record SampleView(String time, String source, Map<String, Double> values) {}

    @Operation(summary = "A section's samples", description = "from/to: Beijing dates (default the last 12 months of data)")
    @GetMapping("/sections/{code}/samples")
    public List<SampleView> sectionSamples(@PathVariable String code, @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to) {
        visible(code);
        LocalDate last = to == null ? samples.latestDay().orElse(LocalDate.now(AirTime.LOCAL)) : day("to", to);
        LocalDate first = from == null ? YearMonth.from(last).minusMonths(11).atDay(1) : day("from", from);
        List<SampleView> list = new ArrayList<>();
        for (WaterSampleStore.StoredSample s : samples.read(code, first, last)) {
            Map<String, Double> v = new LinkedHashMap<>();
            for (WaterItem item : WaterItem.values()) {
                if (s.values().has(item)) {
                    v.put(item.column(), s.values().get(item));
                }
            }
            list.add(new SampleView(s.time().toString(), s.source(), v));
        }
        return list;
    }

    @Operation(summary = "A section's samples as a table", description = "format = csv or xlsx; the wide layout the import reads")
    @GetMapping(value = "/sections/{code}/samples", params = "format")
    public ResponseEntity<byte[]> sectionSamplesTable(@PathVariable String code, @RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String to, @RequestParam String format) {
        WaterSectionView s = visible(code);
        List<String> titles = new ArrayList<>(List.of("section", "time", "water_body", "source"));
        for (WaterItem item : WaterItem.values()) {
            titles.add(item.column());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SampleView v : sectionSamples(code, from, to)) {
            List<Object> row = new ArrayList<>(List.of(code, v.time(), s.waterBody(), v.source()));
            for (WaterItem item : WaterItem.values()) {
                row.add(nz(v.values().get(item.column())));
            }
            rows.add(row);
        }
        return TableExport.download(new Table(code + "_samples", titles, rows), format);
    }

    /**
     * An item's series at a section, with the class limits to draw as bands.
     *
     * @param limits  the I … V limits of the item for the section's water body (pH: the 6–9 range as {@code low},
     *                {@code high}); lower bounds for DO
     * @param target  the section's target class
     * @param monthly the monthly means (rounded, as evaluated)
     * @param samples every sample's value in the same months
     */
    public record Trend(String section, String name, String item, String itemName, String unit, String waterBody, String target,
                        boolean lowerBound, Map<String, Double> limits, List<WaterQueries.MonthlyValue> monthly, List<TrendPoint> samples,
                        String ruleSet) {}

    public record TrendPoint(String time, String source, double value) {}

    @Operation(summary = "An item's monthly means and samples at a section, with its class limits", description = "item: a column name "
            + "(nh3n, tp, codmn, do, ph, …) or label; from/to: YYYY-MM, default the 12 months to the latest data.")
    @GetMapping("/sections/{code}/trend")
    public Trend trend(@PathVariable String code, @RequestParam(defaultValue = "nh3n") String item, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to) {
        WaterSectionView s = visible(code);
        WaterItem it = WaterItem.byName(item);
        if (it == null) {
            throw new IllegalArgumentException("item '" + item + "' is not a GB 3838 item (ph, do, codmn, cod, bod5, nh3n, tp, tn, …)");
        }
        YearMonth last = to == null ? queries.latestMonth() : month(to);
        YearMonth first = from == null ? last.minusMonths(11) : month(from);
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("from (" + first + ") is after to (" + last + ")");
        }
        WaterBody body = WaterBody.parse(s.waterBody());
        WaterRuleSet rules = WaterPeriod.month(last).rules();
        Map<String, Double> limits = new LinkedHashMap<>();
        if (it == WaterItem.PH) {
            limits.put("low", 6.0);
            limits.put("high", 9.0);
        } else {
            for (WaterClass c : WaterClass.values()) {
                if (c != WaterClass.WORSE_THAN_V) {
                    limits.put(c.label(), rules.limits().limit(it, c, body));
                }
            }
        }
        List<TrendPoint> points = new ArrayList<>();
        for (WaterSampleStore.StoredSample x : samples.read(code, first.atDay(1), last.atEndOfMonth())) {
            if (x.values().has(it)) {
                points.add(new TrendPoint(x.time().toString(), x.source(), x.values().get(it)));
            }
        }
        return new Trend(code, s.name(), it.column(), it.chineseName(), it == WaterItem.PH ? "" : it.unit(), s.waterBody(), s.target(),
                it.lowerBound(), limits, queries.monthly(code, it.column(), first, last), points, rules.id());
    }

    // ---- summary and settings ----

    @Operation(summary = "The month's figures for the command centre", description = "Sections, good-water ratio (优良比例), 劣V count, "
            + "attainment and risk count over the sections the user sees; month default the month of the latest sample.")
    @GetMapping("/summary")
    public WaterSummary summary(@RequestParam(required = false) String month) {
        YearMonth m = month(month);
        WaterPeriod p = WaterPeriod.month(m);
        DataScope scope = DataScope.current();
        List<SectionStatus> rows = queries.sections(p, scope);
        List<WaterClass> classes = rows.stream().map(SectionStatus::waterClass).filter(Objects::nonNull).map(WaterClass::parse).toList();
        int good = (int) classes.stream().filter(WaterClass::isGoodWater).count();
        int worst = (int) classes.stream().filter(c -> c == WaterClass.WORSE_THAN_V).count();
        List<SectionStatus> judged = rows.stream().filter(r -> r.attained() != null).toList();
        int attained = (int) judged.stream().filter(SectionStatus::attained).count();
        List<WaterRisks.SectionRisk> atRisk = risks.of(m, scope);
        List<YearMonth> months = samples.months();
        return new WaterSummary(m.toString(), p.rules().id(), rows.size(), classes.size(), good,
                classes.isEmpty() ? null : GoodWaterRatio.publishedPercent(classes), worst, judged.size(), attained,
                judged.isEmpty() ? null : ConcentrationRounding.round(100.0 * attained / judged.size(), 1), atRisk.size(),
                (int) atRisk.stream().filter(r -> r.status().equals("超标")).count(),
                months.isEmpty() ? null : months.getFirst().toString(), months.isEmpty() ? null : months.getLast().toString(),
                List.of("按 GB 3838-2002 单因子评价（2011 年评价办法），月均值按 2020 年统计规定修约后评价", "优良比例 = I–III 类断面数 / 有评价结果的断面数"));
    }

    /** A class with its labels and map colour. */
    public record ClassInfo(String waterClass, String chineseLabel, String quality, String colour) {}

    /** The settings in force, so that a page or a script can say what a warning means and draw the classes alike. */
    public record Settings(WaterSettings.Risk risk, WaterSettings.AutoStation autoStation, Map<String, String> autoStationCodes,
                           List<ClassInfo> classes) {}

    @Operation(summary = "The risk thresholds, the automatic-station code mapping and the class colours in force")
    @GetMapping("/settings")
    public Settings settings() {
        Map<String, String> codes = new LinkedHashMap<>();
        AutoStationItems.codes().forEach((code, item) -> codes.put(code, item.column()));
        List<ClassInfo> classes = new ArrayList<>();
        for (WaterClass c : WaterClass.values()) {
            classes.add(new ClassInfo(c.label(), c.chineseLabel(), c.quality().label(), WaterClassColours.of(c)));
        }
        return new Settings(settings.risk(), settings.autoStation(), codes, classes);
    }

    // ---- helpers ----

    private WaterSectionView visible(String code) {
        return sections.find(code).filter(s -> DataScope.current().allows(s.districtId()))
                .orElseThrow(() -> new NoSuchElementException("no section " + code));
    }

    private WaterPeriod period(String month, String year) {
        if (month != null && year != null) {
            throw new IllegalArgumentException("give month or year, not both");
        }
        if (year != null) {
            WaterPeriod p = WaterPeriod.parse(year);
            if (!WaterPeriod.YEAR.equals(p.kind())) {
                throw new IllegalArgumentException("year: expected YYYY, got '" + year + "'");
            }
            return p;
        }
        return WaterPeriod.month(month(month));
    }

    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return queries.latestMonth();
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("month: expected YYYY-MM, got '" + month + "'");
        }
    }

    private static LocalDate day(String name, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": expected a date YYYY-MM-DD, got '" + text + "'");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Object nz(Object o) {
        return o == null ? "" : o;
    }
}
