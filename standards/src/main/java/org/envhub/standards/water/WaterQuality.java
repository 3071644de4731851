package org.envhub.standards.water;

/**
 * The quality labels (水质状况) of a section, and of a river or basin as a whole: 优, 良好, 轻度污染,
 * 中度污染, 重度污染, best first.
 */
public enum WaterQuality {
    /** 优: a section of class I or II; a river with at least 90% of its sections I–III. */
    EXCELLENT("优", "excellent"),
    /** 良好: class III; a river with 75% to 90% I–III. */
    GOOD("良好", "good"),
    /** 轻度污染: class IV; a river with fewer than 75% I–III and under 20% 劣Ⅴ. */
    LIGHTLY_POLLUTED("轻度污染", "lightly polluted"),
    /** 中度污染: class V; a river with fewer than 75% I–III and 20% to 40% 劣Ⅴ. */
    MODERATELY_POLLUTED("中度污染", "moderately polluted"),
    /** 重度污染: 劣Ⅴ; a river with fewer than 75% I–III and at least 40% 劣Ⅴ. */
    HEAVILY_POLLUTED("重度污染", "heavily polluted");

    private final String label;
    private final String englishLabel;

    WaterQuality(String label, String englishLabel) {
        this.label = label;
        this.englishLabel = englishLabel;
    }

    /** 优, 良好, 轻度污染, 中度污染, 重度污染. */
    public String label() { return label; }

    public String englishLabel() { return englishLabel; }
}
