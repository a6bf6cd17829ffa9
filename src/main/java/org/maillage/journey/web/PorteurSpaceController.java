package org.maillage.journey.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.journey.JourneyForms.SurveyForm;
import org.maillage.journey.JourneyViews.Survey;
import org.maillage.journey.PorteurSpace;
import org.maillage.journey.PorteurView;
import org.maillage.journey.Porteurs;
import org.maillage.platform.Audit;
import org.maillage.platform.AuditEntry;
import org.maillage.platform.AuditQuery;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The porteur's own space (opened by a magic link): their projects, timelines, referrals and
 * appointments, their consents per partner, their data to download, erasure; who read their file.
 * And the follow-up survey of an emailed link.
 */
@Controller
class PorteurSpaceController {

    static final int ACCESSES_SHOWN = 50;

    private final Porteurs porteurs;
    private final PorteurSpace spaces;
    private final Authorizations authorizations;
    private final Audit audit;
    private final ObjectMapper json;
    private final MessageSource messages;

    PorteurSpaceController(Porteurs porteurs, PorteurSpace spaces, Authorizations authorizations, Audit audit,
            ObjectMapper json, MessageSource messages) {
        this.messages = messages;
        this.porteurs = porteurs;
        this.spaces = spaces;
        this.authorizations = authorizations;
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/mon-espace")
    String space(Model model) {
        CurrentUser user = authorizations.requireUser();
        PorteurView porteur = porteurs.own(user).orElse(null);
        List<AuditEntry> accesses = audit.search(new AuditQuery(null, null, user.id().value(), null, null, null, 0,
                ACCESSES_SHOWN)).rows().stream()
                .filter(entry -> entry.actorUserId() == null || entry.actorUserId() != user.id().value())
                .toList();
        model.addAttribute("porteur", porteur);
        model.addAttribute("space", spaces.space(user).orElse(null));
        model.addAttribute("accesses", accesses);
        return "journey/space";
    }

    @PostMapping("/mon-espace/accords")
    String consent(@RequestParam String operator, @RequestParam boolean given, RedirectAttributes redirect) {
        spaces.setConsent(authorizations.requireUser(), operator, given);
        redirect.addFlashAttribute("done", given ? "space.consent.given" : "space.consent.withdrawn");
        return "redirect:/mon-espace#accords";
    }

    @GetMapping("/mon-espace/donnees.json")
    ResponseEntity<byte[]> exportJson() {
        Map<String, Object> document = spaces.export(authorizations.requireUser());
        byte[] body = json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(document);
        return download(body, MediaType.APPLICATION_JSON, "mes-donnees-maillage.json");
    }

    @GetMapping("/mon-espace/donnees.pdf")
    ResponseEntity<byte[]> exportPdf() {
        Map<String, Object> document = spaces.export(authorizations.requireUser());
        Locale locale = LocaleContextHolder.getLocale();
        return download(DataPdf.write(messages.getMessage("export.title", null, locale), document,
                key -> messages.getMessage("export." + key, null, key, locale)), MediaType.APPLICATION_PDF,
                "mes-donnees-maillage.pdf");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    @PostMapping("/mon-espace/garder")
    String keep(RedirectAttributes redirect) {
        spaces.keep(authorizations.requireUser());
        redirect.addFlashAttribute("done", "space.retention.kept");
        return "redirect:/mon-espace";
    }

    @PostMapping("/mon-espace/effacement")
    String erasure(RedirectAttributes redirect) {
        spaces.requestErasure(authorizations.requireUser());
        redirect.addFlashAttribute("done", "space.erasure.requested");
        return "redirect:/mon-espace";
    }

    // --- survey --------------------------------------------------------------------------------

    @GetMapping("/enquete")
    String survey(@RequestParam(name = "jeton", defaultValue = "") String token, Model model, HttpServletResponse response) {
        Survey survey = spaces.survey(token).orElse(null);
        if (survey == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        model.addAttribute("survey", survey);
        model.addAttribute("form", new SurveyForm(null, "", null, ""));
        model.addAttribute("token", token);
        return "journey/survey";
    }

    @PostMapping("/enquete")
    String answer(@RequestParam(name = "jeton", defaultValue = "") String token,
            @Valid @ModelAttribute("form") SurveyForm form, BindingResult validation, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Survey survey = spaces.survey(token).filter(s -> !s.answered()).orElse(null);
        if (survey == null || validation.hasErrors()) {
            response.setStatus(survey == null ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("survey", spaces.survey(token).orElse(null));
            model.addAttribute("token", token);
            return "journey/survey";
        }
        spaces.answerSurvey(token, form);
        redirect.addAttribute("jeton", token);
        return "redirect:/enquete";
    }
}
