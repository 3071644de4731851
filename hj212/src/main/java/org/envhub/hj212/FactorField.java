package org.envhub.hj212;

/**
 * The per-factor fields of CP, written {@code code-Field=value} (e.g. {@code a21026-Rtd=12.3}).
 * Any other suffix is kept as an extra of the factor.
 */
public enum FactorField {
    /** Real-time value (实时值). */
    RTD("Rtd", Kind.NUMBER),
    MIN("Min", Kind.NUMBER),
    AVG("Avg", Kind.NUMBER),
    MAX("Max", Kind.NUMBER),
    /** Cumulative amount over the interval (累计值, e.g. emitted mass or volume). */
    COU("Cou", Kind.NUMBER),
    /** Converted values (折算值), e.g. at reference oxygen; exceedance of emission limits is judged on them. */
    ZS_RTD("ZsRtd", Kind.NUMBER),
    ZS_MIN("ZsMin", Kind.NUMBER),
    ZS_AVG("ZsAvg", Kind.NUMBER),
    ZS_MAX("ZsMax", Kind.NUMBER),
    /** Data flag (数据标记): N F M S D C T B (2017), P F C M T D S N (2005). */
    FLAG("Flag", Kind.TEXT),
    /**
     * Flag of the converted values. Not a standard key: filled from a literal {@code -ZsFlag} or from a
     * {@code -Flag} repeated after a Zs value (see {@link Deviation#REPEATED_FLAG}).
     */
    ZS_FLAG("ZsFlag", Kind.TEXT),
    /** Equipment flag (设备标记, 2017). */
    EFLAG("EFlag", Kind.TEXT),
    /** Sampling time (采样时间, 2017). */
    SAMPLE_TIME("SampleTime", Kind.TEXT),
    /** Running status of a facility (运行状态, 2021): 0 stopped, 1 running, … */
    RS("RS", Kind.TEXT),
    /** Running time of a facility in hours (运行时间, 2041). */
    RT("RT", Kind.NUMBER),
    /** Value that raised an alarm (报警值, 2005 alarm 2072). */
    ALA("Ala", Kind.NUMBER),
    /** Alarm limits (报警上限/下限, 2005 1021/1022). */
    UP_VALUE("UpValue", Kind.NUMBER),
    LOW_VALUE("LowValue", Kind.NUMBER),
    /** Field-device information (现场端信息, 2017 3020). */
    INFO("Info", Kind.TEXT);

    enum Kind { NUMBER, TEXT }

    private final String key;
    private final byte[] keyBytes;
    private final Kind kind;

    FactorField(String key, Kind kind) {
        this.key = key;
        this.keyBytes = key.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.kind = kind;
    }

    /** The suffix on the wire. */
    public String key() {
        return key;
    }

    public boolean numeric() {
        return kind == Kind.NUMBER;
    }

    /** A converted (Zs) value or its flag. */
    public boolean converted() {
        return this == ZS_RTD || this == ZS_MIN || this == ZS_AVG || this == ZS_MAX || this == ZS_FLAG;
    }

    /** Whether the standard defines this suffix; {@code ZsFlag} is an invention of some loggers. */
    public boolean standard() {
        return this != ZS_FLAG;
    }

    /**
     * The field whose key is {@code b[from, to)} (the parser's bytes: ASCII, other characters never match), or
     * null; no String is made for the look-up (hot path).
     */
    static FactorField byKey(byte[] b, int from, int to) {
        // pick the one candidate by length and a letter or two, then compare once
        FactorField c = switch (to - from) {
            case 2 -> b[from + 1] == 'S' ? RS : RT;
            case 3 -> switch (b[from]) {
                case 'R' -> RTD;
                case 'C' -> COU;
                case 'M' -> b[from + 1] == 'i' ? MIN : MAX;
                case 'A' -> b[from + 1] == 'v' ? AVG : ALA;
                default -> null;
            };
            case 4 -> b[from] == 'F' ? FLAG : INFO;
            case 5 -> switch (b[from + 2]) {
                case 'R' -> ZS_RTD;
                case 'A' -> ZS_AVG;
                case 'M' -> b[from + 3] == 'i' ? ZS_MIN : ZS_MAX;
                case 'l' -> EFLAG;
                default -> null;
            };
            case 6 -> ZS_FLAG;
            case 7 -> UP_VALUE;
            case 8 -> LOW_VALUE;
            case 10 -> SAMPLE_TIME;
            default -> null;
        };
        if (c == null) {
            return null;
        }
        byte[] k = c.keyBytes;
        for (int i = 0; i < k.length; i++) {
            if (b[from + i] != k[i]) {
                return null;
            }
        }
        return c;
    }

    /** The field for a wire suffix, or null. A string switch: no map look-up, no regex on the hot path. */
    public static FactorField byKey(String suffix) {
        return switch (suffix) {
            case "Rtd" -> RTD;
            case "Min" -> MIN;
            case "Avg" -> AVG;
            case "Max" -> MAX;
            case "Cou" -> COU;
            case "ZsRtd" -> ZS_RTD;
            case "ZsMin" -> ZS_MIN;
            case "ZsAvg" -> ZS_AVG;
            case "ZsMax" -> ZS_MAX;
            case "Flag" -> FLAG;
            case "ZsFlag" -> ZS_FLAG;
            case "EFlag" -> EFLAG;
            case "SampleTime" -> SAMPLE_TIME;
            case "RS" -> RS;
            case "RT" -> RT;
            case "Ala" -> ALA;
            case "UpValue" -> UP_VALUE;
            case "LowValue" -> LOW_VALUE;
            case "Info" -> INFO;
            default -> null;
        };
    }
}
