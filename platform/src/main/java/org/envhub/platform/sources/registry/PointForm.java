package org.envhub.platform.sources.registry;

/** A monitoring point (监测点) of an outlet. */
public record PointForm(String code, String name) {
}
