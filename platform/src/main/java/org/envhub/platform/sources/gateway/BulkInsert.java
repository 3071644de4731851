package org.envhub.platform.sources.gateway;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How a batch's rows go into a table, in the writer's transaction: one {@code insert … select * from unnest(…)}
 * on any database, or PostgreSQL's {@code COPY}, which cost its server about 15% less CPU per stored packet
 * than the insert with arrays (measured with {@code envhub bench gateway}: 0.064–0.068 ms against
 * 0.074–0.081 ms per frame) and gave 10–20% more frames per second.
 */
interface BulkInsert {

    void insert(JdbcTemplate jdbc, String table, ColumnBatch rows);

    /** The portable way: one statement, each column an array parameter. */
    static BulkInsert arrays() {
        return (jdbc, table, rows) -> {
            String sql = rows.insertInto(table);
            jdbc.update(con -> {
                java.sql.PreparedStatement ps = con.prepareStatement(sql);
                rows.bind(con, ps, 1);
                return ps;
            });
        };
    }

    /** PostgreSQL: {@code COPY … FROM STDIN} in text format, on the transaction's connection. */
    static BulkInsert postgresCopy() {
        return (jdbc, table, rows) -> jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI().copyIn(rows.copyInto(table), new StringReader(rows.copyText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
