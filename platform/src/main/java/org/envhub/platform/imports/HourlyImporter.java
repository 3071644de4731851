package org.envhub.platform.imports;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.envhub.platform.air.AirTime;
import org.envhub.platform.air.DailyResults;
import org.envhub.platform.air.HourlyAqiService;
import org.envhub.platform.air.HourlyValue;
import org.envhub.platform.air.HourlyValueStore;
import org.envhub.platform.air.LatestSnapshot;
import org.envhub.platform.air.StoreResult;
import org.envhub.platform.audit.AuditLog;
import org.envhub.platform.registry.StationRepository;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.Pollutant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores an hourly grid read from a file: values of registered stations are stored (idempotently), the hourly
 * AQI of every changed station-hour is recomputed, and the latest snapshot refreshed. Values of stations not in
 * the registry are reported, not stored; the rest of the file is kept.
 */
@Service
public class HourlyImporter {

    private static final Logger log = LoggerFactory.getLogger(HourlyImporter.class);

    private final HourlyValueStore store;
    private final HourlyAqiService aqi;
    private final LatestSnapshot snapshot;
    private final StationRepository stations;
    private final ImportLog imports;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final DailyResults daily;

    public HourlyImporter(HourlyValueStore store, HourlyAqiService aqi, LatestSnapshot snapshot, StationRepository stations,
                          ImportLog imports, AuditLog audit, TransactionTemplate tx, DailyResults daily) {
        this.daily = daily;
        this.store = store;
        this.aqi = aqi;
        this.snapshot = snapshot;
        this.stations = stations;
        this.imports = imports;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * Imports one file's grid under the import record {@code importId}; {@code readProblems} are what the reader
     * found, and are kept with the import's own.
     */
    public ImportSummary importGrid(long importId, String fileName, HourlyGrid grid, int rowsRead, List<ImportProblem> readProblems,
                                    String username) {
        long t0 = System.nanoTime();
        List<ImportProblem> problems = new ArrayList<>(readProblems);
        Set<String> known = new HashSet<>(stations.codes());
        List<HourlyValue> values = new ArrayList<>();
        for (int s = 0; s < grid.seriesCount(); s++) {
            String code = grid.series().get(s);
            int before = values.size();
            for (Pollutant p : Pollutant.values()) {
                double[] v = grid.values(p, s);
                for (int h = 0; h < grid.hours(); h++) {
                    if (!Double.isNaN(v[h])) {
                        values.add(new HourlyValue(code, p, utc(grid, h), v[h], null));
                    }
                }
            }
            if (!known.contains(code) && values.size() > before) {
                problems.add(new ImportProblem(fileName + ", station " + code,
                        "station " + code + " is not in the registry: its " + (values.size() - before) + " values were not stored"));
                values.subList(before, values.size()).clear();
            }
        }
        try {
            long[] stored = new long[1];
            StoreResult result = tx.execute(status -> {
                StoreResult r = store.store(importId, values);
                stored[0] = System.nanoTime();
                aqi.recompute(r);
                return r;
            });
            snapshot.refresh();
            if (!result.changed().isEmpty()) {
                var days = DailyResults.days(result.changed());
                daily.recompute(days.first(), days.last());
            }
            String message = String.format("%d values: %d added, %d corrected, %d unchanged; %d station-hours recomputed; "
                            + "%.1f s (values stored in %.1f s)", values.size(), result.added(), result.replaced(), result.same(),
                    result.changed().size(), (System.nanoTime() - t0) / 1e9, (stored[0] - t0) / 1e9);
            imports.finish(importId, "done", rowsRead, result, problems, message);
            audit.recordAs(username, "import.hourly", fileName, message);
            log.info("Imported {}: {}; {} problems", fileName, message, problems.size());
        } catch (RuntimeException e) {
            problems.add(new ImportProblem(fileName, "not stored: " + e.getMessage()));
            imports.finish(importId, "failed", rowsRead, null, problems, e.getMessage());
            log.error("Import of {} failed", fileName, e);
        }
        return imports.find(importId).orElseThrow();
    }

    private static LocalDateTime utc(HourlyGrid grid, int h) {
        return AirTime.toUtc(grid.hourAt(h));
    }
}
