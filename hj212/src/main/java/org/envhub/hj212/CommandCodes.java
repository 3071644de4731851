package org.envhub.hj212;

import java.util.Map;

/**
 * The command codes (CN) of HJ/T 212-2005 and HJ 212-2017 that envhub knows, and what kind of answer
 * each one calls for. Codes outside this table are recorded as {@link Deviation#NON_STANDARD_CN}.
 */
public final class CommandCodes {

    public static final String REAL_TIME_DATA = "2011";
    public static final String FACILITY_STATUS = "2021";
    public static final String DAY_DATA = "2031";
    public static final String RUNNING_TIME_DAY = "2041";
    public static final String MINUTE_DATA = "2051";
    public static final String HOUR_DATA = "2061";
    public static final String ALARM_EVENT = "2072";
    public static final String REQUEST_ANSWER = "9011";
    public static final String EXECUTION_RESULT = "9012";
    public static final String NOTICE_ANSWER = "9013";
    public static final String DATA_ANSWER = "9014";
    /** Heartbeat seen in real traffic ({@code CP=&&HeartbeatTime=120&&}); not in either standard. */
    public static final String HEARTBEAT_8013 = "8013";

    /** What a packet with this CN is, from the platform's side. */
    public enum Kind {
        /** A request or command (1xxx, 3xxx): answered with 9011 when the A bit is set. */
        REQUEST,
        /** Uploaded data or events (2xxx): answered with 9014 when the A bit is set. */
        UPLOAD,
        /** Heartbeat (non-standard 8013): answered with 9014 only when the A bit is set. */
        HEARTBEAT,
        /** An answer (9xxx): never answered, or the two sides would loop. */
        ANSWER,
        OTHER
    }

    private static final Map<String, String> NAMES = Map.ofEntries(
            // initialisation and parameters (2005 and 2017)
            Map.entry("1000", "设置超时时间及重发次数"),
            Map.entry("1011", "提取现场机时间"),
            Map.entry("1012", "设置现场机时间"),
            Map.entry("1013", "现场机时间校准请求"),
            Map.entry("1021", "提取污染物报警门限值 (2005)"),
            Map.entry("1022", "设置污染物报警门限值 (2005)"),
            Map.entry("1031", "提取上位机地址 (2005)"),
            Map.entry("1032", "设置上位机地址 (2005)"),
            Map.entry("1041", "提取数据上报时间 (2005)"),
            Map.entry("1042", "设置数据上报时间 (2005)"),
            Map.entry("1061", "提取实时数据间隔"),
            Map.entry("1062", "设置实时数据间隔"),
            Map.entry("1063", "提取分钟数据间隔"),
            Map.entry("1064", "设置分钟数据间隔"),
            Map.entry("1072", "设置现场机访问密码"),
            // data
            Map.entry("2011", "污染物实时数据"),
            Map.entry("2012", "停止察看污染物实时数据"),
            Map.entry("2021", "设施运行状态"),
            Map.entry("2022", "停止察看设施运行状态"),
            Map.entry("2031", "污染物日历史数据"),
            Map.entry("2041", "设施运行时间日历史数据"),
            Map.entry("2051", "污染物分钟数据"),
            Map.entry("2061", "污染物小时数据"),
            Map.entry("2071", "取污染物报警记录 (2005)"),
            Map.entry("2072", "上传污染物报警事件 (2005)"),
            Map.entry("2081", "上传数采仪开机时间 (2017)"),
            // control (2017; 3011..3013 exist in 2005 too)
            Map.entry("3011", "零点校准量程校准"),
            Map.entry("3012", "即时采样"),
            Map.entry("3013", "启动清洗/反吹"),
            Map.entry("3014", "比对采样"),
            Map.entry("3015", "超标留样"),
            Map.entry("3016", "设置采样时间周期"),
            Map.entry("3017", "提取采样时间周期"),
            Map.entry("3018", "提取出样时间"),
            Map.entry("3019", "提取设备唯一标识"),
            Map.entry("3020", "提取现场机信息"),
            Map.entry("3021", "设置现场机参数"),
            // interaction
            Map.entry("9011", "请求应答"),
            Map.entry("9012", "执行结果"),
            Map.entry("9013", "通知应答"),
            Map.entry("9014", "数据应答"));

    private CommandCodes() {
    }

    public static boolean standard(String cn) {
        return NAMES.containsKey(cn);
    }

    /** The Chinese name of a standard CN, or null. */
    public static String name(String cn) {
        return NAMES.get(cn);
    }

    public static Kind kind(String cn) {
        if (cn == null || cn.length() != 4) {
            return Kind.OTHER;
        }
        if (cn.equals(HEARTBEAT_8013)) {
            return Kind.HEARTBEAT;
        }
        return switch (cn.charAt(0)) {
            case '1', '3' -> Kind.REQUEST;
            case '2' -> Kind.UPLOAD;
            case '9' -> Kind.ANSWER;
            default -> Kind.OTHER;
        };
    }

    /** Data uploads that carry a DataTime. */
    public static boolean needsDataTime(String cn) {
        return switch (cn) {
            case "2011", "2021", "2031", "2041", "2051", "2061" -> true;
            default -> false;
        };
    }
}
