package org.envhub.platform.registry;

import java.util.List;
import java.util.NoSuchElementException;

import org.envhub.platform.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the administrative areas (行政区划), checked and audited. The hierarchy is the one the bureau's data
 * follows: a province has no parent, a city belongs to a province (or stands alone, as the national station list
 * names cities without provinces), a district (区县) belongs to a city; names are unique under their parent.
 */
@Service
public class AreaService {

    private static final List<String> LEVELS = List.of(Area.PROVINCE, Area.CITY, Area.DISTRICT);

    private final AreaRepository areas;
    private final AuditLog audit;

    public AreaService(AreaRepository areas, AuditLog audit) {
        this.areas = areas;
        this.audit = audit;
    }

    @Transactional
    public Area create(AreaForm form) {
        String level = form.level() == null ? "" : form.level().trim();
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("level must be province, city or district, not '" + form.level() + "'");
        }
        String name = check(level, form.name(), form.parentId(), null);
        Area area = areas.findOrCreate(level, name, form.parentId());
        audit.record("area.create", level + " " + name, "id " + area.id() + ", parent " + form.parentId());
        return area;
    }

    /** Renames an area or moves it under another parent; its level stays. */
    @Transactional
    public Area update(long id, AreaForm form) {
        Area old = areas.find(id).orElseThrow(() -> new NoSuchElementException("no area " + id));
        if (form.level() != null && !form.level().isBlank() && !form.level().trim().equals(old.level())) {
            throw new IllegalArgumentException("the level of area " + id + " (" + old.level() + ") cannot change");
        }
        String name = check(old.level(), form.name(), form.parentId(), id);
        Area area = new Area(id, old.level(), name, form.parentId());
        areas.update(area);
        audit.record("area.update", old.level() + " " + old.name(), "now " + name + ", parent " + form.parentId());
        return area;
    }

    /** The trimmed name, once the name and the parent fit the level; {@code self} is the area being changed. */
    private String check(String level, String rawName, Long parentId, Long self) {
        String name = rawName == null ? "" : rawName.trim();
        if (name.isEmpty() || name.length() > 64) {
            throw new IllegalArgumentException("name must have 1 to 64 characters");
        }
        Area parent = parentId == null ? null : areas.find(parentId)
                .orElseThrow(() -> new IllegalArgumentException("no parent area " + parentId));
        switch (level) {
            case Area.PROVINCE -> {
                if (parent != null) {
                    throw new IllegalArgumentException("a province has no parent area");
                }
            }
            case Area.CITY -> {
                if (parent != null && !parent.level().equals(Area.PROVINCE)) {
                    throw new IllegalArgumentException("a city belongs to a province, not to " + parent.level() + " " + parent.name());
                }
            }
            default -> {
                if (parent == null || !parent.level().equals(Area.CITY)) {
                    throw new IllegalArgumentException("a district belongs to a city");
                }
            }
        }
        areas.find(level, name, parentId).filter(a -> self == null || a.id() != self).ifPresent(a -> {
            throw new IllegalArgumentException("there is already a " + level + " named " + name + " there (id " + a.id() + ")");
        });
        return name;
    }
}
