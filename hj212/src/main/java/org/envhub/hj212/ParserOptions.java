package org.envhub.hj212;

import java.nio.charset.Charset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Lenient (the default: take every readable frame and record its deviations) or strict (reject a frame on
 * any deviation, except those explicitly allowed); and the charset of non-ASCII text.
 *
 * @param rejectOnDeviation strict mode
 * @param allowed           deviations strict mode accepts
 * @param charset           the charset of non-ASCII text, or null to detect it: UTF-8 when the bytes are
 *                          valid UTF-8, else GBK. Detection can be wrong for short GBK text that happens to be
 *                          valid UTF-8 (校准 is); set GBK for devices known to send it. The raw bytes are kept
 *                          either way.
 */
public record ParserOptions(boolean rejectOnDeviation, Set<Deviation> allowed, Charset charset) {

    private static final ParserOptions LENIENT = new ParserOptions(false, Set.of(), null);
    private static final ParserOptions STRICT = new ParserOptions(true, Set.of(), null);

    public ParserOptions {
        allowed = allowed.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(allowed));
    }

    /** The same options with a fixed charset for non-ASCII text (null: detect). */
    public ParserOptions withCharset(Charset cs) {
        return new ParserOptions(rejectOnDeviation, allowed, cs);
    }

    public static ParserOptions lenient() {
        return LENIENT;
    }

    /** Rejects on any deviation. */
    public static ParserOptions strict() {
        return STRICT;
    }

    /** The same mode, also accepting these deviations (e.g. strict but allowing 2005's missing QN and Flag). */
    public ParserOptions allowing(Deviation first, Deviation... more) {
        EnumSet<Deviation> s = allowed.isEmpty() ? EnumSet.noneOf(Deviation.class) : EnumSet.copyOf(allowed);
        s.add(first);
        Collections.addAll(s, more);
        return new ParserOptions(rejectOnDeviation, s, charset);
    }

    public boolean isStrict() {
        return rejectOnDeviation;
    }

    /** The deviations that make a frame rejected under these options (empty when lenient). */
    public Set<Deviation> refused(Set<Deviation> found) {
        if (!rejectOnDeviation || found.isEmpty()) {
            return Set.of();
        }
        EnumSet<Deviation> s = EnumSet.copyOf(found);
        s.removeAll(allowed);
        return s;
    }
}
