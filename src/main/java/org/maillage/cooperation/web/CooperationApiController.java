package org.maillage.cooperation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.maillage.account.Authorizations;
import org.maillage.cooperation.CollectiveProjects;
import org.maillage.cooperation.Exchanges;
import org.maillage.cooperation.Exchanges.BoardQuery;
import org.maillage.cooperation.IdeaStatus;
import org.maillage.cooperation.ListingCategory;
import org.maillage.cooperation.ListingKind;
import org.maillage.cooperation.Poolings;
import org.maillage.cooperation.TerritorialIdeas;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cooperation as the pages show it, in JSON, for the network of a region (403 problem+json for anyone else). */
@RestController
@Tag(name = "Coopération", description = "Offres et besoins des structures, mises en relation, mutualisations, "
        + "projets collectifs, besoins et idées du territoire (le réseau de la région)")
class CooperationApiController {

    private final Exchanges exchanges;
    private final Poolings poolings;
    private final CollectiveProjects projects;
    private final TerritorialIdeas ideas;
    private final Authorizations authorizations;

    CooperationApiController(Exchanges exchanges, Poolings poolings, CollectiveProjects projects, TerritorialIdeas ideas,
            Authorizations authorizations) {
        this.exchanges = exchanges;
        this.poolings = poolings;
        this.projects = projects;
        this.ideas = ideas;
        this.authorizations = authorizations;
    }

    @GetMapping("/api/v1/cooperation/listings")
    @Operation(summary = "Les offres et besoins en cours de la région (20 par page)")
    Exchanges.ListingPage listings(@RequestParam(required = false) String q, @RequestParam(required = false) ListingKind kind,
            @RequestParam(required = false) ListingCategory category, @RequestParam(required = false) String pole,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "0") int page) {
        return exchanges.board(authorizations.requireUser(),
                new BoardQuery(q, kind, category, ExchangeController.blankToNull(pole), mine, Math.max(0, page)));
    }

    @GetMapping("/api/v1/cooperation/listings/{id}")
    @Operation(summary = "Une offre ou un besoin")
    Exchanges.ListingView listing(@PathVariable long id) {
        return exchanges.listing(authorizations.requireUser(), id);
    }

    @GetMapping("/api/v1/cooperation/listings/{id}/suggestions")
    @Operation(summary = "Ce qui y répond, dans le pôle et à proximité, les mieux placés d'abord")
    List<Exchanges.Suggestion> suggestions(@PathVariable long id) {
        return exchanges.suggestions(authorizations.requireUser(), id);
    }

    @GetMapping("/api/v1/cooperation/matches")
    @Operation(summary = "Les mises en relation de mes structures ou de mes pôles, et ce qu'elles ont donné")
    List<Exchanges.MatchView> matches() {
        return exchanges.matches(authorizations.requireUser());
    }

    @GetMapping("/api/v1/cooperation/poolings")
    @Operation(summary = "Les mutualisations de la région : emplois partagés, locaux, matériel")
    List<Poolings.PoolingView> poolings(@RequestParam(required = false) String pole) {
        return poolings.list(authorizations.requireUser(), ExchangeController.blankToNull(pole));
    }

    @GetMapping("/api/v1/cooperation/projects")
    @Operation(summary = "Les projets collectifs de la région")
    List<CollectiveProjects.ProjectSummary> projects(@RequestParam(required = false) String pole) {
        return projects.list(authorizations.requireUser(), ExchangeController.blankToNull(pole));
    }

    @GetMapping("/api/v1/cooperation/projects/{slug}")
    @Operation(summary = "Un projet collectif : structures, étapes, documents, dispositifs")
    CollectiveProjects.ProjectView project(@PathVariable String slug) {
        return projects.find(authorizations.requireUser(), slug);
    }

    @GetMapping("/api/v1/cooperation/ideas")
    @Operation(summary = "Les besoins et idées du territoire notés dans la région")
    List<TerritorialIdeas.IdeaView> ideas(@RequestParam(required = false) IdeaStatus status) {
        return ideas.list(authorizations.requireUser(), status);
    }
}
