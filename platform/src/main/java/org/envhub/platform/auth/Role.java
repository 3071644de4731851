package org.envhub.platform.auth;

/** The roles of envhub users (角色). Stored lower case; Spring Security sees ROLE_ADMIN etc. */
public enum Role {
    /** 系统管理员: everything, including users. */
    ADMIN("系统管理员"),
    /** 局机关: all data, all districts. */
    BUREAU("局机关"),
    /** 区县分局: the data of its own district only. */
    DISTRICT("区县分局"),
    /** 企业: its own pollution sources (used by the HJ 212 gateway). */
    ENTERPRISE("企业用户"),
    /** 只读: looks, changes nothing. */
    VIEWER("只读用户");

    private final String chineseName;

    Role(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() { return chineseName; }

    public String id() { return name().toLowerCase(); }

    public String authority() { return "ROLE_" + name(); }

    public static Role of(String id) {
        return valueOf(id.trim().toUpperCase());
    }
}
