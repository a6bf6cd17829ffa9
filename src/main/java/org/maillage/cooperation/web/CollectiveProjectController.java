package org.maillage.cooperation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.cooperation.CollectiveProjectKind;
import org.maillage.cooperation.CollectiveProjectStatus;
import org.maillage.cooperation.CollectiveProjectTheme;
import org.maillage.cooperation.CollectiveProjects;
import org.maillage.cooperation.CollectiveProjects.Document;
import org.maillage.cooperation.CollectiveProjects.NewProject;
import org.maillage.cooperation.CollectiveProjects.ProjectView;
import org.maillage.cooperation.Exchanges;
import org.maillage.offer.Schemes;
import org.maillage.platform.FrenchInput;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Collective projects between structures: their page, participants, steps, documents and supporting schemes. */
@Controller
class CollectiveProjectController {

    /** The refusals of the service shown next to their field. */
    private static final java.util.Map<String, String> FIELDS = java.util.Map.of("cooperation.pole.unknown", "pole", "cooperation.project.theme.otherKind", "kind",
            "cooperation.listing.notMember", "lead");

    /** A collective project as typed; the status only when editing. */
    record ProjectForm(
            @NotBlank(message = "{cooperation.pole.blank}") String pole,
            @NotBlank(message = "{cooperation.project.title.invalid}") @Size(max = 150, message = "{cooperation.project.title.invalid}") String title,
            @Size(max = 5000, message = "{cooperation.project.description.tooLong}") String description,
            @NotBlank(message = "{cooperation.project.theme.blank}") String theme,
            String kind,
            String lead,
            String status) {}

    private static final String BASE = "/espace/cooperation/projets/";

    private final CollectiveProjects projects;
    private final Exchanges exchanges;
    private final Schemes schemes;
    private final Authorizations authorizations;
    private final CooperationPages pages;

    CollectiveProjectController(CollectiveProjects projects, Exchanges exchanges, Schemes schemes,
            Authorizations authorizations, CooperationPages pages) {
        this.projects = projects;
        this.exchanges = exchanges;
        this.schemes = schemes;
        this.authorizations = authorizations;
        this.pages = pages;
    }

    @GetMapping("/espace/cooperation/projets")
    String list(@RequestParam(required = false) String pole, Model model) {
        CurrentUser user = authorizations.requireUser();
        model.addAttribute("projects", projects.list(user, ExchangeController.blankToNull(pole)));
        model.addAttribute("pole", ExchangeController.blankToNull(pole));
        model.addAttribute("canCreate", pages.mayPublish(user));
        pages.poles(user, model);
        return "cooperation/projects";
    }

    @GetMapping("/espace/cooperation/projets/nouveau")
    String form(Model model) {
        CurrentUser user = authorizations.requireUser();
        List<CooperationPages.PoleChoice> poles = pages.networkPoleChoices(user);
        authorizations.check(!poles.isEmpty());
        List<Exchanges.StructureChoice> structures = exchanges.structuresActingFor(user);
        List<CooperationPages.PoleChoice> followed = pages.followedPoles(user);
        model.addAttribute("form", new ProjectForm(followed.size() == 1 ? followed.get(0).slug() : "", "", "", "", "",
                structures.size() == 1 ? structures.get(0).slug() : "", ""));
        return formPage(user, null, model);
    }

    @PostMapping("/espace/cooperation/projets/nouveau")
    String create(@Valid @ModelAttribute("form") ProjectForm form, BindingResult validation, Model model) {
        CurrentUser user = authorizations.requireUser();
        NewProject project = project(form, validation);
        if (project == null) {
            return formPage(user, null, model);
        }
        try {
            return "redirect:" + BASE + projects.create(user, project);
        } catch (RuleViolationException refused) {
            CooperationPages.reject(validation, refused, FIELDS);
            return formPage(user, null, model);
        }
    }

    @GetMapping("/espace/cooperation/projets/{slug}/modifier")
    String editForm(@PathVariable String slug, Model model) {
        CurrentUser user = authorizations.requireUser();
        ProjectView project = projects.find(user, slug);
        authorizations.check(project.manageable());
        model.addAttribute("form", new ProjectForm(project.poleSlug(), project.title(), project.description(),
                project.theme().name(), project.kind().name(), "", project.status().name()));
        return formPage(user, project, model);
    }

    @PostMapping("/espace/cooperation/projets/{slug}/modifier")
    String edit(@PathVariable String slug, @Valid @ModelAttribute("form") ProjectForm form, BindingResult validation,
            Model model) {
        CurrentUser user = authorizations.requireUser();
        ProjectView current = projects.find(user, slug);
        authorizations.check(current.manageable());
        NewProject project = project(form, validation);
        CollectiveProjectStatus status = CooperationPages.parse(CollectiveProjectStatus.class, form.status());
        if (status == null && !validation.hasFieldErrors("status")) {
            validation.rejectValue("status", "cooperation.project.status.blank");
        }
        if (project == null || status == null) {
            return formPage(user, current, model);
        }
        try {
            projects.update(user, slug, project, status);
            return "redirect:" + BASE + slug;
        } catch (RuleViolationException refused) {
            CooperationPages.reject(validation, refused, FIELDS);
            return formPage(user, current, model);
        }
    }

    private String formPage(CurrentUser user, ProjectView editing, Model model) {
        model.addAttribute("editing", editing);
        model.addAttribute("networkPoleChoices", pages.networkPoleChoices(user));
        model.addAttribute("structures", exchanges.structuresActingFor(user));
        model.addAttribute("themes", CollectiveProjectTheme.values());
        model.addAttribute("kinds", CollectiveProjectKind.values());
        model.addAttribute("statuses", CollectiveProjectStatus.values());
        return "cooperation/project-form";
    }

    private NewProject project(ProjectForm form, BindingResult validation) {
        CollectiveProjectTheme theme = CooperationPages.parse(CollectiveProjectTheme.class, form.theme());
        if (theme == null && !validation.hasFieldErrors("theme")) {
            validation.rejectValue("theme", "cooperation.project.theme.blank");
        }
        CollectiveProjectKind kind = theme != null && theme.kind() != null ? theme.kind()
                : CooperationPages.parse(CollectiveProjectKind.class, form.kind());
        if (theme != null && kind == null) {
            validation.rejectValue("kind", "cooperation.project.kind.blank");
        }
        if (validation.hasErrors()) {
            return null;
        }
        return new NewProject(form.pole(), form.title(), form.description(), kind, theme,
                ExchangeController.blankToNull(form.lead()));
    }

    @GetMapping("/espace/cooperation/projets/{slug}")
    String project(@PathVariable String slug, Model model) {
        CurrentUser user = authorizations.requireUser();
        ProjectView project = projects.find(user, slug);
        model.addAttribute("project", project);
        if (project.manageable()) {
            model.addAttribute("structures", exchanges.structuresActingFor(user));
            model.addAttribute("schemes", schemes.list().stream()
                    .filter(s -> project.schemes().stream().noneMatch(p -> p.slug().equals(s.slug()))).toList());
        }
        pages.poles(user, model);
        return "cooperation/project";
    }

    /** Runs a change of the project's page; its French refusal is shown in the part of the page concerned. */
    private String change(String slug, String part, Model model, Runnable change) {
        try {
            change.run();
            return "redirect:" + BASE + slug + "#" + part;
        } catch (RuleViolationException refused) {
            model.addAttribute("errorPart", part);
            model.addAttribute("errorKey", refused.messageKey());
            model.addAttribute("errorArguments", refused.arguments());
            return project(slug, model);
        }
    }

    @PostMapping("/espace/cooperation/projets/{slug}/participants")
    String addParticipant(@PathVariable String slug, @RequestParam(required = false) String structure,
            @RequestParam(defaultValue = "false") boolean lead, Model model) {
        CurrentUser user = authorizations.requireUser();
        return change(slug, "participants", model, () -> {
            if (structure == null || structure.isBlank()) {
                throw new RuleViolationException("cooperation.listing.structure.blank");
            }
            projects.addParticipant(user, slug, structure, lead);
        });
    }

    @PostMapping("/espace/cooperation/projets/{slug}/participants/retrait")
    String removeParticipant(@PathVariable String slug, @RequestParam String structure) {
        projects.removeParticipant(authorizations.requireUser(), slug, structure);
        return "redirect:" + BASE + slug + "#participants";
    }

    @PostMapping("/espace/cooperation/projets/{slug}/etapes")
    String addStep(@PathVariable String slug, @RequestParam(required = false) String title,
            @RequestParam(required = false) String dueOn, Model model) {
        CurrentUser user = authorizations.requireUser();
        model.addAttribute("typedStep", title);
        model.addAttribute("typedDue", dueOn);
        return change(slug, "steps", model, () -> {
            LocalDate due = FrenchInput.date(dueOn).orElse(null);
            if (dueOn != null && !dueOn.isBlank() && due == null) {
                throw new RuleViolationException("cooperation.project.step.due.invalid");
            }
            projects.addStep(user, slug, title, due);
        });
    }

    @PostMapping("/espace/cooperation/projets/{slug}/etapes/{step}")
    String markStep(@PathVariable String slug, @PathVariable long step, @RequestParam(defaultValue = "false") boolean done,
            @RequestParam(defaultValue = "false") boolean remove) {
        CurrentUser user = authorizations.requireUser();
        if (remove) {
            projects.removeStep(user, slug, step);
        } else {
            projects.markStep(user, slug, step, done);
        }
        return "redirect:" + BASE + slug + "#steps";
    }

    @PostMapping("/espace/cooperation/projets/{slug}/documents")
    String addDocument(@PathVariable String slug, @RequestParam(required = false) MultipartFile file, Model model) {
        CurrentUser user = authorizations.requireUser();
        return change(slug, "documents", model, () -> {
            try {
                projects.addDocument(user, slug, file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
            } catch (IOException e) {
                throw new RuleViolationException("cooperation.project.document.empty");
            }
        });
    }

    @GetMapping("/espace/cooperation/projets/{slug}/documents/{id}")
    ResponseEntity<byte[]> document(@PathVariable String slug, @PathVariable long id) {
        Document document = projects.document(authorizations.requireUser(), slug, id)
                .orElseThrow(() -> new NotFoundException("cooperation.project.document.unknown", id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }

    @PostMapping("/espace/cooperation/projets/{slug}/documents/{id}/retrait")
    String removeDocument(@PathVariable String slug, @PathVariable long id) {
        projects.removeDocument(authorizations.requireUser(), slug, id);
        return "redirect:" + BASE + slug + "#documents";
    }

    @PostMapping("/espace/cooperation/projets/{slug}/dispositifs")
    String support(@PathVariable String slug, @RequestParam(required = false) String scheme,
            @RequestParam(defaultValue = "true") boolean supports, Model model) {
        CurrentUser user = authorizations.requireUser();
        return change(slug, "schemes", model, () -> projects.support(user, slug, scheme, supports));
    }
}
