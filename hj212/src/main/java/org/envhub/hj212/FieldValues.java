package org.envhub.hj212;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The standard fields of one factor, by {@link FactorField}, in field order: an immutable map held as a bit
 * mask of the fields present and their values packed in field order. It is what an unmodifiable
 * {@code EnumMap} would be (equal to one with the same entries, same hash code and text) at one small
 * array instead of four objects and a 19-slot array, which matters at a million frames a second.
 */
final class FieldValues extends AbstractMap<FactorField, String> {

    private static final FactorField[] ALL = FactorField.values();

    static {
        if (ALL.length > 31) {
            throw new ExceptionInInitializerError("FieldValues holds at most 31 fields in an int mask");
        }
    }

    private final int mask;
    private final String[] packed; // may be longer than the fields present: the rest is unused

    /** Takes the array over: the caller must not change it afterwards. */
    FieldValues(int mask, String[] packed) {
        this.mask = mask;
        this.packed = packed;
    }

    /** Where a field's value sits in a packed array with this mask (whether present or not). */
    static int slot(int mask, FactorField f) {
        return Integer.bitCount(mask & ((1 << f.ordinal()) - 1));
    }

    static boolean present(int mask, FactorField f) {
        return (mask & (1 << f.ordinal())) != 0;
    }

    String value(FactorField f) {
        return present(mask, f) ? packed[slot(mask, f)] : null;
    }

    @Override
    public String get(Object key) {
        return key instanceof FactorField f ? value(f) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof FactorField f && present(mask, f);
    }

    @Override
    public int size() {
        return Integer.bitCount(mask);
    }

    @Override
    public boolean isEmpty() {
        return mask == 0;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof FieldValues v) {
            int n = Integer.bitCount(mask);
            return v.mask == mask && Arrays.equals(packed, 0, n, v.packed, 0, n);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public Set<Entry<FactorField, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<FactorField, String>> iterator() {
                return new Iterator<>() {
                    private int rest = mask;
                    private int index;

                    @Override
                    public boolean hasNext() {
                        return rest != 0;
                    }

                    @Override
                    public Entry<FactorField, String> next() {
                        if (rest == 0) {
                            throw new NoSuchElementException();
                        }
                        int ordinal = Integer.numberOfTrailingZeros(rest);
                        rest &= rest - 1;
                        return Map.entry(ALL[ordinal], packed[index++]);
                    }
                };
            }

            @Override
            public int size() {
                return Integer.bitCount(mask);
            }
        };
    }
}
