package org.envhub.platform.sources.alarms;

/** What an alarm is about (报警类型). */
public enum AlarmKind {
    /** An hourly average (CN 2061) over the limit in force (小时均值超标). */
    HOURLY_EXCEEDANCE,
    /** A daily average (CN 2031) over the limit in force (日均值超标). */
    DAILY_EXCEEDANCE,
    /** A value flagged by the logger as abnormal: F stopped, M maintenance, D fault, C calibration, B communication, T over range, P power cut. */
    ABNORMAL_FLAG,
    /** The same real-time value many times in a row (数据恒值): a frozen instrument, or faked data. */
    STUCK_VALUE,
    /** No data from a device for several intervals (数据缺失). */
    MISSING_DATA,
    /** A zero or negative value while the source runs (零值/负值): an analyser off or bypassed, an unreported stop. */
    ZERO_OR_NEGATIVE,
    /** A value outside the instrument's range (超量程): a broken analyser or a value typed in. */
    OUT_OF_RANGE,
    /** A sudden jump over the previous value of the same data kind (数据突变). */
    SUDDEN_JUMP
}
