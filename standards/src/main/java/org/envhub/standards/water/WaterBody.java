package org.envhub.standards.water;

/** What a section samples (水体类型): a river, or a lake or reservoir, which take the lake TP limits. */
public enum WaterBody {
    RIVER("river", "河流"),
    LAKE("lake", "湖泊"),
    RESERVOIR("reservoir", "水库");

    private final String id;
    private final String chineseName;

    WaterBody(String id, String chineseName) {
        this.id = id;
        this.chineseName = chineseName;
    }

    /** {@code river}, {@code lake} or {@code reservoir}, as written in the CSV files. */
    public String id() { return id; }

    public String chineseName() { return chineseName; }

    /** GB 3838 gives lakes and reservoirs their own, stricter, total-phosphorus limits. */
    public boolean lakeLimits() { return this != RIVER; }

    /** Accepts {@code river, lake, reservoir}, the Chinese names (河流/河, 湖泊/湖, 水库/库), any case. */
    public static WaterBody parse(String text) {
        String t = text.trim().toLowerCase();
        return switch (t) {
            case "river", "河流", "河" -> RIVER;
            case "lake", "湖泊", "湖", "湖库" -> LAKE;
            case "reservoir", "水库", "库" -> RESERVOIR;
            default -> throw new IllegalArgumentException("water body '" + text.trim() + "' is not river, lake or reservoir");
        };
    }
}
