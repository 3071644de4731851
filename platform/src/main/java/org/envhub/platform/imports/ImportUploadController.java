package org.envhub.platform.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.PreDestroy;
import org.envhub.platform.config.EnvhubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads of CNEMC hourly files from the data-management page. The files are saved, queued and imported one
 * after another in the background; the page follows each import record until it is done.
 */
@RestController
@RequestMapping("/api/imports")
public class ImportUploadController {

    /** An upload accepted: the import record that will report on it. */
    public record Queued(long id, String fileName) {}

    private static final Logger log = LoggerFactory.getLogger(ImportUploadController.class);

    private final CnemcImportService service;
    private final ImportLog imports;
    private final Path uploads;
    // One import at a time: imports of overlapping data must not interleave.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "envhub-import");
        t.setDaemon(true);
        return t;
    });

    public ImportUploadController(CnemcImportService service, ImportLog imports, EnvhubProperties properties) {
        this.service = service;
        this.imports = imports;
        this.uploads = properties.dataDir().resolve("uploads");
    }

    @Operation(summary = "Upload CNEMC hourly files (.csv or .csv.gz) to import",
            description = "Answers at once with one import record per file; GET /api/imports/{id} follows it.")
    @PostMapping(value = "/cnemc", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public List<Queued> upload(@RequestParam("files") List<MultipartFile> files, Authentication user) throws IOException {
        for (MultipartFile f : files) {
            String name = name(f);
            if (!(name.toLowerCase().endsWith(".csv") || name.toLowerCase().endsWith(".csv.gz"))) {
                throw new IllegalArgumentException("file '" + name + "': expected a CNEMC hourly file ending in .csv or .csv.gz");
            }
        }
        Files.createDirectories(uploads);
        List<Queued> queued = new ArrayList<>();
        for (MultipartFile f : files) {
            String name = name(f);
            Path saved = uploads.resolve(UUID.randomUUID() + (name.toLowerCase().endsWith(".gz") ? ".csv.gz" : ".csv"));
            f.transferTo(saved);
            long id = service.queue(CnemcImportService.KIND_HOURLY, name, user.getName());
            String username = user.getName();
            worker.submit(() -> {
                try {
                    service.importHourly(id, saved, name, username);
                } catch (RuntimeException e) {
                    log.error("Import {} of {} failed", id, name, e);
                    imports.finish(id, "failed", 0, null, List.of(new ImportProblem(name, String.valueOf(e.getMessage()))), e.getMessage());
                } finally {
                    try {
                        Files.deleteIfExists(saved);
                    } catch (IOException ignored) {
                        // a leftover upload is harmless; the next start does not read it
                    }
                }
            });
            queued.add(new Queued(id, name));
        }
        return queued;
    }

    private static String name(MultipartFile f) {
        String n = f.getOriginalFilename();
        return n == null || n.isBlank() ? "upload.csv" : Path.of(n).getFileName().toString();
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
