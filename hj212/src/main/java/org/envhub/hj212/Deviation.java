package org.envhub.hj212;

/**
 * A named way in which a frame departs from HJ 212-2017 while still being readable.
 *
 * <p>Lenient decoding accepts the frame and records each deviation by name; strict decoding rejects it
 * (see {@link ParserOptions}). The names are stable: the platform stores and counts them.
 */
public enum Deviation {
    // --- framing ---------------------------------------------------------------------------------------
    /** The check value is written in lower-case hex. */
    LOWERCASE_CHECK("check value in lower-case hex"),
    /** The check value is a true Modbus CRC-16 instead of the HJ 212 byte-folding value. */
    MODBUS_CRC("check value is a Modbus CRC-16"),
    /** The data segment is longer than the 1024 bytes the standard allows (the frame is still taken). */
    OVERSIZE_FRAME("data segment over 1024 bytes"),
    /** The declared length counts characters, not bytes (Chinese text); the check value is right. */
    LENGTH_IN_CHARACTERS("declared length counts characters, not bytes"),

    // --- header (QN ST CN PW MN Flag PNUM PNO) -----------------------------------------------------------
    MISSING_QN("no QN"),
    BAD_QN("QN is not 17 digits"),
    MISSING_ST("no ST"),
    /** {@code ST=  } or {@code ST=\0\0}: the system code is blank (seen in real traffic as two NULs). */
    BLANK_ST("blank ST"),
    BAD_ST("ST is not 2 digits"),
    MISSING_PW("no PW"),
    /** 2005-era devices often send no Flag at all. */
    MISSING_FLAG("no Flag"),
    BAD_FLAG("Flag is not a number 0..255"),
    /** Flag version bits above 2 (V=1 is 2017, V=2 is seen from newer devices). */
    UNKNOWN_VERSION("unknown protocol version in Flag"),
    /** PNUM/PNO present without the D bit, or the D bit without PNUM/PNO. */
    SPLIT_FLAG_MISMATCH("PNUM/PNO and the Flag D bit disagree"),
    /** PNUM/PNO not numbers, or PNO outside 1..PNUM: the packet is taken as not split. */
    BAD_PACKET_NUMBER("bad PNUM/PNO"),
    UNKNOWN_HEADER_FIELD("unknown field before CP"),
    /** A CN outside the 2005 and 2017 command tables (8013 heartbeats and 9015 are such). */
    NON_STANDARD_CN("CN not in the standard"),

    // --- structure -----------------------------------------------------------------------------------------
    /** An item without '=' or with an empty key. */
    MALFORMED_ITEM("item without key=value"),
    /** An empty item, e.g. a ';' right before the closing {@code &&}. */
    EMPTY_ITEM("empty item"),
    CP_UNTERMINATED("CP not closed by &&"),
    TRAILING_DATA("bytes after the closing && of CP"),
    /** The same key twice with the same value (the repeat is ignored). */
    REPEATED_KEY("key repeated"),
    /** The same header or CP key twice with different values: the first is kept, the raw frame has both. */
    CONFLICTING_KEY("key repeated with a different value"),
    /**
     * A factor's {@code -Flag} repeated. Real 2005 loggers send {@code 02-ZsRtd=…,02-Flag=N} as the flag of
     * the converted value: a repeated Flag in a group of Zs values is taken as the Zs flag.
     */
    REPEATED_FLAG("factor -Flag repeated"),
    /** The same factor sent again with different values (several meters under one code): kept as a second occurrence. */
    REPEATED_FACTOR("factor repeated with different values"),

    // --- values --------------------------------------------------------------------------------------------
    /** DataTime with milliseconds, yyyyMMddHHmmssSSS. */
    DATATIME_17_DIGITS("17-digit DataTime"),
    BAD_DATATIME("DataTime is not a valid yyyyMMddHHmmss"),
    /** A data upload (2011 2021 2031 2041 2051 2061) without DataTime. */
    MISSING_DATATIME("data without DataTime"),
    NON_NUMERIC_VALUE("numeric field is not a number"),
    EMPTY_VALUE("empty value"),
    /** A factor field outside the standard set (e.g. -ZsCou, -ZsFlag): kept as an extra. */
    NON_STANDARD_FIELD("non-standard factor field"),

    // --- split packets ----------------------------------------------------------------------------------
    DUPLICATE_SPLIT_PIECE("a split piece received twice");

    private final String description;

    Deviation(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
