package org.envhub.platform.audit;

import java.time.LocalDateTime;
import java.util.List;

import org.envhub.platform.air.AirTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;

/** The audit log (操作日志): who changed what, and when. Rows are only ever added. */
@Repository
public class AuditLog {

    /** One entry; {@code at} is UTC. */
    public record Entry(long id, LocalDateTime loggedAt, String username, String action, String target, String detail) {}

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a change by the current user (or {@code system} when there is none, e.g. at start-up). */
    public void record(String action, String target, String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String who = auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
        recordAs(who, action, target, detail);
    }

    public void recordAs(String username, String action, String target, String detail) {
        jdbc.sql("insert into audit_log (logged_at, username, action, target, detail) values (?, ?, ?, ?, ?)")
                .params(AirTime.nowUtc(), username, action, truncate(target, 255), truncate(detail, 2000))
                .update();
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql("select id, logged_at, username, action, target, detail from audit_log order by id desc")
                .query(Entry.class).stream().limit(limit).toList();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
