package org.envhub.standards.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path dir;

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, name);
        }
    }

    @Test
    void aDirectoryGivesItsCsvFilesSorted() throws IOException {
        touch("b.csv.gz", "a.csv", "notes.txt", "c.CSV", "sub/d.csv");
        assertThat(InputFiles.expand(List.of(dir.toString())))
                .containsExactly(dir.resolve("a.csv"), dir.resolve("b.csv.gz"), dir.resolve("c.CSV"));
    }

    @Test
    void globsMatchNamesAndCrossDirectoriesWithTwoStars() throws IOException {
        touch("hourly/china_sites_20230121.csv.gz", "hourly/china_sites_20230120.csv.gz", "hourly/other.csv.gz",
                "more/x/china_sites_20230122.csv");
        assertThat(InputFiles.expand(List.of(dir + "/hourly/china_sites_*.csv.gz"))).containsExactly(
                dir.resolve("hourly/china_sites_20230120.csv.gz"), dir.resolve("hourly/china_sites_20230121.csv.gz"));
        assertThat(InputFiles.expand(List.of(dir + "/**/china_sites_2023012?.csv*"))).containsExactly(
                dir.resolve("hourly/china_sites_20230120.csv.gz"), dir.resolve("hourly/china_sites_20230121.csv.gz"),
                dir.resolve("more/x/china_sites_20230122.csv"));
    }

    @Test
    void theShippedDataIsFoundByARelativeGlob() {
        assertThat(InputFiles.expand(List.of("../data/cnemc-hourly/*.csv.gz"))).hasSize(4)
                .allSatisfy(p -> assertThat(p.getFileName().toString()).startsWith("china_sites_202301"));
    }

    @Test
    void argumentOrderIsKeptAndAFileNamedTwiceIsReadOnce() throws IOException {
        touch("a.csv", "b.csv");
        assertThat(InputFiles.expand(List.of(dir.resolve("b.csv").toString(), dir.toString())))
                .containsExactly(dir.resolve("b.csv"), dir.resolve("a.csv"));
    }

    @Test
    void namesMatchingNothingAreAnErrorNamingThemAll() throws IOException {
        touch("a.csv");
        assertThatThrownBy(() -> InputFiles.expand(List.of(dir.resolve("a.csv").toString(), dir + "/nope.csv", dir + "/*.xlsx")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no input files match '" + dir + "/nope.csv', '" + dir + "/*.xlsx'");
        assertThatThrownBy(() -> InputFiles.expand(List.of("/no/such/dir/*.csv")))
                .hasMessage("no input file matches '/no/such/dir/*.csv'");
    }

    @Test
    void openUngzipsByContentNotByName() throws IOException {
        Path gz = TestFiles.writeGz(dir, "looks-plain.csv", "date,hour\n");
        Path plain = TestFiles.write(dir, "looks-gz.csv.gz.txt", "date,hour\n");
        for (Path p : List.of(gz, plain)) {
            try (InputStream in = InputFiles.open(p)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("date,hour\n");
            }
        }
    }

    @Test
    void readProblemsPrintAsFileLineReason() {
        assertThat(new ReadProblem("data/a.csv", 12, "bad")).hasToString("data/a.csv:12: bad");
        assertThat(new ReadProblem("data/a.csv", 0, "cannot read")).hasToString("data/a.csv: cannot read");
    }

    @Test
    void aReportKeepsTheFirstProblemsAndCountsThemAll() {
        ReadReport report = new ReadReport(2);
        for (int i = 1; i <= 5; i++) {
            report.problem("f", i, "p" + i);
        }
        report.countRows(7);
        ReadReport total = new ReadReport();
        total.addAll(report);
        total.addAll(report);
        assertThat(report.problems()).extracting(ReadProblem::line).containsExactly(1L, 2L);
        assertThat(report.problemCount()).isEqualTo(5);
        assertThat(total.problemCount()).isEqualTo(10);
        assertThat(total.rows()).isEqualTo(14);
        assertThat(total.problems()).hasSize(4);
    }
}
