package org.envhub.platform.sources.registry;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.envhub.platform.audit.AuditLog;
import org.envhub.platform.registry.Area;
import org.envhub.platform.registry.AreaRepository;
import org.envhub.platform.sources.DeviceStatus;
import org.envhub.platform.sources.PollutionSources;
import org.envhub.platform.sources.SourceScope;
import org.envhub.platform.sources.SourceTime;
import org.envhub.platform.sources.alarms.AlarmSettings;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pollution-source registry (污染源台账) as users edit it: enterprises, outlets, monitoring points and
 * devices, each change audited. Who may change what: the bureau everything; a district user the enterprises of
 * its own district (it cannot move one out of it); enterprise users and viewers nothing (the security
 * configuration refuses their changes before they get here; this class checks again).
 */
@Service
public class SourceRegistry {

    private static final String ENTERPRISE_COLUMNS = "e.id, e.name, e.credit_code, e.district_id, a.name, e.industry, e.address, e.longitude,"
            + " e.latitude, e.contact_person, e.contact_phone, e.created_at, e.updated_at";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AreaRepository areas;
    private final PollutionSources sources;
    private final AuditLog audit;
    private final AlarmSettings alarms;

    public SourceRegistry(JdbcClient jdbc, NamedParameterJdbcTemplate named, AreaRepository areas, PollutionSources sources, AuditLog audit,
                          AlarmSettings alarms) {
        this.jdbc = jdbc;
        this.named = named;
        this.areas = areas;
        this.sources = sources;
        this.audit = audit;
        this.alarms = alarms;
    }

    // --- enterprises --------------------------------------------------------------------------------------

    public List<EnterpriseView> enterprises(SourceScope scope) {
        Map<String, Object> p = scope.newParams();
        return named.query("select " + ENTERPRISE_COLUMNS + " from enterprise e left join area a on a.id = e.district_id where "
                + scope.enterpriseCondition("e.id", p) + " order by e.name, e.id", p, (rs, i) -> enterpriseRow(rs));
    }

    /** 404 when there is no such enterprise, 403 when the scope does not see it. */
    public EnterpriseView enterprise(SourceScope scope, long id) {
        requireVisible(scope, id);
        return find(id);
    }

    @Transactional
    public EnterpriseView create(EnterpriseForm form, SourceScope scope) {
        requireWriter(scope);
        Valid v = validate(form, scope);
        uniqueCreditCode(v.creditCode, null);
        LocalDateTime now = SourceTime.nowUtc();
        long id = sources.createEnterprise(v.name, v.creditCode, v.district);
        jdbc.sql("update enterprise set industry = ?, address = ?, longitude = ?, latitude = ?, contact_person = ?, contact_phone = ?,"
                        + " updated_at = ? where id = ?")
                .params(v.industry, v.address, form.longitude(), form.latitude(), v.contactPerson, v.contactPhone, now, id).update();
        audit.record("sources.enterprise.create", "enterprise " + id, describe(form, v));
        return find(id);
    }

    @Transactional
    public EnterpriseView update(long id, EnterpriseForm form, SourceScope scope) {
        requireWriter(scope);
        requireVisible(scope, id);
        Valid v = validate(form, scope);
        uniqueCreditCode(v.creditCode, id);
        jdbc.sql("update enterprise set name = ?, credit_code = ?, district_id = ?, industry = ?, address = ?, longitude = ?, latitude = ?,"
                        + " contact_person = ?, contact_phone = ?, updated_at = ? where id = ?")
                .params(v.name, v.creditCode, v.district, v.industry, v.address, form.longitude(), form.latitude(), v.contactPerson,
                        v.contactPhone, SourceTime.nowUtc(), id).update();
        audit.record("sources.enterprise.update", "enterprise " + id, describe(form, v));
        return find(id);
    }

    private void uniqueCreditCode(String code, Long self) {
        if (code == null) {
            return;
        }
        jdbc.sql("select id from enterprise where credit_code = ?").param(code).query(Long.class).list().stream()
                .filter(id -> !id.equals(self)).findFirst().ifPresent(id -> {
                    throw new IllegalArgumentException("creditCode: " + code + " is already registered (enterprise " + id + ")");
                });
    }

    private EnterpriseView find(long id) {
        return jdbc.sql("select " + ENTERPRISE_COLUMNS + " from enterprise e left join area a on a.id = e.district_id where e.id = ?").param(id)
                .query((rs, i) -> enterpriseRow(rs)).optional().orElseThrow(() -> new NoSuchElementException("no enterprise " + id));
    }

    private static EnterpriseView enterpriseRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new EnterpriseView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getObject(8, Double.class), rs.getObject(9, Double.class), rs.getString(10), rs.getString(11),
                SourceTime.show(rs.getObject(12, LocalDateTime.class)), SourceTime.show(rs.getObject(13, LocalDateTime.class)));
    }

    private record Valid(String name, String creditCode, Long district, String industry, String address, String contactPerson,
                         String contactPhone) {}

    private Valid validate(EnterpriseForm f, SourceScope scope) {
        if (f == null) {
            throw new IllegalArgumentException("an enterprise: {\"name\": …, \"creditCode\": …, \"districtId\" or \"district\": …}");
        }
        String name = text("name", f.name(), 128, true);
        String code = blank(f.creditCode()) ? null : CreditCode.check(f.creditCode());
        if (f.longitude() != null && (!(f.longitude() >= -180) || !(f.longitude() <= 180))) {
            throw new IllegalArgumentException("longitude: -180 to 180, got " + f.longitude());
        }
        if (f.latitude() != null && (!(f.latitude() >= -90) || !(f.latitude() <= 90))) {
            throw new IllegalArgumentException("latitude: -90 to 90, got " + f.latitude());
        }
        Long district = district(f.districtId(), f.district());
        if (scope.district() != null) {
            if (district == null) {
                district = scope.district();
            } else if (!district.equals(scope.district())) {
                throw new AccessDeniedException("a district user registers the enterprises of its own district only");
            }
        }
        return new Valid(name, code, district, text("industry", f.industry(), 64, false), text("address", f.address(), 255, false),
                text("contactPerson", f.contactPerson(), 64, false), text("contactPhone", f.contactPhone(), 32, false));
    }

    /** A district by id or by name; null when neither is given. */
    Long district(Long id, String name) {
        if (id != null) {
            Area a = areas.find(id).orElseThrow(() -> new IllegalArgumentException("districtId: no area " + id));
            if (!a.level().equals(Area.DISTRICT)) {
                throw new IllegalArgumentException("districtId: area " + id + " (" + a.name() + ") is a " + a.level() + ", not a district");
            }
            return id;
        }
        if (blank(name)) {
            return null;
        }
        List<Area> found = areas.districts().stream().filter(a -> a.name().equals(name.trim())).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("district: no district named '" + name.trim() + "' in the registry");
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("district: " + found.size() + " districts are named '" + name.trim() + "'; give districtId");
        }
        return found.getFirst().id();
    }

    private static String describe(EnterpriseForm f, Valid v) {
        return v.name + (v.creditCode == null ? "" : ", " + v.creditCode) + ", district " + v.district + (v.industry == null ? "" : ", " + v.industry)
                + (f.longitude() == null ? "" : ", " + f.longitude() + "," + f.latitude());
    }

    // --- outlets, points, devices ------------------------------------------------------------------------

    /** The enterprise's outlets with their points and devices. */
    public List<SourceTree.Outlet> tree(SourceScope scope, long enterpriseId) {
        requireVisible(scope, enterpriseId);
        LocalDateTime onlineSince = SourceTime.nowUtc().minus(alarms.missingAfter());
        Map<Long, List<SourceTree.Device>> devices = new LinkedHashMap<>();
        jdbc.sql("select d.point_id, d.mn, d.status, d.protocol, (select max(l.received_at) from latest_value l where l.mn = d.mn) from device d"
                        + " join monitoring_point p on p.id = d.point_id join outlet o on o.id = p.outlet_id where o.enterprise_id = ? order by d.mn")
                .param(enterpriseId).query(rs -> {
                    LocalDateTime last = rs.getObject(5, LocalDateTime.class);
                    devices.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new SourceTree.Device(rs.getString(2), rs.getString(3),
                            rs.getString(4), SourceTime.show(last), last != null && !last.isBefore(onlineSince)));
                });
        Map<Long, List<SourceTree.Point>> points = new LinkedHashMap<>();
        jdbc.sql("select p.id, p.outlet_id, p.code, p.name from monitoring_point p join outlet o on o.id = p.outlet_id where o.enterprise_id = ?"
                        + " order by p.code, p.id").param(enterpriseId)
                .query(rs -> {
                    long id = rs.getLong(1);
                    points.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new SourceTree.Point(id, rs.getLong(2), rs.getString(3),
                            rs.getString(4), devices.getOrDefault(id, List.of())));
                });
        return jdbc.sql("select id, enterprise_id, code, name, kind from outlet where enterprise_id = ? order by code, id").param(enterpriseId)
                .query((rs, i) -> new SourceTree.Outlet(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        points.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    @Transactional
    public SourceTree.Outlet createOutlet(long enterpriseId, OutletForm form, SourceScope scope) {
        requireWriter(scope);
        requireVisible(scope, enterpriseId);
        OutletForm f = outlet(form);
        if (jdbc.sql("select count(*) from outlet where enterprise_id = ? and code = ?").params(enterpriseId, f.code()).query(Integer.class).single() > 0) {
            throw new IllegalArgumentException("code: the enterprise already has an outlet " + f.code());
        }
        long id = sources.createOutlet(enterpriseId, f.code(), f.name(), f.kind());
        audit.record("sources.outlet.create", "outlet " + id, "enterprise " + enterpriseId + ", " + f.code() + " " + f.name() + " (" + f.kind() + ")");
        return outletView(id);
    }

    @Transactional
    public SourceTree.Outlet updateOutlet(long outletId, OutletForm form, SourceScope scope) {
        requireWriter(scope);
        long enterprise = enterpriseOfOutlet(outletId);
        requireVisible(scope, enterprise);
        OutletForm f = outlet(form);
        if (jdbc.sql("select count(*) from outlet where enterprise_id = ? and code = ? and id <> ?").params(enterprise, f.code(), outletId)
                .query(Integer.class).single() > 0) {
            throw new IllegalArgumentException("code: the enterprise already has another outlet " + f.code());
        }
        jdbc.sql("update outlet set code = ?, name = ?, kind = ? where id = ?").params(f.code(), f.name(), f.kind(), outletId).update();
        audit.record("sources.outlet.update", "outlet " + outletId, f.code() + " " + f.name() + " (" + f.kind() + ")");
        return outletView(outletId);
    }

    @Transactional
    public SourceTree.Point createPoint(long outletId, PointForm form, SourceScope scope) {
        requireWriter(scope);
        requireVisible(scope, enterpriseOfOutlet(outletId));
        PointForm f = point(form);
        if (jdbc.sql("select count(*) from monitoring_point where outlet_id = ? and code = ?").params(outletId, f.code()).query(Integer.class).single() > 0) {
            throw new IllegalArgumentException("code: the outlet already has a monitoring point " + f.code());
        }
        long id = sources.createPoint(outletId, f.code(), f.name());
        audit.record("sources.point.create", "point " + id, "outlet " + outletId + ", " + f.code() + " " + f.name());
        return pointView(id);
    }

    @Transactional
    public SourceTree.Point updatePoint(long pointId, PointForm form, SourceScope scope) {
        requireWriter(scope);
        long outlet = outletOfPoint(pointId);
        requireVisible(scope, enterpriseOfOutlet(outlet));
        PointForm f = point(form);
        if (jdbc.sql("select count(*) from monitoring_point where outlet_id = ? and code = ? and id <> ?").params(outlet, f.code(), pointId)
                .query(Integer.class).single() > 0) {
            throw new IllegalArgumentException("code: the outlet already has another monitoring point " + f.code());
        }
        jdbc.sql("update monitoring_point set code = ?, name = ? where id = ?").params(f.code(), f.name(), pointId).update();
        audit.record("sources.point.update", "point " + pointId, f.code() + " " + f.name());
        return pointView(pointId);
    }

    /** Registers a new device at a point, active unless {@code enabled} is false. */
    @Transactional
    public SourceTree.Device createDevice(long pointId, DeviceForm form, SourceScope scope, String user) {
        requireWriter(scope);
        requireVisible(scope, enterpriseOfPoint(pointId));
        if (form == null) {
            throw new IllegalArgumentException("a device: {\"mn\": …, \"password\": …, \"protocol\": \"2005\" or \"2017\"}");
        }
        String mn = form.mn() == null ? null : form.mn().trim();
        String pw = password(form.password(), true);
        String protocol = protocol(form.protocol());
        sources.registerDevice(mn, pointId, pw, user);
        jdbc.sql("update device set protocol = ? where mn = ?").params(protocol, mn).update();
        if (Boolean.FALSE.equals(form.enabled())) {
            sources.setStatus(mn, DeviceStatus.DISABLED);
        }
        audit.record("sources.device.create", "device " + mn, "point " + pointId + ", protocol " + protocol
                + (Boolean.FALSE.equals(form.enabled()) ? ", disabled" : ""));
        return deviceView(mn);
    }

    /**
     * Changes a device: password, protocol, enabled, point. A pending device becomes active at the point given
     * (the bureau's approval); only the bureau sees pending devices.
     */
    @Transactional
    public SourceTree.Device updateDevice(String mn, DeviceForm form, SourceScope scope, String user) {
        requireWriter(scope);
        if (form == null) {
            throw new IllegalArgumentException("a device: {\"password\", \"protocol\", \"enabled\", \"pointId\"}, each optional");
        }
        org.envhub.platform.sources.Device d = sources.find(mn).orElseThrow(() -> new NoSuchElementException("no device " + mn));
        if (d.pointId() != null) {
            requireVisible(scope, enterpriseOfPoint(d.pointId()));
        } else if (!scope.unlimited()) {
            throw new AccessDeniedException("device " + mn + " is pending approval: the bureau's job");
        }
        List<String> changes = new ArrayList<>();
        if (form.pointId() != null && !form.pointId().equals(d.pointId())) {
            requireVisible(scope, enterpriseOfPoint(form.pointId()));
            sources.approve(mn, form.pointId(), user);
            changes.add("point " + form.pointId());
        } else if (d.pointId() == null && Boolean.TRUE.equals(form.enabled())) {
            throw new IllegalArgumentException("pointId: a pending device is enabled at a monitoring point");
        }
        if (form.password() != null) {
            sources.setPassword(mn, password(form.password(), true));
            changes.add("password");
        }
        if (form.protocol() != null) {
            String protocol = protocol(form.protocol());
            jdbc.sql("update device set protocol = ? where mn = ?").params(protocol, mn).update();
            changes.add("protocol " + protocol);
        }
        if (form.enabled() != null) {
            DeviceStatus now = sources.find(mn).orElseThrow().status();
            DeviceStatus wanted = form.enabled() ? DeviceStatus.ACTIVE : DeviceStatus.DISABLED;
            if (now != wanted) {
                sources.setStatus(mn, wanted);
                changes.add(form.enabled() ? "enabled" : "disabled");
            }
        }
        audit.record("sources.device.update", "device " + mn, changes.isEmpty() ? "no change" : String.join(", ", changes));
        return deviceView(mn);
    }

    private SourceTree.Outlet outletView(long id) {
        return jdbc.sql("select id, enterprise_id, code, name, kind from outlet where id = ?").param(id)
                .query((rs, i) -> new SourceTree.Outlet(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), List.of()))
                .single();
    }

    private SourceTree.Point pointView(long id) {
        return jdbc.sql("select id, outlet_id, code, name from monitoring_point where id = ?").param(id)
                .query((rs, i) -> new SourceTree.Point(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), List.of())).single();
    }

    private SourceTree.Device deviceView(String mn) {
        LocalDateTime onlineSince = SourceTime.nowUtc().minus(alarms.missingAfter());
        return jdbc.sql("select d.mn, d.status, d.protocol, (select max(l.received_at) from latest_value l where l.mn = d.mn) from device d where d.mn = ?")
                .param(mn).query((rs, i) -> {
                    LocalDateTime last = rs.getObject(4, LocalDateTime.class);
                    return new SourceTree.Device(rs.getString(1), rs.getString(2), rs.getString(3), SourceTime.show(last),
                            last != null && !last.isBefore(onlineSince));
                }).single();
    }

    private static OutletForm outlet(OutletForm f) {
        if (f == null) {
            throw new IllegalArgumentException("an outlet: {\"code\": \"DA001\", \"name\": \"1号废气排放口\", \"kind\": \"gas\"}");
        }
        return new OutletForm(text("code", f.code(), 32, true), text("name", f.name(), 128, true), kind(f.kind()));
    }

    /** gas, water or other; 废气, 废水 and 其他 too. */
    static String kind(String kind) {
        if (blank(kind)) {
            throw new IllegalArgumentException("kind: gas (废气), water (废水) or other");
        }
        return switch (kind.trim().toLowerCase()) {
            case "gas", "废气" -> "gas";
            case "water", "废水" -> "water";
            case "other", "其他" -> "other";
            default -> throw new IllegalArgumentException("kind: gas (废气), water (废水) or other, got '" + kind.trim() + "'");
        };
    }

    private static PointForm point(PointForm f) {
        if (f == null) {
            throw new IllegalArgumentException("a monitoring point: {\"code\": \"P1\", \"name\": \"1号监测点\"}");
        }
        return new PointForm(text("code", f.code(), 32, true), text("name", f.name(), 128, true));
    }

    /** A PW the protocol can carry: 1 to 64 characters, none of its separators. */
    static String password(String pw, boolean required) {
        if (blank(pw)) {
            if (required) {
                throw new IllegalArgumentException("password: the device's PW (访问密码), e.g. 123456");
            }
            return null;
        }
        String p = pw.trim();
        if (p.length() > 64 || !p.chars().allMatch(c -> c > ' ' && c < 127 && ";,=&".indexOf(c) < 0)) {
            throw new IllegalArgumentException("password: 1 to 64 printable characters without ; , = &");
        }
        return p;
    }

    /** 2005 or 2017 (null: not known). */
    static String protocol(String protocol) {
        if (blank(protocol)) {
            return null;
        }
        String p = protocol.trim();
        if (p.startsWith("HJ") || p.startsWith("hj")) {
            p = p.replaceAll("\\D", "").replaceFirst("^212", "");
        }
        if (!p.equals("2005") && !p.equals("2017")) {
            throw new IllegalArgumentException("protocol: 2005 (HJ/T 212-2005) or 2017 (HJ 212-2017), got '" + protocol.trim() + "'");
        }
        return p;
    }

    // --- scope -------------------------------------------------------------------------------------------

    /** 404 when there is no such enterprise, 403 when the scope does not see it. */
    public void requireVisible(SourceScope scope, long enterpriseId) {
        Map<String, Object> p = scope.newParams();
        p.put("id", enterpriseId);
        List<Integer> seen = named.query("select case when " + scope.enterpriseCondition("e.id", p) + " then 1 else 0 end from enterprise e"
                + " where e.id = :id", p, (rs, i) -> rs.getInt(1));
        if (seen.isEmpty()) {
            throw new NoSuchElementException("no enterprise " + enterpriseId);
        }
        if (seen.getFirst() != 1) {
            throw new AccessDeniedException("enterprise " + enterpriseId + " is not one of yours");
        }
    }

    private static void requireWriter(SourceScope scope) {
        if (scope.enterpriseUser()) {
            throw new AccessDeniedException("enterprise users read their registry record; the bureau or the district changes it");
        }
    }

    long enterpriseOfOutlet(long outletId) {
        return jdbc.sql("select enterprise_id from outlet where id = ?").param(outletId).query(Long.class).optional()
                .orElseThrow(() -> new NoSuchElementException("no outlet " + outletId));
    }

    long outletOfPoint(long pointId) {
        return jdbc.sql("select outlet_id from monitoring_point where id = ?").param(pointId).query(Long.class).optional()
                .orElseThrow(() -> new NoSuchElementException("no monitoring point " + pointId));
    }

    public long enterpriseOfPoint(long pointId) {
        return enterpriseOfOutlet(outletOfPoint(pointId));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String text(String field, String value, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                throw new IllegalArgumentException(field + ": required");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException(field + ": at most " + max + " characters, got " + v.length());
        }
        if (v.chars().anyMatch(c -> c < ' ')) {
            throw new IllegalArgumentException(field + ": no control characters");
        }
        return v;
    }
}
