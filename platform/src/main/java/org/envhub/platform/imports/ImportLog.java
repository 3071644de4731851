package org.envhub.platform.imports;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.envhub.platform.air.AirTime;
import org.envhub.platform.air.StoreResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The record of imports (导入记录) and their problems. */
@Repository
public class ImportLog {

    /** Problems kept per import; the count says how many there were in all. */
    public static final int MAX_PROBLEMS_KEPT = 1_000;

    private final JdbcClient jdbc;

    public ImportLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long start(String kind, String fileName, String username, String status) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into data_import (kind, file_name, started_at, status, username) values (?, ?, ?, ?, ?)")
                .params(kind, fileName, AirTime.nowUtc(), status, username)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void status(long id, String status) {
        jdbc.sql("update data_import set status = ? where id = ?").params(status, id).update();
    }

    public void finish(long id, String status, int rowsRead, StoreResult result, List<ImportProblem> problems, String message) {
        jdbc.sql("""
                        update data_import set finished_at = ?, status = ?, rows_read = ?, values_added = ?, values_replaced = ?,
                               values_same = ?, problem_count = ?, message = ? where id = ?""")
                .params(AirTime.nowUtc(), status, rowsRead, result == null ? 0 : result.added(), result == null ? 0 : result.replaced(),
                        result == null ? 0 : result.same(), problems.size(), message == null || message.length() <= 1000 ? message
                                : message.substring(0, 1000), id)
                .update();
        int seq = 0;
        for (ImportProblem p : problems) {
            if (seq >= MAX_PROBLEMS_KEPT) {
                break;
            }
            jdbc.sql("insert into import_problem (import_id, seq, location, message) values (?, ?, ?, ?)")
                    .params(id, seq++, cut(p.location(), 255), cut(p.message(), 1000)).update();
        }
    }

    public Optional<ImportSummary> find(long id) {
        return summaries("where id = ?", id).stream().findFirst()
                .map(s -> new ImportSummary(s.id(), s.kind(), s.fileName(), s.status(), s.startedAt(), s.finishedAt(), s.username(),
                        s.rowsRead(), s.valuesAdded(), s.valuesReplaced(), s.valuesSame(), s.problemCount(), s.message(), problems(id)));
    }

    public List<ImportSummary> latest(int limit) {
        return summaries("order by id desc", null).stream().limit(limit).toList();
    }

    public boolean anyDone(String kind) {
        return jdbc.sql("select count(*) from data_import where kind = ? and status = 'done'").param(kind).query(Integer.class).single() > 0;
    }

    private List<ImportSummary> summaries(String where, Object param) {
        var spec = jdbc.sql("""
                select id, kind, file_name, status, started_at, finished_at, username, rows_read, values_added, values_replaced,
                       values_same, problem_count, message from data_import""" + " " + where);
        if (param != null) {
            spec = spec.param(param);
        }
        return spec.query((rs, n) -> new ImportSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDateTime.class), rs.getObject(6, LocalDateTime.class), rs.getString(7), rs.getInt(8), rs.getInt(9),
                rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getString(13), List.of())).list();
    }

    private List<ImportProblem> problems(long id) {
        return jdbc.sql("select location, message from import_problem where import_id = ? order by seq").param(id)
                .query(ImportProblem.class).list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
