package org.envhub.standards.air.stats;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A range of natural days, both ends included: a calendar year, a month, a quarter or any custom range.
 * Its {@link Kind} decides which completeness rule applies (see {@link PeriodOptions}).
 */
public record Period(LocalDate from, LocalDate to) {

    public enum Kind { YEAR, MONTH, OTHER }

    public Period {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends " + to + " before it starts " + from);
        }
    }

    public static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period month(YearMonth month) {
        return new Period(month.atDay(1), month.atEndOfMonth());
    }

    /** Quarter 1..4 of a year. */
    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4: " + quarter);
        }
        YearMonth first = YearMonth.of(year, 3 * quarter - 2);
        return new Period(first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    public Kind kind() {
        if (from.getDayOfYear() == 1 && to.getMonth() == Month.DECEMBER && to.getDayOfMonth() == 31 && from.getYear() == to.getYear()) {
            return Kind.YEAR;
        }
        if (isWholeMonth(YearMonth.from(from)) && YearMonth.from(from).equals(YearMonth.from(to))) {
            return Kind.MONTH;
        }
        return Kind.OTHER;
    }

    public int days() { return (int) (to.toEpochDay() - from.toEpochDay()) + 1; }

    public boolean contains(LocalDate day) { return !day.isBefore(from) && !day.isAfter(to); }

    /** The calendar months the period touches, in order. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from), last = YearMonth.from(to); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** Whether every day of {@code month} lies in the period. */
    public boolean isWholeMonth(YearMonth month) {
        return !month.atDay(1).isBefore(from) && !month.atEndOfMonth().isAfter(to);
    }

    /** The period of the same length that ends the day before this one starts (环比). */
    public Period preceding() {
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    /** The same dates a year earlier (同比); 29 February maps to the 28th. */
    public Period yearBefore() {
        return new Period(from.minusYears(1), to.minusYears(1));
    }

    @Override
    public String toString() { return from + ".." + to; }
}
