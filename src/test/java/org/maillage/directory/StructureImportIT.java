package org.maillage.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.maillage.account.Role;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** CSV import: every kind of bad row reported with its line before anything is written; all or nothing. */
@MaillageIntegrationTest
class StructureImportIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    private final String run = "ym" + org.maillage.support.TestUsers.letters(5);

    private long imported() {
        return jdbc.sql("select count(*) from directory.structure where name like :run").param("run", "%" + run + "%")
                .query(Long.class).single();
    }

    private static long batchOf(String page) {
        Matcher m = Pattern.compile("/espace/structures/import/(\\d+)").matcher(page);
        assertThat(m.find()).as("an import button").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void everyKindOfBadRowIsReportedWithItsLineAndNothingIsWritten() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        String valid = SiretTest.valid("4" + "123456789012");
        String csv = String.join("\r\n",
                "nom;siret;famille;secteur;code_commune;latitude;salaries;site_web;categorie_juridique;code_naf",
                "Bonne association " + run + ";;association;culture;29232;47,99;3;https://ok.example.org;9220;94.99Z",  // 2 ok
                ";;association;culture;29232;;;;;",                                                                // 3 name blank
                "Famille inconnue " + run + ";;club;culture;29232;;;;;",                                           // 4 family
                "Secteur inconnu " + run + ";;association;astronomie;29232;;;;;",                                  // 5 sector
                "SIRET faux " + run + ";73282932000075;scop;services;29232;;;;;",                                  // 6 bad SIRET
                "SCOP sans SIRET " + run + ";;scop;services;29232;;;;;",                                           // 7 SIRET required
                "Commune inconnue " + run + ";;association;culture;99999;;;;;",                                    // 8 commune
                "Hors territoire " + run + ";;association;culture;35238;;;;;",                                     // 9 not my pôle
                "Bonne association " + run + ";;association;culture;29232;;;;;",                                   // 10 name+commune twice
                "Latitude folle " + run + ";;association;culture;29232;147;;;;",                                    // 11 number
                "Site web " + run + ";;association;culture;29232;;;www.example.org;;",                            // 12 website
                "Colonnes en trop " + run + ";;association;culture;29232;;;;;;;",                                  // 13 width
                "Premier SIRET " + run + ";" + valid + ";scic;services;29232;;;;;",                                // 14 ok
                "Même SIRET " + run + ";" + valid + ";scic;services;29232;;;;;",                                   // 15 SIRET twice
                "Salariés " + run + ";;association;culture;29232;;beaucoup;;;");                                    // 16 number
        Session session = new Session(port).signedIn(animator.email());
        HttpResponse<String> preview = session.upload("/espace/structures/import", "/espace/structures/import", "fichier",
                "structures.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.statusCode()).isEqualTo(422);
        String page = preview.body();
        assertThat(page).contains("15 ligne(s) lue(s), encodage UTF-8, séparateur « ; »").contains("13 problèmes : rien n’a été importé")
                .doesNotContain("/espace/structures/import/");
        String[][] expected = {
            {"3", "nom", "Le nom est vide."},
            {"4", "famille", "Famille inconnue : « club »"},
            {"5", "secteur", "Secteur inconnu : « astronomie »"},
            {"6", "siret", "SIRET non valide : « 73282932000075 »"},
            {"7", "siret", "Le SIRET est nécessaire"},
            {"8", "code_commune", "Code commune inconnu : « 99999 »"},
            {"9", "code_commune", "Rennes n’est pas sur le territoire de vos pôles."},
            {"10", "nom", "« Bonne association " + run + " » existe déjà à Quimper"},
            {"11", "latitude", "Nombre non valide : « 147 »"},
            {"12", "site_web", "Site web non valide : « www.example.org »"},
            {"13", "—", "Cette ligne a 12 cellule(s) au lieu de 10"},
            {"15", "siret", "Le SIRET " + valid + " est déjà dans l’annuaire ou plus haut dans le fichier."},
            {"16", "salaries", "Nombre non valide : « beaucoup »"},
        };
        for (String[] row : expected) {
            assertThat(page).as("line " + row[0]).containsPattern("<td>" + row[0] + "</td>\\s*<td>" + Pattern.quote(row[1])
                    + "</td>\\s*<td>" + Pattern.quote(row[2].replace("’", "’")));
        }
        assertThat(imported()).isZero();
    }

    @Test
    void aWindows1252FileWithCommasIsImportedWholeOnceChecked() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        String csv = "nom,famille,secteur,code_commune,presentation\r\n"
                + "\"Épicerie, solidaire " + run + "\",association,commerce,29232,\"Une épicerie \"\"pour tous\"\"\"\r\n"
                + "Théâtre " + run + ",association,éducation populaire,29232,\r\n";
        Session session = new Session(port).signedIn(animator.email());
        HttpResponse<String> preview = session.upload("/espace/structures/import", "/espace/structures/import", "fichier",
                "export-tableur.csv", csv.getBytes(Charset.forName("windows-1252")));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("encodage windows-1252, séparateur « , »").contains("2 structure(s) prête(s)");
        assertThat(imported()).isZero();
        long batch = batchOf(preview.body());

        HttpResponse<String> done = session.submit("/espace/structures/import", "/espace/structures/import/" + batch, java.util.Map.of());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(imported()).isEqualTo(2);
        assertThat(jdbc.sql("select description from directory.structure where name = :name").param("name", "Épicerie, solidaire " + run)
                .query(String.class).single()).isEqualTo("Une épicerie \"pour tous\"");
        assertThat(jdbc.sql("select sector from directory.structure where name = :name").param("name", "Théâtre " + run)
                .query(String.class).single()).isEqualTo("EDUCATION_POPULAIRE");
        // the same file again: every row is now a duplicate, and nothing more is written
        HttpResponse<String> again = session.upload("/espace/structures/import", "/espace/structures/import", "fichier",
                "export-tableur.csv", csv.getBytes(Charset.forName("windows-1252")));
        assertThat(again.body()).contains("2 problèmes");
        assertThat(imported()).isEqualTo(2);
        // someone else's preview cannot be imported
        Session other = new Session(port).signedIn(users.staff(Role.ANIMATEUR, "adess-cornouaille").email());
        assertThat(other.submit("/espace/structures/import", "/espace/structures/import/" + batch, java.util.Map.of())
                .headers().firstValue("Location")).isEmpty();
    }

    private static String longFile(String run, int rows, String lastSiret) {
        StringBuilder csv = new StringBuilder("nom;siret;famille;secteur;code_commune\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("Atelier ").append(i).append(' ').append(run).append(';')
                    .append(i == rows && lastSiret != null ? lastSiret : "").append(";association;sanitaire et social;29232\r\n");
        }
        return csv.toString();
    }

    @Test
    void aLongFileIsImportedInTheBackgroundAndItsPageFollowsIt() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        Session session = new Session(port).signedIn(animator.email());
        HttpResponse<String> preview = session.upload("/espace/structures/import", "/espace/structures/import", "fichier",
                "long.csv", longFile(run, 2_500, null).getBytes(StandardCharsets.UTF_8));
        long batch = batchOf(preview.body());
        HttpResponse<String> started = session.submit("/espace/structures/import", "/espace/structures/import/" + batch,
                java.util.Map.of());
        assertThat(started.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/espace/structures/import/" + batch));
        // sent twice: the second follows the first
        assertThat(session.submit("/espace/structures/import", "/espace/structures/import/" + batch, java.util.Map.of())
                .headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/espace/structures/import/" + batch));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                .until(() -> session.get("/espace/structures/import/" + batch).body().contains("structures ajoutées"));
        assertThat(imported()).isEqualTo(2_500);
        String page = session.get("/espace/structures/import/" + batch).body();
        assertThat(page).containsPattern("2.500 structures ajoutées").doesNotContain("hx-trigger");
        // the file is no longer kept; the progress is this user's only
        assertThat(jdbc.sql("select length(content) from directory.import_batch where id = :id").param("id", batch)
                .query(Integer.class).single()).isZero();
        Session other = new Session(port).signedIn(users.staff(Role.ANIMATEUR, "adess-cornouaille").email());
        assertThat(other.get("/espace/structures/import/" + batch).statusCode()).isEqualTo(404);
    }

    @Test
    void aLongFileThatNoLongerPassesIsNotImportedAtAll() {
        User animator = users.staff(Role.ANIMATEUR, "adess-cornouaille");
        Session session = new Session(port).signedIn(animator.email());
        String other = "yf" + org.maillage.support.TestUsers.letters(5);
        String siret = SiretTest.valid("5" + "223456789012".substring(0, 6) + String.format("%06d", (int) (Math.random() * 1e6)));
        HttpResponse<String> preview = session.upload("/espace/structures/import", "/espace/structures/import", "fichier",
                "long.csv", longFile(other, 2_100, siret).getBytes(StandardCharsets.UTF_8));
        long batch = batchOf(preview.body());
        // meanwhile, someone lists a structure with the SIRET of the file's last row
        directory.create(animator.current(), new Directory.StructureData("Déjà là " + other, siret, StructureFamily.SCIC, null,
                EssSector.SERVICES, null, null, "29232", null, null, null, null, "", true));
        session.submit("/espace/structures/import", "/espace/structures/import/" + batch, java.util.Map.of());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                .until(() -> session.get("/espace/structures/import/" + batch).body().contains("ne passe plus les vérifications"));
        assertThat(jdbc.sql("select count(*) from directory.structure where name like :word").param("word", "%" + other + "%")
                .query(Long.class).single()).as("only the structure listed meanwhile").isEqualTo(1);
    }
}
