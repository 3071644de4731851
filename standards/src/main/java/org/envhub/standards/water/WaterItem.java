package org.envhub.standards.water;

import java.util.List;

/**
 * The items (监测项目) of GB 3838-2002 table 1 that envhub reads, in the order of the table, each with the
 * column name it has in the wide CSV files. Water temperature is not read: it has no class limits, only
 * a limit on man-made change.
 *
 * <p>21 of them are evaluated (评价指标): all but total nitrogen and fecal coliform, which are
 * classified and reported separately but never decide a section's class.
 */
public enum WaterItem {
    PH("ph", "pH", "pH值", "无量纲"),
    DO("do", "DO", "溶解氧", "mg/L"),
    CODMN("codmn", "CODMn", "高锰酸盐指数", "mg/L"),
    COD("cod", "COD", "化学需氧量", "mg/L"),
    BOD5("bod5", "BOD5", "五日生化需氧量", "mg/L"),
    NH3N("nh3n", "NH3-N", "氨氮", "mg/L"),
    TP("tp", "TP", "总磷", "mg/L"),
    TN("tn", "TN", "总氮", "mg/L"),
    CU("cu", "Cu", "铜", "mg/L"),
    ZN("zn", "Zn", "锌", "mg/L"),
    F("f", "F", "氟化物", "mg/L"),
    SE("se", "Se", "硒", "mg/L"),
    AS("as", "As", "砷", "mg/L"),
    HG("hg", "Hg", "汞", "mg/L"),
    CD("cd", "Cd", "镉", "mg/L"),
    CR6("cr6", "Cr6+", "六价铬", "mg/L"),
    PB("pb", "Pb", "铅", "mg/L"),
    CN("cn", "CN", "氰化物", "mg/L"),
    PHENOL("phenol", "phenol", "挥发酚", "mg/L"),
    PETROLEUM("petroleum", "petroleum", "石油类", "mg/L"),
    LAS("las", "LAS", "阴离子表面活性剂", "mg/L"),
    SULFIDE("sulfide", "sulfide", "硫化物", "mg/L"),
    FECAL_COLIFORM("fecal_coliform", "fecal coliform", "粪大肠菌群", "个/L");

    private static final WaterItem[] VALUES = values();
    private static final List<WaterItem> EVALUATED = List.of(VALUES).stream().filter(WaterItem::evaluated).toList();

    private final String column;
    private final String label;
    private final String chineseName;
    private final String unit;

    WaterItem(String column, String label, String chineseName, String unit) {
        this.column = column;
        this.label = label;
        this.chineseName = chineseName;
        this.unit = unit;
    }

    /** The column name in the wide CSV: {@code ph, do, codmn, …, fecal_coliform}. */
    public String column() { return column; }

    /** Short label for tables and main-pollutant lists: pH, DO, CODMn, NH3-N, TP, Cr6+, … */
    public String label() { return label; }

    /** The name bulletins use: 氨氮, 总磷, 高锰酸盐指数, … */
    public String chineseName() { return chineseName; }

    public String unit() { return unit; }

    /** One of the 21 items that decide a section's class and its CWQI (not TN, not fecal coliform). */
    public boolean evaluated() { return this != TN && this != FECAL_COLIFORM; }

    /** Dissolved oxygen is the one item whose limits are lower bounds: more is better. */
    public boolean lowerBound() { return this == DO; }

    /**
     * pH and DO get no exceedance multiple (超标倍数): pH has a range, not a limit, and for DO "how many
     * times over" makes no sense.
     */
    public boolean hasExceedanceMultiple() { return this != PH && this != DO; }

    /**
     * Cyanide and the metals and metalloids of table 1: the items the 2011 evaluation method, as commonly
     * quoted, lists first among the main pollutants when they exceed class III. Used only under
     * {@link MainPollutantOptions#toxicFirst()}.
     */
    public boolean toxic() {
        return switch (this) {
            case CU, ZN, SE, AS, HG, CD, CR6, PB, CN -> true;
            default -> false;
        };
    }

    /** The 21 evaluated items, in table order. */
    public static List<WaterItem> evaluatedItems() { return EVALUATED; }

    public static int count() { return VALUES.length; }

    static WaterItem at(int ordinal) { return VALUES[ordinal]; }

    /** The item of a CSV column name, a label or a Chinese name (any case); null if none. */
    public static WaterItem byName(String text) {
        String t = text.trim();
        for (WaterItem item : VALUES) {
            if (item.column.equalsIgnoreCase(t) || item.label.equalsIgnoreCase(t) || item.chineseName.equals(t)
                    || item.name().equalsIgnoreCase(t)) {
                return item;
            }
        }
        return null;
    }
}
