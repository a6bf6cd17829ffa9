package org.maillage.journey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.maillage.account.Authorizations;
import org.maillage.journey.JourneyViews.InboxPage;
import org.maillage.journey.JourneyViews.Journey;
import org.maillage.journey.JourneyViews.PartnerPage;
import org.maillage.journey.JourneyViews.PartnerReferral;
import org.maillage.journey.Journeys;
import org.maillage.journey.ProjectStatus;
import org.maillage.journey.Referrals;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The journeys as the pages show them, in JSON: the animators' inbox and files, the partners' referrals. */
@RestController
@Tag(name = "Parcours", description = "Parcours des porteurs (animateurs du pôle) et orientations reçues (partenaires)")
class JourneyApiController {

    private final Journeys journeys;
    private final Referrals referrals;
    private final Authorizations authorizations;

    JourneyApiController(Journeys journeys, Referrals referrals, Authorizations authorizations) {
        this.journeys = journeys;
        this.referrals = referrals;
        this.authorizations = authorizations;
    }

    @GetMapping("/api/v1/journeys")
    @Operation(summary = "Les parcours des pôles de l'animateur (vue : ALL, NEW, OVERDUE, WAITING, ERASURE)")
    InboxPage inbox(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) ProjectStatus status,
            @RequestParam(defaultValue = "ALL") String view, @RequestParam(required = false) String pole,
            @RequestParam(defaultValue = "0") int page) {
        return journeys.inbox(authorizations.requireUser(), new Journeys.InboxQuery(q, status, view, pole, page));
    }

    @GetMapping("/api/v1/journeys/{id}")
    @Operation(summary = "Un parcours, avec sa chronologie (animateurs du pôle ; chaque lecture est inscrite au journal)")
    Journey journey(@PathVariable long id) {
        return journeys.read(authorizations.requireUser(), id);
    }

    @GetMapping("/api/v1/referrals")
    @Operation(summary = "Les orientations partagées avec la structure du partenaire (vue : WAITING, ONGOING, CLOSED, ALL)")
    PartnerPage referrals(@RequestParam(defaultValue = "ALL") String view, @RequestParam(defaultValue = "0") int page) {
        return referrals.forPartner(authorizations.requireUser(), new Referrals.PartnerQuery(view, page));
    }

    @GetMapping("/api/v1/referrals/{id}")
    @Operation(summary = "Une orientation, avec les étapes que la personne partage (partenaires de la structure)")
    PartnerReferral referral(@PathVariable long id) {
        return referrals.read(authorizations.requireUser(), id);
    }
}
