package org.maillage.cooperation.web;

import java.time.ZoneId;
import java.util.Map;
import org.maillage.account.CurrentUser;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the cooperation pages share: the pôles' names, the choices read from requests. */
@Component
class CooperationPages {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Poles poles;
    private final org.maillage.cooperation.Exchanges exchanges;

    CooperationPages(Poles poles, org.maillage.cooperation.Exchanges exchanges) {
        this.poles = poles;
        this.exchanges = exchanges;
    }

    /**
     * Adds {@code poleNames} (every pôle's name by slug) and {@code networkPoles} (the pôles of the user's
     * network, by name) to the model.
     */
    void poles(CurrentUser user, Model model) {
        java.util.Set<String> regions = exchanges.networkRegions(user);
        Map<String, String> names = new java.util.HashMap<>();
        Map<String, String> network = new java.util.LinkedHashMap<>();
        poles.list().stream().sorted(java.util.Comparator.comparing(PoleSummary::name)).forEach(p -> {
            names.put(p.slug(), p.name());
            if (regions.contains(p.regionCode())) {
                network.put(p.slug(), p.name());
            }
        });
        model.addAttribute("poleNames", names);
        model.addAttribute("networkPoles", network);
    }

    /** A pôle the user follows (animates, or coordinates its region). */
    record PoleChoice(String slug, String name) {}

    /**
     * Whether to offer the user to publish (a structure's people, the animators and coordinators of
     * pôles): cheap, for list pages; the form itself lists the structures they may act for.
     */
    boolean mayPublish(CurrentUser user) {
        return user.has(org.maillage.account.Role.STRUCTURE) || !followedPoles(user).isEmpty();
    }

    /** The pôles the user follows, by name. */
    java.util.List<PoleChoice> followedPoles(CurrentUser user) {
        return exchanges.followedPoles(user).stream().map(p -> new PoleChoice(p.slug(), p.name())).toList();
    }

    /** The pôles of the user's network (the regions they belong to), by name. */
    java.util.List<PoleChoice> networkPoleChoices(CurrentUser user) {
        java.util.Set<String> regions = exchanges.networkRegions(user);
        return poles.list().stream().filter(p -> regions.contains(p.regionCode()))
                .sorted(java.util.Comparator.comparing(PoleSummary::name)).map(p -> new PoleChoice(p.slug(), p.name()))
                .toList();
    }

    /**
     * Shows a refusal of the service next to the field it is about when the form has it (the keys of
     * {@code fields}, a message key and its field), as a message of the whole form otherwise.
     */
    static void reject(org.springframework.validation.BindingResult validation,
            org.maillage.platform.RuleViolationException refused, Map<String, String> fields) {
        String field = fields.get(refused.messageKey());
        if (field != null) {
            validation.rejectValue(field, refused.messageKey(), refused.arguments(), null);
        } else {
            validation.reject(refused.messageKey(), refused.arguments(), null);
        }
    }

    /** The enum value named, or null for a blank or unknown name. */
    static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
