package org.envhub.platform.water;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.envhub.platform.imports.ImportLog;
import org.envhub.platform.imports.ImportSummary;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads of surface-water sample files (数据管理 → 地表水监测数据). The files are small (a month of a city's
 * sections is a few hundred rows), so each is imported at once and its report returned.
 */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "imports", description = "Data imports and their error reports")
public class WaterImportController {

    private final WaterImportService service;
    private final ImportLog imports;

    public WaterImportController(WaterImportService service, ImportLog imports) {
        this.service = service;
        this.imports = imports;
    }

    @Operation(summary = "Upload surface-water sample files (.csv, .csv.gz or .xlsx) to import",
            description = "The wide layout section,time,water_body,ph,do,codmn,…,fecal_coliform (any item column may be absent or empty). "
                    + "One import record per file, returned with its problems (file and line).")
    @PostMapping(value = "/water", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public List<ImportSummary> upload(@RequestParam("files") List<MultipartFile> files, Authentication user) throws IOException {
        for (MultipartFile f : files) {
            String n = name(f).toLowerCase();
            if (!(n.endsWith(".csv") || n.endsWith(".csv.gz") || n.endsWith(".xlsx") || n.endsWith(".xls"))) {
                throw new IllegalArgumentException("file '" + name(f) + "': expected a water sample file ending in .csv, .csv.gz or .xlsx");
            }
        }
        List<ImportSummary> done = new ArrayList<>();
        for (MultipartFile f : files) {
            String name = name(f);
            Path tmp = Files.createTempFile("envhub-water", name.toLowerCase().endsWith(".gz") ? ".csv.gz" : SpreadsheetFile.isExcel(name) ? ".xlsx" : ".csv");
            try {
                f.transferTo(tmp);
                long id = imports.start(WaterImportService.KIND, name, user.getName(), "running");
                done.add(service.importFile(id, tmp, name, user.getName()));
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return done;
    }

    private static String name(MultipartFile f) {
        String n = f.getOriginalFilename();
        return n == null || n.isBlank() ? "water.csv" : Path.of(n).getFileName().toString();
    }
}
