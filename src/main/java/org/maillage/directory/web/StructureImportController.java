package org.maillage.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.maillage.account.Authorizations;
import org.maillage.directory.StructureImport;
import org.maillage.platform.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Importing structures from a CSV file: upload, preview with every problem by line, then import. */
@Controller
class StructureImportController {

    static final String PATH = "/espace/structures/import";

    private final StructureImport imports;
    private final Authorizations authorizations;

    StructureImportController(StructureImport imports, Authorizations authorizations) {
        this.imports = imports;
        this.authorizations = authorizations;
    }

    @GetMapping(PATH)
    String form(Model model) {
        authorizations.requireUser();
        model.addAttribute("required", StructureImport.REQUIRED_COLUMNS);
        return "directory/import";
    }

    @PostMapping(PATH)
    String preview(@RequestParam(name = "fichier", required = false) MultipartFile file, Model model,
            HttpServletResponse response) throws IOException {
        var user = authorizations.requireUser();
        model.addAttribute("required", StructureImport.REQUIRED_COLUMNS);
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("fileError", "import.file.missing");
            return "directory/import";
        }
        StructureImport.Preview preview = imports.preview(user, file.getOriginalFilename(), file.getBytes());
        if (!preview.importable()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("preview", preview);
        return "directory/import";
    }

    @PostMapping(PATH + "/{batch}")
    String importFile(@PathVariable long batch, RedirectAttributes redirect) {
        try {
            StructureImport.Started started = imports.start(authorizations.requireUser(), batch);
            if (started.background()) {
                return "redirect:" + PATH + "/" + batch;
            }
            redirect.addFlashAttribute("imported", started.added());
            return "redirect:" + PATH;
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("importRefused", true);
            return "redirect:" + PATH;
        }
    }

    /** A long import, followed: the page, and its progress alone for htmx every two seconds. */
    @GetMapping(PATH + "/{batch}")
    String progress(@PathVariable long batch, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("progress", imports.progress(authorizations.requireUser(), batch));
        return htmx != null ? "directory/import-progress :: progress" : "directory/import-progress";
    }
}
