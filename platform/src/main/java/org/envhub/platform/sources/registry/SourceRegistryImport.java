package org.envhub.platform.sources.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.envhub.platform.air.StoreResult;
import org.envhub.platform.imports.ImportLog;
import org.envhub.platform.imports.ImportProblem;
import org.envhub.platform.imports.ImportSummary;
import org.envhub.platform.sources.PollutionSources;
import org.envhub.platform.sources.SourceScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a registry file: each row in its own transaction, so a bad row is reported by its line and the good
 * ones around it are kept. An enterprise is matched by its credit code, else by its name, and created when new
 * (its empty cells then keep what the registry has); an outlet by its code within the enterprise, a point by its
 * code within the outlet, a device by its MN. Every change goes through {@link SourceRegistry}: checked, scoped
 * and audited as if typed in. The import is recorded with the others (数据管理).
 */
@Service
public class SourceRegistryImport {

    private final SourceRegistry registry;
    private final PollutionSources sources;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ImportLog imports;

    public SourceRegistryImport(SourceRegistry registry, PollutionSources sources, JdbcClient jdbc, TransactionTemplate tx, ImportLog imports) {
        this.registry = registry;
        this.sources = sources;
        this.jdbc = jdbc;
        this.tx = tx;
        this.imports = imports;
    }

    private static final class Counts {
        void add(Counts o) {
            enterprisesAdded += o.enterprisesAdded;
            enterprisesUpdated += o.enterprisesUpdated;
            outletsAdded += o.outletsAdded;
            pointsAdded += o.pointsAdded;
            devicesAdded += o.devicesAdded;
            devicesUpdated += o.devicesUpdated;
        }

        int enterprisesAdded;
        int enterprisesUpdated;
        int outletsAdded;
        int pointsAdded;
        int devicesAdded;
        int devicesUpdated;
    }

    public ImportSummary importFile(String fileName, byte[] content, SourceScope scope, String user) {
        long id = imports.start("source-registry", fileName, user, "running");
        SourceRegistryFile.Result read = SourceRegistryFile.read(fileName, content);
        List<ImportProblem> problems = new ArrayList<>(read.problems());
        Counts c = new Counts();
        for (SourceRegistryFile.Row row : read.rows()) {
            Counts one = new Counts(); // counted only once its row is committed
            try {
                tx.executeWithoutResult(status -> apply(row, scope, user, one));
                c.add(one);
            } catch (IllegalArgumentException | AccessDeniedException | java.util.NoSuchElementException e) {
                problems.add(new ImportProblem(fileName + ", line " + row.line(), e.getMessage()));
            }
        }
        String message = c.enterprisesAdded + " enterprises added, " + c.enterprisesUpdated + " updated; " + c.outletsAdded + " outlets, "
                + c.pointsAdded + " monitoring points, " + c.devicesAdded + " devices added, " + c.devicesUpdated + " devices updated; "
                + problems.size() + " problems";
        imports.finish(id, "done", read.rowsRead(), StoreResult.counts(c.enterprisesAdded + c.outletsAdded + c.pointsAdded + c.devicesAdded,
                c.enterprisesUpdated + c.devicesUpdated, 0), problems, message);
        return imports.find(id).orElseThrow();
    }

    private void apply(SourceRegistryFile.Row r, SourceScope scope, String user, Counts c) {
        Optional<Long> found = r.creditCode() != null
                ? jdbc.sql("select id from enterprise where credit_code = ?").param(CreditCode.check(r.creditCode())).query(Long.class).optional()
                : Optional.empty();
        if (found.isEmpty()) {
            List<Long> named = jdbc.sql("select id from enterprise where name = ?").param(r.name() == null ? "" : r.name().strip()).query(Long.class).list();
            if (named.size() > 1) {
                throw new IllegalArgumentException("企业名称: " + named.size() + " enterprises are named '" + r.name() + "'; give the credit code");
            }
            found = named.stream().findFirst();
        }
        long enterprise;
        if (found.isPresent()) {
            EnterpriseView e = registry.enterprise(scope, found.get());
            registry.update(e.id(), new EnterpriseForm(or(r.name(), e.name()), or(r.creditCode(), e.creditCode()),
                    r.district() == null ? e.districtId() : null, r.district(), or(r.industry(), e.industry()), or(r.address(), e.address()),
                    r.longitude() == null ? e.longitude() : r.longitude(), r.latitude() == null ? e.latitude() : r.latitude(),
                    or(r.contactPerson(), e.contactPerson()), or(r.contactPhone(), e.contactPhone())), scope);
            enterprise = e.id();
            c.enterprisesUpdated++;
        } else {
            enterprise = registry.create(new EnterpriseForm(r.name(), r.creditCode(), null, r.district(), r.industry(), r.address(),
                    r.longitude(), r.latitude(), r.contactPerson(), r.contactPhone()), scope).id();
            c.enterprisesAdded++;
        }
        if (r.outletCode() == null) {
            if (r.pointCode() != null || r.mn() != null) {
                throw new IllegalArgumentException("排放口编码: a monitoring point or a device needs its outlet");
            }
            return;
        }
        Optional<Long> outlet = jdbc.sql("select id from outlet where enterprise_id = ? and code = ?").params(enterprise, r.outletCode())
                .query(Long.class).optional();
        long outletId;
        if (outlet.isPresent()) {
            outletId = outlet.get();
            if (r.outletName() != null || r.outletKind() != null) {
                String[] now = jdbc.sql("select name, kind from outlet where id = ?").param(outletId)
                        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
                registry.updateOutlet(outletId, new OutletForm(r.outletCode(), or(r.outletName(), now[0]), or(r.outletKind(), now[1])), scope);
            }
        } else {
            outletId = registry.createOutlet(enterprise, new OutletForm(r.outletCode(), or(r.outletName(), r.outletCode()), r.outletKind()), scope).id();
            c.outletsAdded++;
        }
        if (r.pointCode() == null) {
            if (r.mn() != null) {
                throw new IllegalArgumentException("监测点编码: a device needs its monitoring point");
            }
            return;
        }
        Optional<Long> point = jdbc.sql("select id from monitoring_point where outlet_id = ? and code = ?").params(outletId, r.pointCode())
                .query(Long.class).optional();
        long pointId;
        if (point.isPresent()) {
            pointId = point.get();
            if (r.pointName() != null) {
                registry.updatePoint(pointId, new PointForm(r.pointCode(), r.pointName()), scope);
            }
        } else {
            pointId = registry.createPoint(outletId, new PointForm(r.pointCode(), or(r.pointName(), r.pointCode())), scope).id();
            c.pointsAdded++;
        }
        if (r.mn() == null) {
            return;
        }
        if (sources.find(r.mn()).isPresent()) {
            registry.updateDevice(r.mn(), new DeviceForm(r.mn(), r.password(), r.protocol(), null, pointId), scope, user);
            c.devicesUpdated++;
        } else {
            registry.createDevice(pointId, new DeviceForm(r.mn(), r.password(), r.protocol(), true, pointId), scope, user);
            c.devicesAdded++;
        }
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
