package org.envhub.hj212;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One frame cut from the byte stream whose length and check value hold: the raw bytes verbatim, from
 * {@code ##} to the last check digit (the CR LF is not part of it), and the framing deviations.
 *
 * <p>Immutable: the bytes are copied once out of the network buffer and never exposed for writing.
 */
public final class RawFrame {

    /** {@code ##} plus the 4-digit length. */
    public static final int HEADER_BYTES = 6;
    /** The 4 hex digits of the check value. */
    public static final int CHECK_BYTES = 4;

    private final byte[] raw;
    private final int declaredLength;
    private final Set<Deviation> deviations;

    RawFrame(byte[] raw, int declaredLength, Set<Deviation> deviations) {
        this.raw = raw;
        this.declaredLength = declaredLength;
        this.deviations = deviations.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(deviations));
    }

    /** Factory for decoders in other packages; {@code raw} is taken over, not copied. */
    public static RawFrame of(byte[] raw, int declaredLength, Set<Deviation> deviations) {
        if (raw.length < HEADER_BYTES + CHECK_BYTES) {
            throw new IllegalArgumentException("a frame has at least 10 bytes");
        }
        return new RawFrame(raw, declaredLength, deviations);
    }

    /** A copy of the raw bytes. */
    public byte[] bytes() {
        return raw.clone();
    }

    /** The raw bytes without copying; callers must not modify the array. */
    byte[] array() {
        return raw;
    }

    public int length() {
        return raw.length;
    }

    /** The length written in the frame header. */
    public int declaredLength() {
        return declaredLength;
    }

    /** The data segment's real length in bytes (differs from the declared one only with {@link Deviation#LENGTH_IN_CHARACTERS}). */
    public int dataLength() {
        return raw.length - HEADER_BYTES - CHECK_BYTES;
    }

    public byte[] data() {
        return Arrays.copyOfRange(raw, HEADER_BYTES, HEADER_BYTES + dataLength());
    }

    /** The 4 check characters as sent. */
    public String checkText() {
        return new String(raw, raw.length - CHECK_BYTES, CHECK_BYTES, StandardCharsets.ISO_8859_1);
    }

    public Set<Deviation> deviations() {
        return deviations;
    }

    public boolean contentEquals(byte[] other) {
        return Arrays.equals(raw, other);
    }

    public String text(Charset charset) {
        return new String(raw, charset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawFrame f && f.declaredLength == declaredLength && Arrays.equals(f.raw, raw)
                && f.deviations.equals(deviations);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "RawFrame[" + Hj212Text.printable(raw, 120) + (deviations.isEmpty() ? "" : ", " + deviations) + "]";
    }
}
