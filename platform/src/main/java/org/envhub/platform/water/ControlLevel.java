package org.envhub.platform.water;

/** Who assesses a section (断面控制级别): the nation (国控), the province (省控) or the city (市控). */
public enum ControlLevel {
    NATIONAL("national", "国控"),
    PROVINCIAL("provincial", "省控"),
    MUNICIPAL("municipal", "市控");

    private final String id;
    private final String chineseName;

    ControlLevel(String id, String chineseName) {
        this.id = id;
        this.chineseName = chineseName;
    }

    public String id() { return id; }

    public String chineseName() { return chineseName; }

    /** {@code national, provincial, municipal}, or 国控/国家, 省控/省级, 市控/市级, any case. */
    public static ControlLevel parse(String text) {
        String t = text.trim().toLowerCase();
        for (ControlLevel l : values()) {
            if (l.id.equals(t) || l.chineseName.equals(t) || l.name().equalsIgnoreCase(t)) {
                return l;
            }
        }
        return switch (t) {
            case "国家", "国考", "国家级" -> NATIONAL;
            case "省", "省考", "省级" -> PROVINCIAL;
            case "市", "市考", "市级" -> MUNICIPAL;
            default -> throw new IllegalArgumentException("control level '" + text.trim() + "' is not national (国控), provincial (省控) or municipal (市控)");
        };
    }
}
