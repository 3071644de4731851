package org.envhub.platform.imports;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.envhub.platform.air.AirTime;
import org.envhub.platform.air.DailyResults;
import org.envhub.platform.air.HourlyAqiService;
import org.envhub.platform.air.HourlyValueStore;
import org.envhub.platform.air.LatestSnapshot;
import org.envhub.platform.air.PeriodResults;
import org.envhub.platform.air.StationHourValues;
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
    private final PeriodResults periods;

    public HourlyImporter(HourlyValueStore store, HourlyAqiService aqi, LatestSnapshot snapshot, StationRepository stations,
                          ImportLog imports, AuditLog audit, TransactionTemplate tx, DailyResults daily,
                          PeriodResults periods) {
        this.periods = periods;
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
        List<StationHourValues> hours = new ArrayList<>();
        int valueCount = 0;
        Pollutant[] pollutants = Pollutant.values();
        for (int s = 0; s < grid.seriesCount(); s++) {
            String code = grid.series().get(s);
            int before = hours.size(), valuesBefore = valueCount;
            double[][] series = new double[pollutants.length][];
            for (Pollutant p : pollutants) {
                series[p.ordinal()] = grid.values(p, s);
            }
            for (int h = 0; h < grid.hours(); h++) {
                StationHourValues hour = null;
                for (int p = 0; p < pollutants.length; p++) {
                    double v = series[p][h];
                    if (!Double.isNaN(v)) {
                        if (hour == null) {
                            hour = StationHourValues.empty(code, utc(grid, h));
                        }
                        hour.values()[p] = v;
                        valueCount++;
                    }
                }
                if (hour != null) {
                    hours.add(hour);
                }
            }
            if (!known.contains(code) && hours.size() > before) {
                problems.add(new ImportProblem(fileName + ", station " + code,
                        "station " + code + " is not in the registry: its " + (valueCount - valuesBefore) + " values were not stored"));
                hours.subList(before, hours.size()).clear();
                valueCount = valuesBefore;
            }
        }
        try {
            long[] stored = new long[1];
            StoreResult result = tx.execute(status -> {
                StoreResult r = store.storeHours(importId, hours);
                stored[0] = System.nanoTime();
                aqi.recompute(r);
                return r;
            });
            snapshot.refresh();
            if (!result.changed().isEmpty()) {
                var days = DailyResults.days(result.changed());
                daily.recompute(days.first(), days.last());
                periods.recompute(days.first(), days.last());
            }
            String message = String.format("%d values: %d added, %d corrected, %d unchanged; %d station-hours recomputed; "
                            + "%.1f s (values stored in %.1f s)", valueCount, result.added(), result.replaced(), result.same(),
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
