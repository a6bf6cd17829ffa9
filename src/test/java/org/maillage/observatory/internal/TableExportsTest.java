package org.maillage.observatory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.maillage.observatory.FigureTable;
import org.maillage.observatory.FigureTable.Column;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.odftoolkit.odfdom.doc.table.OdfTableCell;
import org.w3c.dom.NodeList;

class TableExportsTest {

    private static final String LONG_TITLE = "Répartition [2026] : porteurs/accompagnateurs * ? \\ par département";
    /** LONG_TITLE without []:*?/\ and cut to 31 characters. */
    private static final String LONG_TITLE_SHEET = "Répartition 2026  porteursaccom";

    private static final FigureTable STAGES = new FigureTable(
            "porteurs-par-etape",
            "Porteurs accueillis par étape",
            List.of(Column.text("Étape"), Column.number("Porteurs"), Column.number("Taux")),
            List.of(
                    Arrays.asList("Accueil, orientation", 12, 1.5),
                    Arrays.asList("Œuvre d’élaboration", null, 0.25),
                    Arrays.asList("=1+1", 1234567L, null),
                    Arrays.asList("Dit \"création\"; œuf", new BigDecimal("-3.50"), 2.0)),
            "Source : Maillage ; cellules < 5 masquées");

    private static final FigureTable TERRITORIES = new FigureTable(
            "porteurs-par-departement",
            LONG_TITLE,
            List.of(Column.text("Département"), Column.number("Porteurs")),
            List.of(List.of("Hérault", 42), List.of("+33 Gironde", 7)),
            "");

    private static final List<FigureTable> TABLES = List.of(STAGES, TERRITORIES);

    private static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    // ---------------------------------------------------------------- CSV

    @Test
    void csvIsUtf8WithBomSemicolonsCrlfAndFrenchDecimals() {
        byte[] bytes = TableExports.csv(TABLES);

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");

        List<List<String>> lines = parseCsv(text);
        assertThat(lines).containsExactly(
                List.of("Porteurs accueillis par étape"),
                List.of("Étape", "Porteurs", "Taux"),
                List.of("Accueil, orientation", "12", "1,5"),
                List.of("Œuvre d’élaboration", FigureTable.HIDDEN, "0,25"),
                List.of("'=1+1", "1234567", FigureTable.HIDDEN),
                List.of("Dit \"création\"; œuf", "-3,50", "2"),
                List.of("Source : Maillage ; cellules < 5 masquées"),
                List.of(""),
                List.of(LONG_TITLE),
                List.of("Département", "Porteurs"),
                List.of("Hérault", "42"),
                List.of("'+33 Gironde", "7"));
        assertThat(text).contains("\"Dit \"\"création\"\"; œuf\";-3,50;2\r\n");
    }

    @Test
    void csvGuardsEveryFormulaStartButNotNumbers() {
        FigureTable table = new FigureTable("t", "@titre", List.of(Column.text("-en-tête"), Column.number("n")),
                List.of(List.of("\tx", -4), List.of("\ry", 5), List.of("a=b", 6)), "");

        List<List<String>> lines = parseCsv(new String(TableExports.csv(List.of(table)), StandardCharsets.UTF_8).substring(1));

        assertThat(lines).containsExactly(
                List.of("'@titre"), List.of("'-en-tête", "n"), List.of("'\tx", "-4"), List.of("'\ry", "5"), List.of("a=b", "6"));
    }

    @Test
    void csvOfNoTableIsJustTheBom() {
        assertThat(TableExports.csv(List.of())).containsExactly(0xEF, 0xBB, 0xBF);
    }

    /** An RFC 4180 reader: {@code ;} separators, CRLF records, quoted fields with doubled quotes. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ';') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        assertThat(quoted).as("unclosed quote").isFalse();
        assertThat(field).as("last record ends with CRLF").isEmpty();
        assertThat(record).isEmpty();
        return records;
    }

    // ---------------------------------------------------------------- XLSX

    @Test
    void xlsxReadsBackWithPoi() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(TableExports.xlsx(TABLES)))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).isEqualTo("Porteurs accueillis par étape");
            assertThat(workbook.getSheetName(1)).isEqualTo(LONG_TITLE_SHEET).hasSize(31);

            XSSFSheet sheet = workbook.getSheetAt(0);
            XSSFCell title = sheet.getRow(0).getCell(0);
            assertThat(title.getStringCellValue()).isEqualTo("Porteurs accueillis par étape");
            assertThat(title.getCellStyle().getFont().getBold()).isTrue();
            assertThat(strings(sheet, 1)).containsExactly("Étape", "Porteurs", "Taux");
            assertThat(sheet.getRow(1).getCell(2).getCellStyle().getFont().getBold()).isTrue();

            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Accueil, orientation");
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getFont().getBold()).isFalse();
            assertNumber(sheet.getRow(2).getCell(1), 12);
            assertNumber(sheet.getRow(2).getCell(2), 1.5);

            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Œuvre d’élaboration");
            assertThat(sheet.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo(FigureTable.HIDDEN);
            assertNumber(sheet.getRow(3).getCell(2), 0.25);

            XSSFCell injection = sheet.getRow(4).getCell(0);
            assertThat(injection.getCellType()).isEqualTo(CellType.STRING);
            assertThat(injection.getStringCellValue()).isEqualTo("=1+1");
            assertNumber(sheet.getRow(4).getCell(1), 1234567);
            assertThat(sheet.getRow(4).getCell(2).getStringCellValue()).isEqualTo(FigureTable.HIDDEN);

            assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Dit \"création\"; œuf");
            assertNumber(sheet.getRow(5).getCell(1), -3.5);
            assertNumber(sheet.getRow(5).getCell(2), 2);
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("Source : Maillage ; cellules < 5 masquées");
            assertThat(sheet.getLastRowNum()).isEqualTo(6);

            XSSFSheet second = workbook.getSheetAt(1);
            assertThat(second.getRow(0).getCell(0).getStringCellValue()).isEqualTo(LONG_TITLE);
            assertThat(strings(second, 1)).containsExactly("Département", "Porteurs");
            assertThat(second.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Hérault");
            assertNumber(second.getRow(2).getCell(1), 42);
            assertThat(second.getRow(3).getCell(0).getStringCellValue()).isEqualTo("+33 Gironde");
            assertThat(second.getLastRowNum()).as("no note row").isEqualTo(3);
        }
    }

    @Test
    void xlsxDropsIllegalXmlCharactersAndKeepsEscapeLookalikes() throws IOException {
        FigureTable table = new FigureTable("t", "Contrôle", List.of(Column.text("Texte")),
                List.of(List.of("bip\u0001\u0007 <b>&amp;</b>"), List.of("a_x0041_b"), List.of("émoji \uD83D\uDE00 \uD800seul")), "");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(TableExports.xlsx(List.of(table))))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("bip <b>&amp;</b>");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("a_x0041_b");
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("émoji \uD83D\uDE00 seul");
        }
    }

    @Test
    void xlsxOfNoTableStillOpens() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(TableExports.xlsx(List.of())))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
        }
    }

    @Test
    void sheetNamesAreCleanedCutAndUnique() {
        FigureTable a = new FigureTable("a", "Taux d’insertion à 6 mois : comparaison/territoires", List.of(), List.of(), "");
        FigureTable b = new FigureTable("b", "taux d’insertion à 6 mois : comparaison/autres", List.of(), List.of(), "");
        FigureTable c = new FigureTable("c", "'[*?]'", List.of(), List.of(), "");
        FigureTable d = new FigureTable("d", "Taux d’insertion à 6 mois  comp", List.of(), List.of(), "");

        assertThat(TableExports.sheetNames(List.of(a, b, c, d))).containsExactly(
                "Taux d’insertion à 6 mois  comp",
                "taux d’insertion à 6 mois (2)",
                "Tableau 3",
                "Taux d’insertion à 6 mois (3)");
        assertThat(TableExports.sheetNames(List.of(a, b, c, d))).allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(31));
    }

    private static List<String> strings(XSSFSheet sheet, int row) {
        List<String> values = new ArrayList<>();
        sheet.getRow(row).forEach(cell -> values.add(cell.getStringCellValue()));
        return values;
    }

    private static void assertNumber(XSSFCell cell, double value) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isEqualTo(value);
    }

    // ---------------------------------------------------------------- ODS

    @Test
    void odsReadsBackWithOdfToolkit() throws Exception {
        try (OdfSpreadsheetDocument document = OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(TableExports.ods(TABLES)))) {
            List<OdfTable> tables = document.getTableList();
            assertThat(tables).extracting(OdfTable::getTableName)
                    .containsExactly("Porteurs accueillis par étape", LONG_TITLE_SHEET);

            OdfTable table = tables.get(0);
            assertString(table.getCellByPosition(0, 0), "Porteurs accueillis par étape");
            assertThat(table.getCellByPosition(0, 0).getOdfElement().getTableStyleNameAttribute()).isEqualTo("bold");
            assertString(table.getCellByPosition(0, 1), "Étape");
            assertString(table.getCellByPosition(2, 1), "Taux");
            assertThat(table.getCellByPosition(2, 1).getOdfElement().getTableStyleNameAttribute()).isEqualTo("bold");

            assertString(table.getCellByPosition(0, 2), "Accueil, orientation");
            assertFloat(table.getCellByPosition(1, 2), 12, "12");
            assertFloat(table.getCellByPosition(2, 2), 1.5, "1,5");
            assertString(table.getCellByPosition(0, 3), "Œuvre d’élaboration");
            assertString(table.getCellByPosition(1, 3), FigureTable.HIDDEN);
            assertFloat(table.getCellByPosition(2, 3), 0.25, "0,25");
            assertString(table.getCellByPosition(0, 4), "=1+1");
            assertThat(table.getCellByPosition(0, 4).getFormula()).isNull();
            assertFloat(table.getCellByPosition(1, 4), 1234567, "1234567");
            assertString(table.getCellByPosition(2, 4), FigureTable.HIDDEN);
            assertString(table.getCellByPosition(0, 5), "Dit \"création\"; œuf");
            assertFloat(table.getCellByPosition(1, 5), -3.5, "-3,50");
            assertString(table.getCellByPosition(0, 6), "Source : Maillage ; cellules < 5 masquées");
            assertThat(table.getRowCount()).isEqualTo(7);

            OdfTable second = tables.get(1);
            assertString(second.getCellByPosition(0, 0), LONG_TITLE);
            assertString(second.getCellByPosition(1, 1), "Porteurs");
            assertString(second.getCellByPosition(0, 2), "Hérault");
            assertFloat(second.getCellByPosition(1, 2), 42, "42");
            assertString(second.getCellByPosition(0, 3), "+33 Gironde");
            assertThat(second.getRowCount()).isEqualTo(4);
        }
    }

    @Test
    void odsStartsWithTheStoredMimetypeAndHoldsWellFormedXml() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ZipEntry first = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(TableExports.ods(TABLES)))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                first = first == null ? entry : first;
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(first.getName()).isEqualTo("mimetype");
        assertThat(first.getMethod()).isEqualTo(ZipEntry.STORED);
        assertThat(first.getExtra()).isNull();
        assertThat(new String(entries.get("mimetype"), StandardCharsets.US_ASCII))
                .isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
        assertThat(entries).containsKeys("META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String name : List.of("META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml")) {
            assertThat(factory.newDocumentBuilder().parse(new ByteArrayInputStream(entries.get(name))).getDocumentElement())
                    .as(name).isNotNull();
        }
    }

    @Test
    void odsKeepsSpacesLineBreaksAndDropsIllegalCharacters() throws Exception {
        FigureTable table = new FigureTable("t", "Contrôle", List.of(Column.text("Texte")),
                List.of(List.of("deux  espaces\nligne\u0001"), List.of(" début et fin ")), "");

        try (OdfSpreadsheetDocument document = OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(TableExports.ods(List.of(table))))) {
            OdfTable sheet = document.getTableList().get(0);
            OdfTableCell twoLines = sheet.getCellByPosition(0, 2);
            // One paragraph a line, as Calc writes it (the toolkit's display text joins them).
            assertThat(twoLines.getDisplayText()).isEqualTo("deux  espacesligne");
            NodeList paragraphs = twoLines.getOdfElement().getElementsByTagNameNS(TEXT_NS, "p");
            assertThat(paragraphs.getLength()).isEqualTo(2);
            assertThat(paragraphs.item(1).getTextContent()).isEqualTo("ligne");
            assertThat(sheet.getCellByPosition(0, 3).getDisplayText()).isEqualTo(" début et fin ");
        }
    }

    private static void assertString(OdfTableCell cell, String text) {
        assertThat(cell.getValueType()).isEqualTo("string");
        assertThat(cell.getDisplayText()).isEqualTo(text);
    }

    private static void assertFloat(OdfTableCell cell, double value, String shown) {
        assertThat(cell.getValueType()).isEqualTo("float");
        assertThat(cell.getDoubleValue()).isEqualTo(value);
        assertThat(cell.getDisplayText()).isEqualTo(shown);
    }
}
