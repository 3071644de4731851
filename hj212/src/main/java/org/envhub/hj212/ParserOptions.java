package org.envhub.hj212;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Lenient (the default: take every readable frame and record its deviations) or strict (reject a frame on
 * any deviation, except those explicitly allowed).
 */
public record ParserOptions(boolean rejectOnDeviation, Set<Deviation> allowed) {

    private static final ParserOptions LENIENT = new ParserOptions(false, Set.of());
    private static final ParserOptions STRICT = new ParserOptions(true, Set.of());

    public ParserOptions {
        allowed = allowed.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(allowed));
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
        return new ParserOptions(rejectOnDeviation, s);
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
