package org.envhub.standards.water;

import java.util.ArrayList;
import java.util.List;

/**
 * The water quality of a river or basin (河流、流域水质评价), from its sections.
 *
 * <ul>
 *   <li>5 or more sections, by shares ({@link Method#SECTION_SHARES}): I–III at least 90% 优; 75% to
 *       90% 良好; otherwise by the share of 劣Ⅴ: under 20% 轻度污染, 20% to 40% 中度污染, 40% and more
 *       重度污染. Each bound belongs to the better label's side only where the rulebook says "at least"
 *       (90%, 75%); 20% and 40% belong to the worse label.</li>
 *   <li>Fewer than 5, by mean ({@link Method#MEAN_OF_SECTIONS}): each item averaged over the sections
 *       (pH through H⁺), rounded, classified, and labelled like a section. The lake TP limits apply
 *       when every section is a lake or reservoir.</li>
 * </ul>
 * Shares are compared in whole counts (9 of 10 is exactly 90%), never in floating point.
 *
 * @param quality   the label
 * @param method    how it was reached
 * @param sections  how many sections (with a class) it rests on
 * @param goodShare the share of sections I–III
 * @param worstShare the share of sections 劣Ⅴ
 * @param mean      for {@link Method#MEAN_OF_SECTIONS}, the evaluation of the mean; null otherwise
 */
public record RiverRating(WaterQuality quality, Method method, int sections, double goodShare, double worstShare,
                          WaterEvaluation mean) {

    /** The 2011 method switches from the mean to shares at this many sections. */
    public static final int SECTIONS_FOR_SHARES = 5;

    public enum Method {
        SECTION_SHARES,
        MEAN_OF_SECTIONS
    }

    /** Rates from the sections' period evaluations; null when none has a class. */
    public static RiverRating of(List<PeriodEvaluation> sections, WaterOptions options) {
        List<PeriodEvaluation> classed = sections.stream().filter(s -> s.waterClass() != null).toList();
        if (classed.isEmpty()) {
            return null;
        }
        List<WaterClass> classes = classed.stream().map(PeriodEvaluation::waterClass).toList();
        if (classed.size() >= SECTIONS_FOR_SHARES) {
            return byShares(classes);
        }
        boolean allLakes = classed.stream().allMatch(s -> s.body().lakeLimits());
        List<Concentrations> means = new ArrayList<>();
        classed.forEach(s -> means.add(s.means()));
        WaterEvaluation mean = WaterEvaluation.of(PeriodMean.of(means), allLakes ? WaterBody.LAKE : WaterBody.RIVER, options);
        return new RiverRating(mean.quality(), Method.MEAN_OF_SECTIONS, classed.size(), share(classes, true), share(classes, false), mean);
    }

    /**
     * The share rule alone, for 5 or more section classes.
     *
     * @throws IllegalArgumentException for fewer than 5 classes (then the mean rule applies)
     */
    public static RiverRating byShares(List<WaterClass> classes) {
        int n = classes.size();
        if (n < SECTIONS_FOR_SHARES) {
            throw new IllegalArgumentException(n + " sections: below " + SECTIONS_FOR_SHARES + " a river is rated by the mean of its sections");
        }
        int good = 0;
        int worst = 0;
        for (WaterClass c : classes) {
            if (c.isGoodWater()) {
                good++;
            }
            if (c == WaterClass.WORSE_THAN_V) {
                worst++;
            }
        }
        WaterQuality q;
        if (good * 100 >= 90 * n) {
            q = WaterQuality.EXCELLENT;
        } else if (good * 100 >= 75 * n) {
            q = WaterQuality.GOOD;
        } else if (worst * 100 < 20 * n) {
            q = WaterQuality.LIGHTLY_POLLUTED;
        } else if (worst * 100 < 40 * n) {
            q = WaterQuality.MODERATELY_POLLUTED;
        } else {
            q = WaterQuality.HEAVILY_POLLUTED;
        }
        return new RiverRating(q, Method.SECTION_SHARES, n, (double) good / n, (double) worst / n, null);
    }

    private static double share(List<WaterClass> classes, boolean good) {
        long k = classes.stream().filter(c -> good ? c.isGoodWater() : c == WaterClass.WORSE_THAN_V).count();
        return (double) k / classes.size();
    }
}
