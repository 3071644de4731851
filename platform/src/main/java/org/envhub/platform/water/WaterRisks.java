package org.envhub.platform.water;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.envhub.platform.auth.DataScope;
import org.envhub.standards.water.Concentrations;
import org.envhub.standards.water.Gb3838Limits;
import org.envhub.standards.water.PeriodMean;
import org.envhub.standards.water.SingleFactorEvaluation;
import org.envhub.standards.water.WaterBody;
import org.envhub.standards.water.WaterClass;
import org.envhub.standards.water.WaterEvaluation;
import org.envhub.standards.water.WaterItem;
import org.envhub.standards.water.WaterOptions;
import org.envhub.standards.water.WaterRounding;
import org.envhub.standards.water.WaterRuleSet;
import org.springframework.stereotype.Component;

/**
 * The monthly risk warning (月度超标风险较高断面): the sections with a target whose month-to-date mean, or whose
 * recent trend, puts them at risk of missing it this month, each with the item that drives it and why.
 *
 * <p>For every evaluated item of the month-to-date mean (rounded by the 2020 rule, as the month will be judged):
 * <ul>
 *   <li><b>over</b> (超标): the item's class is already worse than the target (the standards library's class);</li>
 *   <li><b>near</b> (接近限值): an upper-bound item at or above {@code warn-ratio} of the target class's limit; DO
 *       with limit/mean at or above {@code do-warn-ratio}; pH within {@code ph-margin} of 6 or 9;</li>
 *   <li><b>trend</b> (趋势): a least-squares line through the latest {@code trend-samples} samples of the item
 *       (within {@code trend-days}) rising (falling, for DO) and reaching a class worse than the target at the
 *       month's end. Not for pH.</li>
 * </ul>
 * The thresholds are envhub's, not a rule; they are settings ({@link WaterSettings.Risk}).
 */
@Component
public class WaterRisks {

    public static final String OVER = "over";
    public static final String NEAR = "near";
    public static final String TREND = "trend";

    /**
     * One item at risk.
     *
     * @param mean      the month-to-date mean as judged (rounded); null when the month has no value of it yet
     * @param limit     the target class's limit (a lower bound for DO); null for pH
     * @param ratio     how close: mean/limit (limit/mean for DO; for pH the CWQI pH index, 1 at 6 or 9); for a trend,
     *                  projected/limit
     * @param reason    over, near or trend
     * @param projected the trend's value at the month's end; null unless the reason is trend
     */
    public record RiskItem(String item, String itemName, String unit, Double mean, Double limit, double ratio, String reason,
                           Double projected, String message) {}

    /**
     * A section at risk this month.
     *
     * @param status     超标 (the month-to-date class already misses the target) or 风险
     * @param monthClass the month-to-date class; null when the month has no sample yet
     * @param samples    samples this month so far
     * @param driver     the item that drives it
     * @param items      every item at risk, the driver first
     */
    public record SectionRisk(String code, String name, String city, String district, Long districtId, String level, String levelName,
                              String basin, String waterName, String month, String target, String monthClass, int samples,
                              LocalDate lastSample, String status, RiskItem driver, List<RiskItem> items, String ruleSet) {}

    private final WaterQueries queries;
    private final WaterSampleStore store;
    private final WaterEvaluations evaluations;
    private final WaterSettings.Risk settings;

    public WaterRisks(WaterQueries queries, WaterSampleStore store, WaterEvaluations evaluations, WaterSettings settings) {
        this.queries = queries;
        this.store = store;
        this.evaluations = evaluations;
        this.settings = settings.risk();
    }

    public WaterSettings.Risk settings() {
        return settings;
    }

    /** The sections at risk in {@code month}, worst first: those already over, then by how close. */
    public List<SectionRisk> of(YearMonth month, DataScope scope) {
        WaterPeriod period = WaterPeriod.month(month);
        WaterOptions options = evaluations.options(period);
        LocalDate monthEnd = month.atEndOfMonth();
        LocalDate lookBack = month.atDay(1).minusDays(settings.trendDays());
        List<WaterSectionView> sections = queries.visibleSections(scope, false).stream().filter(s -> s.target() != null).toList();
        Map<String, List<WaterSampleStore.StoredSample>> bySection = store.read(null, lookBack, monthEnd).stream()
                .collect(Collectors.groupingBy(WaterSampleStore.StoredSample::section));
        List<SectionRisk> risks = new ArrayList<>();
        for (WaterSectionView s : sections) {
            List<WaterSampleStore.StoredSample> recent = bySection.getOrDefault(s.code(), List.of());
            SectionRisk r = assess(s, month, recent, options);
            if (r != null) {
                risks.add(r);
            }
        }
        risks.sort(Comparator.comparing((SectionRisk r) -> r.status().equals("超标") ? 0 : 1)
                .thenComparing(r -> -r.driver().ratio()).thenComparing(SectionRisk::code));
        return risks;
    }

    SectionRisk assess(WaterSectionView s, YearMonth month, List<WaterSampleStore.StoredSample> recent, WaterOptions options) {
        WaterRuleSet rules = options.rules();
        WaterRounding rounding = options.rounding();
        WaterBody body = WaterBody.parse(s.waterBody());
        WaterClass target = WaterClass.parse(s.target());
        List<WaterSampleStore.StoredSample> inMonth = recent.stream().filter(x -> YearMonth.from(x.time()).equals(month)).toList();
        Concentrations mean = inMonth.isEmpty() ? Concentrations.empty()
                : rounding.round(PeriodMean.of(inMonth.stream().map(WaterSampleStore.StoredSample::values).toList()));
        WaterClass monthClass = inMonth.isEmpty() ? null : WaterEvaluation.of(mean, body, options).waterClass();
        LocalDateTime monthEnd = month.atEndOfMonth().atTime(23, 59);

        List<RiskItem> items = new ArrayList<>();
        for (WaterItem item : WaterItem.evaluatedItems()) {
            RiskItem byMean = mean.has(item) ? byMean(rules, item, mean.get(item), body, target, rounding) : null;
            RiskItem byTrend = item == WaterItem.PH ? null : byTrend(rules, item, recent, monthEnd, body, target, rounding,
                    mean.has(item) ? mean.get(item) : null);
            RiskItem pick = byMean != null && OVER.equals(byMean.reason()) ? byMean
                    : byTrend != null && (byMean == null || byTrend.ratio() > byMean.ratio()) ? byTrend : byMean;
            if (pick != null) {
                items.add(pick);
            }
        }
        if (items.isEmpty()) {
            return null;
        }
        items.sort(Comparator.comparing((RiskItem i) -> OVER.equals(i.reason()) ? 0 : 1).thenComparing(i -> -i.ratio()));
        boolean over = monthClass != null && !monthClass.noWorseThan(target);
        LocalDate last = recent.stream().map(x -> x.time().toLocalDate()).max(LocalDate::compareTo).orElse(null);
        return new SectionRisk(s.code(), s.name(), s.city(), s.district(), s.districtId(), s.level(), s.levelName(), s.basin(), s.waterName(),
                month.toString(), target.label(), monthClass == null ? null : monthClass.label(), inMonth.size(), last,
                over ? "超标" : "风险", items.getFirst(), items, rules.id());
    }

    private RiskItem byMean(WaterRuleSet rules, WaterItem item, double value, WaterBody body, WaterClass target, WaterRounding rounding) {
        WaterClass cls = SingleFactorEvaluation.itemClass(rules, item, value, body);
        boolean over = !cls.noWorseThan(target);
        String name = item.chineseName();
        String v = number(item, value, rounding);
        if (item == WaterItem.PH) {
            double index = value <= 7 ? 7 - value : (value - 7) / 2; // the CWQI's pH index: 1 at either end of 6–9
            boolean near = value < Gb3838Limits.PH_LOW + settings.phMargin() || value > Gb3838Limits.PH_HIGH - settings.phMargin();
            if (!over && !near) {
                return null;
            }
            String edge = value <= 7 ? "下限 6" : "上限 9";
            String message = over ? "pH 月均 " + v + "，超出 6–9 范围" : "pH 月均 " + v + "，接近 6–9 范围" + edge;
            return new RiskItem(item.column(), name, "", value, null, index, over ? OVER : NEAR, null, message);
        }
        double limit = rules.limits().limit(item, target, body);
        double ratio = item.lowerBound() ? limit / value : value / limit;
        boolean near = ratio >= (item.lowerBound() ? settings.doWarnRatio() : settings.warnRatio());
        if (!over && !near) {
            return null;
        }
        String unit = unit(item);
        String l = limit(item, limit);
        String message;
        if (item.lowerBound()) {
            message = over ? name + " 月均 " + v + " " + unit + "，低于 " + target.label() + " 类限值 " + l
                    : name + " 月均 " + v + " " + unit + "，接近 " + target.label() + " 类下限 " + l;
        } else {
            message = name + " 月均 " + v + " " + unit + "，" + (over ? "超过 " : "接近 ") + target.label() + " 类限值 " + l
                    + "（" + percent(ratio) + "）";
        }
        return new RiskItem(item.column(), name, unit, value, limit, ratio, over ? OVER : NEAR, null, message);
    }

    private RiskItem byTrend(WaterRuleSet rules, WaterItem item, List<WaterSampleStore.StoredSample> recent, LocalDateTime monthEnd,
                             WaterBody body, WaterClass target, WaterRounding rounding, Double mean) {
        List<WaterSampleStore.StoredSample> with = recent.stream().filter(x -> x.values().has(item))
                .sorted(Comparator.comparing(WaterSampleStore.StoredSample::time)).toList();
        if (with.size() < 3) {
            return null;
        }
        with = with.subList(Math.max(0, with.size() - settings.trendSamples()), with.size());
        LocalDateTime origin = with.getFirst().time();
        int n = with.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ChronoUnit.MINUTES.between(origin, with.get(i).time()) / 1440.0;
            y[i] = with.get(i).values().get(item);
        }
        double[] line = leastSquares(x, y);
        if (Double.isNaN(line[1])) {
            return null;
        }
        boolean worsening = item.lowerBound() ? line[1] < 0 : line[1] > 0;
        if (!worsening) {
            return null;
        }
        double projected = Math.max(0, line[0] + line[1] * (ChronoUnit.MINUTES.between(origin, monthEnd) / 1440.0));
        double rounded = rounding.round(item, projected);
        WaterClass cls = SingleFactorEvaluation.itemClass(rules, item, rounded, body);
        if (cls.noWorseThan(target)) {
            return null;
        }
        double limit = rules.limits().limit(item, target, body);
        double ratio = item.lowerBound() ? (rounded == 0 ? Double.MAX_VALUE : limit / rounded) : rounded / limit;
        String unit = unit(item);
        String message = item.chineseName() + " 近 " + n + " 次监测" + (item.lowerBound() ? "持续下降" : "持续上升")
                + (mean == null ? "" : "（月均 " + number(item, mean, rounding) + " " + unit + "）")
                + "，按线性趋势推算月末约 " + number(item, rounded, rounding) + " " + unit + "，将"
                + (item.lowerBound() ? "低于 " : "超过 ") + target.label() + " 类限值 " + limit(item, limit)
                + (item.lowerBound() ? "" : "（" + percent(ratio) + "）");
        return new RiskItem(item.column(), item.chineseName(), unit, mean, limit, ratio, TREND, rounded, message);
    }

    /** Intercept and slope of the least-squares line y = a + b·x; NaN slope when all x are equal. */
    static double[] leastSquares(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (sxx == 0) {
            return new double[] {my, Double.NaN};
        }
        double b = sxy / sxx;
        return new double[] {my - b * mx, b};
    }

    private static String unit(WaterItem item) {
        return item == WaterItem.PH ? "" : item.unit();
    }

    private static String number(WaterItem item, double v, WaterRounding rounding) {
        int d = rounding.decimals(item);
        return d < 0 ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : BigDecimal.valueOf(v).setScale(d, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A limit as the standard's table prints it: 1.0, 0.2, 5, 0.00005. */
    private static String limit(WaterItem item, double limit) {
        String s = BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString();
        return !s.contains(".") && limit < 3 ? s + ".0" : s;
    }

    private static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }
}
