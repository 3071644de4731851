package org.envhub.platform.sources;

/** The state of a data logger (数采仪) in the registry. */
public enum DeviceStatus {
    /** Approved: its data is taken. */
    ACTIVE,
    /** Registered automatically from its first frame, awaiting approval (待审核): its data is kept. */
    PENDING,
    /** Switched off by the bureau: its frames are stored as rejected. */
    DISABLED;

    public String id() {
        return name().toLowerCase();
    }

    public static DeviceStatus of(String id) {
        return valueOf(id.trim().toUpperCase());
    }
}
