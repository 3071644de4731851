package org.envhub.hj212;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The command parameters ({@code CP=&&…&&}): plain parameters (DataTime, QnRtn, HeartbeatTime, AlarmType, …)
 * and per-factor values.
 *
 * <p>Factors are kept in the order they first appear. A code normally appears once; when a device sends
 * the same code again with different values (several meters under one code, seen in real traffic) the
 * second set is a second occurrence: {@link #factor(String)} gives the first, {@link #factors(String)} all.
 */
public final class Cp {

    public static final String DATA_TIME = "DataTime";

    private static final Cp EMPTY = new Cp(Map.of(), List.of(), null);

    private final Map<String, String> params;
    private final List<Factor> factors;
    private final LocalDateTime dataTime;

    /** Takes both over; {@code params} unmodifiable already. */
    private Cp(Map<String, String> params, List<Factor> factors, LocalDateTime dataTime) {
        this.params = params;
        this.factors = factors;
        this.dataTime = dataTime;
    }

    private static Cp of(LinkedHashMap<String, String> params, List<Factor> factors) {
        String dt = params.get(DATA_TIME);
        return new Cp(params.isEmpty() ? Map.of() : Collections.unmodifiableMap(params), List.copyOf(factors),
                dt == null ? null : parseTime(dt));
    }

    public static Cp empty() {
        return EMPTY;
    }

    /** Parameters that are not factor fields, by key, in the order sent; DataTime included as text. */
    public Map<String, String> params() {
        return params;
    }

    public String param(String key) {
        return params.get(key);
    }

    /** DataTime (数据时间), or null when absent or not a valid 14- or 17-digit time. */
    public LocalDateTime dataTime() {
        return dataTime;
    }

    public String dataTimeText() {
        return params.get(DATA_TIME);
    }

    public List<Factor> factors() {
        return factors;
    }

    /** The first occurrence of a factor code, or null. */
    public Factor factor(String code) {
        for (Factor f : factors) {
            if (f.code().equals(code)) {
                return f;
            }
        }
        return null;
    }

    /** Every occurrence of a factor code. */
    public List<Factor> factors(String code) {
        List<Factor> out = new ArrayList<>(1);
        for (Factor f : factors) {
            if (f.code().equals(code)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Reads yyyyMMddHHmmss, or yyyyMMddHHmmssSSS as some loggers send; null when it is neither or not a
     * real date. No DateTimeFormatter: this is on the hot path.
     */
    public static LocalDateTime parseTime(String s) {
        int n = s.length();
        if ((n != 14 && n != 17) || !Hj212Text.allDigits(s)) {
            return null;
        }
        try {
            int nanos = n == 17 ? num(s, 14, 17) * 1_000_000 : 0;
            return LocalDateTime.of(num(s, 0, 4), num(s, 4, 6), num(s, 6, 8), num(s, 8, 10), num(s, 10, 12),
                    num(s, 12, 14), nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** yyyyMMddHHmmss, as HJ 212-2017 writes DataTime. */
    public static String formatTime(LocalDateTime t) {
        char[] c = new char[14];
        put(c, 0, t.getYear(), 4);
        put(c, 4, t.getMonthValue(), 2);
        put(c, 6, t.getDayOfMonth(), 2);
        put(c, 8, t.getHour(), 2);
        put(c, 10, t.getMinute(), 2);
        put(c, 12, t.getSecond(), 2);
        return new String(c);
    }

    private static void put(char[] c, int off, int v, int width) {
        for (int i = off + width - 1; i >= off; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cp c && c.params.equals(params) && c.factors.equals(factors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(params, factors);
    }

    @Override
    public String toString() {
        return "Cp" + params + factors;
    }

    /** Builds CP content for packets to send (answers, simulators, tests). */
    public static final class Builder {
        private final LinkedHashMap<String, String> params = new LinkedHashMap<>();
        private final List<Factor> factors = new ArrayList<>();

        public Builder dataTime(LocalDateTime t) {
            return param(DATA_TIME, formatTime(t));
        }

        public Builder param(String key, String value) {
            params.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder factor(Factor f) {
            factors.add(f);
            return this;
        }

        public Builder factor(Factor.Builder f) {
            return factor(f.build());
        }

        public Cp build() {
            return of(new LinkedHashMap<>(params), factors);
        }
    }

    /**
     * Tolerant accumulation of CP items as they are read, shared by the parser and the split-packet merger:
     * it decides what a repeated key means and records the deviation.
     *
     * <p>A packet has a handful of parameters and factors, so both are kept in small arrays searched from the
     * end (the latest occurrence of a code is the one repeats and flags go to); maps take over only for
     * unusually many, so a crafted frame with thousands of items costs no more than linear time.
     */
    static final class Assembler {
        private static final int SMALL = 16;

        private String[] keys = new String[4];
        private String[] values = new String[4];
        private int paramCount;
        private LinkedHashMap<String, String> paramMap; // when many
        private LocalDateTime dataTime;
        private boolean dataTimeKnown;

        private Factor.Builder[] occurrences = new Factor.Builder[8];
        private int[] codeHashes = new int[8]; // of each occurrence's code: most look-ups are misses, and an int compare is cheap
        private int occurrenceCount;
        /** The latest occurrence of each code, when there are many. */
        private Map<String, Factor.Builder> current;
        private final Deviations deviations;

        Assembler(Deviations deviations) {
            this.deviations = deviations;
        }

        /** The value already held for a key, or null. */
        private String paramValue(String key) {
            if (paramMap != null) {
                return paramMap.get(key);
            }
            for (int i = 0; i < paramCount; i++) {
                if (keys[i].equals(key)) {
                    return values[i];
                }
            }
            return null;
        }

        /** Returns whether the parameter was taken (it was not there yet). */
        boolean param(String key, String value, boolean toleratesIdenticalRepeat) {
            String old = paramValue(key);
            if (old != null) {
                if (!old.equals(value)) {
                    deviations.add(Deviation.CONFLICTING_KEY);
                } else if (!toleratesIdenticalRepeat) {
                    deviations.add(Deviation.REPEATED_KEY);
                }
                return false;
            }
            if (paramMap != null) {
                paramMap.put(key, value);
            } else if (paramCount == SMALL) {
                paramMap = new LinkedHashMap<>();
                for (int i = 0; i < paramCount; i++) {
                    paramMap.put(keys[i], values[i]);
                }
                paramMap.put(key, value);
            } else {
                if (paramCount == keys.length) {
                    keys = java.util.Arrays.copyOf(keys, paramCount * 2);
                    values = java.util.Arrays.copyOf(values, paramCount * 2);
                }
                keys[paramCount] = key;
                values[paramCount++] = value;
            }
            return true;
        }

        /** DataTime as the parser already read it (so it is not read twice). */
        void dataTime(LocalDateTime t) {
            dataTime = t;
            dataTimeKnown = true;
        }

        /**
         * One {@code code-Field=value}. {@code afterZsInGroup} tells whether the previous item of the same
         * {@code ;}-group for this code was a converted value: then a repeated Flag is the Zs flag.
         */
        void field(String code, FactorField field, String value, boolean afterZsInGroup) {
            Factor.Builder f = latest(code);
            if (f == null) {
                f = newOccurrence(code);
            }
            String old = f.get(field);
            if (old == null) {
                f.set(field, value);
                return;
            }
            if (field == FactorField.FLAG) {
                deviations.add(Deviation.REPEATED_FLAG);
                if (afterZsInGroup) {
                    String zs = f.get(FactorField.ZS_FLAG);
                    if (zs == null) {
                        f.set(FactorField.ZS_FLAG, value);
                        return;
                    }
                    if (zs.equals(value)) {
                        return;
                    }
                } else if (old.equals(value)) {
                    return;
                }
                // A flag that disagrees and is not a Zs flag: it starts another occurrence.
                newOccurrence(code).set(field, value);
                deviations.add(Deviation.REPEATED_FACTOR);
                return;
            }
            if (old.equals(value)) {
                deviations.add(Deviation.REPEATED_KEY);
                return;
            }
            newOccurrence(code).set(field, value);
            deviations.add(Deviation.REPEATED_FACTOR);
        }

        void extra(String code, String suffix, String value) {
            Factor.Builder f = latest(code);
            if (f == null) {
                f = newOccurrence(code);
            }
            String old = f.extra(suffix);
            if (old == null) {
                f.extra(suffix, value);
            } else if (old.equals(value)) {
                deviations.add(Deviation.REPEATED_KEY);
            } else {
                newOccurrence(code).extra(suffix, value);
                deviations.add(Deviation.REPEATED_FACTOR);
            }
        }

        /** Adds a whole factor occurrence already read elsewhere (split-packet pieces), field by field. */
        void factor(Factor factor) {
            for (Map.Entry<FactorField, String> e : factor.values().entrySet()) {
                field(factor.code(), e.getKey(), e.getValue(), false);
            }
            for (Map.Entry<String, String> e : factor.extras().entrySet()) {
                extra(factor.code(), e.getKey(), e.getValue());
            }
        }

        /** The latest occurrence of a code, or null. The parser passes the same String for a run of one code. */
        private Factor.Builder latest(String code) {
            if (current != null) {
                return current.get(code);
            }
            if (occurrenceCount > 0 && occurrences[occurrenceCount - 1].code() == code) {
                return occurrences[occurrenceCount - 1]; // the run goes on (the parser passes the same String)
            }
            int h = code.hashCode();
            for (int i = occurrenceCount - 1; i >= 0; i--) {
                if (codeHashes[i] == h && occurrences[i].code().equals(code)) {
                    return occurrences[i];
                }
            }
            return null;
        }

        private Factor.Builder newOccurrence(String code) {
            Factor.Builder f = new Factor.Builder(code);
            if (occurrenceCount == occurrences.length) {
                occurrences = java.util.Arrays.copyOf(occurrences, occurrenceCount * 2);
                codeHashes = java.util.Arrays.copyOf(codeHashes, occurrenceCount * 2);
            }
            codeHashes[occurrenceCount] = code.hashCode();
            occurrences[occurrenceCount++] = f;
            if (current != null) {
                current.put(code, f);
            } else if (occurrenceCount > SMALL) {
                current = new java.util.HashMap<>();
                for (int i = 0; i < occurrenceCount; i++) {
                    current.put(occurrences[i].code(), occurrences[i]); // later ones replace earlier: the latest wins
                }
            }
            return f;
        }

        boolean hasParam(String key) {
            return paramValue(key) != null;
        }

        Cp build() {
            if (paramCount == 0 && paramMap == null && occurrenceCount == 0) {
                return EMPTY;
            }
            Factor[] fs = new Factor[occurrenceCount];
            for (int i = 0; i < occurrenceCount; i++) {
                fs[i] = occurrences[i].buildAndForget();
            }
            Map<String, String> ps;
            if (paramMap != null) {
                ps = Collections.unmodifiableMap(paramMap);
            } else if (paramCount == 0) {
                ps = Map.of();
            } else if (paramCount == 1) {
                ps = Map.of(keys[0], values[0]);
            } else {
                LinkedHashMap<String, String> m = new LinkedHashMap<>(paramCount * 2);
                for (int i = 0; i < paramCount; i++) {
                    m.put(keys[i], values[i]);
                }
                ps = Collections.unmodifiableMap(m);
            }
            LocalDateTime dt;
            if (dataTimeKnown) {
                dt = dataTime;
            } else {
                String text = ps.get(DATA_TIME);
                dt = text == null ? null : parseTime(text);
            }
            return new Cp(ps, List.of(fs), dt);
        }
    }
}
