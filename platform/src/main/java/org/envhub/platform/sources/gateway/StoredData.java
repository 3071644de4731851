package org.envhub.platform.sources.gateway;

import java.time.LocalDateTime;
import java.util.List;

import org.envhub.hj212.Factor;

/**
 * A data packet just committed (not a duplicate): who, which data kind, when (UTC) and its factors. Handed
 * to {@link StoredDataListener}s after the commit, e.g. the alarm rules.
 */
public record StoredData(String mn, String cn, LocalDateTime dataTime, LocalDateTime receivedAt, List<Factor> factors) {
}
