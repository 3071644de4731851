package org.envhub.platform.water;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.envhub.hj212.codes.PollutantCodes;
import org.envhub.standards.water.WaterItem;

/**
 * Which HJ 212 pollutant codes of an automatic water-quality station (水质自动站) are which GB 3838 items. The 2017
 * codes are those of HJ 212-2017's water table that automatic stations report: the five parameters' pH and DO, and
 * the permanganate index, COD, BOD5, ammonia nitrogen, total phosphorus and total nitrogen. The HJ/T 212-2005 short
 * codes come from the hj212 module's code table ({@link PollutantCodes}), for the items it knows (pH 001, COD 011,
 * BOD5 010, NH3-N 060; TN 065 and TP 101 are marked uncertain there). Water temperature, conductivity and turbidity
 * are sent too but have no class limits, so they are not taken.
 */
public final class AutoStationItems {

    private static final Map<String, WaterItem> BY_CODE;

    static {
        Map<String, WaterItem> m = new LinkedHashMap<>();
        m.put("w01001", WaterItem.PH);
        m.put("w01009", WaterItem.DO);
        m.put("w01019", WaterItem.CODMN);
        m.put("w01018", WaterItem.COD);
        m.put("w01017", WaterItem.BOD5);
        m.put("w21003", WaterItem.NH3N);
        m.put("w21011", WaterItem.TP);
        m.put("w21001", WaterItem.TN);
        PollutantCodes table = PollutantCodes.standard();
        for (Map.Entry<String, WaterItem> e : Map.copyOf(m).entrySet()) {
            table.to2005(e.getKey()).ifPresent(old -> m.put(old, e.getValue()));
        }
        BY_CODE = Collections.unmodifiableMap(m);
    }

    private AutoStationItems() {}

    /** The item a factor code (2017 or 2005) stands for, or null. */
    public static WaterItem item(String code) {
        return code == null ? null : BY_CODE.get(code.trim());
    }

    /** Every code taken, 2017 and 2005, with its item. */
    public static Map<String, WaterItem> codes() {
        return BY_CODE;
    }
}
