package org.maillage.journey.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Comparator;
import java.util.List;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.journey.PorteurView;
import org.maillage.journey.Porteurs;
import org.maillage.journey.RegisterPorteur;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The animators' pages of porteurs: their pôles' porteurs, registering one, reading a file. */
@Controller
class PorteurPagesController {

    private final Porteurs porteurs;
    private final Authorizations authorizations;
    private final Poles poles;
    private final MessageSource messages;

    PorteurPagesController(Porteurs porteurs, Authorizations authorizations, Poles poles, MessageSource messages) {
        this.messages = messages;
        this.porteurs = porteurs;
        this.authorizations = authorizations;
        this.poles = poles;
    }

    @GetMapping("/espace/porteurs")
    String list(Model model) {
        CurrentUser user = authorizations.requireUser();
        authorizations.check(user.has(Role.ANIMATEUR));
        model.addAttribute("porteurs", porteurs.ofPolesAnimatedBy(user));
        return "journey/porteurs";
    }

    @GetMapping("/espace/porteurs/nouveau")
    String newPorteur(Model model) {
        CurrentUser user = authorizations.requireUser();
        List<PoleSummary> myPoles = animatedPoles(user);
        authorizations.check(!myPoles.isEmpty());
        model.addAttribute("form", new RegisterPorteur("", "", "", myPoles.size() == 1 ? myPoles.get(0).slug() : "",
                false, true));
        model.addAttribute("poles", myPoles);
        return "journey/porteur-new";
    }

    @PostMapping("/espace/porteurs/nouveau")
    String register(@Valid @ModelAttribute("form") RegisterPorteur form, BindingResult validation, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = authorizations.requireUser();
        List<PoleSummary> myPoles = animatedPoles(user);
        authorizations.check(!myPoles.isEmpty());
        if (validation.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("poles", myPoles);
            return "journey/porteur-new";
        }
        PorteurView porteur;
        try {
            porteur = porteurs.register(user, form);
        } catch (RuleViolationException e) {
            validation.rejectValue("email", e.messageKey(),
                    messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale()));
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("poles", myPoles);
            return "journey/porteur-new";
        }
        redirect.addFlashAttribute("done", form.sendSpaceLink() ? "porteur.registered.linkSent" : "porteur.registered");
        return "redirect:/espace/porteurs/" + porteur.id();
    }

    @GetMapping("/espace/porteurs/{id}")
    String file(@PathVariable long id, Model model) {
        model.addAttribute("porteur", porteurs.read(authorizations.requireUser(), id));
        return "journey/porteur";
    }

    private List<PoleSummary> animatedPoles(CurrentUser user) {
        return user.scopes(Role.ANIMATEUR, ScopeType.POLE).stream()
                .flatMap(slug -> poles.findBySlug(slug).stream())
                .map(coverage -> coverage.pole())
                .sorted(Comparator.comparing(PoleSummary::name))
                .toList();
    }
}
