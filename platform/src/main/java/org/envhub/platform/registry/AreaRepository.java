package org.envhub.platform.registry;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Provinces, cities and districts. */
@Repository
public class AreaRepository {

    private final JdbcClient jdbc;

    public AreaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Area> all() {
        return jdbc.sql("select id, level, name, parent_id from area order by level, name").query(Area.class).list();
    }

    public Optional<Area> find(long id) {
        return jdbc.sql("select id, level, name, parent_id from area where id = ?").param(id).query(Area.class).optional();
    }

    public Optional<Area> find(String level, String name, Long parentId) {
        return jdbc.sql("select id, level, name, parent_id from area where level = :level and name = :name and "
                        + (parentId == null ? "parent_id is null" : "parent_id = :parent"))
                .param("level", level).param("name", name).param("parent", parentId)
                .query(Area.class).optional();
    }

    /** The area of that level and name under that parent, created if missing. */
    public Area findOrCreate(String level, String name, Long parentId) {
        return find(level, name, parentId).orElseGet(() -> {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into area (level, name, parent_id) values (:level, :name, :parent)")
                    .param("level", level).param("name", name).param("parent", parentId)
                    .update(keys, "id");
            return new Area(keys.getKey().longValue(), level, name, parentId);
        });
    }

    public void update(Area area) {
        jdbc.sql("update area set name = :name, parent_id = :parent where id = :id")
                .param("name", area.name()).param("parent", area.parentId()).param("id", area.id()).update();
    }

    /** A city by name, whatever its province. */
    public Optional<Area> city(String name) {
        return jdbc.sql("select id, level, name, parent_id from area where level = 'city' and name = ? order by id")
                .param(name).query(Area.class).stream().findFirst();
    }

    public List<Area> districts() {
        return jdbc.sql("select id, level, name, parent_id from area where level = 'district' order by name").query(Area.class).list();
    }
}
