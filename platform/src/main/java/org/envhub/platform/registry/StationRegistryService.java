package org.envhub.platform.registry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.envhub.platform.audit.AuditLog;
import org.envhub.platform.auth.DataScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the station registry, with their areas created as needed and every change audited. */
@Service
public class StationRegistryService {

    private final AreaRepository areas;
    private final StationRepository stations;
    private final AuditLog audit;

    public StationRegistryService(AreaRepository areas, StationRepository stations, AuditLog audit) {
        this.areas = areas;
        this.stations = stations;
        this.audit = audit;
    }

    /**
     * Saves one station for the current user: a district user may only change stations of its own district,
     * and may not move one out of it. Returns true if the station is new.
     */
    @Transactional
    public boolean save(StationForm form, DataScope scope) {
        boolean created = saveOne(form, scope, new HashMap<>());
        audit.record(created ? "station.create" : "station.update", "station " + form.code().trim(), form.toString());
        return created;
    }

    /** What a registry file did: stations added and updated, and the ones refused with the reason. */
    public record BulkResult(int added, int updated, Map<String, String> refused) {}

    /**
     * Saves many stations (a registry file, the national list) in one transaction with one audit entry; a
     * station that fails its checks is refused with its reason and the others are kept.
     */
    @Transactional
    public BulkResult saveAll(List<StationForm> forms, DataScope scope, String source) {
        Map<String, Area> cities = new HashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        int added = 0, updated = 0;
        for (StationForm form : forms) {
            try {
                if (saveOne(form, scope, cities)) {
                    added++;
                } else {
                    updated++;
                }
            } catch (IllegalArgumentException | AccessDeniedException e) {
                refused.put(String.valueOf(form.code()), e.getMessage());
            }
        }
        audit.record("station.import", source, added + " added, " + updated + " updated, " + refused.size() + " refused");
        return new BulkResult(added, updated, refused);
    }

    private boolean saveOne(StationForm form, DataScope scope, Map<String, Area> cities) {
        String problem = form.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String code = form.code().trim();
        if (!scope.unlimited()) {
            Long current = stations.find(code).map(RegisteredStation::districtId).orElse(null);
            if (!scope.allows(current)) {
                throw new AccessDeniedException("station " + code + " is outside your district");
            }
        }
        Long provinceId = blank(form.province()) ? null : areas.findOrCreate(Area.PROVINCE, form.province().trim(), null).id();
        Area city = cities.computeIfAbsent(provinceId + "/" + form.city().trim(), k -> provinceId == null
                ? areas.city(form.city().trim()).orElseGet(() -> areas.findOrCreate(Area.CITY, form.city().trim(), null))
                : areas.findOrCreate(Area.CITY, form.city().trim(), provinceId));
        Long districtId = blank(form.district()) ? null : areas.findOrCreate(Area.DISTRICT, form.district().trim(), city.id()).id();
        if (!scope.unlimited() && !scope.allows(districtId)) {
            throw new AccessDeniedException("a district user cannot move station " + code + " to another district");
        }
        return stations.save(new RegisteredStation(code, form.name().trim(), city.name(), form.district(), districtId,
                form.longitude(), form.latitude(), form.control(), form.activeFrom(), form.activeUntil()), city.id());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
