package org.envhub.hj212;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values of one monitored factor (监测因子) in CP: {@code code-Rtd}, {@code code-Avg}, {@code code-Flag}, …
 *
 * <p>Values are kept as the text that was sent, so that nothing is lost or re-rounded ({@code 0.000} stays
 * {@code 0.000}); {@link #decimal(FactorField)} reads them as exact {@link BigDecimal}s on demand, which keeps
 * decoding cheap when a consumer only stores the text.
 */
public final class Factor {

    private final String code;
    private final FieldValues values;
    private final Map<String, String> extras;

    /** Takes {@code packed} and {@code extras} over (null for none). */
    private Factor(String code, int mask, String[] packed, LinkedHashMap<String, String> extras) {
        this.code = code;
        this.values = new FieldValues(mask, packed);
        this.extras = extras == null || extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(extras);
    }

    /** The pollutant or parameter code: a21026 (2017), 02 (2005), B01, S01, SB1, … */
    public String code() {
        return code;
    }

    /** The standard fields that were sent, in field order. */
    public Map<FactorField, String> values() {
        return values;
    }

    /** Fields with other suffixes, by suffix, in the order sent. */
    public Map<String, String> extras() {
        return extras;
    }

    public String text(FactorField field) {
        return values.value(field);
    }

    public boolean has(FactorField field) {
        return values.value(field) != null;
    }

    /** The field as an exact decimal, or null when absent or not a number. */
    public BigDecimal decimal(FactorField field) {
        String v = values.value(field);
        if (v == null || !Hj212Text.isDecimal(v)) {
            return null;
        }
        return new BigDecimal(v);
    }

    public BigDecimal rtd() {
        return decimal(FactorField.RTD);
    }

    public BigDecimal min() {
        return decimal(FactorField.MIN);
    }

    public BigDecimal avg() {
        return decimal(FactorField.AVG);
    }

    public BigDecimal max() {
        return decimal(FactorField.MAX);
    }

    public BigDecimal cou() {
        return decimal(FactorField.COU);
    }

    public BigDecimal zsRtd() {
        return decimal(FactorField.ZS_RTD);
    }

    public BigDecimal zsMin() {
        return decimal(FactorField.ZS_MIN);
    }

    public BigDecimal zsAvg() {
        return decimal(FactorField.ZS_AVG);
    }

    public BigDecimal zsMax() {
        return decimal(FactorField.ZS_MAX);
    }

    /** The data flag (数据标记) as sent, e.g. "N". */
    public String flag() {
        return values.value(FactorField.FLAG);
    }

    public String zsFlag() {
        return values.value(FactorField.ZS_FLAG);
    }

    public String sampleTime() {
        return values.value(FactorField.SAMPLE_TIME);
    }

    public String eFlag() {
        return values.value(FactorField.EFLAG);
    }

    public static Builder builder(String code) {
        return new Builder(code);
    }

    public Builder toBuilder() {
        Builder b = new Builder(code);
        values.forEach(b::set);
        extras.forEach(b::extra);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Factor f && f.code.equals(code) && f.values.equals(values) && f.extras.equals(extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, values, extras);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(code).append(values);
        if (!extras.isEmpty()) {
            sb.append(extras);
        }
        return sb.toString();
    }

    /** Builds a factor; values set twice are overwritten (the parser decides about repeats before this). */
    public static final class Builder {
        private final String code;
        private int mask;                        // the fields set (bit = ordinal)
        private String[] values = new String[4]; // their values, in field order
        private LinkedHashMap<String, String> extras; // most factors have none: made on first use

        Builder(String code) {
            this.code = Objects.requireNonNull(code, "code");
        }

        public String code() {
            return code;
        }

        public Builder set(FactorField field, String value) {
            Objects.requireNonNull(value, "value");
            int slot = FieldValues.slot(mask, field);
            if (FieldValues.present(mask, field)) {
                values[slot] = value;
                return this;
            }
            int n = Integer.bitCount(mask);
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            System.arraycopy(values, slot, values, slot + 1, n - slot);
            values[slot] = value;
            mask |= 1 << field.ordinal();
            return this;
        }

        public Builder set(FactorField field, BigDecimal value) {
            return set(field, value.toPlainString());
        }

        public Builder rtd(String value) {
            return set(FactorField.RTD, value);
        }

        public Builder avg(String value) {
            return set(FactorField.AVG, value);
        }

        public Builder min(String value) {
            return set(FactorField.MIN, value);
        }

        public Builder max(String value) {
            return set(FactorField.MAX, value);
        }

        public Builder cou(String value) {
            return set(FactorField.COU, value);
        }

        public Builder flag(String value) {
            return set(FactorField.FLAG, value);
        }

        public Builder extra(String suffix, String value) {
            if (extras == null) {
                extras = new LinkedHashMap<>(4);
            }
            extras.put(Objects.requireNonNull(suffix, "suffix"), Objects.requireNonNull(value, "value"));
            return this;
        }

        String get(FactorField f) {
            return FieldValues.present(mask, f) ? values[FieldValues.slot(mask, f)] : null;
        }

        String extra(String suffix) {
            return extras == null ? null : extras.get(suffix);
        }

        public Factor build() {
            return new Factor(code, mask, values.clone(), extras == null ? null : new LinkedHashMap<>(extras));
        }

        /** Builds without copying, for a builder that is not used again (the parser's). */
        Factor buildAndForget() {
            Factor f = new Factor(code, mask, values, extras);
            values = null;
            extras = null;
            return f;
        }
    }
}
