package org.maillage.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.function.Supplier;
import java.util.Optional;
import org.maillage.account.SelfService;
import org.maillage.account.web.Forms.AcceptInvitationForm;
import org.maillage.account.web.Forms.EmailForm;
import org.maillage.account.web.Forms.NewPasswordForm;
import org.maillage.platform.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages reached from emailed links: password reset, invitation, porteur's magic link. A link only
 * shows a page (mail scanners that open links do not use them up); the person's own POST uses it.
 */
@Controller
class SelfServiceController {

    private final SelfService self;
    private final SignIn signIn;
    private final MessageSource messages;

    SelfServiceController(SelfService self, SignIn signIn, MessageSource messages) {
        this.self = self;
        this.signIn = signIn;
        this.messages = messages;
    }

    // --- Forgotten password -------------------------------------------------------------------

    @GetMapping("/mot-de-passe-oublie")
    String forgotPassword(Model model) {
        model.addAttribute("form", EmailForm.empty());
        return "account/forgot-password";
    }

    @PostMapping("/mot-de-passe-oublie")
    String requestReset(@Valid @ModelAttribute("form") EmailForm form, BindingResult validation, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (validation.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "account/forgot-password";
        }
        return answered(self.requestPasswordReset(form.email(), request.getRemoteAddr()), model, response,
                "account/forgot-password");
    }

    @GetMapping("/mot-de-passe/nouveau")
    String newPassword(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        Optional<String> email = self.passwordResetEmail(token);
        if (email.isEmpty()) {
            return invalidLink(model, response, "/mot-de-passe-oublie", "link.again.reset");
        }
        model.addAttribute("form", NewPasswordForm.empty());
        model.addAttribute("token", token);
        model.addAttribute("email", email.get());
        return "account/new-password";
    }

    @PostMapping("/mot-de-passe/nouveau")
    String resetPassword(@RequestParam(name = "jeton", required = false) String token,
            @ModelAttribute("form") NewPasswordForm form, BindingResult validation, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Optional<String> email = self.passwordResetEmail(token);
        if (email.isEmpty()) {
            return invalidLink(model, response, "/mot-de-passe-oublie", "link.again.reset");
        }
        if (checkPasswords(form.password(), form.confirmation(), email.get(), validation)) {
            Optional<Authentication> signedIn = attempt(() -> self.resetPassword(token, form.password()), validation);
            if (signedIn.isPresent()) {
                signIn.apply(signedIn.get(), request, response);
                return "redirect:/espace";
            }
        }
        // the bound form stays in the model (replacing it would drop its errors); passwords are never shown back
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("token", token);
        model.addAttribute("email", email.get());
        return "account/new-password";
    }

    // --- Invitation ---------------------------------------------------------------------------

    @GetMapping("/invitation")
    String invitation(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        return self.invitation(token).map(invitation -> {
            model.addAttribute("invitation", invitation);
            model.addAttribute("token", token);
            model.addAttribute("form", new AcceptInvitationForm(invitation.displayName(), "", ""));
            return "account/invitation";
        }).orElseGet(() -> invalidLink(model, response, "/connexion", "link.again.invitation"));
    }

    @PostMapping("/invitation")
    String acceptInvitation(@RequestParam(name = "jeton", required = false) String token,
            @Valid @ModelAttribute("form") AcceptInvitationForm form, BindingResult validation, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Optional<SelfService.InvitationView> invitation = self.invitation(token);
        if (invitation.isEmpty()) {
            return invalidLink(model, response, "/connexion", "link.again.invitation");
        }
        if (!validation.hasErrors()
                && checkPasswords(form.password(), form.confirmation(), invitation.get().email(), validation)) {
            Optional<Authentication> signedIn =
                    attempt(() -> self.acceptInvitation(token, form.displayName(), form.password()), validation);
            if (signedIn.isPresent()) {
                signIn.apply(signedIn.get(), request, response);
                return "redirect:/espace";
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("invitation", invitation.get());
        model.addAttribute("token", token);
        return "account/invitation";
    }

    // --- Porteur's magic link -----------------------------------------------------------------

    @GetMapping("/mon-espace/connexion")
    String magicLinkRequest(Model model) {
        model.addAttribute("form", EmailForm.empty());
        return "account/magic-link-request";
    }

    @PostMapping("/mon-espace/connexion")
    String sendMagicLink(@Valid @ModelAttribute("form") EmailForm form, BindingResult validation, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (validation.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "account/magic-link-request";
        }
        return answered(self.requestMagicLink(form.email(), request.getRemoteAddr()), model, response,
                "account/magic-link-request");
    }

    /** The same answer whether the address is known or not; a client asking too often is told to wait. */
    private static String answered(boolean served, Model model, HttpServletResponse response, String page) {
        if (served) {
            model.addAttribute("sent", true);
        } else {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("tooMany", true);
        }
        return page;
    }

    @GetMapping("/mon-espace/lien")
    String magicLink(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        if (!self.magicLinkValid(token)) {
            return invalidLink(model, response, "/mon-espace/connexion", "link.again.magic");
        }
        model.addAttribute("token", token);
        return "account/magic-link-open";
    }

    @PostMapping("/mon-espace/lien")
    String openSpace(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Optional<Authentication> porteur = self.consumeMagicLink(token);
        if (porteur.isEmpty()) {
            return invalidLink(model, response, "/mon-espace/connexion", "link.again.magic");
        }
        signIn.apply(porteur.get(), request, response);
        return "redirect:/mon-espace";
    }

    // --- Helpers ------------------------------------------------------------------------------

    /** Confirmation and policy; false (with the messages next to the fields) when refused. */
    private boolean checkPasswords(String password, String confirmation, String email, BindingResult validation) {
        Optional<String> problem = self.passwordProblem(password, email);
        problem.ifPresent(key -> validation.rejectValue("password", key, message(key)));
        if (problem.isEmpty() && !password.equals(confirmation)) {
            validation.rejectValue("confirmation", "password.mismatch", message("password.mismatch"));
        }
        return !validation.hasErrors();
    }

    private Optional<Authentication> attempt(Supplier<Optional<Authentication>> action,
            BindingResult validation) {
        try {
            return action.get();
        } catch (RuleViolationException e) {
            validation.rejectValue("password", e.messageKey(), message(e.messageKey()));
            return Optional.empty();
        }
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static String invalidLink(Model model, HttpServletResponse response, String againPath, String againKey) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("againPath", againPath);
        model.addAttribute("againKey", againKey);
        return "account/link-invalid";
    }
}
