package org.maillage.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.maillage.account.Role;
import org.maillage.directory.Directory.StructureData;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A structure keeps its own listing up to date through an account its pôle's animator gives it. */
@MaillageIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StructureAccessIT {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private User cornouaille;
    private String ours;
    private String theirs;

    @BeforeAll
    void twoStructuresInQuimper() {
        cornouaille = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        ours = directory.create(cornouaille.current(), data("Café des possibles " + run, "Un café associatif"));
        theirs = directory.create(cornouaille.current(), data("Atelier du coin " + run, "Réparation de vélos"));
    }

    private static StructureData data(String name, String description) {
        return new StructureData(name, null, StructureFamily.ASSOCIATION, null, EssSector.CULTURE, null, null, "29232",
                null, null, 2, null, description, true);
    }

    private static Map<String, String> listing(String name, String description) {
        return new HashMap<>(Map.of("name", name, "family", "ASSOCIATION", "sector", "CULTURE", "communeCode", "29232",
                "published", "true", "description", description, "employees", "3"));
    }

    @Test
    void thePolesAnimatorInvitesAPersonOfTheStructure() {
        Session animator = new Session(port).signedIn(cornouaille.email());
        assertThat(animator.get("/espace/structures/" + ours + "/modifier").body()).contains("Donner accès à la structure");
        var bad = animator.submit("/espace/structures/" + ours + "/modifier", "/espace/structures/" + ours + "/acces",
                Map.of("displayName", "Anne", "email", "pas-une-adresse"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Saisissez une adresse électronique valide");
        String email = TestUsers.uniqueEmail("cafe");
        var sent = animator.submit("/espace/structures/" + ours + "/modifier", "/espace/structures/" + ours + "/acces",
                Map.of("displayName", "Anne Le Bihan", "email", email));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("""
                select g.role || ' ' || g.scope_type || ' ' || g.scope_code || ' ' || u.status
                from account.user_account u join account.role_grant g on g.user_id = u.id where u.email = :email
                """).param("email", email).query(String.class).list())
                .containsExactly("STRUCTURE STRUCTURE " + ours + " INVITED");
    }

    @Test
    void anotherPolesAnimatorCannotGiveAccess() {
        Session rennes = new Session(port).signedIn(users.staff(Role.ANIMATEUR, "reso-solidaire").email());
        String email = TestUsers.uniqueEmail("intrus");
        assertThat(rennes.submit("/espace", "/espace/structures/" + ours + "/acces",
                Map.of("displayName", "Intrus", "email", email)).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from account.user_account where email = :email").param("email", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theStructuresPersonEditsItsListingAndNothingElse() {
        User person = users.staff(Role.STRUCTURE, ours);
        Session session = new Session(port).signedIn(person.email());
        assertThat(session.get("/espace").body()).contains("Mettre à jour la fiche de Café des possibles " + run);
        String page = session.get("/espace/structures/" + ours + "/modifier").body();
        assertThat(page).contains("des possibles " + run).doesNotContain("Donner accès à la structure")
                .doesNotContain("Enregistrer l’adhésion");
        assertThat(session.submit("/espace/structures/" + ours + "/modifier", "/espace/structures/" + ours + "/modifier",
                listing("Café des possibles " + run, "Concerts le vendredi")).statusCode()).isEqualTo(302);
        assertThat(directory.findPublished(ours).orElseThrow().description()).isEqualTo("Concerts le vendredi");

        // not another structure, not the memberships, not the access of others
        assertThat(session.get("/espace/structures/" + theirs + "/modifier").statusCode()).isEqualTo(403);
        assertThat(session.submit("/espace/structures/" + ours + "/modifier", "/espace/structures/" + theirs + "/modifier",
                listing("Détournée", "")).statusCode()).isEqualTo(403);
        assertThat(directory.findPublished(theirs).orElseThrow().name()).isEqualTo("Atelier du coin " + run);
        assertThat(session.submit("/espace/structures/" + ours + "/modifier", "/espace/structures/" + ours + "/adhesions",
                Map.of("poleSlug", "adess-cornouaille", "year", "2026", "status", "MEMBER")).statusCode()).isEqualTo(403);
        assertThat(session.submit("/espace/structures/" + ours + "/modifier", "/espace/structures/" + ours + "/acces",
                Map.of("displayName", "Ami", "email", TestUsers.uniqueEmail("ami"))).statusCode()).isEqualTo(403);
        assertThat(directory.memberships(ours)).isEmpty();
        // moving to another commune is for the pôle to decide; importing files is for the pôles too
        Map<String, String> moved = listing("Café des possibles " + run, "Concerts le vendredi");
        moved.put("communeCode", "35238");
        var refused = session.submit("/espace/structures/" + ours + "/modifier", "/espace/structures/" + ours + "/modifier", moved);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("demandez à votre pôle");
        assertThat(directory.findPublished(ours).orElseThrow().communeCode()).isEqualTo("29232");
        assertThat(session.upload("/espace/structures/import", "/espace/structures/import", "fichier", "a.csv",
                "nom;famille;secteur;code_commune\r\nX;association;culture;29232\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(403);
    }
}
