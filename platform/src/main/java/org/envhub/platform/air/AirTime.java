package org.envhub.platform.air;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Hours are stored as UTC instants and shown in Beijing time, labelled by the hour that ends then, as the
 * national data does (the hour labelled 01:00 runs from 00:00 to 01:00).
 */
public final class AirTime {

    public static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private AirTime() {}

    /** A local (Beijing) hour label to the stored UTC value. */
    public static LocalDateTime toUtc(LocalDateTime local) {
        return local.atZone(LOCAL).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** A stored UTC value to its local (Beijing) label. */
    public static LocalDateTime toLocal(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(LOCAL).toLocalDateTime();
    }

    /** A stored UTC value as Beijing time with its offset, for the API. */
    public static OffsetDateTime toOffset(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(LOCAL).toOffsetDateTime();
    }

    public static LocalDateTime nowUtc() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
