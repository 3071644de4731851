package org.envhub.platform.registry;

/** A new or changed administrative area: its level (province, city, district), name and parent area's id. */
public record AreaForm(String level, String name, Long parentId) {
}
