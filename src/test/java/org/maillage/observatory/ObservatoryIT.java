package org.maillage.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.maillage.account.Role;
import org.maillage.journey.JourneyFixtures;
import org.maillage.journey.Journeys;
import org.maillage.observatory.Dashboard.KeyFigure;
import org.maillage.support.MaillageIntegrationTest;
import org.maillage.support.Session;
import org.maillage.support.TestUsers;
import org.maillage.support.TestUsers.User;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The observatory on the real database: figures of a past year checked against values computed by
 * hand, hidden below 5 for funders, scopes, exports read back with real parsers, declared figures
 * and their validation, the public panorama and its open data.
 */
@MaillageIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservatoryIT {

    static final String POLE = "pole-ess-pays-de-vitre";
    static final String VITRE = "35360";
    static final String AREA = "POLE:" + POLE;

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Observatory observatory;

    @Autowired
    Journeys journeys;

    @Autowired
    org.maillage.agenda.Agenda agenda;

    User animator;
    User funder;

    @BeforeEach
    void inFrench() {
        LocaleContextHolder.setLocale(Locale.FRENCH); // what a request without a language gets
    }

    @BeforeAll
    void fixtures() {
        animator = users.staff(Role.ANIMATEUR, POLE);
        funder = users.staff(Role.FINANCEUR, POLE);
        String rural = jdbc.sql("""
                select code from territory.commune where population < 2000
                    and epci_code = (select epci_code from territory.commune where code = :vitre) order by code limit 1
                """).param("vitre", VITRE).query(String.class).single();
        ObservatoryFixtures f = new ObservatoryFixtures(jdbc, POLE, "35");
        long p1 = f.project(LocalDateTime.of(2020, 1, 15, 10, 0), VITRE, "IDEE", "FEMALE", "UNDER_26", false);
        long p2 = f.project(LocalDateTime.of(2020, 2, 3, 10, 0), VITRE, "IDEE", "FEMALE", "FROM_26_TO_35", false);
        long p3 = f.project(LocalDateTime.of(2020, 2, 20, 10, 0), VITRE, "IDEE", "FEMALE", null, true);
        long p4 = f.project(LocalDateTime.of(2020, 3, 5, 10, 0), rural, "IDEE", "FEMALE", null, false);
        long p5 = f.project(LocalDateTime.of(2020, 3, 12, 10, 0), rural, "PROJET", "MALE", null, false);
        long p6 = f.project(LocalDateTime.of(2020, 6, 1, 10, 0), VITRE, "PROJET", "MALE", null, false);
        f.project(LocalDateTime.of(2020, 12, 31, 23, 30), VITRE, "CREATION", null, null, false);
        f.project(LocalDateTime.of(2021, 1, 1, 0, 30), VITRE, "IDEE", null, null, false); // 2021 in Paris
        for (int day = 1; day <= 3; day++) {
            f.project(LocalDateTime.of(2019, 5, day, 10, 0), VITRE, "IDEE", null, null, false);
        }
        f.referral(p1, "TAg BZH Idéateur", "tag-bzh-35", "ACCEPTED", LocalDateTime.of(2020, 1, 25, 10, 0), 2);
        f.referral(p2, "TAg BZH Idéateur", "tag-bzh-35", "ACCEPTED", LocalDateTime.of(2020, 2, 23, 10, 0), 4);
        f.referral(p2, "France Active", "france-active-bretagne", "DECLINED", LocalDateTime.of(2020, 3, 1, 10, 0), 8);
        f.referral(p3, "TAg BZH Idéateur", "tag-bzh-35", "IN_PROGRESS", LocalDateTime.of(2020, 3, 21, 10, 0), 6);
        f.referral(p4, "TAg BZH Idéateur", "tag-bzh-35", "EXPIRED", LocalDateTime.of(2020, 4, 1, 11, 0), null);
        f.referral(p5, "France Active", "france-active-bretagne", "SENT", LocalDateTime.of(2020, 4, 10, 11, 0), null);
        f.outcome(p1, "CREATED", LocalDate.of(2020, 9, 1), new BigDecimal("1.5"));
        f.outcome(p2, "CREATED", LocalDate.of(2020, 10, 1), new BigDecimal("2"));
        f.outcome(p6, "ABANDONED", LocalDate.of(2020, 11, 1), null);
        // an event of the agenda in 2020: 6 people had a place, one is recorded absent
        java.time.Instant start = ObservatoryFixtures.timestamp(LocalDateTime.of(2020, 11, 19, 9, 0)).toInstant();
        String event = agenda.create(animator.current(), new org.maillage.agenda.Agenda.NewEvent(POLE, null,
                "Petit-déjeuner du Mois de l’ESS", "", org.maillage.agenda.EventTheme.MOIS_ESS, start,
                start.plusSeconds(7200), VITRE, "", null));
        for (int i = 0; i < 6; i++) {
            jdbc.sql("""
                    insert into agenda.registration (event_id, display_name, email, status, token_hash, attended, created_at)
                    select id, 'Participant', :email, 'CONFIRMED', :hash, :attended, starts_at from agenda.event where slug = :slug
                    """).param("email", "p" + i + "@test.maillage.localhost").param("hash", "h" + event + i)
                    .param("attended", i == 0 ? Boolean.FALSE : null).param("slug", event).update();
        }
    }

    private static Map<String, KeyFigure> keys(Dashboard dashboard) {
        return dashboard.keyFigures().stream().collect(Collectors.toMap(KeyFigure::code, Function.identity()));
    }

    private static FigureTable table(Dashboard dashboard, String code) {
        return dashboard.tables().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<Object> row(FigureTable table, String label) {
        return table.rows().stream().filter(r -> label.equals(r.get(0))).findFirst().orElseThrow();
    }

    @Test
    void theFiguresOfAYearAreThoseComputedByHand() {
        Dashboard dashboard = observatory.dashboard(animator.current(), AREA, 2020);
        assertThat(dashboard.exact()).isTrue();
        Map<String, KeyFigure> keys = keys(dashboard);
        assertThat(keys.get("welcomed").value()).isEqualTo("7");
        assertThat(keys.get("welcomed").previous()).isEqualTo("3");
        assertThat(keys.get("referrals").value()).isEqualTo("6");
        assertThat(keys.get("acceptance").value()).isEqualTo("60");       // 3 accepted of 5 answered or expired
        assertThat(keys.get("answerDays").value()).isEqualTo("5");         // (2 + 4 + 8 + 6) / 4
        assertThat(keys.get("firstReferralDays").value()).isEqualTo("23,2"); // (10 + 20 + 30 + 27 + 29) / 5
        assertThat(keys.get("created").value()).isEqualTo("2");
        assertThat(keys.get("jobs").value()).isEqualTo("3,5");
        assertThat(keys.get("abandonRate").value()).isEqualTo("33,3");

        FigureTable months = table(dashboard, "welcomedByMonth");
        assertThat(months.rows().stream().map(r -> r.get(2)).toList())
                .containsExactly(1L, 2L, 2L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 1L); // 31 Dec 23:30 is 2020, 1 Jan 00:30 is not
        FigureTable stages = table(dashboard, "welcomedByStage");
        assertThat(row(stages, "Idée")).containsExactly("Idée", 3L, 4L);
        assertThat(row(stages, "Projet")).containsExactly("Projet", 0L, 2L);
        assertThat(row(stages, "Total")).containsExactly("Total", 3L, 7L);
        assertThat(row(table(dashboard, "welcomedByGender"), "Une femme").get(2)).isEqualTo(4L);
        assertThat(row(table(dashboard, "welcomedByDensity"), "Commune rurale").get(2)).isEqualTo(2L);
        assertThat(row(table(dashboard, "welcomedByDensity"), "Commune urbaine").get(2)).isEqualTo(5L);
        List<Object> tag = row(table(dashboard, "referralsByScheme"), "TAg BZH Idéateur");
        assertThat(tag).containsExactly("TAg BZH Idéateur", 4L, 3L, 0L, 1L, 0L, 75.0, 4.0);
        assertThat(row(table(dashboard, "events"), "2020")).containsExactly("2020", 1L, 5L);
        List<Object> evolution2020 = row(table(dashboard, "evolution"), "2020");
        assertThat(evolution2020.subList(1, 9)).containsExactly(7L, 6L, 60.0, 5.0, 23.2, 2L, 3.5, 33.3);
    }

    @Test
    void aFunderSeesAggregatesOnlyWithEveryFigureUnder5PeopleHidden() {
        Dashboard dashboard = observatory.dashboard(funder.current(), AREA, 2020);
        assertThat(dashboard.exact()).isFalse();
        Map<String, KeyFigure> keys = keys(dashboard);
        assertThat(keys.get("welcomed").value()).isEqualTo("7");
        assertThat(keys.get("welcomed").previous()).isEqualTo(FigureTable.HIDDEN);   // 3 people in 2019
        assertThat(keys.get("acceptance").value()).isEqualTo(FigureTable.HIDDEN);    // 60 % of 5 gives away 3
        assertThat(keys.get("answerDays").value()).isEqualTo(FigureTable.HIDDEN);    // computed on 4
        assertThat(keys.get("created").value()).isEqualTo(FigureTable.HIDDEN);
        assertThat(keys.get("jobs").value()).isEqualTo(FigureTable.HIDDEN);          // goes with 2 people
        assertThat(keys.get("abandonRate").value()).isEqualTo(FigureTable.HIDDEN);   // computed on 3
        FigureTable stages = table(dashboard, "welcomedByStage");
        assertThat(row(stages, "Idée").get(2)).isNull();
        assertThat(row(stages, "Total").get(2)).isEqualTo(7L);
        for (FigureTable table : dashboard.tables()) {
            for (List<Object> r : table.rows()) {
                for (int c = 0; c < r.size(); c++) {
                    boolean notPeople = table.code().equals("membersBySector") || table.code().equals("fundingByFunder")
                            || (table.code().equals("events") && c == 1); // structures, euros, events
                    if (r.get(c) instanceof Long n && !notPeople) {
                        assertThat(n).as(table.code() + " " + r).matches(v -> v == 0 || v >= 5);
                    }
                }
            }
        }
    }

    @Test
    void aFunderCannotReachAnyPersonalDataNorAnotherTerritory() {
        String email = TestUsers.uniqueEmail("porteur-obs");
        long project = JourneyFixtures.submitted(journeys, "Gwenaëlle Observée", email, "0612345678", false, VITRE);
        Session session = new Session(port).signedIn(funder.email());
        HttpResponse<String> page = session.get("/espace/observatoire?territoire=" + AREA);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Pôle ESS du Pays de Vitré").doesNotContain("Gwenaëlle").doesNotContain(email);
        assertThat(new String(session.getBytes("/espace/observatoire/export.csv?territoire=" + AREA).body(),
                StandardCharsets.UTF_8)).doesNotContain("Gwenaëlle").doesNotContain(email);
        assertThat(session.get("/espace/parcours").statusCode()).isEqualTo(403);
        assertThat(session.get("/espace/parcours/" + project).statusCode()).isEqualTo(403);
        assertThat(session.get("/api/v1/journeys/" + project).statusCode()).isEqualTo(403);
        assertThat(session.get("/espace/porteurs").statusCode()).isIn(403, 404);
        assertThat(session.get("/espace/observatoire?territoire=POLE:adess-pays-de-brest").statusCode()).isEqualTo(403);
        assertThat(session.get("/espace/observatoire?territoire=REGION:53").statusCode()).isEqualTo(403);
        assertThat(session.get("/espace/observatoire/declarations/" + POLE + "/2020").statusCode()).isEqualTo(403);
        Session otherAnimator = new Session(port).signedIn(users.staff(Role.ANIMATEUR, "adess-pays-de-brest").email());
        assertThat(otherAnimator.get("/espace/observatoire?territoire=" + AREA).statusCode()).isEqualTo(403);
        Session partner = new Session(port).signedIn(users.staff(Role.PARTENAIRE, "tag-bzh-29").email());
        assertThat(partner.get("/espace/observatoire?territoire=" + AREA).statusCode()).isEqualTo(403);
        assertThat(new Session(port).get("/espace/observatoire?territoire=" + AREA).statusCode()).isEqualTo(302);
    }

    @Test
    void exportsOpenInRealParsers() throws Exception {
        Session session = new Session(port).signedIn(animator.email());
        String query = "?territoire=" + AREA + "&annee=2020";
        HttpResponse<byte[]> xlsx = session.getBytes("/espace/observatoire/export.xlsx" + query);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet evolution = workbook.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            Row row2020 = null;
            for (Row row : evolution) {
                if ("2020".equals(text.formatCellValue(row.getCell(0)))) {
                    row2020 = row;
                }
            }
            assertThat(row2020).isNotNull();
            assertThat(row2020.getCell(1).getNumericCellValue()).isEqualTo(7.0);
            assertThat(row2020.getCell(7).getNumericCellValue()).isEqualTo(3.5);
            assertThat(workbook.getNumberOfSheets()).isGreaterThan(10);
        }
        HttpResponse<byte[]> ods = session.getBytes("/espace/observatoire/export.ods" + query + "&tableau=welcomedByStage");
        assertThat(ods.statusCode()).isEqualTo(200);
        try (OdfSpreadsheetDocument document = OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(ods.body()))) {
            var sheet = document.getTableList().get(0);
            boolean found = false;
            for (int r = 0; r < sheet.getRowCount(); r++) {
                if ("Idée".equals(sheet.getCellByPosition(0, r).getDisplayText())) {
                    assertThat(sheet.getCellByPosition(2, r).getDoubleValue()).isEqualTo(4.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        String csv = new String(session.getBytes("/espace/observatoire/export.csv" + query + "&tableau=referralsByScheme").body(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("TAg BZH Idéateur;4;3;0;1;0;75;4");
        assertThat(session.getBytes("/espace/observatoire/export.doc" + query).statusCode()).isEqualTo(404);

        observatory.saveReportText(animator.current(), AREA, 2020,
                "Une année de coopération dans le Pays de Vitré : cœur de l’activité.");
        HttpResponse<byte[]> pdf = session.getBytes("/espace/observatoire/rapport.pdf" + query);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.body())) {
            String content = new PDFTextStripper().getText(document);
            assertThat(content).contains("Rapport d’activité 2020").contains("Pôle ESS du Pays de Vitré")
                    .contains("Une année de coopération dans le Pays de Vitré").contains("Porteurs accueillis");
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
    }

    @Test
    void declaredFiguresAreShownToFundersOnceACoordinatorValidatesThem() {
        Session pole = new Session(port).signedIn(animator.email());
        String form = "/espace/observatoire/declarations/" + POLE + "/2020";
        HttpResponse<String> bad = pole.submit(form, form, Map.of("values[ANIMATION_HOURS]", "beaucoup",
                "values[EVENTS]", "12"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Écrivez un nombre positif").contains("value=\"beaucoup\"");
        assertThat(jdbc.sql("select count(*) from observatory.declared_value where pole_slug = :p")
                .param("p", POLE).query(Long.class).single()).isZero();
        assertThat(pole.submit(form, form, Map.of("values[ANIMATION_HOURS]", "1 250,5", "comments[ANIMATION_HOURS]",
                "Feuilles de temps")).statusCode()).isEqualTo(302);
        assertThat(declared(funder)).isEqualTo("–");

        User coordinator = users.staff(Role.COORDINATEUR, "53");
        Session cress = new Session(port).signedIn(coordinator.email());
        HttpResponse<String> list = cress.get("/espace/observatoire/validations");
        assertThat(list.body()).contains("Pôle ESS du Pays de Vitré").contains("1 250,5");
        HttpResponse<String> noReason = cress.submit("/espace/observatoire/validations", "/espace/observatoire/validations",
                Map.of("pole", POLE, "year", "2020", "indicator", "ANIMATION_HOURS", "value", "1250.50", "valid", "false",
                        "note", ""));
        assertThat(noReason.body()).contains("Dites au pôle pourquoi");
        HttpResponse<String> stale = cress.submit("/espace/observatoire/validations", "/espace/observatoire/validations",
                Map.of("pole", POLE, "year", "2020", "indicator", "ANIMATION_HOURS", "value", "999", "valid", "true"));
        assertThat(stale.body()).contains("Ce chiffre a changé depuis que vous l’avez ouvert");
        assertThat(jdbc.sql("select status from observatory.declared_value where pole_slug = :p and indicator = 'ANIMATION_HOURS'")
                .param("p", POLE).query(String.class).single()).isEqualTo("SUBMITTED");
        assertThat(cress.submit("/espace/observatoire/validations", "/espace/observatoire/validations",
                Map.of("pole", POLE, "year", "2020", "indicator", "ANIMATION_HOURS", "value", "1250.50", "valid", "true"))
                .statusCode())
                .isEqualTo(302);
        assertThat(declared(funder)).isEqualTo("1 250,5");
        assertThat(new Session(port).signedIn(funder.email()).submit(form, form, Map.of("values[EVENTS]", "3"))
                .statusCode()).isEqualTo(403);
    }

    private String declared(User user) {
        FigureTable table = table(observatory.dashboard(user.current(), AREA, 2020), "declared");
        return FigureTable.display(row(table, "Heures d’animation du réseau").get(1));
    }

    @Test
    void thePanoramaIsPublicAndItsOpenDataHidesSmallFigures() {
        Session visitor = new Session(port);
        HttpResponse<String> page = visitor.get("/observatoire?annee=2020");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Pôle ESS du Pays de Vitré").contains("Licence Ouverte")
                .doesNotContain("Financements des pôles"); // the pôles' funding is theirs and the coordination's
        HttpResponse<String> json = visitor.get("/api/v1/open-data/panorama?region=53&year=2020");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"licence\"").contains("\"code\":\"welcomed\"").doesNotContain("Gwenaëlle");
        assertThat(visitor.getBytes("/observatoire/donnees.csv?annee=2020").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/observatoire?annee=1990").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/observatoire?region=99").statusCode()).isEqualTo(404);
        assertThat(URLEncoder.encode("x", StandardCharsets.UTF_8)).isEqualTo("x");
    }
}
