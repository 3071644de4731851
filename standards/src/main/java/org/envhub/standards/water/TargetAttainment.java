package org.envhub.standards.water;

/**
 * Attainment of a section's target class (水质目标达标): the actual class is no worse than the target,
 * so a class II section attains a target of III, and a class IV section does not.
 */
public final class TargetAttainment {

    private TargetAttainment() {}

    /** True or false; null when there is no target or no actual class to judge. */
    public static Boolean attained(WaterClass actual, WaterClass target) {
        if (actual == null || target == null) {
            return null;
        }
        return actual.noWorseThan(target);
    }
}
