package org.envhub.standards.air.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.envhub.standards.testing.RandomCases;
import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void ascendingWithSharedRanksForTies() {
        assertThat(Ranking.ascending(new double[] {3.10, 4.59, 4.59, 4.95})).containsExactly(1, 2, 2, 4);
        assertThat(Ranking.ascending(new double[] {4.95, 4.59, 3.10, 4.59})).containsExactly(4, 2, 1, 2);
    }

    @Test
    void valuesThatPublishAlikeShareARank() {
        // 4.584 and 4.576 are both published as 4.58.
        assertThat(Ranking.ascendingPublished(new double[] {4.584, 4.576, 4.5851}, 2)).containsExactly(1, 1, 3);
        assertThat(Ranking.ascending(new double[] {4.584, 4.576, 4.5851})).containsExactly(2, 1, 3);
    }

    @Test
    void missingValuesAreNotRanked() {
        assertThat(Ranking.ascending(new double[] {Double.NaN, 2, 1})).containsExactly(0, 2, 1);
    }

    @Test
    void changeRate() {
        // (4.31 − 4.59) / 4.59 = −0.0610 → −6.1%
        assertThat(ChangeRate.of(4.31, 4.59)).isCloseTo(-0.28 / 4.59, within(1e-12));
        assertThat(ChangeRate.publishedPercent(4.31, 4.59)).isEqualTo(-6.1);
        assertThat(ChangeRate.publishedPercent(5.0, 4.0)).isEqualTo(25.0);
        assertThat(ChangeRate.of(4.0, 0)).isNaN();
        assertThat(ChangeRate.of(Double.NaN, 4.0)).isNaN();
    }

    @Test
    void aRankDoesNotDependOnTheOrderOfTheList() {
        RandomCases.check(1000, 3_000L, r -> rankDoesNotDependOnOrder(hundredths(r), new Random(r.nextLong())));
    }

    /** 1 to 40 values of 0..15 hundredths, so that ties are common. */
    private static List<Integer> hundredths(java.util.SplittableRandom r) {
        List<Integer> values = new ArrayList<>();
        int n = r.nextInt(1, 41);
        for (int i = 0; i < n; i++) {
            values.add(r.nextInt(0, 16));
        }
        return values;
    }

    private static void rankDoesNotDependOnOrder(List<Integer> hundredths, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < hundredths.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        double[] values = new double[hundredths.size()];
        double[] shuffled = new double[hundredths.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = hundredths.get(i) / 100.0 + 4;
        }
        for (int i = 0; i < values.length; i++) {
            shuffled[i] = values[order.get(i)];
        }
        int[] ranks = Ranking.ascendingPublished(values, 2);
        int[] shuffledRanks = Ranking.ascendingPublished(shuffled, 2);
        for (int i = 0; i < values.length; i++) {
            assertThat(shuffledRanks[i]).isEqualTo(ranks[order.get(i)]);
        }
    }

    @Test
    void aRankIsOnePlusTheNumberOfStrictlySmallerValues() {
        RandomCases.check(1000, 4_000L, r -> rankIsOnePlusSmaller(hundredths(r)));
    }

    private static void rankIsOnePlusSmaller(List<Integer> values) {
        double[] v = values.stream().mapToDouble(Integer::doubleValue).toArray();
        int[] ranks = Ranking.ascending(v);
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            long smaller = java.util.Arrays.stream(v).filter(y -> y < x).count();
            assertThat(ranks[i]).isEqualTo(1 + smaller);
        }
    }
}
