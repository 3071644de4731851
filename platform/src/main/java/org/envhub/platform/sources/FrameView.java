package org.envhub.platform.sources;

import java.time.OffsetDateTime;

/** A stored raw frame (原始报文) with its outcome; {@code text} is the bytes as text (UTF-8, else GBK). */
public record FrameView(long id, OffsetDateTime receivedAt, String peer, String mn, String cn, String qn, String outcome, String reason,
                        String detail, String deviations, boolean truncated, String text) {
}
