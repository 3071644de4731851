package org.envhub.standards.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Worked examples of the moving values (rulebook A.2). */
class MovingValuesTest {

    /** Index 0 is the hour labelled 2023-01-20 00:00, the last hour of the 19th's natural day. */
    private static final LocalDateTime MIDNIGHT = LocalDateTime.of(2023, 1, 20, 0, 0);
    private static final double NA = Double.NaN;

    private static double[] ramp(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i + 1;
        }
        return v;
    }

    @Test
    void mean24hCrossesMidnightAndAveragesTheValidHours() {
        double[] v = ramp(30);                                       // 1, 2, …, 30
        double[] m = MovingValues.mean24h(v);
        assertThat(m[0]).isEqualTo(1);                               // only one hour known yet
        assertThat(m[23]).isEqualTo(12.5);                           // mean of 1..24
        assertThat(m[29]).isEqualTo(18.5);                           // mean of 7..30
        v[29] = NA;
        v[28] = NA;
        assertThat(MovingValues.mean24h(v)[29]).isEqualTo(17.5);     // mean of 7..28
    }

    @Test
    void aMinimumOfValidHoursBlanksThinWindows() {
        double[] v = ramp(24);
        Arrays.fill(v, 0, 5, NA);                                    // 19 valid hours at index 23
        assertThat(MovingValues.mean24h(v, 19)[23]).isEqualTo(15);   // mean of 6..24
        assertThat(MovingValues.mean24h(v, 20)[23]).isNaN();
        assertThat(MovingValues.mean24h(new double[] {NA, NA})[1]).isNaN();
        assertThatThrownBy(() -> MovingValues.mean24h(v, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MovingValues.o3Mean8h(v, MIDNIGHT, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void o3Max24hIsTheLargestHourOfTheLast24() {
        double[] o3 = new double[30];
        Arrays.fill(o3, 40);
        o3[2] = 180;
        o3[27] = NA;
        double[] max = MovingValues.o3Max24h(o3);
        assertThat(max[2]).isEqualTo(180);
        assertThat(max[25]).isEqualTo(180);                          // hours 2..25
        assertThat(max[26]).isEqualTo(40);                           // hour 2 has left the window
        assertThat(max[27]).isEqualTo(40);
    }

    @Test
    void o3Mean8hIsCutAtTheStartOfTheNaturalDay() {
        double[] o3 = ramp(34);                                      // index h holds h + 1
        double[] m = MovingValues.o3Mean8h(o3, MIDNIGHT);
        assertThat(m[0]).isEqualTo(1);                               // 00:00 closes the 19th; only index 0 is known
        assertThat(m[1]).isEqualTo(2);                               // 01:00 starts the 20th: that hour alone
        assertThat(m[3]).isEqualTo(3);                               // 03:00: hours 01..03 → (2+3+4)/3
        assertThat(m[8]).isEqualTo(5.5);                             // 08:00: hours 01..08, the first full window
        assertThat(m[9]).isEqualTo(6.5);                             // 09:00: hours 02..09
        assertThat(m[24]).isEqualTo(21.5);                           // 00:00 of the 21st closes the 20th: 17..00
        assertThat(m[25]).isEqualTo(26);                             // 01:00 of the 21st starts afresh
    }

    @Test
    void theNaturalDayFollowsTheFirstHourLabel() {
        double[] o3 = {10, 20, 30};
        // From 00:00, index 1 is 01:00 and opens a day; from 01:00, index 1 is 02:00, the day's second hour.
        assertThat(MovingValues.o3Mean8h(o3, MIDNIGHT)[1]).isEqualTo(20);
        assertThat(MovingValues.o3Mean8h(o3, MIDNIGHT.plusHours(1))[1]).isEqualTo(15);
        assertThat(MovingValues.o3Mean8h(o3, MIDNIGHT.plusHours(2))[2]).isEqualTo(20);
    }

    @Test
    void o3Max8hOfDayRunsUpDuringTheDayAndIsTheMda8AtItsEnd() {
        double[] o3 = new double[26];
        Arrays.fill(o3, 50);
        o3[1] = 210;                                                 // a spike at 01:00 on the 20th
        double[] eight = MovingValues.o3Mean8h(o3, MIDNIGHT);
        double[] max = MovingValues.o3Max8hOfDay(o3, MIDNIGHT);
        assertThat(eight[1]).isEqualTo(210);
        assertThat(eight[2]).isEqualTo(130);
        assertThat(eight[8]).isEqualTo(70);                          // (210 + 7 × 50) / 8
        assertThat(max[1]).isEqualTo(210);
        assertThat(max[7]).isEqualTo(210);
        assertThat(max[23]).isEqualTo(210);                          // 23:00: still the running maximum
        assertThat(max[24]).isEqualTo(70);                           // 00:00: the MDA8, full windows 08:00..00:00
        assertThat(max[25]).isEqualTo(50);                           // a new day
        assertThat(max[0]).isEqualTo(50);
    }

    @Test
    void missingHoursAreSkippedAndAllMissingIsMissing() {
        double[] o3 = {NA, NA, 60, NA, 80};
        double[] eight = MovingValues.o3Mean8h(o3, MIDNIGHT);
        assertThat(eight[1]).isNaN();
        assertThat(eight[2]).isEqualTo(60);
        assertThat(eight[4]).isEqualTo(70);
        assertThat(MovingValues.o3Max8hOfDay(o3, MIDNIGHT)[1]).isNaN();
        assertThat(MovingValues.o3Max8hOfDay(o3, MIDNIGHT)[4]).isEqualTo(70);
        assertThat(MovingValues.o3Max24h(o3)[1]).isNaN();
    }
}
