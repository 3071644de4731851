package org.envhub.platform.water;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.envhub.platform.audit.AuditLog;
import org.envhub.platform.auth.DataScope;
import org.envhub.platform.registry.Area;
import org.envhub.platform.registry.AreaRepository;
import org.envhub.platform.sources.DeviceDirectory;
import org.envhub.platform.sources.SourceTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to the sections registry: areas resolved by name (a city already known by that name is reused, whatever its
 * province), every change audited, then the evaluations recomputed (a target, district or water body changes every
 * period's figures) and an automatic station's data taken in.
 *
 * <p>A section's automatic station is a data logger the gateway must know: when its MN is not registered yet, it is
 * registered here as an active device at no monitoring point (a water station is no pollution source), with the PW
 * given, so the gateway accepts its frames.
 */
@Service
public class WaterSectionService {

    private final AreaRepository areas;
    private final WaterSectionRepository sections;
    private final WaterEvaluations evaluations;
    private final AutoStationIntake intake;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final DeviceDirectory devices;
    private final TransactionTemplate tx;

    public WaterSectionService(AreaRepository areas, WaterSectionRepository sections, WaterEvaluations evaluations, AutoStationIntake intake,
                               AuditLog audit, JdbcClient jdbc, DeviceDirectory devices, TransactionTemplate tx) {
        this.areas = areas;
        this.sections = sections;
        this.evaluations = evaluations;
        this.intake = intake;
        this.audit = audit;
        this.jdbc = jdbc;
        this.devices = devices;
        this.tx = tx;
    }

    /** Saves one section for the current user; true if it is new. */
    public boolean save(WaterSectionForm form, DataScope scope) {
        Map<String, String> stationChanges = new LinkedHashMap<>();
        boolean created = Boolean.TRUE.equals(tx.execute(s -> {
            WaterSectionRepository.Saved saved = saveOne(form, scope, stationChanges);
            audit.record(saved.created() ? "water.section.create" : "water.section.update", "section " + form.code().trim(), describe(form));
            return saved.created();
        }));
        afterChange(stationChanges);
        return created;
    }

    /** What a registry file did: sections added and updated, and those refused with the reason (by code). */
    public record BulkResult(int added, int updated, Map<String, String> refused) {}

    /** Saves many sections (a registry file) in one transaction with one audit entry; a refused one leaves the others. */
    public BulkResult saveAll(List<WaterSectionForm> forms, DataScope scope, String source) {
        Map<String, String> stationChanges = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        int[] counts = new int[2];
        tx.executeWithoutResult(s -> {
            for (WaterSectionForm form : forms) {
                try {
                    counts[saveOne(form, scope, stationChanges).created() ? 0 : 1]++;
                } catch (IllegalArgumentException | AccessDeniedException e) {
                    refused.put(String.valueOf(form.code()).trim(), e.getMessage());
                }
            }
            audit.record("water.section.import", source, counts[0] + " added, " + counts[1] + " updated, " + refused.size() + " refused");
        });
        if (counts[0] + counts[1] > 0) {
            afterChange(stationChanges);
        }
        return new BulkResult(counts[0], counts[1], refused);
    }

    private WaterSectionRepository.Saved saveOne(WaterSectionForm form, DataScope scope, Map<String, String> stationChanges) {
        String problem = form.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String code = form.code().trim();
        WaterSectionView current = sections.find(code).orElse(null);
        if (current != null && !scope.unlimited() && !scope.allows(current.districtId())) {
            throw new AccessDeniedException("section " + code + " is outside your district");
        }
        String cityName = form.city().trim();
        Area city = areas.city(cityName).orElseGet(() -> {
            Long province = form.province() == null || form.province().isBlank() ? null
                    : areas.findOrCreate(Area.PROVINCE, form.province().trim(), null).id();
            return areas.findOrCreate(Area.CITY, cityName, province);
        });
        Long district = form.district() == null || form.district().isBlank() ? null
                : areas.findOrCreate(Area.DISTRICT, form.district().trim(), city.id()).id();
        if (!scope.unlimited() && !scope.allows(district)) {
            throw new AccessDeniedException("a district user cannot put section " + code + " in another district");
        }
        String mn = form.mn();
        if (mn != null) {
            WaterSectionView other = sections.byStation(mn).orElse(null);
            if (other != null && !other.code().equals(code)) {
                throw new IllegalArgumentException("section " + code + ": automatic station " + mn + " already belongs to section " + other.code());
            }
            registerStation(mn, form.stationPassword());
        }
        WaterSectionRepository.Saved saved = sections.save(code, form, city.id(), district);
        String before = current == null ? null : current.stationMn();
        if (!Objects.equals(before, mn)) {
            stationChanges.put(code, mn);
        }
        return saved;
    }

    private void registerStation(String mn, String password) {
        int known = jdbc.sql("select count(*) from device where mn = ?").param(mn).query(Integer.class).single();
        if (known == 0) {
            jdbc.sql("insert into device (mn, point_id, password, status, registered_at, approved_at, approved_by) "
                            + "values (?, null, ?, 'active', ?, ?, ?)")
                    .params(mn, password == null || password.isBlank() ? null : password.trim(), SourceTime.nowUtc(), SourceTime.nowUtc(),
                            "water-registry").update();
            devices.forget(mn);
            audit.record("water.station.register", "device " + mn, "automatic water station registered with the gateway");
        }
    }

    private void afterChange(Map<String, String> stationChanges) {
        intake.registryChanged();
        evaluations.recomputeAll();
        stationChanges.forEach(intake::stationChanged);
    }

    /** The form for the audit log, without the station's password. */
    private static String describe(WaterSectionForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("level", f.level());
        m.put("waterBody", f.waterBody());
        m.put("waterName", f.waterName());
        m.put("basin", f.basin());
        m.put("city", f.city());
        m.put("district", f.district());
        m.put("lon", f.longitude());
        m.put("lat", f.latitude());
        m.put("target", f.target());
        m.put("active", f.isActive());
        m.put("stationMn", f.mn());
        return m.toString();
    }

}
