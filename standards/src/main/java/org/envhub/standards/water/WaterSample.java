package org.envhub.standards.water;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One sample (一次监测) of a section: where, when, what kind of water, and the values of the items.
 *
 * @param section the section code or name (断面)
 * @param time    when it was taken; a sample given only a date is at its start of day
 * @param body    river, lake or reservoir (decides the TP limits)
 * @param values  the item values
 */
public record WaterSample(String section, LocalDateTime time, WaterBody body, Concentrations values) {

    public WaterSample {
        Objects.requireNonNull(section);
        Objects.requireNonNull(time);
        Objects.requireNonNull(body);
        Objects.requireNonNull(values);
    }
}
