package org.envhub.platform.sources.alarms;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.envhub.platform.sources.SourceScope;
import org.envhub.platform.sources.SourceTime;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final EmissionLimits limits;
    private final NetworkKpis kpis;
    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

    public AlarmsApiController(AlarmBook book, EmissionLimits limits, NetworkKpis kpis, JdbcClient jdbc,
                               org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named) {
        this.named = named;
        this.book = book;
        this.limits = limits;
        this.kpis = kpis;
        this.jdbc = jdbc;
    }

    @Operation(summary = "Alarms, newest first", description = "status: open, acknowledged, verified, closed; mn: one device; at most 'limit' (500).")
    @GetMapping("/alarms")
    public List<Alarm> alarms(@RequestParam(required = false) String status, @RequestParam(required = false) String mn,
                              @RequestParam(defaultValue = "500") int limit) {
        return book.list(SourceScope.current(), status, mn, Math.max(1, Math.min(limit, 5000)));
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
        return limits.of(pointId);
    }

    @Operation(summary = "联网率 and 有效传输率 by enterprise and by district",
            description = "from and to are Beijing dates, whole days, to included; default: yesterday. See NetworkKpis for the formulas.")
    @GetMapping("/kpis")
    public Map<String, Object> kpis(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate last = to != null ? to : from != null ? from : LocalDate.now(SourceTime.BEIJING).minusDays(1);
        LocalDate first = from != null ? from : last;
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("to (" + last + ") is before from (" + first + ")");
        }
        Map<String, List<NetworkKpi>> result = kpis.compute(SourceScope.current(), SourceTime.dataTimeToUtc(first.atStartOfDay()),
                SourceTime.dataTimeToUtc(last.plusDays(1).atStartOfDay()));
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
