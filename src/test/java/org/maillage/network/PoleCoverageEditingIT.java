package org.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.directory.Directory;
import org.maillage.directory.EssSector;
import org.maillage.directory.StructureFamily;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.maillage.territory.Epci;
import org.maillage.territory.Territories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator draws a pôle's territory EPCI by EPCI, within the one-pôle-per-commune rule, and the
 * directory's structures follow.
 */
@MaillageIntegrationTest
class PoleCoverageEditingIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    PoleManagement management;

    @Autowired
    Poles poles;

    @Autowired
    Territories territories;

    @Autowired
    Directory directory;

    @Test
    void aCoordinatorAddsAndRemovesAnEpciAndTheDirectoryFollows() {
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        String slug = management.create(coordinator.current(), new PoleManagement.NewPole(
                "Pôle test " + UUID.randomUUID().toString().substring(0, 6), "Pays test", "Association test"));
        PoleManagement.PoleFile file = management.file(coordinator.current(), slug);
        assertThat(file.epciChoices()).as("the region's EPCI without a pôle (Leff Armor…)").isNotEmpty();
        Epci free = file.epciChoices().get(0);
        String commune = territories.findCommunes(territories.communeCodesOfEpcis(Set.of(free.code()))).stream()
                .filter(c -> c.regionCode().equals("53")).findFirst().orElseThrow().code();
        String structure = directory.create(coordinator.current(), new Directory.StructureData("Tiers-lieu " + slug, null,
                StructureFamily.ASSOCIATION, null, EssSector.CULTURE, null, null, commune, null, null, 1, null, "", true));
        assertThat(directory.findPublished(structure).orElseThrow().poleSlug()).isNull();

        Session session = new Session(port).signedIn(coordinator.email());
        String page = session.get("/espace/poles/" + slug).body();
        assertThat(page).contains("Intercommunalité à ajouter").contains(free.code());
        assertThat(session.submit("/espace/poles/" + slug, "/espace/poles/" + slug + "/territoire", Map.of("epci", free.code()))
                .statusCode()).isEqualTo(302);
        assertThat(poles.resolve(commune).pole().slug()).isEqualTo(slug);
        assertThat(directory.findPublished(structure).orElseThrow().poleSlug()).as("the structure follows").isEqualTo(slug);
        assertThat(session.get("/espace/poles/" + slug).body()).contains("Intercommunalité ajoutée au territoire du pôle.")
                .contains("<td>" + free.code() + "</td>");

        // an EPCI of another pôle: refused with the reason, nothing changed
        PoleCoverage brest = poles.findBySlug("adess-pays-de-brest").orElseThrow();
        String taken = brest.epcis().get(0).epci().code();
        session.submit("/espace/poles/" + slug, "/espace/poles/" + slug + "/territoire", Map.of("epci", taken));
        assertThat(session.get("/espace/poles/" + slug).body()).contains("Modification refusée");
        assertThat(poles.findBySlug(slug).orElseThrow().epcis()).extracting(c -> c.epci().code()).containsExactly(free.code());

        // an EPCI outside the region (or unknown) is refused too
        session.submit("/espace/poles/" + slug, "/espace/poles/" + slug + "/territoire", Map.of("epci", "999999999"));
        assertThat(session.get("/espace/poles/" + slug).body()).contains("aucune commune dans la région du pôle");

        // the pôle's animator does not redraw its territory
        Session animator = new Session(port).signedIn(users.staff(Role.ANIMATEUR, slug).email());
        assertThat(animator.submit("/espace/poles/" + slug, "/espace/poles/" + slug + "/territoire/" + free.code() + "/retrait",
                Map.of()).statusCode()).isEqualTo(403);

        assertThat(session.submit("/espace/poles/" + slug, "/espace/poles/" + slug + "/territoire/" + free.code() + "/retrait",
                Map.of()).statusCode()).isEqualTo(302);
        assertThat(poles.findBySlug(slug).orElseThrow().epcis()).isEmpty();
        assertThat(directory.findPublished(structure).orElseThrow().poleSlug()).isNull();
    }
}
