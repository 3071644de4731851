package org.envhub.platform.water;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.envhub.standards.air.stats.Period;
import org.envhub.standards.water.WaterRuleSet;

/**
 * A month or a year of Beijing days, the periods water is evaluated over (月度、年度评价).
 *
 * @param kind  {@code month} or {@code year}
 * @param start its first day
 */
public record WaterPeriod(String kind, LocalDate start) {

    public static final String MONTH = "month";
    public static final String YEAR = "year";

    public static WaterPeriod month(YearMonth m) {
        return new WaterPeriod(MONTH, m.atDay(1));
    }

    public static WaterPeriod year(int y) {
        return new WaterPeriod(YEAR, LocalDate.of(y, 1, 1));
    }

    /** {@code 2024-06} (a month) or {@code 2024} (a year). */
    public static WaterPeriod parse(String text) {
        String t = text.trim();
        try {
            if (t.matches("\\d{4}")) {
                return year(Integer.parseInt(t));
            }
            return month(YearMonth.parse(t));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("period: expected a month YYYY-MM or a year YYYY, got '" + t + "'");
        }
    }

    public LocalDate end() {
        return MONTH.equals(kind) ? YearMonth.from(start).atEndOfMonth() : LocalDate.of(start.getYear(), 12, 31);
    }

    public Period period() {
        return new Period(start, end());
    }

    /** The rule set in force at the period's start (GB 3838-2002 for every period since June 2002). */
    public WaterRuleSet rules() {
        return WaterRuleSet.inForceOn(start);
    }

    /** {@code 2024-06} or {@code 2024}. */
    public String label() {
        return MONTH.equals(kind) ? YearMonth.from(start).toString() : Integer.toString(start.getYear());
    }

    @Override
    public String toString() {
        return label();
    }
}
