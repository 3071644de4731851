package org.envhub.standards.air.stats;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dust-affected period (沙尘天气过程影响时段) named by the user: natural days {@code from} … {@code to}
 * (inclusive) at {@code where}, a city name (all its stations and the city itself) or a station code.
 */
public record DustPeriod(String where, LocalDate from, LocalDate to) {

    public DustPeriod {
        Objects.requireNonNull(where);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("dust period at " + where + " ends " + to + " before it starts " + from);
        }
    }

    public boolean covers(LocalDate day) { return !day.isBefore(from) && !day.isAfter(to); }
}
