package org.envhub.standards.air;

/** The six AQI levels (空气质量指数级别) of HJ 633, with their official colours. */
public enum AqiLevel {
    EXCELLENT(1, "一级", "优", 0, 50, 0, 228, 0),
    GOOD(2, "二级", "良", 51, 100, 255, 255, 0),
    LIGHTLY_POLLUTED(3, "三级", "轻度污染", 101, 150, 255, 126, 0),
    MODERATELY_POLLUTED(4, "四级", "中度污染", 151, 200, 255, 0, 0),
    HEAVILY_POLLUTED(5, "五级", "重度污染", 201, 300, 153, 0, 76),
    SEVERELY_POLLUTED(6, "六级", "严重污染", 301, Integer.MAX_VALUE, 126, 0, 35);

    private final int number;
    private final String grade;
    private final String category;
    private final int lowest;
    private final int highest;
    private final int red;
    private final int green;
    private final int blue;

    AqiLevel(int number, String grade, String category, int lowest, int highest, int red, int green, int blue) {
        this.number = number;
        this.grade = grade;
        this.category = category;
        this.lowest = lowest;
        this.highest = highest;
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    /** The level of an AQI, or {@code null} for a missing one (negative). */
    public static AqiLevel of(int aqi) {
        if (aqi < 0) {
            return null;
        }
        for (AqiLevel level : values()) {
            if (aqi <= level.highest) {
                return level;
            }
        }
        throw new AssertionError(aqi);
    }

    public int number() { return number; }

    /** 一级 … 六级. */
    public String grade() { return grade; }

    /** 优, 良, 轻度污染, 中度污染, 重度污染, 严重污染. */
    public String category() { return category; }

    public int lowest() { return lowest; }

    public int highest() { return highest; }

    /** The official colour as {@code #RRGGBB}. */
    public String hexColour() { return String.format("#%02X%02X%02X", red, green, blue); }

    public int[] rgb() { return new int[] {red, green, blue}; }
}
