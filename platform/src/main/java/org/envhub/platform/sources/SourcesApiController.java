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

    public SourcesApiController(SourceQueries queries) {
        this.queries = queries;
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

    /** A Beijing date or time, or an instant with an offset, as UTC; a date as "to" means the end of that day. */
    static LocalDateTime time(String name, String text, boolean end) {
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
