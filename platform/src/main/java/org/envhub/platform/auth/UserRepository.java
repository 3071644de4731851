package org.envhub.platform.auth;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.envhub.platform.air.AirTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private static final String SELECT = "select id, username, display_name, password_hash, role, district_id, enabled, created_at from app_user";

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql(SELECT + " where username = ?").param(username).query(UserAccount.class).optional();
    }

    public Optional<UserAccount> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(UserAccount.class).optional();
    }

    public List<UserAccount> all() {
        return jdbc.sql(SELECT + " order by username").query(UserAccount.class).list();
    }

    public long create(String username, String displayName, String passwordHash, Role role, Long districtId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        LocalDateTime now = AirTime.nowUtc();
        jdbc.sql("""
                        insert into app_user (username, display_name, password_hash, role, district_id, enabled, created_at)
                        values (:u, :d, :p, :r, :district, true, :now)""")
                .param("u", username).param("d", displayName).param("p", passwordHash).param("r", role.id())
                .param("district", districtId).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, String displayName, Role role, Long districtId, boolean enabled) {
        jdbc.sql("update app_user set display_name = :d, role = :r, district_id = :district, enabled = :e where id = :id")
                .param("d", displayName).param("r", role.id()).param("district", districtId).param("e", enabled).param("id", id)
                .update();
    }

    public void setPassword(long id, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(passwordHash, id).update();
    }
}
