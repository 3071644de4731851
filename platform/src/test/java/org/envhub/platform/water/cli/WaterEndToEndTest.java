package org.envhub.platform.water.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.envhub.bench.SyntheticWaterYear;
import org.envhub.standards.air.stats.Period;
import org.envhub.standards.io.ReadProblem;
import org.envhub.standards.io.ReadReport;
import org.envhub.standards.water.BelowDetection;
import org.envhub.standards.water.MainPollutant;
import org.envhub.standards.water.WaterClass;
import org.envhub.standards.water.WaterEvaluation;
import org.envhub.standards.water.WaterOptions;
import org.envhub.standards.water.WaterReport;
import org.envhub.standards.water.WaterSample;
import org.envhub.standards.water.WaterSampleReader;
import org.envhub.standards.water.WaterSection;
import org.envhub.standards.water.WaterSectionListReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated year (30 sections in three cities, rivers, a lake and a reservoir, seven bad rows) through
 * the reader and the command line, checked against the standards module called directly.
 */
class WaterEndToEndTest {

    private static final int YEAR = 2024;

    @TempDir
    static Path dir;

    static SyntheticWaterYear.Output data;
    static List<WaterSample> samples;
    static ReadReport readReport;

    @BeforeAll
    static void generate() {
        data = new SyntheticWaterYear(20_240_101L).write(YEAR, dir);
        readReport = new ReadReport();
        samples = WaterSampleReader.read(data.sampleFiles(), readReport, BelowDetection.HALF_LIMIT);
    }

    private static String[] inputs() {
        return data.sampleFiles().stream().map(Path::toString).toArray(String[]::new);
    }

    private static String[] args(String... head) {
        List<String> a = new ArrayList<>(Arrays.asList(head));
        a.addAll(Arrays.asList(inputs()));
        return a.toArray(String[]::new);
    }

    @Test
    void theReaderKeepsEveryGoodSampleAndReportsEachBadRowWhereItIs() {
        assertThat(data.samples()).isEqualTo(30 * 12);
        assertThat(samples).hasSize(data.samples());
        assertThat(readReport.files()).isEqualTo(2);
        List<ReadProblem> problems = readReport.problems();
        assertThat(problems).hasSize(SyntheticWaterYear.BAD_KINDS.size());
        String[] expectedReason = {"is not an ISO date", "is not river, lake or reservoir", "nh3n '0..5' is not a number",
                "row has 25 of 26 columns", "cod -3 is not a concentration", "already read at", "is a lake"};
        for (int i = 0; i < problems.size(); i++) {
            SyntheticWaterYear.BadRow bad = data.badRows().get(i);
            assertThat(problems.get(i).source()).isEqualTo(bad.file().toString());
            assertThat(problems.get(i).line()).as(bad.kind()).isEqualTo(bad.line());
            assertThat(problems.get(i).reason()).as(bad.kind()).contains(expectedReason[i]);
        }
        // 30 sections, 12 months each; the lake and the reservoir among them
        Map<String, Integer> perSection = new HashMap<>();
        samples.forEach(s -> perSection.merge(s.section(), 1, Integer::sum));
        assertThat(perSection).hasSize(30).allSatisfy((section, n) -> assertThat(n).isEqualTo(12));
        assertThat(samples).anySatisfy(s -> assertThat(s.body().id()).isEqualTo("lake"));
        assertThat(samples).anySatisfy(s -> assertThat(s.body().id()).isEqualTo("reservoir"));
    }

    @Test
    void classifyAgreesWithTheStandardsModuleSampleBySample() {
        WaterCli.Run run = WaterCli.run(args("water", "classify", "--format", "csv"));
        assertThat(run.exit()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).isEqualTo("section,time,class,main_pollutants");
        assertThat(lines).hasSize(1 + samples.size());
        Set<String> classes = new HashSet<>();
        for (int i = 0; i < samples.size(); i++) {
            WaterSample s = samples.get(i);
            WaterEvaluation e = WaterEvaluation.of(s, WaterOptions.defaults());
            String main = MainPollutant.format(e.mainPollutants(), 2, false);
            assertThat(lines.get(i + 1)).isEqualTo(s.section() + "," + s.time() + "," + e.waterClass().label() + "," + main);
            classes.add(e.waterClass().label());
            // main pollutants exactly when worse than III
            assertThat(main.isEmpty()).isEqualTo(e.waterClass().isGoodWater());
        }
        // a realistic spread: clean rivers, polluted ones, and the lake's phosphorus
        assertThat(classes).contains("II", "III", "IV", "V", "劣V");
        for (SyntheticWaterYear.BadRow bad : data.badRows()) {
            assertThat(run.err()).contains(bad.file() + ":" + bad.line() + ":");
        }
    }

    @Test
    void theYearReportAgreesWithTheStandardsModuleAndRanksTheCities() {
        WaterCli.Run run = WaterCli.run(args("water", "report", "--from", YEAR + "-01-01", "--to", YEAR + "-12-31",
                "--sections", data.sections().toString(), "--format", "csv"));
        assertThat(run.exit()).isZero();
        List<List<String>> blocks = run.csvBlocks();
        assertThat(blocks).hasSize(2);
        List<String> sectionRows = blocks.get(0);
        List<String> cityRows = blocks.get(1);

        Map<String, WaterSection> listed = WaterSectionListReader.read(data.sections(), new ReadReport());
        WaterReport expected = WaterReport.compute(samples, listed, new Period(java.time.LocalDate.of(YEAR, 1, 1),
                java.time.LocalDate.of(YEAR, 12, 31)), null, WaterOptions.defaults());

        // 30 sampled sections and QC13, listed but never sampled
        assertThat(sectionRows).hasSize(1 + 31);
        for (int i = 0; i < expected.sections().size(); i++) {
            WaterReport.SectionRow row = expected.sections().get(i);
            String[] cells = sectionRows.get(i + 1).split(",", -1);
            assertThat(cells[0]).isEqualTo(row.section().code());
            WaterClass cls = row.waterClass();
            assertThat(cells[5]).isEqualTo(cls == null ? "" : cls.label());
            assertThat(cells[8]).isEqualTo(row.attained() == null ? "" : row.attained() ? "yes" : "no");
        }
        assertThat(sectionRows).anySatisfy(r -> assertThat(r).startsWith("QC13,青川河新设断面,青川市,river,0,,"));

        // three cities, ranked 1..3 by CWQI, best first; the good-water ratio is good_sections/sections
        assertThat(cityRows.get(0)).isEqualTo("rank,city,sections,good_sections,good_ratio,quality,rating_by,with_target,attained,cwqi,rules");
        assertThat(cityRows).hasSize(4);
        double lastCwqi = 0;
        for (int i = 1; i <= 3; i++) {
            String[] c = cityRows.get(i).split(",", -1);
            assertThat(Integer.parseInt(c[0])).isEqualTo(i);
            double cwqi = Double.parseDouble(c[9]);
            assertThat(cwqi).isGreaterThan(lastCwqi);
            lastCwqi = cwqi;
            int n = Integer.parseInt(c[2]);
            int good = Integer.parseInt(c[3]);
            assertThat(Double.parseDouble(c[4])).isCloseTo(100.0 * good / n, org.assertj.core.api.Assertions.within(0.05));
            WaterReport.CityRow city = expected.cities().stream().filter(x -> x.city().equals(c[1])).findFirst().orElseThrow();
            assertThat(city.rank()).isEqualTo(i);
            assertThat(n).isEqualTo(city.sections());
            // 10 or more sections: rated by shares; 云湖市's 8 as well
            assertThat(c[6]).isEqualTo("shares");
        }
        // the clean city ranks first, the industrial one last
        assertThat(cityRows.get(1)).contains(",青川市,");
        assertThat(cityRows.get(3)).contains(",白沙市,");
    }

    @Test
    void jsonAndStrict() {
        WaterCli.Run json = WaterCli.run(args("water", "report", "--from", YEAR + "-07-01", "--to", YEAR + "-09-30",
                "--sections", data.sections().toString(), "--format", "json", "--level", "city"));
        assertThat(json.exit()).isZero();
        assertThat(json.out().trim()).startsWith("[").endsWith("]").contains("\"city\" : \"云湖市\"");
        assertThat(WaterCli.run(args("water", "classify", "--strict", "--format", "csv")).exit()).isEqualTo(1);
    }
}
