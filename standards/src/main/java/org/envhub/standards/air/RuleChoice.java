package org.envhub.standards.air;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The rule set a user asked for: one fixed {@link AqiRuleSet}, or {@code auto}, which judges each
 * observation by the rules in force at its own time.
 *
 * <p>Under {@code auto}, real-time values before 2026-03-01 use {@code cnemc} (what users compare
 * against) and daily values use {@code hj633-2012}; from 2026-03-01 both use {@code hj633-2026}. An
 * hour is labelled by its end, so the hour labelled 2026-03-01T00:00 (23:00–24:00 on 28 February) is
 * still judged by the old rules.
 */
public final class RuleChoice {

    public static final RuleChoice AUTO = new RuleChoice(null);

    private final AqiRuleSet fixed;

    private RuleChoice(AqiRuleSet fixed) {
        this.fixed = fixed;
    }

    public static RuleChoice of(AqiRuleSet ruleSet) {
        return new RuleChoice(Objects.requireNonNull(ruleSet));
    }

    /** {@code auto}, {@code cnemc}, {@code hj633-2012} or {@code hj633-2026}. */
    public static RuleChoice parse(String text) {
        return "auto".equalsIgnoreCase(text.trim()) ? AUTO : of(AqiRuleSet.byId(text));
    }

    public boolean isAuto() { return fixed == null; }

    /** Rules for the hour that ends at {@code hourEnd} (local time). */
    public AqiRuleSet forHour(LocalDateTime hourEnd) {
        if (fixed != null) {
            return fixed;
        }
        return hourEnd.minusHours(1).toLocalDate().isBefore(AqiRuleSet.SWITCH_DATE) ? AqiRuleSet.CNEMC : AqiRuleSet.HJ633_2026;
    }

    /** Rules for the natural day {@code day}. */
    public AqiRuleSet forDay(LocalDate day) {
        if (fixed != null) {
            return fixed;
        }
        return day.isBefore(AqiRuleSet.SWITCH_DATE) ? AqiRuleSet.HJ633_2012 : AqiRuleSet.HJ633_2026;
    }

    public String id() { return fixed == null ? "auto" : fixed.id(); }

    @Override
    public String toString() { return id(); }
}
