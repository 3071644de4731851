package org.envhub.hj212;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thread-safe counters for one server (or one test): frames received, accepted and rejected, deviations
 * and reject reasons by name, split packets, swallowed exceptions. Shared by all channels; LongAdder so
 * that many event loops can count without contention.
 *
 * <p>A frame is received when the framer emits it (intact or rejected), accepted when it parses into a
 * packet (each piece of a split packet counts), rejected otherwise: received = accepted + rejected.
 */
public final class Hj212Stats {

    private final LongAdder received = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder garbageBytes = new LongAdder();
    private final LongAdder splitCompleted = new LongAdder();
    private final LongAdder splitIncomplete = new LongAdder();
    private final LongAdder exceptions = new LongAdder();
    private final LongAdder idleEvents = new LongAdder();
    private final LongAdder[] deviations = adders(Deviation.values().length);
    private final LongAdder[] reasons = adders(RejectReason.values().length);

    private static LongAdder[] adders(int n) {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    public void accepted(Set<Deviation> ds) {
        received.increment();
        accepted.increment();
        for (Deviation d : ds) {
            deviations[d.ordinal()].increment();
        }
    }

    public void rejected(RejectReason reason, Set<Deviation> ds) {
        received.increment();
        rejected.increment();
        reasons[reason.ordinal()].increment();
        for (Deviation d : ds) {
            deviations[d.ordinal()].increment();
        }
    }

    public void garbage(int bytes) {
        garbageBytes.add(bytes);
    }

    public void splitCompleted() {
        splitCompleted.increment();
    }

    public void splitIncomplete() {
        splitIncomplete.increment();
    }

    public void exception() {
        exceptions.increment();
    }

    public void idle() {
        idleEvents.increment();
    }

    public long received() {
        return received.sum();
    }

    public long accepted() {
        return accepted.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    public long exceptions() {
        return exceptions.sum();
    }

    public long count(Deviation d) {
        return deviations[d.ordinal()].sum();
    }

    public long count(RejectReason r) {
        return reasons[r.ordinal()].sum();
    }

    public Snapshot snapshot() {
        Map<Deviation, Long> ds = new EnumMap<>(Deviation.class);
        for (Deviation d : Deviation.values()) {
            long n = deviations[d.ordinal()].sum();
            if (n > 0) {
                ds.put(d, n);
            }
        }
        Map<RejectReason, Long> rs = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            long n = reasons[r.ordinal()].sum();
            if (n > 0) {
                rs.put(r, n);
            }
        }
        return new Snapshot(received.sum(), accepted.sum(), rejected.sum(), ds, rs, garbageBytes.sum(),
                splitCompleted.sum(), splitIncomplete.sum(), exceptions.sum(), idleEvents.sum());
    }

    /** A point-in-time copy; the sums are read one after another, so under load they may differ by a frame. */
    public record Snapshot(long received, long accepted, long rejected, Map<Deviation, Long> deviations,
                           Map<RejectReason, Long> rejectReasons, long garbageBytes, long splitCompleted,
                           long splitIncomplete, long exceptions, long idleEvents) {
        public Snapshot {
            deviations = Map.copyOf(deviations);
            rejectReasons = Map.copyOf(rejectReasons);
        }

        /** Deviations by name, as the summary API returns them ({@code {name: count}}). */
        public Map<String, Long> deviationsByName() {
            Map<String, Long> m = new LinkedHashMap<>();
            for (Deviation d : Deviation.values()) {
                Long n = deviations.get(d);
                if (n != null) {
                    m.put(d.name(), n);
                }
            }
            return m;
        }
    }
}
