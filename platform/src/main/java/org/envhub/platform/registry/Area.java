package org.envhub.platform.registry;

/** An administrative area (行政区划): a province, a city or a district (区县). */
public record Area(long id, String level, String name, Long parentId) {

    public static final String PROVINCE = "province";
    public static final String CITY = "city";
    public static final String DISTRICT = "district";
}
