package org.envhub.platform.air;

import java.time.LocalDateTime;
import java.util.List;

import org.envhub.standards.air.AqiLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every station's latest hour, kept in memory and as ready-made JSON, refreshed after each ingest, so the map's
 * call costs no database work.
 */
@Component
public class LatestSnapshot {

    /**
     * The entries, their JSON and the same gzip-compressed (for browsers, which all accept gzip: compressed once
     * here rather than on every request), taken together so a reader never sees one without the others.
     */
    public record Snapshot(List<LatestStation> stations, byte[] json, byte[] gzippedJson) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private volatile Snapshot current;

    public LatestSnapshot(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Snapshot get() {
        Snapshot s = current;
        if (s == null) {
            s = refresh();
        }
        return s;
    }

    public synchronized Snapshot refresh() {
        List<LatestStation> stations = jdbc.sql("""
                        select s.code, s.name, c.name as city, d.name as district, s.longitude, s.latitude, l.hour_end, l.aqi,
                               l.primary_pollutant, l.so2, l.no2, l.co, l.o3, l.pm10, l.pm25, l.rule_set, s.control, s.district_id
                        from air_latest l join station s on s.code = l.station_code join area c on c.id = s.city_id
                        left join area d on d.id = s.district_id order by s.code""")
                .query((rs, n) -> {
                    Integer aqi = rs.getObject("aqi", Integer.class);
                    AqiLevel level = aqi == null ? null : AqiLevel.of(aqi);
                    return new LatestStation(rs.getString("code"), rs.getString("name"), rs.getString("city"),
                            rs.getString("district"), rs.getObject("longitude", Double.class), rs.getObject("latitude", Double.class),
                            AirTime.toOffset(rs.getObject("hour_end", LocalDateTime.class)), aqi,
                            level == null ? null : level.number(), level == null ? null : level.category(),
                            level == null ? null : level.hexColour(), rs.getString("primary_pollutant"),
                            rs.getObject("so2", Double.class), rs.getObject("no2", Double.class), rs.getObject("co", Double.class),
                            rs.getObject("o3", Double.class), rs.getObject("pm10", Double.class), rs.getObject("pm25", Double.class),
                            rs.getString("rule_set"), rs.getBoolean("control"), rs.getObject("district_id", Long.class));
                }).list();
        byte[] bytes = json.writeValueAsBytes(stations);
        Snapshot s = new Snapshot(stations, bytes, gzip(bytes));
        current = s;
        return s;
    }

    static byte[] gzip(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 5);
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out, 1 << 16)) {
            gz.write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
