package org.envhub.standards.water;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One main pollutant (主要污染指标) of a sample or section worse than class III.
 *
 * @param item     the item
 * @param itemClass its class (IV, V or 劣Ⅴ)
 * @param multiple the exceedance multiple (超标倍数) (C − C_III)/C_III, unrounded; NaN for pH and DO,
 *                 which get none
 */
public record MainPollutant(WaterItem item, WaterClass itemClass, double multiple) {

    /** {@code NH3-N(0.52)} with the multiple at {@code decimals} (half to even), or just {@code DO}. */
    public String format(int decimals, boolean chinese) {
        String name = chinese ? item.chineseName() : item.label();
        if (Double.isNaN(multiple)) {
            return name;
        }
        BigDecimal m = BigDecimal.valueOf(multiple).setScale(decimals, RoundingMode.HALF_EVEN);
        return name + "(" + m.toPlainString() + ")";
    }

    /** The list as one cell: {@code NH3-N(0.52)+TP(0.30)}; empty for none. */
    public static String format(List<MainPollutant> list, int decimals, boolean chinese) {
        return list.stream().map(p -> p.format(decimals, chinese)).collect(Collectors.joining(chinese ? "、" : "+"));
    }
}
