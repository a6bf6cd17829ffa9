package org.maillage.journey.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.directory.EssSector;
import org.maillage.directory.StructureFamily;
import org.maillage.journey.AbandonReason;
import org.maillage.journey.JourneyForms.MeetingForm;
import org.maillage.journey.JourneyForms.NoteForm;
import org.maillage.journey.JourneyForms.Qualification;
import org.maillage.journey.JourneyForms.StatusForm;
import org.maillage.journey.JourneyViews.Journey;
import org.maillage.journey.Journeys;
import org.maillage.journey.MeetingFormat;
import org.maillage.journey.ProjectStatus;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.offer.Orientation;
import org.maillage.offer.OrientationExplanations;
import org.maillage.offer.OrientationRules;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.offer.Schemes;
import org.maillage.platform.LocalizedException;
import org.maillage.platform.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The animators' pages of journeys: the inbox, a project's file with its first meeting, qualification,
 * suggested schemes, referrals, notes, status and outcome; and the coordination's requests to hand to
 * a pôle.
 */
@Controller
class JourneyPagesController {

    /** How many fitting schemes the file suggests. */
    static final int SUGGESTED = 8;

    /** A scheme suggested for the project, with why. */
    record Suggested(String slug, String name, String operatorName, int score, List<String> reasons) {}

    private final Journeys journeys;
    private final Authorizations authorizations;
    private final Orientation orientation;
    private final OrientationExplanations explanations;
    private final Schemes schemes;
    private final Poles poles;
    private final MessageSource messages;

    JourneyPagesController(Journeys journeys, Authorizations authorizations, Orientation orientation,
            OrientationExplanations explanations, Schemes schemes, Poles poles, MessageSource messages) {
        this.journeys = journeys;
        this.authorizations = authorizations;
        this.orientation = orientation;
        this.explanations = explanations;
        this.schemes = schemes;
        this.poles = poles;
        this.messages = messages;
    }

    @GetMapping("/espace/parcours")
    String inbox(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) ProjectStatus status,
            @RequestParam(defaultValue = "ALL") String vue, @RequestParam(required = false) String pole,
            @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = authorizations.requireUser();
        authorizations.check(user.has(Role.ANIMATEUR));
        model.addAttribute("inbox", journeys.inbox(user, new Journeys.InboxQuery(q, status, vue, pole, page)));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("view", vue);
        model.addAttribute("pole", pole);
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("views", List.of("ALL", "NEW", "OVERDUE", "WAITING", "ERASURE"));
        var animated = user.scopes(Role.ANIMATEUR, ScopeType.POLE);
        model.addAttribute("myPoles", poles.list().stream().filter(p -> animated.contains(p.slug())).toList());
        return "journey/inbox";
    }

    @GetMapping("/espace/parcours/{id}")
    String file(@PathVariable long id, Model model) {
        Journey journey = journeys.read(authorizations.requireUser(), id);
        model.addAttribute("qualification", new Qualification(journey.title(), journey.description(), journey.stage(),
                journey.needs(), journey.sector() == null ? null : EssSector.valueOf(journey.sector()), journey.collective(),
                journey.legalForm() == null ? null : StructureFamily.valueOf(journey.legalForm())));
        model.addAttribute("meeting", new MeetingForm(null, null, null, "", ""));
        model.addAttribute("note", new NoteForm("", false));
        model.addAttribute("statusForm", new StatusForm(journey.status() == ProjectStatus.NEW ? ProjectStatus.OPEN
                : journey.status(), null, null, "", "", null, "", journey.followUpOn()));
        return page(journey, model);
    }

    private String page(Journey journey, Model model) {
        model.addAttribute("journey", journey);
        model.addAttribute("stages", ProjectStage.values());
        model.addAttribute("needs", ProjectNeed.values());
        model.addAttribute("sectors", EssSector.values());
        model.addAttribute("families", StructureFamily.values());
        model.addAttribute("formats", MeetingFormat.values());
        model.addAttribute("statuses", List.of(ProjectStatus.OPEN, ProjectStatus.PAUSED, ProjectStatus.CREATED,
                ProjectStatus.MEMBER, ProjectStatus.ABANDONED));
        model.addAttribute("abandonReasons", AbandonReason.values());
        model.addAttribute("allSchemes", schemes.list());
        model.addAttribute("suggested", suggestions(journey));
        return "journey/file";
    }

    private List<Suggested> suggestions(Journey journey) {
        if (journey.anonymised()) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        Orientation.Result result = orientation.orient(new Orientation.Request(journey.stage(), journey.needs(),
                journey.sector(), journey.collective(), journey.legalForm(), journey.communeCode()));
        return result.suggestions().stream().filter(s -> s.blockers().isEmpty()).limit(SUGGESTED)
                .map((OrientationRules.Suggestion s) -> new Suggested(s.scheme().slug(), s.scheme().name(),
                        s.scheme().operatorName(), s.score(),
                        s.reasons().stream().map(why -> explanations.reason(why, locale)).toList()))
                .toList();
    }

    // --- forms ---------------------------------------------------------------------------------

    @PostMapping("/espace/parcours/{id}/qualification")
    String qualify(@PathVariable long id, @Valid @ModelAttribute("qualification") Qualification form,
            BindingResult validation, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return save(id, validation, model, response, redirect, "qualification", "journey.qualified",
                user -> journeys.qualify(user, id, form));
    }

    @PostMapping("/espace/parcours/{id}/rendez-vous")
    String meeting(@PathVariable long id, @Valid @ModelAttribute("meeting") MeetingForm form, BindingResult validation,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return save(id, validation, model, response, redirect, "meeting", "journey.meeting.saved",
                user -> journeys.addMeeting(user, id, form));
    }

    @PostMapping("/espace/parcours/{id}/notes")
    String note(@PathVariable long id, @Valid @ModelAttribute("note") NoteForm form, BindingResult validation,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return save(id, validation, model, response, redirect, "note", "journey.note.saved",
                user -> journeys.addNote(user, id, form));
    }

    /** A form of the file: saved and back to the file, or the file again with the form as typed and its errors. */
    private String save(long id, BindingResult validation, Model model, HttpServletResponse response,
            RedirectAttributes redirect, String form, String done, Consumer<CurrentUser> action) {
        CurrentUser user = authorizations.requireUser();
        if (validation.hasErrors()) {
            return invalid(user, id, model, response, form);
        }
        action.accept(user);
        return done(id, redirect, done);
    }

    @PostMapping("/espace/parcours/{id}/statut")
    String status(@PathVariable long id, @Valid @ModelAttribute("statusForm") StatusForm form, BindingResult validation,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser user = authorizations.requireUser();
        if (!validation.hasErrors()) {
            try {
                journeys.changeStatus(user, id, form);
                return done(id, redirect, "journey.status.saved");
            } catch (RuleViolationException e) {
                String field = switch (e.messageKey()) {
                    case "journey.followUp.blank" -> "followUpOn";
                    case "journey.outcome.date.blank" -> "on";
                    case "journey.outcome.reason.blank" -> "reason";
                    case "journey.siret.invalid" -> "siret";
                    default -> "status";
                };
                validation.rejectValue(field, e.messageKey(), text(e));
            }
        }
        return invalid(user, id, model, response, "statusForm");
    }

    /** The page again with the form as typed and its errors; the other forms as they were. */
    private String invalid(CurrentUser user, long id, Model model, HttpServletResponse response, String failed) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Journey journey = journeys.read(user, id);
        if (!"qualification".equals(failed)) {
            model.addAttribute("qualification", new Qualification(journey.title(), journey.description(), journey.stage(),
                    journey.needs(), journey.sector() == null ? null : EssSector.valueOf(journey.sector()),
                    journey.collective(), journey.legalForm() == null ? null : StructureFamily.valueOf(journey.legalForm())));
        }
        if (!"meeting".equals(failed)) {
            model.addAttribute("meeting", new MeetingForm(null, null, null, "", ""));
        }
        if (!"note".equals(failed)) {
            model.addAttribute("note", new NoteForm("", false));
        }
        if (!"statusForm".equals(failed)) {
            model.addAttribute("statusForm", new StatusForm(journey.status(), null, null, "", "", null, "", journey.followUpOn()));
        }
        model.addAttribute("formError", failed);
        return page(journey, model);
    }

    // --- actions -------------------------------------------------------------------------------

    @PostMapping("/espace/parcours/{id}/orientations")
    String propose(@PathVariable long id, @RequestParam(defaultValue = "") String scheme, RedirectAttributes redirect) {
        if (scheme.isBlank()) {
            return failed(id, redirect, "referral.scheme.choose");
        }
        return act(id, redirect, "referral.proposed", user -> journeys.propose(user, id, scheme));
    }

    @PostMapping("/espace/parcours/{id}/accords")
    String consent(@PathVariable long id, @RequestParam String operator, RedirectAttributes redirect) {
        return act(id, redirect, "consent.recorded", user -> journeys.recordConsent(user, id, operator));
    }

    @PostMapping("/espace/parcours/{id}/orientations/{referral}/envoyer")
    String send(@PathVariable long id, @PathVariable long referral, RedirectAttributes redirect) {
        return act(id, redirect, "referral.sent", user -> journeys.send(user, id, referral));
    }

    @PostMapping("/espace/parcours/{id}/orientations/{referral}/renvoyer")
    String resend(@PathVariable long id, @PathVariable long referral, RedirectAttributes redirect) {
        return act(id, redirect, "referral.resent", user -> journeys.resend(user, id, referral));
    }

    @PostMapping("/espace/parcours/{id}/orientations/{referral}/annuler")
    String cancel(@PathVariable long id, @PathVariable long referral, RedirectAttributes redirect) {
        return act(id, redirect, "referral.cancelled", user -> journeys.cancelReferral(user, id, referral));
    }

    @PostMapping("/espace/parcours/{id}/effacement")
    String erase(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "journey.erased", user -> journeys.confirmErasure(user, id));
    }

    /** An action on the file: done, or the file again with the rule it broke, in French. */
    private String act(long id, RedirectAttributes redirect, String done, Consumer<CurrentUser> action) {
        try {
            action.accept(authorizations.requireUser());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", text(e));
            return "redirect:/espace/parcours/" + id + "#orientations";
        }
        return done(id, redirect, done);
    }

    private String failed(long id, RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("error", messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
        return "redirect:/espace/parcours/" + id + "#orientations";
    }

    private static String done(long id, RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("done", key);
        return "redirect:/espace/parcours/" + id;
    }

    private String text(LocalizedException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    // --- coordination --------------------------------------------------------------------------

    @GetMapping("/espace/parcours/a-orienter")
    String unrouted(Model model) {
        CurrentUser user = authorizations.requireUser();
        authorizations.check(user.has(Role.COORDINATEUR));
        model.addAttribute("requests", journeys.unrouted(user));
        var regions = user.scopes(Role.COORDINATEUR, ScopeType.REGION);
        model.addAttribute("poles", poles.list().stream().filter(p -> regions.contains(p.regionCode()))
                .map(PoleSummary.class::cast).toList());
        return "journey/unrouted";
    }

    @PostMapping("/espace/parcours/a-orienter/{id}")
    String assign(@PathVariable long id, @RequestParam(defaultValue = "") String pole, RedirectAttributes redirect) {
        if (pole.isBlank()) {
            redirect.addFlashAttribute("error", "unrouted.pole.choose");
        } else {
            journeys.assign(authorizations.requireUser(), id, pole);
            redirect.addFlashAttribute("done", "journey.assigned");
        }
        return "redirect:/espace/parcours/a-orienter";
    }
}
