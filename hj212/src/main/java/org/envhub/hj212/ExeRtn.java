package org.envhub.hj212;

/** Result codes of 9012 (执行结果, {@code ExeRtn}), HJ 212-2017 table 7. */
public enum ExeRtn {
    SUCCESS(1, "执行成功"),
    FAILED(2, "执行失败，但不知道原因"),
    BAD_CONDITION(3, "命令请求条件错误"),
    TIMEOUT(4, "通讯超时"),
    BUSY(5, "系统繁忙不能执行"),
    FAULT(6, "系统故障"),
    NO_DATA(100, "没有数据");

    private final int code;
    private final String nameZh;

    ExeRtn(int code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    public int code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }
}
