package org.envhub.standards.water;

/**
 * The water-quality classes (水质类别) of GB 3838-2002, best first. Worse than class V is 劣Ⅴ, and
 * {@link #compareTo} orders them from best to worst, so the worse of two classes is the greater.
 */
public enum WaterClass {
    I("I", "Ⅰ", WaterQuality.EXCELLENT),
    II("II", "Ⅱ", WaterQuality.EXCELLENT),
    III("III", "Ⅲ", WaterQuality.GOOD),
    IV("IV", "Ⅳ", WaterQuality.LIGHTLY_POLLUTED),
    V("V", "Ⅴ", WaterQuality.MODERATELY_POLLUTED),
    WORSE_THAN_V("劣V", "劣Ⅴ", WaterQuality.HEAVILY_POLLUTED);

    private static final WaterClass[] VALUES = values();

    private final String label;
    private final String chineseLabel;
    private final WaterQuality quality;

    WaterClass(String label, String chineseLabel, WaterQuality quality) {
        this.label = label;
        this.chineseLabel = chineseLabel;
        this.quality = quality;
    }

    /** {@code I II III IV V 劣V}: Latin numerals, as the command line writes them. */
    public String label() { return label; }

    /** {@code Ⅰ Ⅱ Ⅲ Ⅳ Ⅴ 劣Ⅴ}: the Unicode Roman numerals of printed bulletins. */
    public String chineseLabel() { return chineseLabel; }

    /** 1 for class I … 5 for V, 6 for 劣Ⅴ. */
    public int number() { return ordinal() + 1; }

    /** The section label: 优 (I–II), 良好 (III), 轻度污染 (IV), 中度污染 (V), 重度污染 (劣Ⅴ). */
    public WaterQuality quality() { return quality; }

    /** 优良 (good water): classes I to III. */
    public boolean isGoodWater() { return this.compareTo(III) <= 0; }

    /** No worse than {@code other} (e.g. the target class 考核目标). */
    public boolean noWorseThan(WaterClass other) { return this.compareTo(other) <= 0; }

    public static WaterClass worse(WaterClass a, WaterClass b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Class number 1..6 (6 is 劣Ⅴ). */
    public static WaterClass ofNumber(int number) {
        if (number < 1 || number > VALUES.length) {
            throw new IllegalArgumentException("class number " + number + " is not 1..6");
        }
        return VALUES[number - 1];
    }

    /**
     * Reads a class as people write it: {@code I, II, III, IV, V, 劣V}, the Roman-numeral characters
     * {@code Ⅰ … Ⅴ, 劣Ⅴ}, digits {@code 1 … 5}, with or without {@code 类} or a leading {@code class}, any
     * case. {@code 6}, {@code V+} and {@code worse than V} also mean 劣Ⅴ.
     */
    public static WaterClass parse(String text) {
        String t = text.trim().replace("类", "").replace("Ⅰ", "I").replace("Ⅱ", "II").replace("Ⅲ", "III")
                .replace("Ⅳ", "IV").replace("Ⅴ", "V").toUpperCase();
        if (t.startsWith("CLASS")) {
            t = t.substring(5).trim();
        }
        return switch (t) {
            case "I", "1" -> I;
            case "II", "2" -> II;
            case "III", "3" -> III;
            case "IV", "4" -> IV;
            case "V", "5" -> V;
            case "劣V", "劣5", "6", "V+", "WORSE THAN V" -> WORSE_THAN_V;
            default -> throw new IllegalArgumentException("'" + text.trim() + "' is not a water class (I, II, III, IV, V or 劣V)");
        };
    }
}
