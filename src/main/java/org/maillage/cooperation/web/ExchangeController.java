package org.maillage.cooperation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.cooperation.Exchanges;
import org.maillage.cooperation.Exchanges.BoardQuery;
import org.maillage.cooperation.Exchanges.ListingView;
import org.maillage.cooperation.Exchanges.NewListing;
import org.maillage.cooperation.Exchanges.StructureChoice;
import org.maillage.cooperation.ListingCategory;
import org.maillage.cooperation.ListingKind;
import org.maillage.cooperation.MatchOutcome;
import org.maillage.platform.FrenchInput;
import org.maillage.platform.RuleViolationException;
import org.maillage.territory.Territories;
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
 * The cooperation board (la bourse aux coopérations): offers and needs of the region's structures,
 * publishing one, the counterparts matching suggests, matches and what came of them.
 */
@Controller
class ExchangeController {

    /** The refusals of the service shown next to their field. */
    private static final java.util.Map<String, String> FIELDS = java.util.Map.of("cooperation.commune.unknown", "commune", "cooperation.listing.commune.outsideRegion", "commune",
            "cooperation.listing.kind.fixed", "kind", "cooperation.listing.notMember", "structure",
            "cooperation.listing.dates.invalid", "availableUntil");

    /** An offer or a need as typed; kind, category and dates are read by hand so that what was typed stays. */
    record ListingForm(
            @NotBlank(message = "{cooperation.listing.structure.blank}") String structure,
            @NotBlank(message = "{cooperation.listing.kind.blank}") String kind,
            @NotBlank(message = "{cooperation.listing.category.blank}") String category,
            @NotBlank(message = "{cooperation.listing.title.invalid}") @Size(max = 150, message = "{cooperation.listing.title.invalid}") String title,
            @Size(max = 3000, message = "{cooperation.listing.description.tooLong}") String description,
            @Size(max = 100, message = "{cooperation.commune.unknown}") String commune,
            String availableFrom,
            String availableUntil,
            @NotBlank(message = "{cooperation.listing.contactName.blank}") @Size(max = 120, message = "{cooperation.listing.contactName.blank}") String contactName,
            @NotBlank(message = "{cooperation.listing.contactEmail.invalid}") @Size(max = 254, message = "{cooperation.listing.contactEmail.invalid}") String contactEmail) {}

    private final Exchanges exchanges;
    private final Authorizations authorizations;
    private final Territories territories;
    private final CooperationPages pages;

    ExchangeController(Exchanges exchanges, Authorizations authorizations, Territories territories,
            CooperationPages pages) {
        this.exchanges = exchanges;
        this.authorizations = authorizations;
        this.territories = territories;
        this.pages = pages;
    }

    @GetMapping("/espace/cooperation")
    String board(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String category, @RequestParam(required = false) String pole,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = authorizations.requireUser();
        ListingKind chosenKind = CooperationPages.parse(ListingKind.class, kind);
        ListingCategory chosenCategory = CooperationPages.parse(ListingCategory.class, category);
        model.addAttribute("result", exchanges.board(user,
                new BoardQuery(q, chosenKind, chosenCategory, blankToNull(pole), mine, Math.max(0, page))));
        model.addAttribute("q", q);
        model.addAttribute("kind", chosenKind);
        model.addAttribute("category", chosenCategory);
        model.addAttribute("pole", blankToNull(pole));
        model.addAttribute("mine", mine);
        model.addAttribute("kinds", ListingKind.values());
        model.addAttribute("categories", ListingCategory.values());
        model.addAttribute("canPublish", pages.mayPublish(user));
        pages.poles(user, model);
        return "cooperation/board";
    }

    @GetMapping("/espace/cooperation/annonces/nouvelle")
    String form(@RequestParam(required = false) String kind, Model model) {
        CurrentUser user = authorizations.requireUser();
        List<StructureChoice> structures = exchanges.structuresActingFor(user);
        authorizations.check(!structures.isEmpty());
        ListingKind chosen = CooperationPages.parse(ListingKind.class, kind);
        model.addAttribute("form", new ListingForm(structures.size() == 1 ? structures.get(0).slug() : "",
                chosen == null ? "" : chosen.name(), "", "", "", "", LocalDate.now(CooperationPages.PARIS).toString(), "",
                user.displayName(), user.email()));
        return formPage(structures, null, model);
    }

    @PostMapping("/espace/cooperation/annonces/nouvelle")
    String publish(@Valid @ModelAttribute("form") ListingForm form, BindingResult validation, Model model) {
        CurrentUser user = authorizations.requireUser();
        List<StructureChoice> structures = exchanges.structuresActingFor(user);
        authorizations.check(!structures.isEmpty());
        NewListing listing = listing(form, validation);
        if (listing == null) {
            return formPage(structures, null, model);
        }
        try {
            return "redirect:/espace/cooperation/annonces/" + exchanges.publish(user, listing) + "?publiee";
        } catch (RuleViolationException refused) {
            CooperationPages.reject(validation, refused, FIELDS);
            return formPage(structures, null, model);
        }
    }

    @GetMapping("/espace/cooperation/annonces/{id}/modifier")
    String editForm(@PathVariable long id, Model model) {
        CurrentUser user = authorizations.requireUser();
        ListingView listing = exchanges.listing(user, id);
        authorizations.check(listing.manageable());
        model.addAttribute("form", new ListingForm(listing.structureSlug(), listing.kind().name(), listing.category().name(),
                listing.title(), listing.description(), listing.communeName(), listing.availableFrom().toString(),
                listing.availableUntil() == null ? "" : listing.availableUntil().toString(), listing.contactName(),
                listing.contactEmail()));
        return formPage(List.of(), listing, model);
    }

    @PostMapping("/espace/cooperation/annonces/{id}/modifier")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") ListingForm form, BindingResult validation,
            Model model) {
        CurrentUser user = authorizations.requireUser();
        ListingView current = exchanges.listing(user, id);
        authorizations.check(current.manageable());
        NewListing listing = listing(form, validation);
        if (listing == null) {
            return formPage(List.of(), current, model);
        }
        try {
            exchanges.update(user, id, listing);
            return "redirect:/espace/cooperation/annonces/" + id;
        } catch (RuleViolationException refused) {
            CooperationPages.reject(validation, refused, FIELDS);
            return formPage(List.of(), current, model);
        }
    }

    private String formPage(List<StructureChoice> structures, ListingView editing, Model model) {
        model.addAttribute("structures", structures);
        model.addAttribute("editing", editing);
        model.addAttribute("kinds", ListingKind.values());
        model.addAttribute("categories", ListingCategory.values());
        return "cooperation/listing-form";
    }

    /** The listing as typed, or null with the errors next to their fields. */
    private NewListing listing(ListingForm form, BindingResult validation) {
        ListingKind kind = CooperationPages.parse(ListingKind.class, form.kind());
        if (kind == null && !validation.hasFieldErrors("kind")) {
            validation.rejectValue("kind", "cooperation.listing.kind.blank");
        }
        ListingCategory category = CooperationPages.parse(ListingCategory.class, form.category());
        if (category == null && !validation.hasFieldErrors("category")) {
            validation.rejectValue("category", "cooperation.listing.category.blank");
        }
        String communeCode = null;
        if (form.commune() != null && !form.commune().isBlank() && !validation.hasFieldErrors("commune")) {
            communeCode = territories.bestCommune(form.commune()).orElse(null);
            if (communeCode == null) {
                validation.rejectValue("commune", "cooperation.commune.unknown");
            }
        }
        LocalDate from = FrenchInput.date(form.availableFrom()).orElse(null);
        if (from == null) {
            validation.rejectValue("availableFrom", "cooperation.listing.from.invalid");
        }
        LocalDate until = FrenchInput.date(form.availableUntil()).orElse(null);
        if (form.availableUntil() != null && !form.availableUntil().isBlank() && until == null) {
            validation.rejectValue("availableUntil", "cooperation.listing.until.invalid");
        } else if (from != null && until != null && until.isBefore(from)) {
            validation.rejectValue("availableUntil", "cooperation.listing.dates.invalid");
        }
        if (!validation.hasFieldErrors("contactEmail") && form.contactEmail() != null
                && !form.contactEmail().strip().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            validation.rejectValue("contactEmail", "cooperation.listing.contactEmail.invalid");
        }
        if (validation.hasErrors()) {
            return null;
        }
        return new NewListing(form.structure(), kind, category, form.title(), form.description(), communeCode, from, until,
                form.contactName(), form.contactEmail());
    }

    @GetMapping("/espace/cooperation/annonces/{id}")
    String listing(@PathVariable long id, @RequestParam(required = false) String publiee, Model model) {
        CurrentUser user = authorizations.requireUser();
        ListingView listing = exchanges.listing(user, id);
        model.addAttribute("listing", listing);
        model.addAttribute("published", publiee != null);
        model.addAttribute("suggestions", listing.open() ? exchanges.suggestions(user, id) : List.of());
        pages.poles(user, model);
        return "cooperation/listing";
    }

    @PostMapping("/espace/cooperation/annonces/{id}/mise-en-relation")
    String putInTouch(@PathVariable long id, @RequestParam long counterpart, RedirectAttributes redirect) {
        CurrentUser user = authorizations.requireUser();
        try {
            redirect.addFlashAttribute("matched", exchanges.putInTouch(user, id, counterpart));
        } catch (RuleViolationException refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/espace/cooperation/annonces/" + id;
    }

    @PostMapping("/espace/cooperation/annonces/{id}/retrait")
    String withdraw(@PathVariable long id) {
        exchanges.withdraw(authorizations.requireUser(), id);
        return "redirect:/espace/cooperation/annonces/" + id;
    }

    @GetMapping("/espace/cooperation/mises-en-relation")
    String matches(Model model) {
        CurrentUser user = authorizations.requireUser();
        model.addAttribute("matches", exchanges.matches(user));
        model.addAttribute("outcomes", MatchOutcome.values());
        return "cooperation/matches";
    }

    @PostMapping("/espace/cooperation/mises-en-relation/{id}")
    String recordOutcome(@PathVariable long id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String note, Model model) {
        CurrentUser user = authorizations.requireUser();
        MatchOutcome chosen = CooperationPages.parse(MatchOutcome.class, outcome);
        BigDecimal value = FrenchInput.decimal(amount).orElse(null);
        String error = null;
        if (chosen == null) {
            error = "cooperation.match.outcome.blank";
        } else if (chosen == MatchOutcome.BUSINESS && (value == null || value.signum() < 0)) {
            error = "cooperation.match.amount.invalid";
        } else if (chosen != MatchOutcome.BUSINESS && amount != null && !amount.isBlank()) {
            error = "cooperation.match.amount.onlyBusiness";
        } else {
            try {
                exchanges.recordOutcome(user, id, chosen, value, note);
                return "redirect:/espace/cooperation/mises-en-relation?enregistre=" + id + "#match-" + id;
            } catch (RuleViolationException refused) {
                error = refused.messageKey();
            }
        }
        model.addAttribute("matches", exchanges.matches(user));
        model.addAttribute("outcomes", MatchOutcome.values());
        model.addAttribute("errorMatch", id);
        model.addAttribute("error", error);
        model.addAttribute("typedOutcome", outcome);
        model.addAttribute("typedAmount", amount);
        model.addAttribute("typedNote", note);
        return "cooperation/matches";
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
