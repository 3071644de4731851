package org.envhub.platform.support;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.envhub.platform.air.AirTime;
import org.envhub.platform.air.HourlyAqiService;
import org.envhub.platform.air.HourlyValue;
import org.envhub.platform.air.HourlyValueStore;
import org.envhub.platform.air.LatestSnapshot;
import org.envhub.platform.air.StoreResult;
import org.envhub.platform.auth.Role;
import org.envhub.platform.auth.UserRepository;
import org.envhub.platform.registry.Area;
import org.envhub.platform.registry.AreaRepository;
import org.envhub.platform.registry.RegisteredStation;
import org.envhub.platform.registry.StationRepository;
import org.envhub.standards.air.Pollutant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test data in two districts of one city: 甲区 with stations TA1 and TA2, 乙区 with TB1, and one user per role.
 * Each station has six hours of values (Beijing hour ends 2023-01-20 01:00 … 06:00); set up once per database.
 */
@Component
public class TwoDistricts {

    public static final String PASSWORD = "test-password-1";
    public static final LocalDateTime FIRST_LOCAL_HOUR = LocalDateTime.of(2023, 1, 20, 1, 0);
    public static final int HOURS = 6;

    private final AreaRepository areas;
    private final StationRepository stations;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final HourlyValueStore values;
    private final HourlyAqiService aqi;
    private final LatestSnapshot snapshot;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public long districtA;
    public long districtB;

    public TwoDistricts(AreaRepository areas, StationRepository stations, UserRepository users, PasswordEncoder encoder,
                        HourlyValueStore values, HourlyAqiService aqi, LatestSnapshot snapshot, JdbcClient jdbc, TransactionTemplate tx) {
        this.areas = areas;
        this.stations = stations;
        this.users = users;
        this.encoder = encoder;
        this.values = values;
        this.aqi = aqi;
        this.snapshot = snapshot;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public synchronized TwoDistricts ensure() {
        Area city = areas.findOrCreate(Area.CITY, "测试市", null);
        districtA = areas.findOrCreate(Area.DISTRICT, "甲区", city.id()).id();
        districtB = areas.findOrCreate(Area.DISTRICT, "乙区", city.id()).id();
        if (stations.find("TA1").isPresent()) {
            return this;
        }
        tx.executeWithoutResult(s -> {
            stations.save(new RegisteredStation("TA1", "甲一站", "测试市", "甲区", districtA, 116.1, 39.9, false, null, null), city.id());
            stations.save(new RegisteredStation("TA2", "甲二站", "测试市", "甲区", districtA, 116.2, 39.8, false, null, null), city.id());
            stations.save(new RegisteredStation("TB1", "乙一站", "测试市", "乙区", districtB, 116.3, 39.7, false, null, null), city.id());
            user("bureau1", Role.BUREAU, null);
            user("districtA", Role.DISTRICT, districtA);
            user("districtB", Role.DISTRICT, districtB);
            user("viewer1", Role.VIEWER, null);
            user("enterprise1", Role.ENTERPRISE, null);
            StoreResult r = values.store(importId(), hours("TA1", 10).stream().toList());
            aqi.recompute(r);
            r = values.store(importId(), hours("TA2", 40));
            aqi.recompute(r);
            r = values.store(importId(), hours("TB1", 80));
            aqi.recompute(r);
        });
        snapshot.refresh();
        return this;
    }

    /** Six hours of all six pollutants; PM2.5 grows from {@code pm25} by 5 an hour. */
    public static List<HourlyValue> hours(String station, double pm25) {
        List<HourlyValue> list = new ArrayList<>();
        for (int h = 0; h < HOURS; h++) {
            LocalDateTime utc = AirTime.toUtc(FIRST_LOCAL_HOUR.plusHours(h));
            list.add(new HourlyValue(station, Pollutant.PM25, utc, pm25 + 5 * h, null));
            list.add(new HourlyValue(station, Pollutant.PM10, utc, pm25 * 1.5 + 5 * h, null));
            list.add(new HourlyValue(station, Pollutant.SO2, utc, 8, null));
            list.add(new HourlyValue(station, Pollutant.NO2, utc, 30 + h, null));
            list.add(new HourlyValue(station, Pollutant.CO, utc, 0.6, null));
            list.add(new HourlyValue(station, Pollutant.O3, utc, 20 + 2 * h, null));
        }
        return list;
    }

    public long importId() {
        jdbc.sql("insert into data_import (kind, file_name, started_at, status) values ('test', 'TwoDistricts', ?, 'done')")
                .param(AirTime.nowUtc()).update();
        return jdbc.sql("select max(id) from data_import").query(Long.class).single();
    }

    private void user(String name, Role role, Long district) {
        users.create(name, name, encoder.encode(PASSWORD), role, district);
    }
}
