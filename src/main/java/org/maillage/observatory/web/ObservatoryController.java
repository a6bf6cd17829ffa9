package org.maillage.observatory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.observatory.Area;
import org.maillage.observatory.Dashboard;
import org.maillage.observatory.Declaration;
import org.maillage.observatory.DeclaredIndicator;
import org.maillage.observatory.FigureTable;
import org.maillage.observatory.Observatory;
import org.maillage.observatory.internal.ObservatoryFiles;
import org.maillage.platform.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
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
 * The dashboards of the signed-in staff (animators, coordinators, funders), their exports and the
 * yearly report; the figures a pôle declares and their validation by the coordination.
 */
@Controller
class ObservatoryController {

    /** An area the reader may choose, as the list of the dashboard shows it. */
    record AreaOption(String key, String label, boolean selected) {}

    /** The yearly report's text. */
    record ReportTextForm(@Size(max = 4000, message = "{observatory.report.text.tooLong}") String text) {}

    /** Declared figures as typed ("1 250,5"), by indicator code, with a comment each. */
    record DeclarationForm(Map<String, String> values, Map<String, String> comments) {

        DeclarationForm {
            values = values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values);
            comments = comments == null ? new LinkedHashMap<>() : new LinkedHashMap<>(comments);
        }
    }

    private final Observatory observatory;
    private final Authorizations authorizations;
    private final MessageSource messages;
    private final DashboardSections sections;

    ObservatoryController(Observatory observatory, Authorizations authorizations, MessageSource messages,
            DashboardSections sections) {
        this.sections = sections;
        this.observatory = observatory;
        this.authorizations = authorizations;
        this.messages = messages;
    }

    @GetMapping("/espace/observatoire")
    String dashboard(@RequestParam(name = "territoire", required = false) String area,
            @RequestParam(name = "annee", required = false) Integer year, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        CurrentUser user = authorizations.requireUser();
        Dashboard dashboard = observatory.dashboard(user, area, year);
        model.addAttribute("dashboard", dashboard);
        // the options written here, not by the template: a region's coordinator chooses among its
        // départements, pôles and EPCI, and three expressions an option were a third of the page's CPU
        String chosen = dashboard.area().key();
        model.addAttribute("areaOptions", observatory.areasFor(user).stream()
                .map(a -> new AreaOption(a.key(), messages.getMessage("observatory.areaType." + a.type(), null, locale)
                        + " : " + a.name(), a.key().equals(chosen)))
                .toList());
        model.addAttribute("sections", sections.html(dashboard, locale, request, response));
        model.addAttribute("canWrite", observatory.canWriteReport(user, dashboard.area().key()));
        model.addAttribute("animatedPole", dashboard.area().type() == ScopeType.POLE
                && user.scopes(Role.ANIMATEUR, ScopeType.POLE).contains(dashboard.area().code()));
        model.addAttribute("coordinates", user.has(Role.COORDINATEUR));
        return "observatory/dashboard";
    }

    @GetMapping("/espace/observatoire/export.{format}")
    ResponseEntity<byte[]> export(@PathVariable String format,
            @RequestParam(name = "territoire", required = false) String area,
            @RequestParam(name = "annee", required = false) Integer year,
            @RequestParam(name = "tableau", required = false) String table) {
        Dashboard dashboard = observatory.dashboard(authorizations.requireUser(), area,
                year);
        return ObservatoryFiles.tables(dashboard, table, format);
    }

    @GetMapping("/espace/observatoire/rapport.pdf")
    ResponseEntity<byte[]> report(@RequestParam(name = "territoire", required = false) String area,
            @RequestParam(name = "annee", required = false) Integer year, Locale locale) {
        Dashboard dashboard = observatory.dashboard(authorizations.requireUser(), area,
                year);
        return ObservatoryFiles.report(dashboard, messages, locale);
    }

    @GetMapping("/espace/observatoire/rapport")
    String reportText(@RequestParam(name = "territoire") String area, @RequestParam(name = "annee") int year,
            Model model) {
        CurrentUser user = authorizations.requireUser();
        Dashboard dashboard = observatory.dashboard(user, area, year);
        authorizations.check(observatory.canWriteReport(user, dashboard.area().key()));
        model.addAttribute("form", new ReportTextForm(dashboard.text()));
        return reportTextPage(dashboard, model);
    }

    @PostMapping("/espace/observatoire/rapport")
    String saveReportText(@RequestParam(name = "territoire") String area, @RequestParam(name = "annee") int year,
            @Valid @ModelAttribute("form") ReportTextForm form, BindingResult validation, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = authorizations.requireUser();
        Dashboard dashboard = observatory.dashboard(user, area, year);
        authorizations.check(observatory.canWriteReport(user, dashboard.area().key()));
        if (validation.hasErrors()) {
            return reportTextPage(dashboard, model);
        }
        observatory.saveReportText(user, dashboard.area().key(), year, form.text());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/espace/observatoire?territoire=" + dashboard.area().key() + "&annee=" + year;
    }

    private String reportTextPage(Dashboard dashboard, Model model) {
        model.addAttribute("dashboard", dashboard);
        return "observatory/report-text";
    }

    @GetMapping("/espace/observatoire/declarations/{pole}/{year}")
    String declarations(@PathVariable String pole, @PathVariable int year, Model model) {
        CurrentUser user = authorizations.requireUser();
        Map<DeclaredIndicator, Declaration> found = observatory.declarations(user, pole, year);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> comments = new LinkedHashMap<>();
        found.forEach((indicator, d) -> {
            values.put(indicator.name(), d.value().stripTrailingZeros().toPlainString().replace('.', ','));
            comments.put(indicator.name(), d.comment());
        });
        model.addAttribute("form", new DeclarationForm(values, comments));
        return declarationsPage(user, pole, year, found, model);
    }

    @PostMapping("/espace/observatoire/declarations/{pole}/{year}")
    String declare(@PathVariable String pole, @PathVariable int year, @ModelAttribute("form") DeclarationForm form,
            BindingResult validation, Model model, RedirectAttributes redirect) {
        CurrentUser user = authorizations.requireUser();
        Map<DeclaredIndicator, Declaration> found = observatory.declarations(user, pole, year);
        Map<DeclaredIndicator, BigDecimal> values = new EnumMap<>(DeclaredIndicator.class);
        Map<DeclaredIndicator, String> comments = new EnumMap<>(DeclaredIndicator.class);
        for (DeclaredIndicator indicator : DeclaredIndicator.values()) {
            String typed = form.values().getOrDefault(indicator.name(), "");
            String comment = form.comments().getOrDefault(indicator.name(), "");
            if (comment != null && comment.length() > 500) {
                validation.rejectValue("comments[" + indicator.name() + "]", "observatory.declared.comment.tooLong");
            }
            comments.put(indicator, comment);
            if (typed == null || typed.isBlank()) {
                continue;
            }
            try {
                BigDecimal value = new BigDecimal(typed.replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.'));
                if (value.signum() < 0 || value.compareTo(new BigDecimal("999999999999")) > 0 || value.scale() > 2) {
                    throw new NumberFormatException();
                }
                values.put(indicator, value);
            } catch (NumberFormatException e) {
                validation.rejectValue("values[" + indicator.name() + "]", "observatory.declared.value.invalid");
            }
        }
        if (validation.hasErrors()) {
            return declarationsPage(user, pole, year, found, model);
        }
        observatory.declare(user, pole, year, values, comments);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/espace/observatoire/declarations/" + pole + "/" + year;
    }

    private String declarationsPage(CurrentUser user, String pole, int year, Map<DeclaredIndicator, Declaration> found,
            Model model) {
        model.addAttribute("pole", pole);
        model.addAttribute("poleName", observatory.areasFor(user).stream()
                .filter(a -> a.type() == ScopeType.POLE && a.code().equals(pole)).map(Area::name).findFirst().orElse(pole));
        model.addAttribute("year", year);
        model.addAttribute("indicators", DeclaredIndicator.values());
        model.addAttribute("found", found);
        model.addAttribute("canDeclare", user.scopes(Role.ANIMATEUR, ScopeType.POLE).contains(pole));
        return "observatory/declarations";
    }

    @GetMapping("/espace/observatoire/validations")
    String toReview(Model model) {
        CurrentUser user = authorizations.requireUser();
        authorizations.check(user.has(Role.COORDINATEUR));
        model.addAttribute("declarations", observatory.declarationsToReview(user));
        return "observatory/validations";
    }

    @PostMapping("/espace/observatoire/validations")
    String review(@RequestParam String pole, @RequestParam int year, @RequestParam DeclaredIndicator indicator,
            @RequestParam BigDecimal value, @RequestParam boolean valid, @RequestParam(defaultValue = "") String note,
            Model model,
            RedirectAttributes redirect) {
        CurrentUser user = authorizations.requireUser();
        authorizations.check(user.has(Role.COORDINATEUR));
        try {
            observatory.review(user, pole, year, indicator, value, valid, note);
        } catch (RuleViolationException refused) {
            model.addAttribute("declarations", observatory.declarationsToReview(user));
            model.addAttribute("reviewError", refused.messageKey());
            model.addAttribute("reviewErrorFor", pole + "|" + year + "|" + indicator);
            model.addAttribute("reviewNote", note);
            return "observatory/validations";
        }
        redirect.addFlashAttribute("reviewed", valid ? "VALIDATED" : "REFUSED");
        return "redirect:/espace/observatoire/validations";
    }
}
