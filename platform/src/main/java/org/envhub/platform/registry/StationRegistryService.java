package org.envhub.platform.registry;

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
        Area city = provinceId == null
                ? areas.city(form.city().trim()).orElseGet(() -> areas.findOrCreate(Area.CITY, form.city().trim(), null))
                : areas.findOrCreate(Area.CITY, form.city().trim(), provinceId);
        Long districtId = blank(form.district()) ? null : areas.findOrCreate(Area.DISTRICT, form.district().trim(), city.id()).id();
        if (!scope.unlimited() && !scope.allows(districtId)) {
            throw new AccessDeniedException("a district user cannot move station " + code + " to another district");
        }
        boolean created = stations.save(new RegisteredStation(code, form.name().trim(), city.name(), form.district(), districtId,
                form.longitude(), form.latitude(), form.control(), form.activeFrom(), form.activeUntil()), city.id());
        audit.record(created ? "station.create" : "station.update", "station " + code, form.toString());
        return created;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
