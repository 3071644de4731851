package org.envhub.hj212;

import java.util.EnumSet;
import java.util.Set;

/** A mutable set of deviations collected while decoding one frame. */
final class Deviations {
    private final EnumSet<Deviation> set = EnumSet.noneOf(Deviation.class);

    void add(Deviation d) {
        set.add(d);
    }

    void addAll(Set<Deviation> ds) {
        set.addAll(ds);
    }

    boolean isEmpty() {
        return set.isEmpty();
    }

    Set<Deviation> asSet() {
        return set;
    }
}
