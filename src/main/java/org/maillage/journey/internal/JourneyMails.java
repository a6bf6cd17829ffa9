package org.maillage.journey.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maillage.account.Accounts;
import org.maillage.account.Role;
import org.maillage.platform.Email;
import org.maillage.platform.Notifications;
import org.springframework.stereotype.Component;

/**
 * The journey's emails, through the outbox (in the caller's transaction). Emails to the network carry
 * no personal data: a link to the page, where rights are checked.
 */
@Component
class JourneyMails {

    private final Notifications notifications;
    private final Accounts accounts;
    private final JourneyStore store;

    JourneyMails(Notifications notifications, Accounts accounts, JourneyStore store) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.store = store;
    }

    /**
     * The animators of the pôle (or its contact address when it has no animator account), or the
     * coordinators of the region when no pôle follows the project; the platform's administrators when
     * nobody else would be told.
     */
    Set<String> pole(String poleSlug, String regionCode) {
        Set<String> to = new LinkedHashSet<>();
        if (poleSlug != null) {
            to.addAll(accounts.emailsOf(Role.ANIMATEUR, poleSlug));
            store.pole(poleSlug).map(pole -> pole.contact())
                    .filter(contact -> contact != null && contact.email() != null && !contact.email().isBlank())
                    .ifPresent(contact -> { if (to.isEmpty()) to.add(contact.email()); });
        } else {
            to.addAll(accounts.emailsOf(Role.COORDINATEUR, regionCode));
        }
        if (to.isEmpty()) {
            to.addAll(accounts.emailsOf(Role.ADMINISTRATEUR, "*"));
        }
        return to;
    }

    /** The person's address is forgotten (erasure): their unsent emails go. */
    void forget(String address) {
        notifications.forget(address);
    }

    /** The operator's partners (their accounts) and the scheme's contact address. */
    Set<String> partners(String operatorSlug, String schemeContact) {
        Set<String> to = new LinkedHashSet<>(accounts.emailsOf(Role.PARTENAIRE, operatorSlug));
        if (schemeContact != null && !schemeContact.isBlank()) {
            to.add(schemeContact.strip());
        }
        return to;
    }

    void send(Collection<String> recipients, String template, Map<String, Object> model) {
        for (String to : recipients) {
            notifications.email(new Email(to, template, new HashMap<>(model), Locale.FRENCH));
        }
    }

    void send(String recipient, String template, Map<String, Object> model) {
        send(Set.of(recipient), template, model);
    }
}
