package org.envhub.platform.sources;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What the gateway received in a period: frames received, accepted (data taken, duplicates included) and
 * rejected (everything else: bad frames, unknown devices, wrong passwords, incomplete split packets,
 * storage errors), so received = accepted + rejected; the number of frames having each deviation from the
 * standard, and each reject reason.
 */
public record FrameSummary(OffsetDateTime from, OffsetDateTime to, long received, long accepted, long rejected, long duplicates,
                           Map<String, Long> deviations, Map<String, Long> rejectReasons) {
}
