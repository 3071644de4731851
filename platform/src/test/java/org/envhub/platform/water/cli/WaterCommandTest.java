package org.envhub.platform.water.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The water commands on a small file whose every figure is worked out by hand below. */
class WaterCommandTest {

    @TempDir
    Path dir;

    Path samples;
    Path sections;

    @BeforeEach
    void files() throws IOException {
        samples = dir.resolve("samples.csv");
        Files.writeString(samples, String.join("\n",
                "section,time,water_body,ph,do,codmn,nh3n,tp",
                // II: CODMn 3, NH3-N 0.45, TP 0.08 (river) all II
                "S1,2024-01-10,river,7.5,8.0,3.0,0.45,0.08",
                // IV: NH3-N 1.45 IV (0.45), TP 0.26 IV (0.30); CODMn 4.5 III, DO 6.2 II
                "S1,2024-02-10,river,7.2,6.2,4.5,1.45,0.26",
                // a bad row: DO is no number
                "S1,2024-03-10,river,7.2,x,4.5,1.45,0.26",
                // 劣V from pH 9.1 (no multiple); TP 0.08 is IV in a lake: (0.08 − 0.05)/0.05 = 0.60
                "L1,2024-01-12,lake,9.1,7.8,2.0,0.10,0.08",
                // 劣V: TP (0.25 − 0.05)/0.05 = 4.00, CODMn (16 − 6)/6 = 1.67, NH3-N (2.2 − 1)/1 = 1.20; DO 1.8 劣V comes after
                "L1,2024-02-12,lake,8.4,1.8,16,2.2,0.25",
                ""));
        sections = dir.resolve("sections.csv");
        Files.writeString(sections, "section,name,city,district,water_body,target\nS1,East bridge,Alpha,,river,III\nL1,Lake centre,Beta,,lake,IV\n");
    }

    @Test
    void classifyWritesOneRowPerSampleWithMainPollutantsAndTheirMultiples() {
        WaterCli.Run run = WaterCli.run("water", "classify", "--format", "csv", samples.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.outLines()).containsExactly(
                "section,time,class,main_pollutants",
                "S1,2024-01-10T00:00,II,",
                "S1,2024-02-10T00:00,IV,NH3-N(0.45)+TP(0.30)",
                "L1,2024-01-12T00:00,劣V,pH+TP(0.60)",
                "L1,2024-02-12T00:00,劣V,TP(4.00)+CODMn(1.67)+NH3-N(1.20)");
        assertThat(run.err()).contains(samples + ":4: section S1: do 'x' is not a number; row skipped");
        assertThat(run.err()).contains("rules gb3838-2002");
    }

    @Test
    void classifyInChineseLabels() {
        WaterCli.Run run = WaterCli.run("water", "classify", "--format", "csv", "--chinese", samples.toString());
        assertThat(run.outLines()).contains("S1,2024-02-10T00:00,Ⅳ,氨氮(0.45)、总磷(0.30)", "L1,2024-01-12T00:00,劣Ⅴ,pH值、总磷(0.60)");
    }

    @Test
    void reportPerSection() {
        // S1 over January–February: pH through H⁺ of 7.5 and 7.2 = 7.32; DO 7.1; CODMn 3.75 → 3.8 (half to even);
        //   NH3-N 0.95; TP 0.17 → III, target III attained.
        //   CWQI (7.32 − 7)/2 + 5/7.1 + 3.8/6 + 0.95/1 + 0.17/0.2 = 0.16 + 0.7042 + 0.6333 + 0.95 + 0.85 = 3.2976 (5 items)
        // L1: pH of 9.1 and 8.4 = 8.62; DO 4.8 IV; CODMn 9.0 IV; NH3-N 1.15 IV; TP 0.165 V (lake) → V, target IV missed.
        //   Main: TP (0.165 − 0.05)/0.05 = 2.30, then the IVs by multiple: CODMn 0.50, NH3-N 0.15 (DO has none: last).
        //   CWQI 0.81 + 5/4.8 + 9/6 + 1.15 + 0.165/0.05 = 0.81 + 1.0417 + 1.5 + 1.15 + 3.3 = 7.8017
        WaterCli.Run run = WaterCli.run("water", "report", "--from", "2024-01-01", "--to", "2024-02-29",
                "--sections", sections.toString(), "--level", "section", "--format", "csv", samples.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.outLines()).containsExactly(
                "section,name,city,water_body,samples,class,quality,target,attained,main_pollutants,cwqi,cwqi_items,rules",
                "S1,East bridge,Alpha,river,2,III,良好,III,yes,,3.2976,5,gb3838-2002",
                "L1,Lake centre,Beta,lake,2,V,中度污染,IV,no,TP(2.30)+CODMn(0.50)+NH3-N(0.15),7.8017,5,gb3838-2002");
    }

    @Test
    void reportPerCityRankedByCwqi() {
        // Alpha: its one section III → 100.0% good, rated by the mean (fewer than 5 sections): 良好; CWQI 3.2976 rank 1
        // Beta: V → 0.0%, 中度污染; 7.8017 rank 2
        WaterCli.Run run = WaterCli.run("water", "report", "--from", "2024-01-01", "--to", "2024-02-29",
                "--sections", sections.toString(), "--level", "city", "--format", "csv", samples.toString());
        assertThat(run.outLines()).containsExactly(
                "rank,city,sections,good_sections,good_ratio,quality,rating_by,with_target,attained,cwqi,rules",
                "1,Alpha,1,1,100.0,良好,mean,1,1,3.2976,gb3838-2002",
                "2,Beta,1,0,0.0,中度污染,mean,1,0,7.8017,gb3838-2002");
    }

    @Test
    void reportWithAChangeRateAgainstAnEarlierPeriod() {
        // Alpha in February (S1 alone): 0.1 + 5/6.2 + 4.5/6 + 1.45 + 0.26/0.2 = 0.1 + 0.8065 + 0.75 + 1.45 + 1.3 = 4.4065
        // in January: 0.25 + 0.625 + 0.5 + 0.45 + 0.4 = 2.2250; change (4.4065 − 2.2250)/2.2250 = +98.0%
        WaterCli.Run run = WaterCli.run("water", "report", "--from", "2024-02-01", "--to", "2024-02-29",
                "--compare-from", "2024-01-01", "--compare-to", "2024-01-31",
                "--sections", sections.toString(), "--level", "city", "--format", "csv", samples.toString());
        assertThat(run.outLines().get(0)).isEqualTo(
                "rank,city,sections,good_sections,good_ratio,quality,rating_by,with_target,attained,cwqi,cwqi_before,change_pct,rules");
        assertThat(run.outLines()).contains("1,Alpha,1,0,0.0,轻度污染,mean,1,0,4.4065,2.2250,98.0,gb3838-2002");
    }

    @Test
    void withoutASectionListAllSectionsAreOneCityNamedDash() {
        // CWQI (3.2976 + 7.8017)/2 = 5.5496 (from the unrounded 3.297559 and 7.801667: 5.549613).
        // Rated by the mean of the two sections (river limits, as not all are lakes): CODMn (3.75 + 9)/2 = 6.375 → 6.4
        // and NH3-N (0.95 + 1.15)/2 = 1.05 are IV; TP 0.1675 → 0.168 III, DO 5.95 → 6.0 II: IV → 轻度污染
        WaterCli.Run run = WaterCli.run("water", "report", "--from", "2024-01-01", "--to", "2024-02-29",
                "--level", "city", "--format", "csv", samples.toString());
        assertThat(run.outLines()).containsExactly(
                "rank,city,sections,good_sections,good_ratio,quality,rating_by,with_target,attained,cwqi,rules",
                "1,-,2,1,50.0,轻度污染,mean,0,0,5.5496,gb3838-2002");
    }

    @Test
    void reportAllLevelsAsJson() {
        WaterCli.Run run = WaterCli.run("water", "report", "--from", "2024-01-01", "--to", "2024-02-29",
                "--sections", sections.toString(), "--format", "json", samples.toString());
        JsonNode root = JsonMapper.builder().build().readTree(run.out());
        assertThat(root.get("rules").asString()).isEqualTo("gb3838-2002");
        assertThat(root.get("sections").size()).isEqualTo(2);
        assertThat(root.get("sections").get(1).get("class").asString()).isEqualTo("V");
        assertThat(root.get("cities").get(0).get("city").asString()).isEqualTo("Alpha");
        assertThat(root.get("cities").get(0).get("cwqi").decimalValue()).isEqualByComparingTo("3.2976");
    }

    @Test
    void reportAllLevelsAsTables() {
        WaterCli.Run run = WaterCli.run("water", "report", "--from", "2024-01-01", "--to", "2024-02-29",
                "--sections", sections.toString(), samples.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Sections, 2024-01-01 to 2024-02-29 (gb3838-2002)", "Cities, ranked by CWQI");
        assertThat(run.outLines()).anySatisfy(l -> assertThat(l).startsWith("L1 ").contains("TP(2.30)+CODMn(0.50)+NH3-N(0.15)"));
    }

    @Test
    void exitCodes() throws IOException {
        // a bad row alone does not fail the run; under --strict it does
        assertThat(WaterCli.run("water", "classify", samples.toString()).exit()).isZero();
        assertThat(WaterCli.run("water", "classify", "--strict", samples.toString()).exit()).isEqualTo(1);
        // nothing valid read: 1
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "section,time,water_body,nh3n\nS1,someday,river,0.4\n");
        WaterCli.Run none = WaterCli.run("water", "classify", bad.toString());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains(bad + ":2: section S1: time 'someday' is not an ISO date or date-time; row skipped");
        // input and usage errors: 2, an input error as one line naming it
        WaterCli.Run absent = WaterCli.run("water", "classify", dir.resolve("absent.csv").toString());
        assertThat(absent.exit()).isEqualTo(2);
        assertThat(absent.err()).isEqualTo("envhub: no input file matches '" + dir.resolve("absent.csv") + "'" + System.lineSeparator());
        WaterCli.Run rounding = WaterCli.run("water", "classify", "--rounding", "2017", samples.toString());
        assertThat(rounding.exit()).isEqualTo(2);
        assertThat(rounding.err()).contains("--rounding must be 2020 or none");
        assertThat(WaterCli.run("water", "report", "--from", "2024-02-01", "--to", "2024-01-01", samples.toString()).exit()).isEqualTo(2);
        assertThat(WaterCli.run("water", "classify", "--format", "xml", samples.toString()).exit()).isEqualTo(2);
        assertThat(WaterCli.run("water").exit()).isEqualTo(2);
    }
}
