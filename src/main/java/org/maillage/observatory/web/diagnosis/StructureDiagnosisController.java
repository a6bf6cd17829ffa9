package org.maillage.observatory.web.diagnosis;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.observatory.internal.diagnosis.Answer;
import org.maillage.observatory.internal.diagnosis.DiagnosisService;
import org.maillage.observatory.internal.diagnosis.DiagnosisService.Draft;
import org.maillage.observatory.internal.diagnosis.DiagnosisService.ThemeProgress;
import org.maillage.observatory.internal.diagnosis.Questionnaire;
import org.maillage.observatory.internal.diagnosis.Questionnaire.Theme;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A structure's self-diagnosis (staff pages): its people fill in the questionnaire theme by theme (a
 * draft they come back to), finish it, read their profile, keep actions of the plan and ask their pôle
 * for support; its pôle's animators and its region's coordinators read the results. The service checks
 * the rights of every page and form.
 */
@Controller
class StructureDiagnosisController {

    static final String BASE = "/espace/structures/{slug}/autodiagnostic";

    /** The answers of a theme: {@code answers[GOU-1]=FULLY}; anything not on the scale is unanswered. */
    record AnswersForm(Map<String, String> answers) {}

    /** The actions of the plan the structure keeps (question codes). */
    record PlanForm(Set<String> kept) {}

    record SupportForm(@Size(max = 2000, message = "{diagnosis.support.message.size}") String message) {

        static SupportForm empty() {
            return new SupportForm("");
        }
    }

    private final DiagnosisService diagnoses;
    private final Authorizations authorizations;
    private final MessageSource messages;

    StructureDiagnosisController(DiagnosisService diagnoses, Authorizations authorizations, MessageSource messages) {
        this.diagnoses = diagnoses;
        this.authorizations = authorizations;
        this.messages = messages;
    }

    private static String base(String slug) {
        return "/espace/structures/" + slug + "/autodiagnostic";
    }

    @GetMapping(BASE)
    String overview(@PathVariable String slug, Model model) {
        model.addAttribute("overview", diagnoses.overview(authorizations.requireUser(), slug));
        return "observatory/diagnosis/overview";
    }

    /** Starts a diagnosis (or goes back to the one in progress). */
    @PostMapping(BASE)
    String start(@PathVariable String slug) {
        CurrentUser user = authorizations.requireUser();
        diagnoses.start(user, slug);
        int next = diagnoses.draft(user, slug).map(Draft::nextTheme).orElse(1);
        return "redirect:" + base(slug) + "/questionnaire/" + next;
    }

    @GetMapping(BASE + "/questionnaire/{theme}")
    String theme(@PathVariable String slug, @PathVariable int theme, Model model) {
        CurrentUser user = authorizations.requireUser();
        var access = diagnoses.access(user, slug);
        var draft = diagnoses.draft(user, slug);
        if (draft.isEmpty()) {
            return "redirect:" + base(slug);
        }
        Theme shown = draft.get().questionnaire().theme(theme).orElseThrow(() -> new NotFoundException("diagnosis.theme.unknown"));
        return themePage(model, access, draft.get(), shown, draft.get().answers(), List.of(), List.of());
    }

    /**
     * Saves the theme's answers (always: nothing typed is lost), then: {@code brouillon} back to the
     * overview; {@code precedent} to the theme before; {@code suivant} to the next theme once every question
     * of this one has an answer; {@code terminer} (last theme) finishes once every question has one.
     */
    @PostMapping(BASE + "/questionnaire/{theme}")
    String saveTheme(@PathVariable String slug, @PathVariable int theme, @ModelAttribute("form") AnswersForm form,
            @RequestParam(name = "action", defaultValue = "suivant") String action, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser user = authorizations.requireUser();
        var access = diagnoses.access(user, slug);
        Questionnaire questionnaire = diagnoses.draft(user, slug).map(Draft::questionnaire)
                .orElseGet(diagnoses::questionnaire);
        Theme shown = questionnaire.theme(theme).orElseThrow(() -> new NotFoundException("diagnosis.theme.unknown"));
        Map<String, Answer> sent = questionnaire.parse(form.answers(), List.of(shown));
        Draft draft = diagnoses.saveAnswers(user, slug, sent);
        switch (action) {
            case "brouillon" -> {
                redirect.addFlashAttribute("done", "diagnosis.draft.saved");
                return "redirect:" + base(slug);
            }
            case "precedent" -> {
                return "redirect:" + base(slug) + "/questionnaire/" + Math.max(1, theme - 1);
            }
            default -> {
                // "suivant" or "terminer"
            }
        }
        // what the page showed stays checked, even where the draft held another answer before
        Map<String, Answer> shownAnswers = new java.util.LinkedHashMap<>(draft.answers());
        List<String> missing = questionnaire.unanswered(shownAnswers, List.of(shown));
        boolean last = theme >= questionnaire.themes().size();
        if (!missing.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return themePage(model, access, draft, shown, shownAnswers, missing, List.of());
        }
        if (!last && !"terminer".equals(action)) {
            return "redirect:" + base(slug) + "/questionnaire/" + (theme + 1);
        }
        List<ThemeProgress> incomplete = draft.themes().stream().filter(progress -> !progress.complete()).toList();
        if (!incomplete.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return themePage(model, access, draft, shown, shownAnswers, List.of(), incomplete);
        }
        long id = diagnoses.finish(user, slug);
        redirect.addFlashAttribute("done", "diagnosis.finished");
        return "redirect:" + base(slug) + "/" + id;
    }

    private String themePage(Model model, DiagnosisService.StructureAccess access, Draft draft, Theme theme,
            Map<String, Answer> answers, List<String> missing, List<ThemeProgress> incomplete) {
        model.addAttribute("access", access);
        model.addAttribute("draft", draft);
        model.addAttribute("questionnaire", draft.questionnaire());
        model.addAttribute("theme", theme);
        model.addAttribute("answers", answers);
        model.addAttribute("missing", Set.copyOf(missing));
        model.addAttribute("incomplete", incomplete);
        model.addAttribute("scale", Answer.values());
        model.addAttribute("last", theme.number() == draft.questionnaire().themes().size());
        return "observatory/diagnosis/theme";
    }

    @GetMapping(BASE + "/{id}")
    String result(@PathVariable String slug, @PathVariable long id, Model model) {
        return resultPage(model, slug, id);
    }

    private String resultPage(Model model, String slug, long id) {
        model.addAttribute("result", diagnoses.result(authorizations.requireUser(), slug, id));
        if (!model.containsAttribute("supportForm")) {
            model.addAttribute("supportForm", SupportForm.empty());
        }
        return "observatory/diagnosis/result";
    }

    @PostMapping(BASE + "/{id}/plan")
    String keepActions(@PathVariable String slug, @PathVariable long id, @ModelAttribute("planForm") PlanForm form,
            RedirectAttributes redirect) {
        diagnoses.keepActions(authorizations.requireUser(), slug, id, form.kept());
        redirect.addFlashAttribute("done", "diagnosis.plan.saved");
        return "redirect:" + base(slug) + "/" + id + "#plan";
    }

    @PostMapping(BASE + "/{id}/accompagnement")
    String askSupport(@PathVariable String slug, @PathVariable long id,
            @Valid @ModelAttribute("supportForm") SupportForm form, BindingResult validation, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser user = authorizations.requireUser();
        if (!validation.hasErrors()) {
            try {
                diagnoses.askSupport(user, slug, id, form.message());
                redirect.addFlashAttribute("done", "diagnosis.support.sent");
                return "redirect:" + base(slug) + "/" + id + "#accompagnement";
            } catch (RuleViolationException e) {
                validation.rejectValue("message", e.messageKey(),
                        messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale()));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return resultPage(model, slug, id);
    }
}
