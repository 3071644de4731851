package org.envhub.platform.registry;

import java.util.List;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.envhub.platform.auth.DataScope;
import org.envhub.platform.imports.ImportLog;
import org.envhub.platform.imports.ImportSummary;
import org.envhub.platform.imports.StationListImporter;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The registry: administrative areas and air stations. */
@RestController
@RequestMapping("/api/registry")
@Tag(name = "registry", description = "Areas and stations (站点台账)")
public class RegistryApiController {

    private final AreaRepository areas;
    private final StationRepository stations;
    private final StationRegistryService service;
    private final ImportLog importLog;
    private final StationListImporter stationList;
    private final AreaService areaService;

    public RegistryApiController(AreaRepository areas, StationRepository stations, StationRegistryService service, ImportLog importLog,
                                 StationListImporter stationList, AreaService areaService) {
        this.areaService = areaService;
        this.importLog = importLog;
        this.stationList = stationList;
        this.areas = areas;
        this.stations = stations;
        this.service = service;
    }

    @Operation(summary = "Provinces, cities and districts")
    @GetMapping("/areas")
    public List<Area> areas() {
        return areas.all();
    }

    @Operation(summary = "Create an area", description = "level: province, city or district; a district needs its city as parentId, "
            + "a city may have its province. Bureau and admin only.")
    @PostMapping("/areas")
    public ResponseEntity<Area> createArea(@RequestBody AreaForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(areaService.create(form));
    }

    @Operation(summary = "Rename an area or move it under another parent", description = "Its level stays. Bureau and admin only.")
    @PutMapping("/areas/{id}")
    public Area updateArea(@PathVariable long id, @RequestBody AreaForm form) {
        return areaService.update(id, form);
    }

    @Operation(summary = "The stations the user may see")
    @GetMapping("/stations")
    public List<RegisteredStation> stations() {
        DataScope scope = DataScope.current();
        return stations.all().stream().filter(s -> scope.allows(s.districtId())).toList();
    }

    @Operation(summary = "One station")
    @GetMapping("/stations/{code}")
    public RegisteredStation station(@PathVariable String code) {
        RegisteredStation s = stations.find(code).filter(x -> DataScope.current().allows(x.districtId()))
                .orElseThrow(() -> new NoSuchElementException("no station " + code));
        return s;
    }

    @Operation(summary = "Import a station registry file (CSV or Excel)", description = "Columns by header: 监测点编码/站点编码, "
            + "监测点名称/站点名称, 城市, and optionally 省份, 区县, 经度, 纬度, 对照点 (Y), 启用日期, 停用日期. Bad rows are reported.")
    @PostMapping(value = "/stations/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportSummary importFile(@RequestParam("file") MultipartFile file, Authentication user) throws java.io.IOException {
        String name = file.getOriginalFilename() == null ? "stations.csv" : java.nio.file.Path.of(file.getOriginalFilename()).getFileName().toString();
        RegistryFile.Result read = RegistryFile.read(name, file.getBytes());
        long id = importLog.start("station-registry", name, user.getName(), "running");
        return stationList.importStations(id, name, read.stations(), read.rows(), read.problems(), DataScope.current());
    }

    @Operation(summary = "Create or change a station", description = "The code in the path wins over the body's.")
    @PutMapping("/stations/{code}")
    public ResponseEntity<RegisteredStation> save(@PathVariable String code, @RequestBody StationForm form) {
        StationForm f = new StationForm(code, form.name(), form.province(), form.city(), form.district(), form.longitude(),
                form.latitude(), form.control(), form.activeFrom(), form.activeUntil());
        boolean created = service.save(f, DataScope.current());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(stations.find(code).orElseThrow());
    }
}
