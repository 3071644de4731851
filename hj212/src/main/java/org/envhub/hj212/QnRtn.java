package org.envhub.hj212;

/** Answer codes of 9011 (请求应答, {@code QnRtn}), HJ 212-2017 table 6. */
public enum QnRtn {
    READY(1, "准备执行请求"),
    REFUSED(2, "请求被拒绝"),
    WRONG_PW(3, "PW 错误"),
    WRONG_MN(4, "MN 错误"),
    WRONG_ST(5, "ST 错误"),
    WRONG_FLAG(6, "Flag 错误"),
    WRONG_QN(7, "QN 错误"),
    WRONG_CN(8, "CN 错误"),
    WRONG_CHECK(9, "CRC 校验错误"),
    UNKNOWN_ERROR(100, "未知错误");

    private final int code;
    private final String nameZh;

    QnRtn(int code, String nameZh) {
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
