package org.envhub.platform.water;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.envhub.platform.air.StoreResult;
import org.envhub.platform.audit.AuditLog;
import org.envhub.platform.imports.ImportLog;
import org.envhub.platform.imports.ImportProblem;
import org.envhub.platform.imports.ImportSummary;
import org.envhub.standards.io.CsvFields;
import org.envhub.standards.io.InputFiles;
import org.envhub.standards.io.ReadProblem;
import org.envhub.standards.io.ReadReport;
import org.envhub.standards.water.BelowDetection;
import org.envhub.standards.water.WaterBody;
import org.envhub.standards.water.WaterSample;
import org.envhub.standards.water.WaterSampleReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports surface-water samples (地表水监测数据) from the wide files the {@code envhub water} commands read, CSV or
 * Excel: {@code section,time,water_body,ph,do,codmn,…,fecal_coliform}. Each file is one import record.
 *
 * <ul>
 *   <li>Rows are read by the standards library's {@link WaterSampleReader}: a bad row is reported with its file and
 *       line and skipped whole; the others are kept.</li>
 *   <li>A row of a section not in the registry, or whose water body is not the registered one, is reported with its
 *       line and skipped (the registry decides the limits a section is judged by).</li>
 *   <li>Re-importing a file changes nothing; a different value replaces the stored one, which moves to history; an
 *       empty cell leaves the stored value alone.</li>
 *   <li>The evaluations of the months touched (and their years) are recomputed.</li>
 * </ul>
 */
@Service
public class WaterImportService {

    public static final String KIND = "water-samples";

    private static final Logger log = LoggerFactory.getLogger(WaterImportService.class);

    private final ImportLog imports;
    private final WaterSampleStore store;
    private final WaterSectionRepository sections;
    private final WaterEvaluations evaluations;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    public WaterImportService(ImportLog imports, WaterSampleStore store, WaterSectionRepository sections, WaterEvaluations evaluations,
                              AuditLog audit, TransactionTemplate tx) {
        this.imports = imports;
        this.store = store;
        this.sections = sections;
        this.evaluations = evaluations;
        this.audit = audit;
        this.tx = tx;
    }

    /** Imports files from the command line, one import record each. */
    public List<ImportSummary> importFiles(List<Path> files, String username) {
        List<ImportSummary> done = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            done.add(importFile(imports.start(KIND, name, username, "running"), file, name, username));
        }
        return done;
    }

    /** Imports one file under an existing import record; {@code name} is how the user knows the file. */
    public ImportSummary importFile(long importId, Path file, String name, String username) {
        long t0 = System.nanoTime();
        imports.status(importId, "running");
        List<ImportProblem> problems = new ArrayList<>();
        List<String> lines;
        try {
            lines = SpreadsheetFile.lines(file, name);
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(name, "cannot read the file: " + (e instanceof IOException io ? InputFiles.describe(io) : e.getMessage())));
            imports.finish(importId, "failed", 0, null, problems, "cannot read the file");
            return imports.find(importId).orElseThrow();
        }
        Map<String, WaterBody> registered = new HashMap<>();
        sections.all().forEach(s -> registered.put(s.code(), WaterBody.parse(s.waterBody())));
        List<String> checked = checkSections(lines, name, registered, problems);
        ReadReport report = new ReadReport();
        List<WaterSample> samples = WaterSampleReader.read(checked, name, report, BelowDetection.HALF_LIMIT);
        for (ReadProblem p : report.problems()) {
            problems.add(new ImportProblem(p.line() > 0 ? name + ", line " + p.line() : name, p.reason()));
        }
        if (report.problemCount() > report.problems().size()) {
            problems.add(new ImportProblem(name, (report.problemCount() - report.problems().size()) + " more problems not listed"));
        }
        int rows = (int) lines.stream().skip(1).filter(l -> !l.isBlank()).count();
        try {
            WaterSampleStore.Stored stored = tx.execute(status -> store.storeManual(importId, samples));
            evaluations.recompute(stored.months());
            String message = String.format("%d samples, %d values: %d added, %d corrected, %d unchanged; %d months re-evaluated; %.1f s",
                    samples.size(), stored.added() + stored.replaced() + stored.same(), stored.added(), stored.replaced(), stored.same(),
                    stored.months().size(), (System.nanoTime() - t0) / 1e9);
            imports.finish(importId, "done", rows, StoreResult.counts(stored.added(), stored.replaced(), stored.same()), problems, message);
            audit.recordAs(username, "import.water", name, message);
            log.info("Imported {}: {}; {} problems", name, message, problems.size());
        } catch (RuntimeException e) {
            problems.add(new ImportProblem(name, "not stored: " + e.getMessage()));
            imports.finish(importId, "failed", rows, null, problems, e.getMessage());
            log.error("Water import of {} failed", name, e);
        }
        return imports.find(importId).orElseThrow();
    }

    /**
     * The lines with every row of an unregistered section, or of another water body than the registered one,
     * reported and blanked (a blank line keeps the others' numbers and is skipped by the reader).
     */
    static List<String> checkSections(List<String> lines, String name, Map<String, WaterBody> registered, List<ImportProblem> problems) {
        if (lines.isEmpty()) {
            return lines;
        }
        List<String> header = CsvFields.split(lines.getFirst());
        int sectionCol = -1, bodyCol = -1;
        for (int i = 0; header != null && i < header.size(); i++) {
            String h = header.get(i).trim().replace("\uFEFF", "").toLowerCase();
            if (h.equals(WaterSampleReader.SECTION) && sectionCol < 0) {
                sectionCol = i;
            } else if (h.equals(WaterSampleReader.WATER_BODY) && bodyCol < 0) {
                bodyCol = i;
            }
        }
        if (sectionCol < 0) {
            return lines; // the reader says what is wrong with the header
        }
        List<String> out = new ArrayList<>(lines);
        Map<String, Integer> unknown = new HashMap<>();
        for (int i = 1; i < out.size(); i++) {
            List<String> f = CsvFields.split(out.get(i));
            if (f == null || f.size() != header.size() || out.get(i).isBlank()) {
                continue; // the reader reports it
            }
            String code = f.get(sectionCol).trim();
            if (code.isEmpty()) {
                continue;
            }
            WaterBody body = registered.get(code);
            String where = name + ", line " + (i + 1);
            if (body == null) {
                problems.add(new ImportProblem(where, "section " + code + " is not in the water section registry; row skipped"));
                unknown.merge(code, 1, Integer::sum);
                out.set(i, "");
                continue;
            }
            if (bodyCol >= 0) {
                WaterBody said;
                try {
                    said = WaterBody.parse(f.get(bodyCol));
                } catch (IllegalArgumentException e) {
                    continue; // the reader reports it
                }
                if (said != body) {
                    problems.add(new ImportProblem(where, "section " + code + " is registered as " + body.id() + " (" + body.chineseName()
                            + "), the row says " + said.id() + "; row skipped"));
                    out.set(i, "");
                }
            }
        }
        return out;
    }
}
