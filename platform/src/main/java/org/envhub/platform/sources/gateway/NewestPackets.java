package org.envhub.platform.sources.gateway;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * One writer's knowledge of the newest data packet stored for each MN and CN (DataTime, UTC). A packet newer
 * than that cannot be a duplicate, so the writer need not look it up: loggers send in DataTime order, so
 * nearly every packet is such a one. Only the writer that owns a device stores its packets, and this is
 * updated only after a commit, so it never claims more than the database holds; should it be wrong all the
 * same (something else stored packets), the insert fails on the primary key, the batch is stored again one
 * by one with every packet looked up, and this is cleared.
 *
 * <p>Not thread-safe: one per writer thread. Forgets everything past a million entries (then learns again).
 */
final class NewestPackets {

    private static final LocalDateTime NONE = LocalDateTime.MIN;
    private static final int MAX_ENTRIES = 1_000_000;

    private final Map<String, LocalDateTime> newest = new HashMap<>();

    static String key(String mn, String cn) {
        return mn + '\u0000' + cn;
    }

    boolean known(String mn, String cn) {
        return newest.containsKey(key(mn, cn));
    }

    /** What the database says (null: no packet of this MN and CN yet). */
    void learn(String mn, String cn, LocalDateTime stored) {
        if (newest.size() >= MAX_ENTRIES) {
            newest.clear();
        }
        newest.merge(key(mn, cn), stored == null ? NONE : stored, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Whether a packet of this MN and CN at this time is newer than any stored; false when not known. */
    boolean isNewer(String mn, String cn, LocalDateTime dataTime) {
        LocalDateTime n = newest.get(key(mn, cn));
        return n != null && dataTime.isAfter(n);
    }

    /** A packet was committed. */
    void stored(String mn, String cn, LocalDateTime dataTime) {
        String k = key(mn, cn);
        LocalDateTime n = newest.get(k);
        if (n != null && dataTime.isAfter(n)) {
            newest.put(k, dataTime);
        }
    }

    void clear() {
        newest.clear();
    }
}
