package org.envhub.platform.water.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.envhub.platform.cli.OutputFormat;
import org.envhub.platform.cli.ResultTable;
import org.envhub.standards.air.stats.Period;
import org.envhub.standards.io.ReadReport;
import org.envhub.standards.water.Cwqi;
import org.envhub.standards.water.CwqiMissingItems;
import org.envhub.standards.water.PeriodEvaluation;
import org.envhub.standards.water.RiverRating;
import org.envhub.standards.water.WaterClass;
import org.envhub.standards.water.WaterOptions;
import org.envhub.standards.water.WaterReport;
import org.envhub.standards.water.WaterSample;
import org.envhub.standards.water.WaterSection;
import org.envhub.standards.water.WaterSectionListReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code envhub water report}: over a period, each section's class from the mean of its samples, its
 * target and attainment, main pollutants and CWQI; and each city's good-water ratio, rating, CWQI and
 * rank (best first). With {@code --sections}, cities and targets come from the section list; without it
 * every section belongs to the city {@code -}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Per section and per city over a period: class, target attainment, main pollutants, good-water ratio, CWQI and rank.")
public class WaterReportCommand implements Callable<Integer> {

    enum Level { ALL, SECTION, CITY }

    static final class LevelConverter implements CommandLine.ITypeConverter<Level> {
        @Override
        public Level convert(String value) {
            try {
                return Level.valueOf(value.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected all, section or city, not '" + value + "'");
            }
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    WaterCliOptions options;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day of the period (2024-01-01).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day of the period, included (2024-12-31).")
    LocalDate to;

    @Option(names = "--sections", paramLabel = "FILE",
            description = "Section list section,name,city,district,water_body,target (only section is required). "
                    + "Without it, all sections form one city named '-' and have no target.")
    Path sectionsFile;

    @Option(names = "--compare-from", paramLabel = "DATE", description = "First day of an earlier period for the CWQI change rate (同比/环比).")
    LocalDate compareFrom;

    @Option(names = "--compare-to", paramLabel = "DATE", description = "Last day of the earlier period, included.")
    LocalDate compareTo;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "all", converter = LevelConverter.class,
            description = "all, section or city (default: ${DEFAULT-VALUE}). With all, CSV output is the section table, "
                    + "a blank line, then the city table; JSON is one object with both.")
    Level level;

    @Option(names = "--cwqi-missing", paramLabel = "RULE", defaultValue = "sum-present",
            description = "CWQI when some of the 21 items were not measured: sum-present (sum over those measured; the "
                    + "cwqi_items column says how many) or not-computed (no CWQI, not ranked) (default: ${DEFAULT-VALUE}).")
    String cwqiMissing;

    @Option(names = "--cwqi-decimals", paramLabel = "N", defaultValue = "4",
            description = "Decimals of the CWQI as printed and ranked, half to even (default: ${DEFAULT-VALUE}).")
    int cwqiDecimals;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        WaterOptions water = waterOptions();
        Period period = period(from, to, "--from", "--to");
        Period before = null;
        if (compareFrom != null || compareTo != null) {
            if (compareFrom == null || compareTo == null) {
                throw new CommandLine.ParameterException(cmd, "give both --compare-from and --compare-to");
            }
            before = period(compareFrom, compareTo, "--compare-from", "--compare-to");
        }

        ReadReport report = new ReadReport();
        Map<String, WaterSection> sections = sectionsFile == null ? Map.of() : WaterSectionListReader.read(sectionsFile, report);
        List<WaterSample> samples = WaterInput.read(options.inputs, options.belowDetection(), report);
        WaterInput.printProblems(report, err);

        WaterReport result = WaterReport.compute(samples, sections, period, before, water);
        result.notes().forEach(note -> err.println("envhub: " + note));
        long inPeriod = samples.stream().filter(s -> period.contains(s.time().toLocalDate())).count();
        if (!samples.isEmpty() && inPeriod == 0) {
            err.println("envhub: no sample falls between " + period.from() + " and " + period.to());
        }

        ResultTable sectionTable = sectionTable(result, water);
        ResultTable cityTable = cityTable(result, water, before != null);
        switch (level) {
            case SECTION -> out.print(WaterInput.render(sectionTable, options.format));
            case CITY -> out.print(WaterInput.render(cityTable, options.format));
            case ALL -> printBoth(out, sectionTable, cityTable, result);
        }
        out.flush();
        err.println("envhub: " + samples.size() + " samples (" + inPeriod + " in the period) from " + report + "; rules " + water.rules().id()
                + ", rounding " + water.rounding() + ", CWQI with missing items " + water.cwqiMissing().name().toLowerCase().replace('_', '-'));
        err.flush();
        return WaterCommands.finish(samples.isEmpty(), report, options.strict, err);
    }

    private WaterOptions waterOptions() {
        WaterOptions water = WaterCommands.options(options);
        CwqiMissingItems missing = switch (cwqiMissing.trim().toLowerCase().replace('_', '-')) {
            case "sum-present" -> CwqiMissingItems.SUM_PRESENT;
            case "not-computed" -> CwqiMissingItems.NOT_COMPUTED;
            default -> throw new IllegalArgumentException("--cwqi-missing must be sum-present or not-computed, not '" + cwqiMissing + "'");
        };
        return water.withCwqiMissing(missing).withCwqiDecimals(cwqiDecimals);
    }

    private Period period(LocalDate first, LocalDate last, String firstName, String lastName) {
        if (last.isBefore(first)) {
            throw new CommandLine.ParameterException(spec.commandLine(), lastName + " " + last + " is before " + firstName + " " + first);
        }
        return new Period(first, last);
    }

    private ResultTable sectionTable(WaterReport result, WaterOptions water) {
        ResultTable t = new ResultTable("section", "name", "city", "water_body", "samples", "class", "quality", "target",
                "attained", "main_pollutants", "cwqi", "cwqi_items", "rules");
        for (WaterReport.SectionRow row : result.sections()) {
            WaterSection s = row.section();
            PeriodEvaluation p = row.period();
            WaterClass cls = row.waterClass();
            Cwqi cwqi = p == null ? null : p.evaluation().cwqi();
            t.add(s.code(), s.name(), s.city(), row.body() == null ? null : row.body().id(),
                    p == null ? 0 : p.samples(),
                    WaterClassifyCommand.classLabel(cls, options.chinese),
                    cls == null ? null : cls.quality().label(),
                    WaterClassifyCommand.classLabel(s.target(), options.chinese),
                    yesNo(row.attained()),
                    p == null ? null : WaterClassifyCommand.mainPollutants(p.evaluation().mainPollutants(), water, options.chinese),
                    cwqi == null ? null : cwqiCell(cwqi.value(), water.cwqiDecimals()),
                    cwqi == null || cwqi.items() == 0 ? null : cwqi.items(),
                    result.rules().id());
        }
        return t;
    }

    private ResultTable cityTable(WaterReport result, WaterOptions water, boolean withChange) {
        List<String> columns = new ArrayList<>(List.of("rank", "city", "sections", "good_sections", "good_ratio", "quality",
                "rating_by", "with_target", "attained", "cwqi"));
        if (withChange) {
            columns.addAll(List.of("cwqi_before", "change_pct"));
        }
        columns.add("rules");
        ResultTable t = new ResultTable(columns);
        List<WaterReport.CityRow> rows = new ArrayList<>(result.cities());
        // the ranking order, best first; cities without a rank keep their order at the end
        rows.sort(Comparator.comparingInt(r -> r.rank() == 0 ? Integer.MAX_VALUE : r.rank()));
        for (WaterReport.CityRow c : rows) {
            RiverRating rating = c.rating();
            List<Object> cells = new ArrayList<>();
            cells.add(ResultTable.integerOrNull(c.rank() == 0 ? -1 : c.rank()));
            cells.add(c.city());
            cells.add(c.sections());
            cells.add(c.goodSections());
            cells.add(ResultTable.fixed(100 * c.goodRatio(), 1));
            cells.add(rating == null ? null : rating.quality().label());
            cells.add(rating == null ? null : rating.method() == RiverRating.Method.SECTION_SHARES ? "shares" : "mean");
            cells.add(c.withTarget());
            cells.add(c.attained());
            cells.add(cwqiCell(c.cwqi().value(), water.cwqiDecimals()));
            if (withChange) {
                cells.add(cwqiCell(c.cwqiBefore(), water.cwqiDecimals()));
                cells.add(ResultTable.fixed(100 * c.changeRate(), 1));
            }
            cells.add(result.rules().id());
            t.add(cells.toArray());
        }
        return t;
    }

    private void printBoth(PrintWriter out, ResultTable sections, ResultTable cities, WaterReport result) {
        OutputFormat format = options.format;
        switch (format) {
            case TABLE -> {
                out.println("Sections, " + result.period().from() + " to " + result.period().to() + " (" + result.rules().id() + ")");
                out.print(WaterInput.render(sections, format));
                out.println();
                out.println("Cities, ranked by CWQI (lower is better)");
                out.print(WaterInput.render(cities, format));
            }
            case CSV -> {
                out.print(WaterInput.render(sections, format));
                out.println();
                out.print(WaterInput.render(cities, format));
            }
            case JSON -> {
                JsonMapper mapper = JsonMapper.builder().build();
                ObjectNode root = mapper.createObjectNode();
                root.put("rules", result.rules().id());
                root.put("from", result.period().from().toString());
                root.put("to", result.period().to().toString());
                JsonNode s = mapper.readTree(WaterInput.render(sections, format));
                JsonNode c = mapper.readTree(WaterInput.render(cities, format));
                root.set("sections", s);
                root.set("cities", c);
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            }
        }
    }

    private static String yesNo(Boolean b) {
        return b == null ? null : b ? "yes" : "no";
    }

    /** The CWQI at its published decimals; an infinite one (a DO of 0) as {@code inf}. */
    private static Object cwqiCell(double value, int decimals) {
        if (Double.isInfinite(value)) {
            return "inf";
        }
        return ResultTable.fixed(value, decimals);
    }
}
