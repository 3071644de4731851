package org.envhub.standards.air.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.RuleChoice;

/**
 * A run of days judged by one rule set. A report spanning the 2026-03-01 switch lists two, so that it
 * says which rules it used for which part of the period.
 */
public record RuleSpan(AqiRuleSet ruleSet, LocalDate from, LocalDate to) {

    /** The runs of daily rule sets of {@code choice} over {@code period}, in order. */
    public static List<RuleSpan> of(RuleChoice choice, Period period) {
        List<RuleSpan> spans = new ArrayList<>(2);
        LocalDate start = period.from();
        AqiRuleSet current = choice.forDay(start);
        for (LocalDate d = start.plusDays(1); !d.isAfter(period.to()); d = d.plusDays(1)) {
            AqiRuleSet r = choice.forDay(d);
            if (r != current) {
                spans.add(new RuleSpan(current, start, d.minusDays(1)));
                start = d;
                current = r;
            }
        }
        spans.add(new RuleSpan(current, start, period.to()));
        return List.copyOf(spans);
    }

    @Override
    public String toString() { return ruleSet.id() + " " + from + ".." + to; }
}
