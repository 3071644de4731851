package org.envhub.platform.registry;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The station registry (站点台账). */
@Repository
public class StationRepository {

    private static final String SELECT = """
            select s.code, s.name, c.name as city, d.name as district, s.district_id, s.longitude, s.latitude,
                   s.control, s.active_from, s.active_until
            from station s join area c on c.id = s.city_id left join area d on d.id = s.district_id
            """;

    private final JdbcClient jdbc;

    public StationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RegisteredStation> all() {
        return jdbc.sql(SELECT + " order by s.code").query(RegisteredStation.class).list();
    }

    public Optional<RegisteredStation> find(String code) {
        return jdbc.sql(SELECT + " where s.code = ?").param(code).query(RegisteredStation.class).optional();
    }

    public List<String> codes() {
        return jdbc.sql("select code from station").query(String.class).list();
    }

    public int count() {
        return jdbc.sql("select count(*) from station").query(Integer.class).single();
    }

    /** Inserts or updates one station; returns true if it was new. */
    public boolean save(RegisteredStation s, long cityId) {
        int updated = jdbc.sql("""
                        update station set name = :name, city_id = :city, district_id = :district, longitude = :lon,
                               latitude = :lat, control = :control, active_from = :from, active_until = :until
                        where code = :code""")
                .params(params(s, cityId)).update();
        if (updated > 0) {
            return false;
        }
        jdbc.sql("""
                        insert into station (code, name, city_id, district_id, longitude, latitude, control, active_from, active_until)
                        values (:code, :name, :city, :district, :lon, :lat, :control, :from, :until)""")
                .params(params(s, cityId)).update();
        return true;
    }

    private static java.util.Map<String, Object> params(RegisteredStation s, long cityId) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("code", s.code());
        p.put("name", s.name());
        p.put("city", cityId);
        p.put("district", s.districtId());
        p.put("lon", s.longitude());
        p.put("lat", s.latitude());
        p.put("control", s.control());
        p.put("from", s.activeFrom());
        p.put("until", s.activeUntil());
        return p;
    }
}
