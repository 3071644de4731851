package org.envhub.platform.sources;

import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.envhub.hj212.Cp;
import org.envhub.hj212.Factor;
import org.envhub.hj212.Hj212Packet;
import org.envhub.hj212.Hj212Writer;
import org.envhub.platform.auth.Role;
import org.envhub.platform.auth.UserRepository;
import org.envhub.platform.registry.Area;
import org.envhub.platform.registry.AreaRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Test registry data: enterprises with one outlet, point and device each, and frames for them. */
@Component
public class SourcesFixture {

    public static final String PASSWORD = "test-password-1";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final PollutionSources sources;
    private final AreaRepository areas;
    private final UserRepository users;
    private final PasswordEncoder encoder;

    public SourcesFixture(PollutionSources sources, AreaRepository areas, UserRepository users, PasswordEncoder encoder) {
        this.sources = sources;
        this.areas = areas;
        this.users = users;
        this.encoder = encoder;
    }

    public record Registered(long enterpriseId, long pointId, String mn, String pw) {}

    /** A new enterprise in the district, with one gas outlet, one point and an active device. */
    public Registered enterpriseWithDevice(String districtName, String mn, String pw) {
        long district = district(districtName);
        int n = SEQ.incrementAndGet();
        long enterprise = sources.createEnterprise("测试企业" + n, "CC" + n + "-" + mn, district);
        long outlet = sources.createOutlet(enterprise, "DA001", "1号废气排放口", "gas");
        long point = sources.createPoint(outlet, "P1", "1号监测点");
        sources.registerDevice(mn, point, pw, "test");
        return new Registered(enterprise, point, mn, pw);
    }

    /** Another outlet of an enterprise, with one point and an active device; returns the point. */
    public long pointWithDevice(long enterpriseId, String outletCode, String mn, String pw) {
        long outlet = sources.createOutlet(enterpriseId, outletCode, outletCode + "排放口", "gas");
        long point = sources.createPoint(outlet, "P1", outletCode + "监测点");
        sources.registerDevice(mn, point, pw, "test");
        return point;
    }

    public long district(String name) {
        Area city = areas.findOrCreate(Area.CITY, "测试市", null);
        return areas.findOrCreate(Area.DISTRICT, name, city.id()).id();
    }

    /** An enterprise user linked to the enterprise. */
    public void enterpriseUser(String username, long enterpriseId) {
        long id = users.findByUsername(username).map(u -> u.id())
                .orElseGet(() -> users.create(username, username, encoder.encode(PASSWORD), Role.ENTERPRISE, null));
        sources.linkAccount(id, enterpriseId);
    }

    public void user(String username, Role role, Long district) {
        if (users.findByUsername(username).isEmpty()) {
            users.create(username, username, encoder.encode(PASSWORD), role, district);
        }
    }

    /** A 2017 real-time data packet (CN 2011) wanting an answer (Flag=5), with SO2 and NOx. */
    public static Hj212Packet realTime(String mn, String pw, LocalDateTime dataTime, String so2, String nox) {
        return Hj212Packet.builder().qn("20240101120000" + String.format("%03d", SEQ.incrementAndGet() % 1000)).st("31").cn("2011").pw(pw).mn(mn).flag(5)
                .cp(Cp.builder().dataTime(dataTime)
                        .factor(Factor.builder("a21026").rtd(so2).flag("N"))
                        .factor(Factor.builder("a21002").rtd(nox).flag("N"))
                        .build())
                .build();
    }

    /** A 2017 hourly data packet (CN 2061) wanting an answer, one factor with Avg, ZsAvg and a flag. */
    public static Hj212Packet hourly(String mn, String pw, LocalDateTime dataTime, String factor, String avg, String zsAvg, String flag) {
        Factor.Builder f = Factor.builder(factor).avg(avg).min(avg).max(avg).flag(flag);
        if (zsAvg != null) {
            f.set(org.envhub.hj212.FactorField.ZS_AVG, zsAvg);
        }
        return Hj212Packet.builder().qn("20240101120000" + String.format("%03d", SEQ.incrementAndGet() % 1000)).st("31").cn("2061").pw(pw).mn(mn)
                .flag(5).cp(Cp.builder().dataTime(dataTime).factor(f).build()).build();
    }

    public static byte[] bytes(Hj212Packet p) {
        return Hj212Writer.encode(p);
    }
}
