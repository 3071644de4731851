package org.envhub.platform.sources;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Times of the sources feature. Loggers write DataTime in Beijing time; the database holds UTC; the API
 * shows Beijing time with its offset (+08:00), as the rest of envhub does.
 */
public final class SourceTime {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private SourceTime() {}

    /** A logger's DataTime (Beijing local time) as the UTC time stored. */
    public static LocalDateTime dataTimeToUtc(LocalDateTime beijing) {
        return beijing.atZone(BEIJING).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** A stored UTC time, shown in Beijing time. */
    public static OffsetDateTime show(LocalDateTime utc) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(BEIJING).toOffsetDateTime();
    }

    public static LocalDateTime nowUtc() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
