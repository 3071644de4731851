package org.envhub.standards.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RuleChoiceTest {

    @Test
    void autoSwitchesHourlyRulesWithTheFirstHourOfMarch2026() {
        // Labelled by its end: 2026-03-01T00:00 is 23:00–24:00 on 28 February.
        assertThat(RuleChoice.AUTO.forHour(LocalDateTime.of(2026, 3, 1, 0, 0))).isEqualTo(AqiRuleSet.CNEMC);
        assertThat(RuleChoice.AUTO.forHour(LocalDateTime.of(2026, 3, 1, 1, 0))).isEqualTo(AqiRuleSet.HJ633_2026);
        assertThat(RuleChoice.AUTO.forHour(LocalDateTime.of(2023, 1, 20, 12, 0))).isEqualTo(AqiRuleSet.CNEMC);
    }

    @Test
    void autoSwitchesDailyRulesOnMarchFirst2026() {
        assertThat(RuleChoice.AUTO.forDay(LocalDate.of(2026, 2, 28))).isEqualTo(AqiRuleSet.HJ633_2012);
        assertThat(RuleChoice.AUTO.forDay(LocalDate.of(2026, 3, 1))).isEqualTo(AqiRuleSet.HJ633_2026);
    }

    @Test
    void aNamedRuleSetHoldsAtAnyTime() {
        RuleChoice fixed = RuleChoice.parse("hj633-2012");
        assertThat(fixed.isAuto()).isFalse();
        assertThat(fixed.forHour(LocalDateTime.of(2030, 1, 1, 1, 0))).isEqualTo(AqiRuleSet.HJ633_2012);
        assertThat(fixed.forDay(LocalDate.of(2030, 1, 1))).isEqualTo(AqiRuleSet.HJ633_2012);
        assertThat(RuleChoice.parse(" AUTO ").isAuto()).isTrue();
        assertThat(RuleChoice.parse("cnemc").id()).isEqualTo("cnemc");
        assertThatThrownBy(() -> RuleChoice.parse("hj633-2020")).hasMessageContaining("unknown rule set 'hj633-2020'");
    }
}
