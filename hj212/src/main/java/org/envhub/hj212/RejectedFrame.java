package org.envhub.hj212;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A frame that could not be taken, with its raw bytes (verbatim, or the first bytes up to the cap when
 * {@link #truncated()}), a reason and a human-readable detail. Strict-mode rejections also carry the
 * deviations that caused them.
 */
public final class RejectedFrame implements Hj212Inbound {

    private final byte[] raw;
    private final RejectReason reason;
    private final String detail;
    private final boolean truncated;
    private final Set<Deviation> deviations;

    public RejectedFrame(byte[] raw, RejectReason reason, String detail, boolean truncated, Set<Deviation> deviations) {
        this.raw = raw.clone();
        this.reason = reason;
        this.detail = detail;
        this.truncated = truncated;
        this.deviations = deviations.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(deviations));
    }

    public RejectedFrame(byte[] raw, RejectReason reason, String detail) {
        this(raw, reason, detail, false, Set.of());
    }

    public byte[] bytes() {
        return raw.clone();
    }

    public int length() {
        return raw.length;
    }

    public RejectReason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    /** True when the frame ran past the size cap and only its first bytes are kept. */
    public boolean truncated() {
        return truncated;
    }

    public Set<Deviation> deviations() {
        return deviations;
    }

    public boolean contentEquals(byte[] other) {
        return Arrays.equals(raw, other);
    }

    /** The bytes read as ISO-8859-1, so that binary garbage survives a round trip through a String. */
    public String latin1() {
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RejectedFrame r && r.reason == reason && r.truncated == truncated
                && Arrays.equals(r.raw, raw) && r.detail.equals(detail) && r.deviations.equals(deviations);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw) * 31 + reason.hashCode();
    }

    @Override
    public String toString() {
        return "RejectedFrame[" + reason + ": " + detail + ", " + Hj212Text.printable(raw, 100) + "]";
    }
}
