package org.envhub.platform.water;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.envhub.platform.air.AirTime;
import org.envhub.standards.water.WaterBody;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sections registry (断面台账). */
@Repository
public class WaterSectionRepository {

    private static final String SELECT = """
            select s.code, s.name, s.control_level, s.water_body, s.water_name, s.basin, p.name as province, c.name as city,
                   s.city_id, d.name as district, s.district_id, s.longitude, s.latitude, s.target_class, s.active, s.station_mn,
                   s.updated_at
            from water_section s join area c on c.id = s.city_id left join area p on p.id = c.parent_id
                 left join area d on d.id = s.district_id
            """;

    private final JdbcClient jdbc;

    public WaterSectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<WaterSectionView> all() {
        return jdbc.sql(SELECT + " order by s.code").query(WaterSectionRepository::row).list();
    }

    public Optional<WaterSectionView> find(String code) {
        return jdbc.sql(SELECT + " where s.code = ?").param(code).query(WaterSectionRepository::row).optional();
    }

    public Optional<WaterSectionView> byStation(String mn) {
        return jdbc.sql(SELECT + " where s.station_mn = ?").param(mn).query(WaterSectionRepository::row).optional();
    }

    /** MN → section code of every section with an automatic station. */
    public Map<String, String> stations() {
        Map<String, String> m = new HashMap<>();
        jdbc.sql("select station_mn, code from water_section where station_mn is not null").query(rs -> {
            m.put(rs.getString(1), rs.getString(2));
        });
        return m;
    }

    public int count() {
        return jdbc.sql("select count(*) from water_section").query(Integer.class).single();
    }

    /** What a save changed, for the audit log and for deciding what to recompute. */
    public record Saved(boolean created, WaterSectionView before) {}

    /** Inserts or updates one section. */
    public Saved save(String code, WaterSectionForm f, long cityId, Long districtId) {
        Optional<WaterSectionView> before = find(code);
        Map<String, Object> p = new HashMap<>();
        p.put("code", code);
        p.put("name", f.name().trim());
        p.put("level", f.controlLevel().id());
        p.put("body", f.body().id());
        p.put("waterName", WaterSectionForm.trimmed(f.waterName()));
        p.put("basin", WaterSectionForm.trimmed(f.basin()));
        p.put("city", cityId);
        p.put("district", districtId);
        p.put("lon", f.longitude());
        p.put("lat", f.latitude());
        p.put("target", f.targetClass() == null ? null : f.targetClass().label());
        p.put("active", f.isActive());
        p.put("mn", f.mn());
        p.put("now", AirTime.nowUtc());
        if (before.isPresent()) {
            jdbc.sql("""
                    update water_section set name = :name, control_level = :level, water_body = :body, water_name = :waterName,
                           basin = :basin, city_id = :city, district_id = :district, longitude = :lon, latitude = :lat,
                           target_class = :target, active = :active, station_mn = :mn, updated_at = :now
                    where code = :code""").params(p).update();
        } else {
            jdbc.sql("""
                    insert into water_section (code, name, control_level, water_body, water_name, basin, city_id, district_id,
                                               longitude, latitude, target_class, active, station_mn, updated_at)
                    values (:code, :name, :level, :body, :waterName, :basin, :city, :district, :lon, :lat, :target, :active, :mn, :now)""")
                    .params(p).update();
        }
        return new Saved(before.isEmpty(), before.orElse(null));
    }

    private static WaterSectionView row(ResultSet rs, int n) throws SQLException {
        ControlLevel level = ControlLevel.parse(rs.getString("control_level"));
        WaterBody body = WaterBody.parse(rs.getString("water_body"));
        long district = rs.getLong("district_id");
        Long districtId = rs.wasNull() ? null : district;
        double lon = rs.getDouble("longitude");
        Double longitude = rs.wasNull() ? null : lon;
        double lat = rs.getDouble("latitude");
        Double latitude = rs.wasNull() ? null : lat;
        LocalDateTime updated = rs.getObject("updated_at", LocalDateTime.class);
        return new WaterSectionView(rs.getString("code"), rs.getString("name"), level.id(), level.chineseName(), body.id(),
                body.chineseName(), rs.getString("water_name"), rs.getString("basin"), rs.getString("province"), rs.getString("city"),
                rs.getLong("city_id"), rs.getString("district"), districtId, longitude, latitude, rs.getString("target_class"),
                rs.getBoolean("active"), rs.getString("station_mn"), updated == null ? null : AirTime.toOffset(updated));
    }
}
