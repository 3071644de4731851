package org.envhub.platform.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.envhub.platform.EnvhubApplication;
import org.envhub.standards.io.InputFiles;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code envhub import}: loads files into the platform's database (the same one {@code envhub serve} uses),
 * without starting the web server. Re-importing a file changes nothing; a corrected value replaces the old one,
 * which is kept in history.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Imports data files into the platform's database.",
        subcommands = {ImportCommand.Cnemc.class, ImportCommand.Stations.class, ImportCommand.Water.class, ImportCommand.WaterSections.class})
public class ImportCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "name what to import: cnemc, stations, water or water-sections");
    }

    abstract static class Base implements Callable<Integer> {

        @Option(names = "--data-dir", defaultValue = "./envhub-data", description = "The data directory of envhub serve (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--user", defaultValue = "cli", description = "Name recorded in the import log and the audit log (default: ${DEFAULT-VALUE}).")
        String user;

        ConfigurableApplicationContext context() throws Exception {
            Files.createDirectories(dataDir);
            SpringApplication app = new SpringApplication(EnvhubApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setLogStartupInfo(false);
            return app.run("--envhub.data-dir=" + dataDir.toAbsolutePath().normalize(), "--envhub.demo-data=false",
                    "--logging.level.root=warn", "--logging.level.org.envhub=info");
        }

        static int report(List<ImportSummary> done) {
            int failed = 0;
            for (ImportSummary s : done) {
                System.out.printf("%s  %s: %s%n", s.status(), s.fileName(), s.message());
                s.problems().stream().limit(50).forEach(p -> System.out.println("    " + p.location() + ": " + p.message()));
                if (s.problems().size() > 50) {
                    System.out.println("    … " + (s.problemCount() - 50) + " more problems: see the import page");
                }
                failed += "failed".equals(s.status()) ? 1 : 0;
            }
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "cnemc", mixinStandardHelpOptions = true,
            description = "Hourly station files of the national network (china_sites_YYYYMMDD.csv or .csv.gz); folders and globs allowed.")
    static class Cnemc extends Base {

        @Parameters(arity = "1..*", paramLabel = "FILES", description = "Files, folders or glob patterns.")
        List<String> files;

        @Override
        public Integer call() throws Exception {
            List<Path> paths = InputFiles.expand(files);
            try (ConfigurableApplicationContext context = context()) {
                return report(context.getBean(CnemcImportService.class).importHourly(paths, user));
            }
        }
    }

    @Command(name = "stations", mixinStandardHelpOptions = true,
            description = "A station list: the national list (监测点编码,监测点名称,城市,经度,纬度,对照点).")
    static class Stations extends Base {

        @Parameters(arity = "1", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            try (ConfigurableApplicationContext context = context()) {
                return report(List.of(context.getBean(CnemcImportService.class).importStationList(file, file.getFileName().toString(), user)));
            }
        }
    }

    @Command(name = "water", mixinStandardHelpOptions = true,
            description = "Surface-water samples in the wide layout section,time,water_body,ph,do,codmn,…,fecal_coliform (.csv, .csv.gz "
                    + "or .xlsx); folders and globs allowed. The sections must be in the registry (envhub import water-sections).")
    static class Water extends Base {

        @Parameters(arity = "1..*", paramLabel = "FILES", description = "Files, folders or glob patterns.")
        List<String> files;

        @Override
        public Integer call() throws Exception {
            List<Path> paths = expandWater(files);
            try (ConfigurableApplicationContext context = context()) {
                return report(context.getBean(org.envhub.platform.water.WaterImportService.class).importFiles(paths, user));
            }
        }

        /** Like InputFiles.expand, with the Excel files of a folder too. */
        static List<Path> expandWater(List<String> args) throws java.io.IOException {
            List<Path> paths = new java.util.ArrayList<>();
            List<String> rest = new java.util.ArrayList<>();
            for (String a : args) {
                Path p = Path.of(a);
                if (Files.isDirectory(p)) {
                    try (var inside = Files.list(p)) {
                        inside.filter(Files::isRegularFile).filter(f -> InputFiles.isCsv(f)
                                || org.envhub.platform.water.SpreadsheetFile.isExcel(f.getFileName().toString())).sorted().forEach(paths::add);
                    }
                } else {
                    rest.add(a);
                }
            }
            if (!rest.isEmpty()) {
                paths.addAll(InputFiles.expand(rest));
            }
            return paths;
        }
    }

    @Command(name = "water-sections", mixinStandardHelpOptions = true,
            description = "A surface-water sections registry (断面台账), CSV or Excel: 断面编码,断面名称,控制级别,水体类型,河流,流域,城市,区县,经度,纬度,水质目标 "
                    + "(or section,name,level,water_body,water_name,basin,city,district,longitude,latitude,target).")
    static class WaterSections extends Base {

        @Parameters(arity = "1", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            try (ConfigurableApplicationContext context = context()) {
                return report(List.of(org.envhub.platform.water.WaterApiController.importSections(file, file.getFileName().toString(), user,
                        org.envhub.platform.auth.DataScope.everything(), context.getBean(ImportLog.class),
                        context.getBean(org.envhub.platform.water.WaterSectionService.class))));
            }
        }
    }
}
