package org.envhub.platform.imports;

import java.util.List;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Imports: what was loaded, when, by whom, and the problems found. */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "imports", description = "Data imports and their error reports")
public class ImportApiController {

    private final ImportLog imports;

    public ImportApiController(ImportLog imports) {
        this.imports = imports;
    }

    @Operation(summary = "The latest 200 imports")
    @GetMapping
    public List<ImportSummary> list() {
        return imports.latest(200);
    }

    @Operation(summary = "One import with its problems")
    @GetMapping("/{id}")
    public ImportSummary one(@PathVariable long id) {
        return imports.find(id).orElseThrow(() -> new NoSuchElementException("no import " + id));
    }
}
