package org.envhub.platform.sources.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.envhub.platform.sources.RealTraffic;
import org.envhub.platform.sources.SourceScope;
import org.envhub.platform.sources.board.DayStatus;
import org.envhub.platform.sources.board.SourceBoard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sources demo as a fresh {@code envhub serve} loads it (without the air demo): the real traffic's loggers
 * registered as demo enterprises, every frame replayed through the gateway, alarms raised, once. H2 and PostgreSQL.
 */
@SpringBootTest(properties = {"envhub.demo-sources=true", "envhub.hj212.auto-register=true"})
abstract class DemoSourcesTests {

    @Autowired DemoSources demo;
    @Autowired JdbcClient jdbc;
    @Autowired SourceBoard board;

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    @Test
    void theRealTrafficsLoggersBecomeDemoEnterprisesAndEveryFrameIsReplayedOnce() throws Exception {
        assertThat(demo.await(Duration.ofMinutes(5))).isTrue();
        assertThat(demo.loaded()).isTrue();
        // An independent reading of the traffic: the MNs that send data packets for flue gas (31) or water (32).
        Set<String> loggers = new TreeSet<>();
        List<byte[]> lines = RealTraffic.lines();
        int intact = 0;
        for (byte[] line : lines) {
            intact += RealTraffic.intact(line) ? 1 : 0;
            String cn = RealTraffic.value(line, "CN"), st = RealTraffic.value(line, "ST"), mn = RealTraffic.value(line, "MN");
            if (cn != null && cn.startsWith("2") && ("31".equals(st) || "32".equals(st)) && mn != null) {
                loggers.add(mn);
            }
        }
        assertThat(count("select count(*) from enterprise where name like '演示企业%'")).isEqualTo(loggers.size());
        assertThat(jdbc.sql("select d.mn from device d join monitoring_point p on p.id = d.point_id where d.protocol = '2005' and d.status = 'active'"
                + " order by d.mn").query(String.class).list()).containsExactlyElementsOf(loggers);
        // Gas points have three demo limits, water points two.
        int gas = count("select count(*) from outlet where kind = 'gas'"), water = count("select count(*) from outlet where kind = 'water'");
        assertThat(gas + water).isEqualTo(loggers.size());
        assertThat(count("select count(*) from emission_limit where set_by = 'demo'")).isEqualTo(3 * gas + 2 * water);
        // The district is read from the MN's county code.
        assertThat(jdbc.sql("select a.name from device d join monitoring_point p on p.id = d.point_id join outlet o on o.id = p.outlet_id"
                + " join enterprise e on e.id = o.enterprise_id join area a on a.id = e.district_id where d.mn = 'LD130182000295'")
                .query(String.class).single()).isEqualTo("藁城市");

        // Every frame came through the gateway: the corrupted ones rejected, the others taken.
        assertThat(count("select count(*) from raw_frame")).isEqualTo(lines.size());
        assertThat(count("select count(*) from raw_frame where outcome = 'rejected'")).isEqualTo(lines.size() - intact);
        assertThat(count("select count(*) from data_packet")).isPositive();
        // The rules found what real traffic holds: exceedances of the demo limits, abnormal flags, zeros, jumps.
        assertThat(jdbc.sql("select distinct kind from source_alarm").query(String.class).list())
                .contains("HOURLY_EXCEEDANCE", "ABNORMAL_FLAG", "ZERO_OR_NEGATIVE", "SUDDEN_JUMP");
        long enterprise = jdbc.sql("select o.enterprise_id from device d join monitoring_point p on p.id = d.point_id join outlet o on o.id = p.outlet_id"
                + " where d.mn = 'LD130182000295'").query(Long.class).single();
        List<DayStatus> strip = board.days(SourceScope.everything(), enterprise, LocalDate.of(2016, 8, 24), 2);
        assertThat(strip.get(0).status()).isEqualTo("nodata");
        assertThat(strip.get(1).status()).isIn("exceedance", "missing");

        // Once: a later start loads nothing again.
        int frames = count("select count(*) from raw_frame"), enterprises = count("select count(*) from enterprise");
        demo.start();
        assertThat(demo.await(Duration.ofMinutes(1))).isTrue();
        assertThat(count("select count(*) from raw_frame")).isEqualTo(frames);
        assertThat(count("select count(*) from enterprise")).isEqualTo(enterprises);
    }
}
