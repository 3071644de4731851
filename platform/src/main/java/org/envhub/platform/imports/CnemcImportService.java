package org.envhub.platform.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.envhub.platform.auth.DataScope;
import org.envhub.standards.io.CnemcHourlyData;
import org.envhub.standards.io.CnemcHourlyReader;
import org.envhub.standards.io.InputFiles;
import org.envhub.standards.io.ReadProblem;
import org.envhub.standards.io.ReadReport;
import org.envhub.standards.io.StationListReader;
import org.springframework.stereotype.Service;

/**
 * Imports of the national network's files: the hourly station files (全国空气质量实时数据,
 * {@code china_sites_YYYYMMDD.csv[.gz]}) and the station list. Each file is one import record, with the
 * problems the reader found in it; a bad file never stops the others.
 */
@Service
public class CnemcImportService {

    public static final String KIND_HOURLY = "cnemc-hourly";
    public static final String KIND_STATIONS = "station-list";

    private final ImportLog imports;
    private final HourlyImporter hourly;
    private final StationListImporter stationList;

    public CnemcImportService(ImportLog imports, HourlyImporter hourly, StationListImporter stationList) {
        this.imports = imports;
        this.hourly = hourly;
        this.stationList = stationList;
    }

    /** Creates the import record of a file to be imported later (an upload waiting its turn). */
    public long queue(String kind, String fileName, String username) {
        return imports.start(kind, fileName, username, "queued");
    }

    /** Imports hourly files, one import record each. */
    public List<ImportSummary> importHourly(List<Path> files, String username) {
        List<ImportSummary> done = new ArrayList<>();
        for (Path file : files) {
            long id = imports.start(KIND_HOURLY, file.getFileName().toString(), username, "running");
            done.add(importHourly(id, file, file.getFileName().toString(), username));
        }
        return done;
    }

    /** Imports one hourly file under an existing import record; {@code name} is how the user knows the file. */
    public ImportSummary importHourly(long importId, Path file, String name, String username) {
        imports.status(importId, "running");
        CnemcHourlyData data = new CnemcHourlyReader().threads(1).read(List.of(file));
        ReadReport report = data.report();
        return hourly.importGrid(importId, name, data.grid(), (int) report.rows(), problems(report, file, name), username);
    }

    /** Imports the national station list (监测点编码,监测点名称,城市,经度,纬度,对照点). */
    public ImportSummary importStationList(Path file, String name, String username) {
        long id = imports.start(KIND_STATIONS, name, username, "running");
        ReadReport report = new ReadReport();
        var stations = StationListReader.read(file, report);
        return stationList.importStations(id, name, stations.stream().map(StationListImporter::fromNationalList).toList(),
                (int) report.rows(), problems(report, file, name), DataScope.everything());
    }

    /** The reader's problems, named by the file as the user knows it (an upload's own name, not its temporary path). */
    static List<ImportProblem> problems(ReadReport report, Path file, String name) {
        List<ImportProblem> list = new ArrayList<>();
        for (ReadProblem p : report.problems()) {
            String source = p.source() == null ? name : p.source().replace(file.toString(), name);
            list.add(new ImportProblem(p.line() > 0 ? source + ", line " + p.line() : source, p.reason()));
        }
        if (report.problemCount() > report.problems().size()) {
            list.add(new ImportProblem(name, (report.problemCount() - report.problems().size()) + " more problems not listed"));
        }
        return list;
    }

    static boolean isReadable(Path file) {
        return InputFiles.isCsv(file);
    }
}
