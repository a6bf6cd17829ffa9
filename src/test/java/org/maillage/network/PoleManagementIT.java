package org.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.platform.RuleViolationException;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Managing the pôles on the real database: creation by a coordinator, the lifecycle and its
 * checklist, team and funding, the regional overview, and who may do what.
 */
@MaillageIntegrationTest
class PoleManagementIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    PoleManagement management;

    @Autowired
    JdbcClient jdbc;

    private static final LocalDate DAY = LocalDate.of(2026, 3, 12);

    private String newPole(User coordinator) {
        return management.create(coordinator.current(), new PoleManagement.NewPole(
                "Pôle test " + UUID.randomUUID().toString().substring(0, 6), "Pays test", "Association test"));
    }

    private String status(String slug) {
        return jdbc.sql("select status from network.pole where slug = :slug").param("slug", slug).query(String.class).single();
    }

    @Test
    void aPoleGoesFromInitiativeToActiveOnlyOnceItsChecklistIsComplete() {
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        String slug = newPole(coordinator);
        assertThat(status(slug)).isEqualTo("INITIATIVE");
        management.changeStatus(coordinator.current(), slug, PoleStatus.PREFIGURATION, "Lancement");

        assertThatThrownBy(() -> management.changeStatus(coordinator.current(), slug, PoleStatus.CONSTITUTED, ""))
                .isInstanceOf(RuleViolationException.class);
        assertThat(status(slug)).isEqualTo("PREFIGURATION");

        for (PrefigurationStep step : PrefigurationStep.toConstitute()) {
            management.recordStep(coordinator.current(), slug, step,
                    new PoleManagement.StepRecord(DAY, "Fait", List.of("https://example.org/" + step)));
        }
        PoleManagement.PoleFile file = management.file(coordinator.current(), slug);
        assertThat(file.moves().get(PoleStatus.CONSTITUTED)).extracting(PoleLifecycle.Missing::messageKey)
                .containsExactly("pole.lifecycle.governanceMissing");
        management.updateIdentity(coordinator.current(), slug, new PoleManagement.PoleIdentity(file.pole().name(),
                "Association test", "Pays test", GovernanceForm.SCIC, "contact@pole.test", null, null, null));
        management.changeStatus(coordinator.current(), slug, PoleStatus.CONSTITUTED, "AG du 12 mars");
        assertThat(status(slug)).isEqualTo("CONSTITUTED");

        assertThatThrownBy(() -> management.changeStatus(coordinator.current(), slug, PoleStatus.ACTIVE, ""))
                .isInstanceOf(RuleViolationException.class);
        management.recordStep(coordinator.current(), slug, PrefigurationStep.RECRUITMENT, new PoleManagement.StepRecord(DAY, "", List.of()));
        management.recordStep(coordinator.current(), slug, PrefigurationStep.REGIONAL_NETWORK, new PoleManagement.StepRecord(DAY, "", List.of()));
        management.changeStatus(coordinator.current(), slug, PoleStatus.ACTIVE, "");
        assertThat(status(slug)).isEqualTo("ACTIVE");

        assertThat(management.file(coordinator.current(), slug).history())
                .extracting(h -> h.from() + ">" + h.to())
                .containsExactly("CONSTITUTED>ACTIVE", "PREFIGURATION>CONSTITUTED", "INITIATIVE>PREFIGURATION");
        assertThat(management.file(coordinator.current(), slug).steps().get(PrefigurationStep.GOVERNANCE).links())
                .containsExactly("https://example.org/GOVERNANCE");
    }

    @Test
    void theOverviewShowsEveryPoleOfTheRegionWithItsTeamAndBudgetOfTheYear() {
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        int year = 2031;
        management.addFunding(animator.current(), "adess-cornouaille",
                new PoleManagement.FundingLine(0, year, "Région Bretagne", FundingKind.OPERATING_GRANT, new BigDecimal("35000")));
        management.addFunding(animator.current(), "adess-cornouaille",
                new PoleManagement.FundingLine(0, year, "Conseil départemental 29", FundingKind.OPERATING_GRANT, new BigDecimal("11000")));
        management.addFunding(animator.current(), "adess-cornouaille",
                new PoleManagement.FundingLine(0, year - 1, "Région Bretagne", FundingKind.OPERATING_GRANT, new BigDecimal("30000")));

        List<PoleManagement.PoleOverview> rows = management.overview(coordinator.current(), year);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(20).allSatisfy(row -> assertThat(row.pole().regionCode()).isEqualTo("53"));
        PoleManagement.PoleOverview cornouaille = rows.stream().filter(r -> r.pole().slug().equals("adess-cornouaille"))
                .findFirst().orElseThrow();
        assertThat(cornouaille.budget()).isEqualByComparingTo("46000");
        assertThat(cornouaille.epciCount()).isPositive();

        String page = new Session(port).signedIn(coordinator.email()).get("/espace/reseau?annee=" + year).body();
        assertThat(page).contains("ADESS Cornouaille").contains("46 000 €").contains("Budget " + year);
    }

    @Test
    void whoMayDoWhat() {
        User coordinator = users.staff(Role.COORDINATEUR, "53");
        User elsewhere = users.staff(Role.COORDINATEUR, "52");
        User animatorA = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        User animatorB = users.staff(Role.ANIMATEUR, "reso-solidaire");
        User funder = users.staff(Role.FINANCEUR, "29");
        String slug = newPole(coordinator);
        management.changeStatus(coordinator.current(), slug, PoleStatus.PREFIGURATION, "");

        // animators keep their own pôle's checklist, team and funding, but do not move its status
        management.recordStep(animatorA.current(), "adess-cornouaille", PrefigurationStep.PARTNERSHIPS,
                new PoleManagement.StepRecord(DAY, "", List.of()));
        assertThatThrownBy(() -> management.changeStatus(animatorA.current(), "adess-cornouaille", PoleStatus.DORMANT, ""))
                .isInstanceOf(AccessDeniedException.class);
        // an animator of pôle B cannot touch pôle A; nor a coordinator of another region; a funder sees nothing
        Session b = new Session(port).signedIn(animatorB.email());
        HttpResponse<String> refused = b.submit("/espace/poles/reso-solidaire", "/espace/poles/adess-cornouaille/equipe",
                Map.of("personName", "Intrus", "jobTitle", "Intrus", "fte", "1"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(b.get("/espace/poles/adess-cornouaille").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from network.pole_team_member where person_name = 'Intrus'").query(Long.class).single())
                .isZero();
        assertThat(new Session(port).signedIn(elsewhere.email()).get("/espace/poles/" + slug).statusCode()).isEqualTo(403);
        Session funderSession = new Session(port).signedIn(funder.email());
        assertThat(funderSession.get("/espace/poles/adess-cornouaille").statusCode()).isEqualTo(403);
        assertThat(funderSession.get("/espace/reseau").statusCode()).isEqualTo(403);
        assertThat(new Session(port).signedIn(animatorA.email()).get("/espace/reseau").statusCode()).isEqualTo(403);
        assertThat(new Session(port).get("/espace/poles/adess-cornouaille").statusCode()).isEqualTo(302);
        Session a = new Session(port).signedIn(animatorA.email());
        assertThat(a.submit("/espace/poles/adess-cornouaille", "/espace/poles/adess-cornouaille/statut",
                Map.of("vers", "DORMANT")).statusCode()).isEqualTo(403);
        assertThat(a.submit("/espace", "/espace/poles/nouveau", Map.of("name", "X", "territoryLabel", "Y", "carrierName", ""))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void badInputComesBackInFrenchNextToTheFieldAndNothingIsSaved() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        Session session = new Session(port).signedIn(animator.email());
        HttpResponse<String> badFte = session.submit("/espace/poles/adess-cornouaille", "/espace/poles/adess-cornouaille/equipe",
                Map.of("personName", "Gwen Test", "jobTitle", "Chargée de mission", "fte", "beaucoup"));
        assertThat(badFte.statusCode()).isEqualTo(400);
        assertThat(badFte.body()).contains("id=\"fte-error\"").contains("Saisissez un temps de travail en chiffres")
                .contains("value=\"Gwen Test\"");
        HttpResponse<String> noKind = session.submit("/espace/poles/adess-cornouaille", "/espace/poles/adess-cornouaille/financements",
                Map.of("year", "2026", "funder", "Région Bretagne", "kind", "", "amount", "35 000"));
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(noKind.body()).contains("id=\"kind-error\"").contains("Choisissez la nature du financement.")
                .contains("gion Bretagne\"").contains("value=\"35000\"");
        HttpResponse<String> badLink = session.submit("/espace/poles/adess-cornouaille",
                "/espace/poles/adess-cornouaille/etapes/PARTNERSHIPS",
                Map.of("doneOn", "2026-02-01", "notes", "Rencontre", "links", "https://ok.example.org\nfichier.pdf"));
        assertThat(badLink.statusCode()).isEqualTo(400);
        assertThat(badLink.body()).contains("Chaque document doit être une adresse web").contains("fichier.pdf");
        HttpResponse<String> future = session.submit("/espace/poles/adess-cornouaille",
                "/espace/poles/adess-cornouaille/etapes/PARTNERSHIPS",
                Map.of("doneOn", Year.now().plusYears(1) + "-01-01", "notes", "", "links", ""));
        assertThat(future.body()).contains("La date ne peut pas être dans le futur.");
        assertThat(jdbc.sql("select count(*) from network.pole_team_member where person_name = 'Gwen Test'")
                .query(Long.class).single()).isZero();
        HttpResponse<String> ok = session.submit("/espace/poles/adess-cornouaille", "/espace/poles/adess-cornouaille/equipe",
                Map.of("personName", "Gwen Test", "jobTitle", "Chargée de mission", "fte", "0,8"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select fte from network.pole_team_member where person_name = 'Gwen Test'")
                .query(BigDecimal.class).single()).isEqualByComparingTo("0.8");
        // a team member's name is personal data: its creation is audited
        assertThat(jdbc.sql("""
                select count(*) from platform.audit_log where action = 'CREATE' and subject_type = 'POLE_TEAM_MEMBER'
                and subject_id = (select id::text from network.pole_team_member where person_name = 'Gwen Test')
                and actor_user_id = :actor
                """).param("actor", animator.id().value()).query(Long.class).single()).isEqualTo(1);
    }
}
