package org.envhub.platform.sources;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of pollution sources: enterprises (企业), their outlets (排放口), monitoring points (监测点)
 * and data loggers (数采仪). Device changes reach the gateway's cache once committed.
 */
@Service
public class PollutionSources {

    /** What an MN may look like to be registered: printable, no separators of the protocol. */
    public static final Pattern VALID_MN = Pattern.compile("[0-9A-Za-z._-]{1,64}");

    private final JdbcClient jdbc;
    private final DeviceDirectory directory;

    public PollutionSources(JdbcClient jdbc, DeviceDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Transactional
    public long createEnterprise(String name, String creditCode, Long districtId) {
        jdbc.sql("insert into enterprise (name, credit_code, district_id, created_at) values (?, ?, ?, ?)")
                .params(name, creditCode, districtId, SourceTime.nowUtc()).update();
        return jdbc.sql("select max(id) from enterprise where name = ?").param(name).query(Long.class).single();
    }

    @Transactional
    public long createOutlet(long enterpriseId, String code, String name, String kind) {
        jdbc.sql("insert into outlet (enterprise_id, code, name, kind) values (?, ?, ?, ?)")
                .params(enterpriseId, code, name, kind).update();
        return jdbc.sql("select id from outlet where enterprise_id = ? and code = ?").params(enterpriseId, code).query(Long.class).single();
    }

    @Transactional
    public long createPoint(long outletId, String code, String name) {
        jdbc.sql("insert into monitoring_point (outlet_id, code, name) values (?, ?, ?)").params(outletId, code, name).update();
        return jdbc.sql("select id from monitoring_point where outlet_id = ? and code = ?").params(outletId, code).query(Long.class).single();
    }

    /** Registers an approved device at a monitoring point. */
    @Transactional
    public void registerDevice(String mn, long pointId, String password, String byUser) {
        if (mn == null || !VALID_MN.matcher(mn).matches()) {
            throw new IllegalArgumentException("MN: 1 to 64 letters, digits or . _ -, got '" + mn + "'");
        }
        if (find(mn).isPresent()) {
            throw new IllegalArgumentException("device " + mn + " is already registered");
        }
        jdbc.sql("insert into device (mn, point_id, password, status, registered_at, approved_at, approved_by) values (?, ?, ?, 'active', ?, ?, ?)")
                .params(mn, pointId, password, SourceTime.nowUtc(), SourceTime.nowUtc(), byUser).update();
        forgetAfterCommit(mn);
    }

    /** Approves a device (pending or not) for a monitoring point. */
    @Transactional
    public void approve(String mn, long pointId, String byUser) {
        if (jdbc.sql("select count(*) from monitoring_point where id = ?").param(pointId).query(Integer.class).single() == 0) {
            throw new java.util.NoSuchElementException("no monitoring point " + pointId);
        }
        int n = jdbc.sql("update device set point_id = ?, status = 'active', approved_at = ?, approved_by = ? where mn = ?")
                .params(pointId, SourceTime.nowUtc(), byUser, mn).update();
        if (n == 0) {
            throw new java.util.NoSuchElementException("no device " + mn);
        }
        forgetAfterCommit(mn);
    }

    @Transactional
    public void setStatus(String mn, DeviceStatus status) {
        int n = jdbc.sql("update device set status = ? where mn = ?").params(status.id(), mn).update();
        if (n == 0) {
            throw new java.util.NoSuchElementException("no device " + mn);
        }
        forgetAfterCommit(mn);
    }

    @Transactional
    public void setPassword(String mn, String password) {
        int n = jdbc.sql("update device set password = ? where mn = ?").params(password, mn).update();
        if (n == 0) {
            throw new java.util.NoSuchElementException("no device " + mn);
        }
        forgetAfterCommit(mn);
    }

    /** Makes an enterprise user (企业用户) belong to an enterprise. */
    @Transactional
    public void linkAccount(long userId, long enterpriseId) {
        jdbc.sql("delete from enterprise_account where user_id = ?").param(userId).update();
        jdbc.sql("insert into enterprise_account (user_id, enterprise_id) values (?, ?)").params(userId, enterpriseId).update();
    }

    public Optional<Device> find(String mn) {
        return jdbc.sql("select mn, point_id, password, status from device where mn = ?").param(mn)
                .query((rs, i) -> {
                    long point = rs.getLong(2);
                    return new Device(rs.getString(1), rs.wasNull() ? null : point, rs.getString(3), DeviceStatus.of(rs.getString(4)));
                }).optional();
    }

    private void forgetAfterCommit(String mn) {
        directory.forget(mn);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    directory.forget(mn);
                }
            });
        }
    }
}
