package org.envhub.standards.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.envhub.standards.io.CnemcHourlyData;
import org.envhub.standards.io.CnemcHourlyReader;
import org.envhub.standards.io.InputFiles;
import org.envhub.standards.io.OfficialColumn;

/** The official data shipped in {@code data/}, read once per test run. */
final class RealData {

    /** Surefire runs in the module folder; the data sits next to it. */
    static final Path DATA = Path.of("../data");

    private static CnemcHourlyData hourly;

    private RealData() {}

    static List<Path> hourlyFiles() {
        return InputFiles.expand(List.of(DATA.resolve("cnemc-hourly").toString() + "/*.csv.gz"));
    }

    /** The four days of {@code data/cnemc-hourly}, with every official column. */
    static synchronized CnemcHourlyData hourly() {
        if (hourly == null) {
            if (!Files.isDirectory(DATA.resolve("cnemc-hourly"))) {
                throw new IllegalStateException("the shipped data is missing: " + DATA.toAbsolutePath());
            }
            hourly = new CnemcHourlyReader(EnumSet.allOf(OfficialColumn.class)).read(hourlyFiles());
        }
        return hourly;
    }
}
