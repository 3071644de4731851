package org.envhub.platform.sources.registry;

import java.time.OffsetDateTime;
import java.util.List;

/** An enterprise's outlets, their monitoring points and devices (企业 → 排放口 → 监测点 → 数采仪). */
public final class SourceTree {

    private SourceTree() {}

    /** @param kind gas (废气), water (废水) or other */
    public record Outlet(long id, long enterpriseId, String code, String name, String kind, List<Point> points) {}

    public record Point(long id, long outletId, String code, String name, List<Device> devices) {}

    /**
     * @param status     active, pending or disabled
     * @param protocol   2005, 2017 or null when not known
     * @param lastDataAt when data last arrived from it (Beijing time), null if never
     * @param online     data arrived within the missing-data time (envhub.hj212.alarms: missing-intervals × data-interval)
     */
    public record Device(String mn, String status, String protocol, OffsetDateTime lastDataAt, boolean online) {}
}
