package org.envhub.platform.sources;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pollution-source monitoring data received over HJ 212 (污染源在线监测). The admin, the bureau and viewers
 * see every device, a district user those of its district, an enterprise user its own enterprise's.
 */
@RestController
@RequestMapping("/api/sources")
@Tag(name = "sources", description = "Pollution sources: HJ 212 frames, devices, latest values")
public class SourcesApiController {

    private final SourceQueries queries;
    private final PollutionSources sources;
    private final org.envhub.platform.audit.AuditLog audit;

    public SourcesApiController(SourceQueries queries, PollutionSources sources, org.envhub.platform.audit.AuditLog audit) {
        this.audit = audit;
        this.queries = queries;
        this.sources = sources;
    }

    @Operation(summary = "Frames received by the HJ 212 gateway",
            description = "received, accepted (data taken, duplicates included), rejected, duplicates, the number of frames having "
                    + "each deviation from the standard, and each reject reason. from and to are Beijing dates (YYYY-MM-DD, whole "
                    + "days) or times (YYYY-MM-DDTHH:MM[:SS], or with an offset); the period is [from, to).")
    @GetMapping("/frames/summary")
    public FrameSummary summary(@Parameter(description = "first day or time") @RequestParam(required = false) String from,
                                @Parameter(description = "last day (included) or end time (excluded)") @RequestParam(required = false) String to) {
        return queries.summary(SourceScope.current(), time("from", from, false), time("to", to, true));
    }

    @Operation(summary = "The latest value of each factor of a device",
            description = "value (Rtd for real-time data, Avg for minute/hour/day data), zsValue, flag, dataTime, dataKind (CN).")
    @GetMapping("/devices/{mn}/latest")
    public List<LatestFactorValue> latest(@PathVariable String mn) {
        boolean visible = queries.deviceVisible(SourceScope.current(), mn).orElseThrow(() -> new NoSuchElementException("no device " + mn));
        if (!visible) {
            throw new AccessDeniedException("device " + mn + " is not one of yours");
        }
        return queries.latest(mn);
    }

    @Operation(summary = "Devices (数采仪) you may see", description = "status: active, pending (registered automatically, awaiting approval), disabled.")
    @GetMapping("/devices")
    public List<DeviceView> devices(@RequestParam(required = false) String status) {
        try {
            return queries.devices(SourceScope.current(), status);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status: active, pending or disabled, got '" + status + "'");
        }
    }

    public record ApproveForm(Long pointId) {}

    @Operation(summary = "Approve a device for a monitoring point", description = "{\"pointId\": 12}; the bureau's job (pending devices belong to no district yet).")
    @PostMapping("/devices/{mn}/approve")
    public DeviceView approve(@PathVariable String mn, @RequestBody ApproveForm form, java.security.Principal user) {
        if (!SourceScope.current().unlimited()) {
            throw new AccessDeniedException("approving devices is the bureau's job");
        }
        if (form == null || form.pointId() == null) {
            throw new IllegalArgumentException("pointId: the monitoring point the device reports for");
        }
        sources.approve(mn, form.pointId(), user.getName());
        audit.record("sources.device.approve", "device " + mn, "point " + form.pointId());
        return queries.devices(SourceScope.everything(), null).stream().filter(d -> d.mn().equals(mn)).findFirst().orElseThrow();
    }

    @Operation(summary = "Raw frames (原始报文), newest first", description = "mn, outcome (accepted, duplicate, rejected, incomplete, error), "
            + "from/to as in the summary; at most limit (100, up to 1000).")
    @GetMapping("/frames")
    public List<FrameView> frames(@RequestParam(required = false) String mn, @RequestParam(required = false) String outcome,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(defaultValue = "100") int limit) {
        return queries.frames(SourceScope.current(), mn, outcome, time("from", from, false), time("to", to, true), Math.max(1, Math.min(limit, 1000)));
    }

    @Operation(summary = "One raw frame (原始报文) with its bytes read again",
            description = "The frame as listed, and 'parsed': its header fields, CP parameters and each factor's fields with name and unit.")
    @GetMapping("/frames/{id}")
    public FrameDetail frame(@PathVariable long id) {
        return queries.frame(SourceScope.current(), id).orElseThrow(() -> new NoSuchElementException("no frame " + id));
    }

    /** A Beijing date or time, or an instant with an offset, as UTC; a date as "to" means the end of that day. */
    public static LocalDateTime time(String name, String text, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return SourceTime.dataTimeToUtc((end ? day.plusDays(1) : day).atStartOfDay());
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return SourceTime.dataTimeToUtc(LocalDateTime.parse(t));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+08:00], got '" + text + "'");
        }
    }
}
