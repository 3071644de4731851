package org.envhub.platform.air;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.envhub.platform.auth.DataScope;
import org.envhub.platform.registry.RegisteredStation;
import org.envhub.platform.registry.StationRepository;
import org.envhub.platform.web.Table;
import org.envhub.platform.web.TableExport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Air-quality data as JSON, CSV or Excel. Times are hour ends in Beijing time. */
@RestController
@RequestMapping("/api/air")
@Tag(name = "air", description = "Air quality: stations, hours, AQI")
public class AirApiController {

    private final LatestSnapshot latest;
    private final AirQueries queries;
    private final StationRepository stations;
    private final JsonMapper json;
    private final CityQueries cityQueries;

    public AirApiController(LatestSnapshot latest, AirQueries queries, StationRepository stations, JsonMapper json, CityQueries cityQueries) {
        this.cityQueries = cityQueries;
        this.latest = latest;
        this.queries = queries;
        this.stations = stations;
        this.json = json;
    }

    @Operation(summary = "Every station's latest hour", description = "One entry per station the user may see: code, name, city, "
            + "lon, lat, time, aqi, level, primary and the six concentrations. Served from memory; feeds the map.")
    @GetMapping(value = "/stations/latest", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> latest(@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String encodings) {
        DataScope scope = DataScope.current();
        LatestSnapshot.Snapshot snapshot = latest.get();
        if (scope.unlimited()) {
            if (encodings != null && encodings.contains("gzip")) {
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CONTENT_ENCODING, "gzip")
                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).body(snapshot.gzippedJson());
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                    .body(snapshot.json());
        }
        List<LatestStation> visible = snapshot.stations().stream().filter(s -> scope.allows(s.districtId())).toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(visible));
    }

    @Operation(summary = "Every station's latest hour as a table", description = "format = csv or xlsx")
    @GetMapping(value = "/stations/latest", params = "format")
    public ResponseEntity<byte[]> latestTable(@RequestParam String format) {
        DataScope scope = DataScope.current();
        List<List<Object>> rows = new ArrayList<>();
        for (LatestStation s : latest.get().stations()) {
            if (scope.allows(s.districtId())) {
                rows.add(List.of(s.code(), s.name(), s.city(), nz(s.district()), s.time().toLocalDateTime().toString(), nz(s.aqi()),
                        nz(s.category()), nz(s.primary()), nz(s.pm25()), nz(s.pm10()), nz(s.so2()), nz(s.no2()), nz(s.co()), nz(s.o3())));
            }
        }
        return TableExport.download(new Table("站点最新小时数据", List.of("站点编码", "站点名称", "城市", "区县", "时间", "AQI", "级别",
                "首要污染物", "PM2.5(µg/m³)", "PM10(µg/m³)", "SO2(µg/m³)", "NO2(µg/m³)", "CO(mg/m³)", "O3(µg/m³)"), rows), format);
    }

    @Operation(summary = "The hours of one station", description = "from and to are Beijing dates (YYYY-MM-DD, whole days) or "
            + "hour ends (YYYY-MM-DDTHH:00); default: the 72 hours up to the station's latest.")
    @GetMapping("/stations/{code}/hourly")
    public List<StationHourRow> hourly(@PathVariable String code,
                                       @Parameter(description = "first hour or day") @RequestParam(required = false) String from,
                                       @Parameter(description = "last hour or day") @RequestParam(required = false) String to) {
        visibleStation(code);
        LocalDateTime[] range = range(code, from, to);
        return queries.stationHours(code, range[0], range[1]);
    }

    @Operation(summary = "The hours of one station as a table", description = "format = csv or xlsx")
    @GetMapping(value = "/stations/{code}/hourly", params = "format")
    public ResponseEntity<byte[]> hourlyTable(@PathVariable String code, @RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to, @RequestParam String format) {
        RegisteredStation station = visibleStation(code);
        LocalDateTime[] range = range(code, from, to);
        List<List<Object>> rows = new ArrayList<>();
        for (StationHourRow r : queries.stationHours(code, range[0], range[1])) {
            rows.add(List.of(code, station.name(), r.time().toLocalDateTime().toString(), nz(r.aqi()), nz(r.category()), nz(r.primary()),
                    nz(r.pm25()), nz(r.pm10()), nz(r.so2()), nz(r.no2()), nz(r.co()), nz(r.o3()), nz(r.pm25Mean24h()), nz(r.pm10Mean24h()),
                    nz(r.o3Mean8h()), nz(r.ruleSet())));
        }
        return TableExport.download(new Table(station.name() + "小时数据", List.of("站点编码", "站点名称", "时间", "AQI", "级别", "首要污染物",
                "PM2.5(µg/m³)", "PM10(µg/m³)", "SO2(µg/m³)", "NO2(µg/m³)", "CO(mg/m³)", "O3(µg/m³)", "PM2.5 24小时滑动平均",
                "PM10 24小时滑动平均", "O3 8小时滑动平均", "规则"), rows), format);
    }

    @Operation(summary = "Cities with stations")
    @GetMapping("/cities")
    public List<String> cities() {
        return cityQueries.cityNames();
    }

    @Operation(summary = "Every city's latest hour", description = "City values are means over the city's evaluation stations; "
            + "the AQI is computed from them. Sorted by AQI, worst first.")
    @GetMapping("/cities/latest")
    public List<CityHour> citiesLatest() {
        return CityQueries.latest(latest.get().stations()).stream()
                .sorted(java.util.Comparator.comparing((CityHour c) -> c.aqi() == null ? -1 : c.aqi()).reversed()).toList();
    }

    @Operation(summary = "A city's hours", description = "from and to as for a station; default: the 24 hours up to the latest.")
    @GetMapping("/cities/{city}/hourly")
    public List<CityHour> cityHourly(@PathVariable String city, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to) {
        LocalDateTime last = to == null ? queries.latestHour().map(AirTime::toLocal).orElse(LocalDateTime.now(AirTime.LOCAL)) : parse("to", to, true);
        LocalDateTime first = from == null ? last.minusHours(23) : parse("from", from, false);
        if (first.plusDays(400).isBefore(last) || first.isAfter(last)) {
            throw new IllegalArgumentException("from " + first + " to " + last + ": from must come first, at most 400 days apart");
        }
        return cityQueries.hours(city, AirTime.toUtc(first), AirTime.toUtc(last));
    }

    private RegisteredStation visibleStation(String code) {
        RegisteredStation station = stations.find(code).orElseThrow(() -> new NoSuchElementException("no station " + code));
        if (!DataScope.current().allows(station.districtId())) {
            throw new AccessDeniedException("station " + code + " is outside your district");
        }
        return station;
    }

    /** [first, last] UTC hour ends from the optional local from/to parameters. */
    private LocalDateTime[] range(String code, String from, String to) {
        LocalDateTime last = to == null ? queries.latestHour(code).map(AirTime::toLocal).orElse(LocalDateTime.now(AirTime.LOCAL))
                : parse("to", to, true);
        LocalDateTime first = from == null ? last.minusHours(71) : parse("from", from, false);
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("from (" + first + ") is after to (" + last + ")");
        }
        if (first.plusDays(400).isBefore(last)) {
            throw new IllegalArgumentException("the range from " + first + " to " + last + " is longer than 400 days");
        }
        return new LocalDateTime[] {AirTime.toUtc(first), AirTime.toUtc(last)};
    }

    /** A day stands for its natural day (hours 01:00 to 24:00 of that day); an hour for itself. */
    static LocalDateTime parse(String name, String text, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return end ? day.plusDays(1).atStartOfDay() : day.atTime(1, 0);
            }
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": expected YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '" + text + "'");
        }
    }

    private static Object nz(Object o) {
        return o == null ? "" : o;
    }
}
