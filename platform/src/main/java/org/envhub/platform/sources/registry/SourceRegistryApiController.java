package org.envhub.platform.sources.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.envhub.platform.imports.ImportSummary;
import org.envhub.platform.sources.SourceScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pollution-source registry (污染源台账): enterprises, outlets, monitoring points and devices. Reading
 * follows the sources scope; changing is for the bureau, and for a district within its own district. Every
 * change is audited. Emission limits and data checks of a point: {@code /api/sources/points/{id}/limits} and
 * {@code …/checks}.
 */
@RestController
@RequestMapping("/api/sources")
@Tag(name = "sources registry", description = "Enterprises, outlets, monitoring points, devices (污染源台账)")
public class SourceRegistryApiController {

    private final SourceRegistry registry;
    private final SourceRegistryImport importer;

    public SourceRegistryApiController(SourceRegistry registry, SourceRegistryImport importer) {
        this.registry = registry;
        this.importer = importer;
    }

    @Operation(summary = "One enterprise's registry record")
    @GetMapping("/enterprises/{id}")
    public EnterpriseView enterprise(@PathVariable long id) {
        return registry.enterprise(SourceScope.current(), id);
    }

    @Operation(summary = "Register an enterprise", description = "{\"name\", \"creditCode\" (18 characters, checked), \"districtId\" or \"district\" "
            + "(name), \"industry\", \"address\", \"longitude\", \"latitude\", \"contactPerson\", \"contactPhone\"}; a district user's enterprises "
            + "are in its district.")
    @PostMapping("/enterprises")
    @ResponseStatus(HttpStatus.CREATED)
    public EnterpriseView create(@RequestBody EnterpriseForm form) {
        return registry.create(form, SourceScope.current());
    }

    @Operation(summary = "Change an enterprise's record", description = "The whole record, as for creating it.")
    @PutMapping("/enterprises/{id}")
    public EnterpriseView update(@PathVariable long id, @RequestBody EnterpriseForm form) {
        return registry.update(id, form, SourceScope.current());
    }

    @Operation(summary = "An enterprise's outlets, their monitoring points and devices",
            description = "Each device with its status, protocol, last data and whether it is online now.")
    @GetMapping("/enterprises/{id}/outlets")
    public List<SourceTree.Outlet> outlets(@PathVariable long id) {
        return registry.tree(SourceScope.current(), id);
    }

    @Operation(summary = "Add an outlet (排放口)", description = "{\"code\": \"DA001\", \"name\": \"1号锅炉废气排放口\", \"kind\": \"gas\"|\"water\"|\"other\"}")
    @PostMapping("/enterprises/{id}/outlets")
    @ResponseStatus(HttpStatus.CREATED)
    public SourceTree.Outlet createOutlet(@PathVariable long id, @RequestBody OutletForm form) {
        return registry.createOutlet(id, form, SourceScope.current());
    }

    @Operation(summary = "Change an outlet")
    @PutMapping("/outlets/{id}")
    public SourceTree.Outlet updateOutlet(@PathVariable long id, @RequestBody OutletForm form) {
        return registry.updateOutlet(id, form, SourceScope.current());
    }

    @Operation(summary = "Add a monitoring point (监测点) to an outlet", description = "{\"code\": \"P1\", \"name\": \"1号监测点\"}")
    @PostMapping("/outlets/{id}/points")
    @ResponseStatus(HttpStatus.CREATED)
    public SourceTree.Point createPoint(@PathVariable long id, @RequestBody PointForm form) {
        return registry.createPoint(id, form, SourceScope.current());
    }

    @Operation(summary = "Change a monitoring point")
    @PutMapping("/points/{id}")
    public SourceTree.Point updatePoint(@PathVariable long id, @RequestBody PointForm form) {
        return registry.updatePoint(id, form, SourceScope.current());
    }

    @Operation(summary = "Register a data logger (数采仪) at a monitoring point",
            description = "{\"mn\", \"password\" (PW), \"protocol\": \"2005\"|\"2017\", \"enabled\": true}; active at once.")
    @PostMapping("/points/{id}/devices")
    @ResponseStatus(HttpStatus.CREATED)
    public SourceTree.Device createDevice(@PathVariable long id, @RequestBody DeviceForm form, Principal user) {
        return registry.createDevice(id, form, SourceScope.current(), user.getName());
    }

    @Operation(summary = "Change a data logger", description = "{\"password\", \"protocol\", \"enabled\", \"pointId\"}, each optional: "
            + "a new PW, a protocol, enabled (false: its frames are refused), another monitoring point (a pending device: its approval).")
    @PutMapping("/devices/{mn}")
    public SourceTree.Device updateDevice(@PathVariable String mn, @RequestBody DeviceForm form, Principal user) {
        return registry.updateDevice(mn, form, SourceScope.current(), user.getName());
    }

    @Operation(summary = "Import a registry file (CSV or Excel)", description = "Columns by header: 企业名称 (required), 统一社会信用代码, 区县, 行业, "
            + "地址, 经度, 纬度, 联系人, 联系电话, 排放口编码, 排放口名称, 排放口类型 (废气/废水), 监测点编码, 监测点名称, MN, 密码, 协议版本. "
            + "Existing enterprises (by credit code, else name), outlets, points and devices are updated. Bad rows are reported by line.")
    @PostMapping(value = "/registry/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportSummary importFile(@RequestParam("file") MultipartFile file, Principal user) throws IOException {
        String name = file.getOriginalFilename() == null ? "sources.csv" : Path.of(file.getOriginalFilename()).getFileName().toString();
        return importer.importFile(name, file.getBytes(), SourceScope.current(), user.getName());
    }
}
