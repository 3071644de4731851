package org.envhub.platform.sources;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The devices the gateway checks each frame against, cached: every frame needs its MN and PW checked,
 * and a round trip per frame would cap the throughput. Changes made through {@link PollutionSources}
 * drop the cached entry; unknown MNs are not cached (each batch asks the database once for all of them).
 */
@Component
public class DeviceDirectory {

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, Device> cache = new ConcurrentHashMap<>();

    public DeviceDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The known devices among these MNs. */
    public Map<String, Device> find(Collection<String> mns) {
        Map<String, Device> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String mn : mns) {
            Device d = cache.get(mn);
            if (d != null) {
                found.put(mn, d);
            } else if (mn != null) {
                missing.add(mn);
            }
        }
        for (int from = 0; from < missing.size(); from += 1000) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + 1000));
            jdbc.query("select mn, point_id, password, status from device where mn in (:mns)", Map.of("mns", chunk), rs -> {
                long point = rs.getLong(2);
                Device d = new Device(rs.getString(1), rs.wasNull() ? null : point, rs.getString(3), DeviceStatus.of(rs.getString(4)));
                found.put(d.mn(), d);
                cache.put(d.mn(), d);
            });
        }
        return found;
    }

    /** Call after a committed change of this device. */
    public void forget(String mn) {
        cache.remove(mn);
    }

    /** Call after a committed registration. */
    public void remember(Device d) {
        cache.put(d.mn(), d);
    }
}
