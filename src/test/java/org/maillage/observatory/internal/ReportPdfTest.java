package org.maillage.observatory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.maillage.account.ScopeType;
import org.maillage.observatory.Area;
import org.maillage.observatory.Chart;
import org.maillage.observatory.Chart.MapPoint;
import org.maillage.observatory.Dashboard;
import org.maillage.observatory.Dashboard.KeyFigure;
import org.maillage.observatory.Dashboard.Section;
import org.maillage.observatory.FigureTable;
import org.maillage.observatory.FigureTable.Column;
import org.maillage.observatory.internal.ReportPdf.ReportLabels;

class ReportPdfTest {

    private static final Area BREST = new Area(ScopeType.POLE, "pays-de-brest", "Pôle ESS du Pays de Brest", "53");

    private static final ReportLabels LABELS = new ReportLabels("Rapport d'activité 2026", BREST.name(),
            "Chiffres clés", "Le mot du pôle", "En 2025", "Édité le", "Page %d sur %d");

    /** 3 December 2026, 10:15 in Paris. */
    private static final Instant COMPUTED = Instant.parse("2026-12-03T09:15:00Z");

    private static final String TEXT = """
            L’année 2026 a été marquée par l’arrivée de nombreux porteurs de projets : « cœur » du réseau, \
            les structures de l’économie sociale et solidaire ont accueilli, orienté et accompagné plus de personnes que jamais.
            Merci à toutes et à tous.

            Nous ouvrirons en 2027 une permanence à Landerneau\u202fet à Crozon.""";

    @Test
    void writesTheYearlyReport() throws IOException {
        Dashboard dashboard = new Dashboard(BREST, 2026, false, keyFigures(), sections(), List.of(2026, 2025), TEXT,
                COMPUTED);

        byte[] bytes = ReportPdf.write(dashboard, LABELS);

        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            String text = new PDFTextStripper().getText(pdf).replaceAll("[\\s\u00a0]+", " ");
            assertThat(text)
                    .contains("Rapport d'activité 2026", "Pôle ESS du Pays de Brest", "Édité le 3 décembre 2026")
                    .contains("Le mot du pôle", "L’année 2026 a été marquée par l’arrivée", "« cœur » du réseau",
                            "Merci à toutes et à tous.", "permanence à Landerneau et à Crozon")
                    .contains("Chiffres clés", "Porteurs accueillis", "1 234", "En 2025 : 1 015")
                    .contains("Porteurs accueillis par étape", "Accompagnement", "Structure n° 80", "2 040")
                    .contains("Orientation 85 " + FigureTable.HIDDEN + " ")
                    .contains("Source : déclarations des structures.")
                    .contains("Page 1 sur " + pages, "Page " + pages + " sur " + pages)
                    .doesNotContain("?");
            // the header of the long table is repeated on every page it goes on to
            int tablePages = 0;
            for (int page = 1; page <= pages; page++) {
                String onPage = pageText(pdf, page);
                if (onPage.contains("Structure n° ")) {
                    tablePages++;
                    assertThat(onPage).contains("Heures", "accompagnés");
                }
            }
            assertThat(tablePages).isGreaterThan(1);
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Rapport d'activité 2026");
            assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("Maillage");
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int i = 0; i < pages; i++) {
                assertThat(renderer.renderImage(i, 0.25f).getWidth()).isPositive();
            }
        }
    }

    @Test
    void anEmptyDashboardGivesOnePage() throws IOException {
        Dashboard dashboard = new Dashboard(BREST, 2026, true, List.of(), List.of(), List.of(2026), null, COMPUTED);

        byte[] bytes = ReportPdf.write(dashboard, LABELS);

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf).replaceAll("[\\s\u00a0]+", " ");
            assertThat(text).contains("Rapport d'activité 2026", "Pôle ESS du Pays de Brest", "Page 1 sur 1")
                    .doesNotContain("Le mot du pôle", "Chiffres clés");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Rapport d'activité 2026");
            new PDFRenderer(pdf).renderImage(0, 0.25f);
        }
    }

    @Test
    void fitsWideTablesLongWordsAndOddChartsOnThePage() throws IOException {
        byte[] bytes = ReportPdf.write(oddDashboard(), new ReportLabels("Rapport", null, null, null, null, null, null));

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("[\\s\u00a0]+", " ");
            // numbers are never cut, however many columns: the table's text gets smaller
            assertThat(text).contains("Rapport", "2026", "Un tableau large", "9 000 019", "1 000 000", "Par semaine",
                    "Un tableau vide", "Note sur deux lignes", "1 / " + pdf.getNumberOfPages());
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                renderer.renderImage(i, 0.25f);
            }
        }
    }

    /** Ten columns of long headers and unbreakable words, a line of 80 points, one point, no rows, no chart. */
    static Dashboard oddDashboard() {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("Structure"));
        for (int c = 1; c < 10; c++) {
            columns.add(Column.number("Indicateur numéro " + c + " avec un intitulé vraiment très long"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            List<Object> row = new ArrayList<>();
            row.add("Anticonstitutionnellementetcoopérativementdésorganisé" + r + " " + "x".repeat(300));
            for (int c = 1; c < 10; c++) {
                row.add(r == c ? null : 1_000_000L * c + r);
            }
            rows.add(row);
        }
        FigureTable wide = new FigureTable("large", "Un tableau large", columns, rows, "Note\nsur deux lignes");
        List<List<Object>> weeks = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            weeks.add(Arrays.asList("Semaine " + (i + 1), i % 9 == 0 ? null : i * 1.5));
        }
        FigureTable weekly = new FigureTable("semaines", "Par semaine",
                List.of(Column.text("Semaine"), Column.number("Porteurs")), weeks, null);
        FigureTable one = new FigureTable("un", "Une seule ligne",
                List.of(Column.text("Mois"), Column.number("Porteurs")), List.of(Arrays.asList("janvier", 4)), "");
        FigureTable empty = new FigureTable("vide", "Un tableau vide", List.of(Column.text("Commune")), List.of(), "");
        List<Section> sections = List.of(
                new Section(wide, Chart.bar(1, 2, 3, 4)),
                new Section(weekly, Chart.line(1)),
                new Section(one, Chart.line(1, 7)),
                new Section(one, Chart.map(List.of(new MapPoint("Brest", 48.39, -4.49, 3L)))),
                new Section(empty, Chart.bar(1)),
                new Section(empty, null));
        return new Dashboard(BREST, 2026, true, keyFigures().subList(0, 3), sections, List.of(2026),
                "Un mot " + "interminable".repeat(30), COMPUTED);
    }

    @Test
    void replacesWhatTheStandardFontsCannotWrite() {
        assertThat(ReportPdf.writable("1\u202f234\u00a0€ et 5\u2009% – « œuvre » l’été\tfin"))
                .isEqualTo("1\u00a0234\u00a0€ et 5 % – « œuvre » l’été fin");
        assertThat(ReportPdf.writable("Ştefan ≥ 3 \u2212 1 \u200b→ 🙂")).isEqualTo("Stefan >= 3 - 1 ? ?");
        assertThat(ReportPdf.writable(null)).isEmpty();
    }

    @Test
    void writesDatesAsFrenchReadersDo() {
        assertThat(ReportPdf.frenchDate(COMPUTED)).isEqualTo("3 décembre 2026");
        assertThat(ReportPdf.frenchDate(Instant.parse("2026-02-28T23:30:00Z"))).isEqualTo("1er mars 2026");
    }

    private static String pageText(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    private static List<KeyFigure> keyFigures() {
        return List.of(
                new KeyFigure("porteurs", "Porteurs accueillis", "1\u202f234", "1\u202f015"),
                new KeyFigure("creations", "Créations d’activité", FigureTable.HIDDEN, "7"),
                new KeyFigure("structures", "Structures partenaires engagées dans l’accompagnement", "42", "38"),
                new KeyFigure("sorties", "Sorties positives", "72,5 %", ""));
    }

    private static List<Section> sections() {
        FigureTable stages = new FigureTable("porteurs-par-etape", "Porteurs accueillis par étape",
                List.of(Column.text("Étape"), Column.number("Porteurs"), Column.number("Dont femmes")),
                List.of(
                        Arrays.asList("Accueil", 120, 64),
                        Arrays.asList("Orientation", 85, null),
                        Arrays.asList("Accompagnement", 40, 22),
                        Arrays.asList("Création", 12, 7),
                        Arrays.asList("Total", 257, 93)),
                "Les effectifs de moins de 5 personnes sont masqués.");
        String[] months = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                "octobre", "novembre", "décembre"};
        List<List<Object>> monthly = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            monthly.add(Arrays.asList(months[m], 10 + 3 * m, m == 4 ? null : 8 + 2 * m));
        }
        FigureTable byMonth = new FigureTable("porteurs-par-mois", "Porteurs accueillis par mois",
                List.of(Column.text("Mois"), Column.number("2026"), Column.number("2025")), monthly, "");
        FigureTable byTown = new FigureTable("porteurs-par-commune", "Porteurs par commune",
                List.of(Column.text("Commune"), Column.number("Porteurs")),
                List.of(Arrays.asList("Brest", 180), Arrays.asList("Landerneau", 42), Arrays.asList("Crozon", null)), "");
        List<MapPoint> points = List.of(new MapPoint("Brest", 48.3904, -4.4861, 180L),
                new MapPoint("Landerneau", 48.4508, -4.2494, 42L), new MapPoint("Crozon", 48.2461, -4.4894, null));
        List<List<Object>> structures = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            structures.add(Arrays.asList("Structure n° " + i + (i % 10 == 0
                            ? " — association d’insertion par l’activité économique du territoire, au nom très long"
                            : ""),
                    i % 7 == 0 ? null : i * 3, i == 80 ? 2040 : 100 + i, 12.5 + i / 10.0));
        }
        FigureTable partners = new FigureTable("structures", "Structures partenaires",
                List.of(Column.text("Structure"), Column.number("Porteurs accompagnés"), Column.number("Heures"),
                        Column.number("Taux de sortie (%)")),
                structures, "Source : déclarations des structures.");
        return List.of(
                new Section(stages, Chart.bar(1, 2).withTotalRow()),
                new Section(byMonth, Chart.line(1, 2)),
                new Section(byTown, Chart.map(points)),
                new Section(partners, Chart.none()));
    }
}
