package org.envhub.platform.imports;

import java.util.ArrayList;
import java.util.List;


import org.envhub.platform.air.StoreResult;
import org.envhub.platform.auth.DataScope;
import org.envhub.platform.registry.StationForm;
import org.envhub.platform.registry.StationRegistryService;
import org.envhub.standards.air.Station;
import org.springframework.stereotype.Service;

/** Brings a station list (the national list, or a bureau's own registry file) into the registry. */
@Service
public class StationListImporter {

    private final StationRegistryService registry;
    private final ImportLog imports;

    public StationListImporter(StationRegistryService registry, ImportLog imports) {
        this.registry = registry;
        this.imports = imports;
    }

    /** Saves each station; one that fails its checks is reported and the others are kept. */
    public ImportSummary importStations(long importId, String fileName, List<StationForm> stations, int rowsRead,
                                        List<ImportProblem> readProblems, DataScope scope) {
        List<ImportProblem> problems = new ArrayList<>(readProblems);
        StationRegistryService.BulkResult result = registry.saveAll(stations, scope, fileName);
        result.refused().forEach((code, why) -> problems.add(new ImportProblem(fileName + ", station " + code, why)));
        String message = result.added() + " stations added, " + result.updated() + " updated, " + result.refused().size() + " refused";
        imports.finish(importId, "done", rowsRead, StoreResult.counts(result.added(), result.updated(), 0), problems, message);
        return imports.find(importId).orElseThrow();
    }

    /** A station of the national list as a registry entry; the list names cities, not districts. */
    public static StationForm fromNationalList(Station s) {
        return new StationForm(s.code(), s.name(), null, s.city(), null, s.hasCoordinates() ? s.longitude() : null,
                s.hasCoordinates() ? s.latitude() : null, s.control(), null, null);
    }
}
