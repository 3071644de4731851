package org.envhub.standards.water;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A section over a period (月/季/年 评价): the mean of each item over the period's samples (pH through
 * H⁺), rounded as the 2020 rule says, then classified, with its main pollutants and CWQI.
 *
 * @param section    the section
 * @param body       its water body
 * @param from       first day of the period
 * @param to         last day of the period, inclusive
 * @param samples    how many samples fell in the period
 * @param means      the unrounded means
 * @param evaluation the means judged ({@link WaterEvaluation#of}); its values are the rounded means
 */
public record PeriodEvaluation(String section, WaterBody body, LocalDate from, LocalDate to, int samples,
                               Concentrations means, WaterEvaluation evaluation) {

    /**
     * Evaluates the samples of {@code section} taken on days {@code from} to {@code to} (inclusive) among
     * {@code samples}; others are ignored. Null when the section has no sample in the period.
     *
     * @throws IllegalArgumentException if the section's samples disagree on the water body
     */
    public static PeriodEvaluation of(String section, List<WaterSample> samples, LocalDate from, LocalDate to,
                                      WaterOptions options) {
        Objects.requireNonNull(section);
        List<WaterSample> inPeriod = samples.stream()
                .filter(s -> s.section().equals(section))
                .filter(s -> !s.time().toLocalDate().isBefore(from) && !s.time().toLocalDate().isAfter(to))
                .toList();
        if (inPeriod.isEmpty()) {
            return null;
        }
        WaterBody body = inPeriod.get(0).body();
        for (WaterSample s : inPeriod) {
            if (s.body() != body) {
                throw new IllegalArgumentException("section " + section + " is sampled both as " + body.id() + " and as " + s.body().id());
            }
        }
        Concentrations means = PeriodMean.of(inPeriod.stream().map(WaterSample::values).toList());
        return new PeriodEvaluation(section, body, from, to, inPeriod.size(), means, WaterEvaluation.of(means, body, options));
    }

    public WaterClass waterClass() { return evaluation.waterClass(); }

    /** Attainment of a target class (考核目标): null without a target or a class. */
    public Boolean attains(WaterClass target) { return TargetAttainment.attained(waterClass(), target); }
}
