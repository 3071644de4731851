package org.envhub.platform.sources.alarms;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.envhub.platform.audit.AuditLog;
import org.envhub.platform.sources.SourceScope;
import org.envhub.platform.sources.SourcesApiController;
import org.envhub.platform.web.TableExport;
import org.envhub.platform.sources.SourceTime;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alarms on pollution-source data, their handling, emission limits and the network KPIs. Reading follows the
 * sources scope (enterprise users their own devices, districts theirs); changing is for the bureau and the
 * districts (the security configuration lets no other role send a POST or PUT).
 */
@RestController
@RequestMapping("/api/sources")
@Tag(name = "sources alarms", description = "Alarms, their verification, emission limits, network KPIs")
public class AlarmsApiController {

    public record VerifyForm(Boolean trueAlarm, String note) {}

    public record NoteForm(String note) {}

    public record LimitForm(String factor, Double limit, Boolean onConverted, LocalDate effectiveFrom) {}

    private final AlarmBook book;
    private final FactorChecks checks;
    private final AuditLog audit;
    private final EmissionLimits limits;
    private final NetworkKpis kpis;
    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

    public AlarmsApiController(AlarmBook book, EmissionLimits limits, NetworkKpis kpis, JdbcClient jdbc,
                               org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named, FactorChecks checks, AuditLog audit) {
        this.checks = checks;
        this.audit = audit;
        this.named = named;
        this.book = book;
        this.limits = limits;
        this.kpis = kpis;
        this.jdbc = jdbc;
    }

    @Operation(summary = "Alarms, newest first", description = "status: open, acknowledged, verified, closed, or unclosed (any but closed); "
            + "kind: HOURLY_EXCEEDANCE, DAILY_EXCEEDANCE, ABNORMAL_FLAG, STUCK_VALUE, MISSING_DATA, ZERO_OR_NEGATIVE, OUT_OF_RANGE, SUDDEN_JUMP; "
            + "mn: one device; enterpriseId, districtId; from/to: when opened, Beijing dates (to included) or times; at most 'limit' (500). "
            + "format=csv or xlsx downloads the table.")
    @GetMapping("/alarms")
    public Object alarms(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                         @RequestParam(required = false) String mn, @RequestParam(required = false) Long enterpriseId,
                         @RequestParam(required = false) Long districtId, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to, @RequestParam(defaultValue = "500") int limit,
                         @RequestParam(required = false) String format) {
        List<Alarm> list = book.list(SourceScope.current(), new AlarmBook.Filter(status, kind, mn, enterpriseId, districtId,
                SourcesApiController.time("from", from, false), SourcesApiController.time("to", to, true)), Math.max(1, Math.min(limit, 5000)));
        if (format == null || format.isBlank()) {
            return list;
        }
        return TableExport.download(AlarmTable.of(list), format);
    }

    @Operation(summary = "Acknowledge an open alarm (已确认)")
    @PostMapping("/alarms/{id}/acknowledge")
    public Map<String, String> acknowledge(@PathVariable long id, Principal user) {
        book.acknowledge(SourceScope.current(), id, user.getName());
        return Map.of("status", "acknowledged");
    }

    @Operation(summary = "Verify an acknowledged alarm as true or false (核实)", description = "{\"trueAlarm\": true|false, \"note\": \"…\"}")
    @PostMapping("/alarms/{id}/verify")
    public Map<String, String> verify(@PathVariable long id, @RequestBody VerifyForm form, Principal user) {
        if (form == null || form.trueAlarm() == null) {
            throw new IllegalArgumentException("trueAlarm: true (the source really was at fault) or false (a false alarm)");
        }
        book.verify(SourceScope.current(), id, form.trueAlarm(), form.note(), user.getName());
        return Map.of("status", "verified");
    }

    @Operation(summary = "Close a verified alarm (办结)")
    @PostMapping("/alarms/{id}/close")
    public Map<String, String> close(@PathVariable long id, @RequestBody(required = false) NoteForm form, Principal user) {
        book.close(SourceScope.current(), id, form == null ? null : form.note(), user.getName());
        return Map.of("status", "closed");
    }

    @Operation(summary = "The emission limits of a monitoring point, with their effective dates")
    @GetMapping("/points/{pointId}/limits")
    public List<EmissionLimit> limits(@PathVariable long pointId) {
        visiblePoint(pointId);
        return limits.of(pointId);
    }

    @Operation(summary = "Set a limit from a day on", description = "{\"factor\": \"a21026\", \"limit\": 35, \"onConverted\": true, "
            + "\"effectiveFrom\": \"2024-01-01\"}; the limit in force before ends the day before.")
    @PutMapping("/points/{pointId}/limits")
    public List<EmissionLimit> setLimit(@PathVariable long pointId, @RequestBody LimitForm form, Principal user) {
        visiblePoint(pointId);
        if (form == null || form.limit() == null) {
            throw new IllegalArgumentException("limit: a positive number");
        }
        limits.set(pointId, form.factor(), form.limit(), form.onConverted() == null || form.onConverted(), form.effectiveFrom(), user.getName());
        audit.record("sources.limit.set", "point " + pointId + " " + EmissionLimits.code2017(form.factor().trim()), form.limit()
                + (form.onConverted() == null || form.onConverted() ? " (converted)" : " (measured)") + " from " + form.effectiveFrom());
        return limits.of(pointId);
    }

    public record CheckForm(String factor, Double rangeLow, Double rangeHigh, Boolean zeroCheck, Double jumpRatio, Double jumpStep,
                            Integer stuckCount) {}

    @Operation(summary = "The data checks a monitoring point sets, and the defaults",
            description = "configured: per factor, the instrument range (rangeLow, rangeHigh), zeroCheck, jumpRatio, jumpStep, stuckCount; defaults: what "
                    + "applies to any other factor (settings envhub.hj212.alarms.*), with the physical ranges of pH, O2 and humidity.")
    @GetMapping("/points/{pointId}/checks")
    public Map<String, Object> checks(@PathVariable long pointId) {
        visiblePoint(pointId);
        return Map.of("configured", checks.list(pointId), "defaults", checks.defaultsTable());
    }

    @Operation(summary = "Set the data checks of a factor at a monitoring point",
            description = "{\"factor\": \"a21026\", \"rangeLow\": 0, \"rangeHigh\": 500, \"zeroCheck\": true, \"jumpRatio\": 5, \"jumpStep\": 100, \"stuckCount\": 10}; "
                    + "a null bound or threshold is not checked. Replaces what the point set for the factor before.")
    @PutMapping("/points/{pointId}/checks")
    public List<FactorCheck> setCheck(@PathVariable long pointId, @RequestBody CheckForm form, Principal user) {
        visiblePoint(pointId);
        if (form == null) {
            throw new IllegalArgumentException("a check: {\"factor\", \"rangeLow\", \"rangeHigh\", \"zeroCheck\", \"jumpRatio\", \"jumpStep\", \"stuckCount\"}");
        }
        checks.set(pointId, form.factor(), form.rangeLow(), form.rangeHigh(), form.zeroCheck(), form.jumpRatio(), form.jumpStep(),
                form.stuckCount(), user.getName());
        return checks.list(pointId);
    }

    @Operation(summary = "Back to the default checks for a factor at a monitoring point")
    @DeleteMapping("/points/{pointId}/checks/{factor}")
    public List<FactorCheck> removeCheck(@PathVariable long pointId, @PathVariable String factor) {
        visiblePoint(pointId);
        if (!checks.remove(pointId, factor)) {
            throw new java.util.NoSuchElementException("point " + pointId + " sets no checks for " + factor);
        }
        return checks.list(pointId);
    }

    @Operation(summary = "联网率 and 有效传输率 by enterprise and by district",
            description = "from and to are Beijing dates, whole days, to included; default: yesterday. See NetworkKpis for the formulas. "
                    + "format=csv or xlsx downloads one table: by=enterprise (default) or by=district.")
    @GetMapping("/kpis")
    public Object kpis(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                       @RequestParam(required = false) String format, @RequestParam(defaultValue = "enterprise") String by) {
        LocalDate last = to != null ? to : from != null ? from : LocalDate.now(SourceTime.BEIJING).minusDays(1);
        LocalDate first = from != null ? from : last;
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("to (" + last + ") is before from (" + first + ")");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(first, last) > 366) {
            throw new IllegalArgumentException("from..to: at most a year (367 days)");
        }
        Map<String, List<NetworkKpi>> result = kpis.compute(SourceScope.current(), SourceTime.dataTimeToUtc(first.atStartOfDay()),
                SourceTime.dataTimeToUtc(last.plusDays(1).atStartOfDay()));
        if (format != null && !format.isBlank()) {
            boolean districts = by.equals("district");
            if (!districts && !by.equals("enterprise")) {
                throw new IllegalArgumentException("by: enterprise or district, got '" + by + "'");
            }
            return TableExport.download(AlarmTable.kpis(result.get(districts ? "districts" : "enterprises"), districts ? "区县" : "企业",
                    first.toString(), last.toString()), format);
        }
        return Map.of("from", first.toString(), "to", last.toString(), "enterprises", result.get("enterprises"), "districts", result.get("districts"));
    }

    /** 404 for an unknown point; 403 for one no device of the scope reports for. */
    private void visiblePoint(long pointId) {
        if (jdbc.sql("select count(*) from monitoring_point where id = ?").param(pointId).query(Integer.class).single() == 0) {
            throw new java.util.NoSuchElementException("no monitoring point " + pointId);
        }
        SourceScope scope = SourceScope.current();
        if (scope.unlimited()) {
            return;
        }
        Map<String, Object> params = scope.newParams();
        params.put("point", pointId);
        Integer n = named.queryForObject("select count(*) from device d where d.point_id = :point and " + scope.mnCondition("d.mn", params),
                params, Integer.class);
        if (n == null || n == 0) {
            throw new AccessDeniedException("monitoring point " + pointId + " is not one of yours");
        }
    }
}
