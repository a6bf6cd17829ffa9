package org.maillage.account.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page (Spring Security processes the form it posts). */
@Controller
class LoginController {

    private final ObjectProvider<ClientRegistrationRepository> openIdProviders;

    LoginController(ObjectProvider<ClientRegistrationRepository> openIdProviders) {
        this.openIdProviders = openIdProviders;
    }

    @GetMapping("/connexion")
    String login(@RequestParam(name = "erreur", required = false) String error,
            @RequestParam(name = "erreur-oidc", required = false) String oidcError,
            @RequestParam(name = "mot-de-passe-change", required = false) String passwordChanged, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("oidcFailed", oidcError != null);
        model.addAttribute("passwordChanged", passwordChanged != null);
        model.addAttribute("openIdProviders", providers());
        return "account/login";
    }

    /** Registration id → name of the configured OpenID Connect providers (none by default). */
    private Map<String, String> providers() {
        Map<String, String> providers = new LinkedHashMap<>();
        if (openIdProviders.getIfAvailable() instanceof InMemoryClientRegistrationRepository repository) {
            for (ClientRegistration registration : repository) {
                providers.put(registration.getRegistrationId(), registration.getClientName());
            }
        }
        return providers;
    }
}
