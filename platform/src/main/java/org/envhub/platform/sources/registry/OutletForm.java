package org.envhub.platform.sources.registry;

/**
 * An outlet (排放口): its code in the discharge permit (e.g. DA001 for waste gas, DW001 for waste water), name and
 * kind: {@code gas} (废气), {@code water} (废水) or {@code other}.
 */
public record OutletForm(String code, String name, String kind) {
}
