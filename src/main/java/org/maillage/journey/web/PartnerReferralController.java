package org.maillage.journey.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.Role;
import org.maillage.journey.DeclineReason;
import org.maillage.journey.JourneyForms.AnswerForm;
import org.maillage.journey.JourneyViews.PartnerReferral;
import org.maillage.journey.ReferralStatus;
import org.maillage.journey.Referrals;
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
 * Referrals as partners see them: signed in ({@code /espace/orientations}) or from the emailed link
 * without a password ({@code /orientations/reponse?jeton=…}).
 */
@Controller
class PartnerReferralController {

    private final Referrals referrals;
    private final Authorizations authorizations;
    private final MessageSource messages;

    PartnerReferralController(Referrals referrals, Authorizations authorizations, MessageSource messages) {
        this.referrals = referrals;
        this.authorizations = authorizations;
        this.messages = messages;
    }

    @GetMapping("/espace/orientations")
    String list(@RequestParam(defaultValue = "ALL") String vue, @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = authorizations.requireUser();
        authorizations.check(user.has(Role.PARTENAIRE));
        model.addAttribute("referrals", referrals.forPartner(user, new Referrals.PartnerQuery(vue, page)));
        model.addAttribute("view", vue);
        model.addAttribute("views", List.of("ALL", "WAITING", "ONGOING", "CLOSED"));
        return "journey/partner-referrals";
    }

    @GetMapping("/espace/orientations/{id}")
    String read(@PathVariable long id, Model model) {
        model.addAttribute("view", referrals.read(authorizations.requireUser(), id));
        model.addAttribute("answer", new AnswerForm(null, null, ""));
        model.addAttribute("action", "/espace/orientations/" + id);
        return page(model);
    }

    @PostMapping("/espace/orientations/{id}")
    String answer(@PathVariable long id, @Valid @ModelAttribute("answer") AnswerForm answer, BindingResult validation,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser user = authorizations.requireUser();
        if (check(answer, validation)) {
            try {
                referrals.answer(user, id, answer);
                redirect.addFlashAttribute("done", "referral.answered");
                return "redirect:/espace/orientations/" + id;
            } catch (RuleViolationException e) {
                validation.rejectValue("decision", e.messageKey(), text(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("view", referrals.read(user, id));
        model.addAttribute("action", "/espace/orientations/" + id);
        return page(model);
    }

    @GetMapping("/orientations/reponse")
    String byLink(@RequestParam(name = "jeton", defaultValue = "") String token, Model model,
            HttpServletResponse response) {
        PartnerReferral view = referrals.readByLink(token).orElse(null);
        if (view == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "journey/referral-link-invalid";
        }
        model.addAttribute("view", view);
        model.addAttribute("answer", new AnswerForm(null, null, ""));
        model.addAttribute("action", "/orientations/reponse");
        model.addAttribute("token", token);
        return page(model);
    }

    @PostMapping("/orientations/reponse")
    String answerByLink(@RequestParam(name = "jeton", defaultValue = "") String token,
            @Valid @ModelAttribute("answer") AnswerForm answer, BindingResult validation, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        PartnerReferral view = referrals.readByLink(token).orElse(null);
        if (view == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "journey/referral-link-invalid";
        }
        if (check(answer, validation)) {
            try {
                referrals.answerByLink(token, answer);
                redirect.addFlashAttribute("done", "referral.answered");
                redirect.addAttribute("jeton", token);
                return answer.decision().closed() ? "redirect:/orientations/reponse/merci" : "redirect:/orientations/reponse";
            } catch (RuleViolationException e) {
                validation.rejectValue("decision", e.messageKey(), text(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("view", view);
        model.addAttribute("action", "/orientations/reponse");
        model.addAttribute("token", token);
        return page(model);
    }

    @GetMapping("/orientations/reponse/merci")
    String thanks() {
        return "journey/referral-answered";
    }

    /** A decline needs its reason (next to the field). */
    private static boolean check(AnswerForm answer, BindingResult validation) {
        if (!validation.hasErrors() && answer.decision() == ReferralStatus.DECLINED && answer.reason() == null) {
            validation.rejectValue("reason", "referral.reason.blank");
        }
        return !validation.hasErrors();
    }

    private String page(Model model) {
        PartnerReferral view = (PartnerReferral) model.getAttribute("view");
        model.addAttribute("decisions", List.copyOf(view.referral().status().partnerMoves()));
        model.addAttribute("reasons", DeclineReason.values());
        return "journey/partner-referral";
    }

    private String text(RuleViolationException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale());
    }
}
