package org.envhub.platform.sources.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.envhub.platform.registry.Area;
import org.envhub.platform.registry.AreaRepository;
import org.envhub.platform.sources.PollutionSources;
import org.envhub.platform.sources.SourceTime;
import org.envhub.platform.sources.alarms.AlarmEngine;
import org.envhub.platform.sources.alarms.EmissionLimits;
import org.envhub.platform.sources.gateway.FrameWriter;
import org.envhub.platform.sources.gateway.GatewayProperties;
import org.envhub.platform.sources.gateway.Hj212Gateway;
import org.envhub.platform.sources.tools.Replay;
import org.envhub.platform.sources.tools.Simulator;
import org.envhub.platform.sources.tools.TrafficFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;

/**
 * The pollution-source demo, loaded once in the background after the platform is ready (so it costs the start
 * nothing): the two hours of real 2005-era traffic shipped in the jar ({@code data/hj212-traffic}, 284 data
 * loggers) are replayed through the gateway, byte for byte, after each logger has been registered as a demo
 * enterprise (演示企业001 …) with one outlet (废气 or 废水, from the packets' ST), one monitoring point and demo
 * emission limits. The district of each is read from the six digits of its MN, which look like a GB/T 2260 county
 * code of 石家庄 (130182 藁城市 …): a reading of the MN, not a fact about the sources. A marker in
 * {@code app_setting} makes later starts skip it; a start killed mid-way registers nothing twice and replays
 * again (the data already stored is then kept once, its frames stored as duplicates).
 *
 * <p>With {@code envhub.demo-live-devices} above 0, that many simulated loggers (demo enterprises too) then send
 * real-time data every 30 s with the simulator's faults, for as long as the server runs.
 */
@Component
public class DemoSources {

    static final String MARKER = "demo-sources.loaded";
    static final String LIVE_PREFIX = "DEMOLIVE";
    private static final Logger log = LoggerFactory.getLogger(DemoSources.class);
    private static final Pattern HEADER = Pattern.compile("ST=(\\d*);CN=(\\d+);PW=([^;]*);MN=([^;]+);");
    private static final Pattern COUNTY = Pattern.compile("^[A-Z]{2}(\\d{6})");

    /** County codes of 石家庄 as the loggers' MNs carry them (GB/T 2260, before the 2014 changes). */
    static final Map<String, String> COUNTIES = Map.ofEntries(Map.entry("130100", "石家庄市区"), Map.entry("130101", "市辖区"),
            Map.entry("130102", "长安区"), Map.entry("130103", "桥东区"), Map.entry("130104", "桥西区"), Map.entry("130105", "新华区"),
            Map.entry("130107", "井陉矿区"), Map.entry("130108", "裕华区"), Map.entry("130121", "井陉县"), Map.entry("130123", "正定县"),
            Map.entry("130124", "栾城县"), Map.entry("130125", "行唐县"), Map.entry("130126", "灵寿县"), Map.entry("130127", "高邑县"),
            Map.entry("130128", "深泽县"), Map.entry("130129", "赞皇县"), Map.entry("130130", "无极县"), Map.entry("130131", "平山县"),
            Map.entry("130132", "元氏县"), Map.entry("130133", "赵县"), Map.entry("130181", "辛集市"), Map.entry("130182", "藁城市"),
            Map.entry("130183", "晋州市"), Map.entry("130184", "新乐市"), Map.entry("130185", "鹿泉市"));

    /** Demo limits (mg/m³, mg/L): flue gas on converted values, as GB 13271 boiler limits are; waste water per GB 8978 grade 1. */
    static final Map<String, Object[]> GAS_LIMITS = Map.of("a21026", new Object[] {200.0, true}, "a21002", new Object[] {200.0, true},
            "a34013", new Object[] {30.0, true});
    static final Map<String, Object[]> WATER_LIMITS = Map.of("w01018", new Object[] {100.0, false}, "w21003", new Object[] {15.0, false});
    static final LocalDate LIMITS_FROM = LocalDate.of(2016, 1, 1);

    private final boolean enabled;
    private final int liveDevices;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AreaRepository areas;
    private final PollutionSources sources;
    private final EmissionLimits limits;
    private final Hj212Gateway gateway;
    private final GatewayProperties gatewaySettings;
    private final FrameWriter writer;
    private final AlarmEngine alarms;
    private volatile Thread thread;
    private volatile Simulator live;
    private volatile boolean done;

    public DemoSources(@Value("${envhub.demo-sources:${envhub.demo-data:true}}") boolean enabled,
                       @Value("${envhub.demo-live-devices:0}") int liveDevices, JdbcClient jdbc, TransactionTemplate tx, AreaRepository areas,
                       PollutionSources sources, EmissionLimits limits, Hj212Gateway gateway, GatewayProperties gatewaySettings,
                       FrameWriter writer, AlarmEngine alarms) {
        this.enabled = enabled;
        this.liveDevices = liveDevices;
        this.jdbc = jdbc;
        this.tx = tx;
        this.areas = areas;
        this.sources = sources;
        this.limits = limits;
        this.gateway = gateway;
        this.gatewaySettings = gatewaySettings;
        this.writer = writer;
        this.alarms = alarms;
    }

    /** After ready: the 10 s start budget belongs to the air demo data. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (!enabled && liveDevices <= 0) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name("demo-sources").start(this::run);
    }

    /** Whether the background work has finished (tests). */
    public boolean done() {
        return done;
    }

    /** Waits for the background load (tests). */
    public boolean await(Duration max) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(max);
        }
        return done;
    }

    private void run() {
        try {
            if (enabled && !loaded()) {
                load();
            }
            done = true;
            if (liveDevices > 0) {
                live();
            }
        } catch (Exception e) {
            log.warn("Demo sources: not loaded ({})", e.toString(), e);
        } finally {
            done = true;
        }
    }

    boolean loaded() {
        return jdbc.sql("select count(*) from app_setting where name = ?").param(MARKER).query(Integer.class).single() > 0;
    }

    private record Logger212(String mn, String st, String pw) {}

    void load() throws IOException, InterruptedException {
        if (!gateway.isRunning()) {
            log.info("Demo sources: the HJ 212 gateway is off (envhub.hj212.enabled=false), nothing to replay through");
            return;
        }
        long t0 = System.nanoTime();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/hj212-traffic/*.h212.gz");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        List<byte[]> captures = new ArrayList<>();
        for (Resource r : files) {
            try (InputStream in = new GZIPInputStream(r.getInputStream())) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                captures.add(out.toByteArray());
            }
        }
        if (captures.isEmpty()) {
            log.warn("Demo sources: no traffic in the jar (demo/hj212-traffic)");
            return;
        }
        Map<String, Logger212> loggers = loggers(captures);
        int registered = tx.execute(s -> register(loggers));
        long frames = 0;
        for (byte[] c : captures) {
            frames += TrafficFiles.lines(c).size();
        }
        String host = gatewaySettings.bindAddress().equals("0.0.0.0") || gatewaySettings.bindAddress().equals("::") ? "127.0.0.1"
                : gatewaySettings.bindAddress();
        Replay.Result r = new Replay(host, gateway.port(), 0, 0, 1, 2000).send(captures.toArray(byte[][]::new));
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (writer.queued() > 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        alarms.awaitIdle(Duration.ofMinutes(2));
        jdbc.sql("insert into app_setting (name, setting_value) values (?, ?)")
                .params(MARKER, SourceTime.nowUtc() + " data/hj212-traffic, " + loggers.size() + " loggers, " + frames + " frames").update();
        log.info("Demo sources: {} demo enterprises registered, {} frames of real HJ 212 traffic replayed through the gateway in {} s",
                registered, r.frames(), String.format("%.1f", (System.nanoTime() - t0) / 1e9));
    }

    /** The loggers of the traffic that send data (CN 2xxx): MN, the ST of their first data packet, their PW. */
    static Map<String, Logger212> loggers(List<byte[]> captures) {
        Map<String, Logger212> out = new TreeMap<>();
        for (byte[] c : captures) {
            for (byte[] line : TrafficFiles.lines(c)) {
                Matcher m = HEADER.matcher(new String(line, StandardCharsets.ISO_8859_1));
                if (m.find() && m.group(2).startsWith("2") && !m.group(1).isEmpty() && !m.group(1).equals("91")) {
                    out.putIfAbsent(m.group(4), new Logger212(m.group(4), m.group(1), m.group(3)));
                }
            }
        }
        return out;
    }

    /** Registers a demo enterprise for each logger not yet known; returns how many. */
    private int register(Map<String, Logger212> loggers) {
        Area city = areas.city("石家庄").orElseGet(() -> areas.findOrCreate(Area.CITY, "石家庄", null));
        Map<String, Long> districts = new LinkedHashMap<>();
        int n = jdbc.sql("select count(*) from enterprise where name like '演示企业%'").query(Integer.class).single();
        int added = 0;
        for (Logger212 l : loggers.values()) {
            if (sources.find(l.mn()).isPresent()) {
                continue;
            }
            Matcher m = COUNTY.matcher(l.mn());
            String county = m.find() ? COUNTIES.getOrDefault(m.group(1), "区县代码" + m.group(1)) : "其他";
            long district = districts.computeIfAbsent(county, c -> areas.findOrCreate(Area.DISTRICT, c, city.id()).id());
            boolean gas = l.st().equals("31");
            long enterprise = sources.createEnterprise(String.format("演示企业%03d", ++n), null, district);
            jdbc.sql("update enterprise set industry = ?, updated_at = ? where id = ?")
                    .params(gas ? "废气排放单位（演示）" : "废水排放单位（演示）", SourceTime.nowUtc(), enterprise).update();
            long outlet = sources.createOutlet(enterprise, gas ? "DA001" : "DW001", gas ? "1号废气排放口" : "1号废水排放口", gas ? "gas" : "water");
            long point = sources.createPoint(outlet, "P1", "1号监测点");
            sources.registerDevice(l.mn(), point, l.pw(), "demo");
            jdbc.sql("update device set protocol = '2005' where mn = ?").param(l.mn()).update();
            for (Map.Entry<String, Object[]> e : (gas ? GAS_LIMITS : WATER_LIMITS).entrySet()) {
                limits.set(point, e.getKey(), (Double) e.getValue()[0], (Boolean) e.getValue()[1], LIMITS_FROM, "demo");
            }
            added++;
        }
        return added;
    }

    /** Simulated loggers of live demo enterprises, until the server stops. */
    private void live() throws InterruptedException {
        tx.executeWithoutResult(s -> {
            Area city = areas.city("石家庄").orElseGet(() -> areas.findOrCreate(Area.CITY, "石家庄", null));
            long district = areas.findOrCreate(Area.DISTRICT, "演示区（实时模拟）", city.id()).id();
            for (int i = 0; i < liveDevices; i++) {
                String mn = Simulator.mn(LIVE_PREFIX, i);
                if (sources.find(mn).isPresent()) {
                    continue;
                }
                boolean gas = i % 2 == 0;
                long enterprise = sources.createEnterprise(String.format("演示企业（实时模拟）%02d", i + 1), null, district);
                jdbc.sql("update enterprise set industry = ? where id = ?").params(gas ? "废气排放单位（演示）" : "废水排放单位（演示）", enterprise).update();
                long outlet = sources.createOutlet(enterprise, gas ? "DA001" : "DW001", gas ? "1号废气排放口" : "1号废水排放口", gas ? "gas" : "water");
                long point = sources.createPoint(outlet, "P1", "1号监测点");
                sources.registerDevice(mn, point, "123456", "demo");
                jdbc.sql("update device set protocol = '2017' where mn = ?").param(mn).update();
                for (Map.Entry<String, Object[]> e : (gas ? GAS_LIMITS : WATER_LIMITS).entrySet()) {
                    limits.set(point, e.getKey(), (Double) e.getValue()[0], (Boolean) e.getValue()[1], LIMITS_FROM, "demo");
                }
            }
        });
        String host = gatewaySettings.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : gatewaySettings.bindAddress();
        Simulator s = new Simulator(new Simulator.Config(host, gateway.port(), liveDevices, 30, 2017, true, 10 * 365 * 86400.0, LIVE_PREFIX,
                "123456", System.currentTimeMillis(), 10_000));
        live = s;
        log.info("Demo sources: {} simulated loggers ({}…) sending real-time data every 30 s", liveDevices, Simulator.mn(LIVE_PREFIX, 0));
        s.run(null);
    }

    @PreDestroy
    void stop() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        Simulator s = live;
        if (s != null) {
            s.stop();
        }
    }
}
