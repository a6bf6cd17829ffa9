package org.maillage.observatory.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.maillage.observatory.FigureTable;

/**
 * Spreadsheet exports of {@link FigureTable}s: CSV for French Excel, XLSX (Office Open XML) and ODS
 * (OpenDocument), the two workbooks written by hand with {@code java.util.zip}.
 *
 * <p>A cell is written as a number when it is a {@link Number}, as the text {@link
 * FigureTable#HIDDEN} when it is {@code null}, and as text otherwise.
 */
public final class TableExports {

    /** Media type of {@link #csv}. */
    public static final String CSV_TYPE = "text/csv;charset=UTF-8";

    /** Media type of {@link #xlsx}. */
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Media type of {@link #ods}. */
    public static final String ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet";

    /** The longest sheet name Excel accepts. */
    static final int SHEET_NAME_MAX = 31;

    /** The longest text Excel keeps in a cell. */
    private static final int CELL_TEXT_MAX = 32_767;

    private static final String CRLF = "\r\n";
    private static final char SEPARATOR = ';';
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Characters Excel forbids in a sheet name (LibreOffice too). */
    private static final Pattern SHEET_NAME_FORBIDDEN = Pattern.compile("[\\[\\]:*?/\\\\]");

    /** Excel reads {@code _xHHHH_} in a string as an escaped character: its underscore is escaped. */
    private static final Pattern EXCEL_ESCAPE_LOOKALIKE = Pattern.compile("_(?=x[0-9A-Fa-f]{4}_)");

    /** Entries' modification time, fixed so that the same tables give the same bytes. */
    private static final long ZIP_TIME =
            LocalDateTime.of(2020, 1, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

    private TableExports() {}

    // ---------------------------------------------------------------- CSV

    /**
     * The tables as CSV for French Excel: UTF-8 with a BOM, {@code ;} separators, CRLF, decimal
     * commas; each table is preceded by its title line and followed by its note, tables separated by an empty line.
     */
    public static byte[] csv(List<FigureTable> tables) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (FigureTable table : tables) {
            if (!first) {
                out.append(CRLF);
            }
            first = false;
            csvLine(out, List.of(table.title()));
            csvLine(out, table.columns().stream().map(c -> (Object) c.header()).toList());
            for (List<Object> row : table.rows()) {
                csvLine(out, row);
            }
            if (!table.note().isEmpty()) {
                csvLine(out, List.of(table.note()));
            }
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(text, 0, bytes, BOM.length, text.length);
        return bytes;
    }

    private static void csvLine(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(csvField(cells.get(i)));
        }
        out.append(CRLF);
    }

    /** One CSV field: a French number, or text guarded against formulas and quoted as RFC 4180 says. */
    static String csvField(Object cell) {
        BigDecimal number = number(cell);
        if (number != null) {
            return frenchNumber(number);
        }
        String text = guardFormula(text(cell));
        // Commas are quoted too, for readers that guess the separator.
        boolean quote = text.indexOf(SEPARATOR) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.indexOf(',') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** A text that a spreadsheet would read as a formula gets a leading apostrophe. */
    static String guardFormula(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    // ---------------------------------------------------------------- XLSX

    /**
     * The tables as an Office Open XML workbook, one sheet per table: title and headers in bold,
     * numbers as numeric cells, texts as inline strings, the note in the row after the figures.
     */
    public static byte[] xlsx(List<FigureTable> tables) {
        List<String> names = sheetNames(tables);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            StringBuilder types = new StringBuilder(XML_DECLARATION)
                    .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                    .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                    .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                    .append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
                    .append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
            for (int i = 1; i <= names.size(); i++) {
                types.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                        .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            }
            types.append("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>")
                    .append("<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>")
                    .append("</Types>");
            deflated(zip, "[Content_Types].xml", types);

            deflated(zip, "_rels/.rels", new StringBuilder(XML_DECLARATION)
                    .append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
                    .append("<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>")
                    .append("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>")
                    .append("<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>")
                    .append("</Relationships>"));

            deflated(zip, "docProps/core.xml", new StringBuilder(XML_DECLARATION)
                    .append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"")
                    .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">")
                    .append("<dc:title>").append(xml(tables.isEmpty() ? "" : tables.get(0).title())).append("</dc:title>")
                    .append("<dc:creator>Maillage</dc:creator>")
                    .append("</cp:coreProperties>"));
            deflated(zip, "docProps/app.xml", new StringBuilder(XML_DECLARATION)
                    .append("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">")
                    .append("<Application>Maillage</Application></Properties>"));

            StringBuilder workbook = new StringBuilder(XML_DECLARATION)
                    .append("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"")
                    .append(" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
            StringBuilder workbookRels = new StringBuilder(XML_DECLARATION)
                    .append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (int i = 1; i <= names.size(); i++) {
                workbook.append("<sheet name=\"").append(xml(names.get(i - 1))).append("\" sheetId=\"").append(i)
                        .append("\" r:id=\"rId").append(i).append("\"/>");
                workbookRels.append("<Relationship Id=\"rId").append(i)
                        .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                        .append(i).append(".xml\"/>");
            }
            workbook.append("</sheets></workbook>");
            workbookRels.append("<Relationship Id=\"rId").append(names.size() + 1)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>")
                    .append("</Relationships>");
            deflated(zip, "xl/workbook.xml", workbook);
            deflated(zip, "xl/_rels/workbook.xml.rels", workbookRels);
            deflated(zip, "xl/styles.xml", new StringBuilder(XLSX_STYLES));

            if (tables.isEmpty()) {
                deflated(zip, "xl/worksheets/sheet1.xml", new StringBuilder(XML_DECLARATION)
                        .append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>"));
            }
            for (int i = 0; i < tables.size(); i++) {
                deflated(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", worksheet(tables.get(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Style indexes of {@link #XLSX_STYLES}' cellXfs. */
    private static final int STYLE_BOLD = 1;
    private static final int STYLE_RIGHT = 2;

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private static final String XLSX_STYLES = XML_DECLARATION
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<fonts count=\"2\">"
            + "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "</fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"3\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment horizontal=\"right\"/></xf>"
            + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";

    private static StringBuilder worksheet(FigureTable table) {
        StringBuilder sheet = new StringBuilder(XML_DECLARATION)
                .append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        int[] widths = columnWidths(table);
        if (widths.length > 0) {
            sheet.append("<cols>");
            for (int c = 0; c < widths.length; c++) {
                sheet.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1)
                        .append("\" width=\"").append(widths[c]).append("\" customWidth=\"1\"/>");
            }
            sheet.append("</cols>");
        }
        sheet.append("<sheetData>");
        int r = 1;
        xlsxRow(sheet, r++, List.of(table.title()), STYLE_BOLD, table);
        xlsxRow(sheet, r++, table.columns().stream().map(c -> (Object) c.header()).toList(), STYLE_BOLD, table);
        for (List<Object> row : table.rows()) {
            xlsxRow(sheet, r++, row, 0, table);
        }
        if (!table.note().isEmpty()) {
            xlsxRow(sheet, r, List.of(table.note()), 0, table);
        }
        return sheet.append("</sheetData></worksheet>");
    }

    private static void xlsxRow(StringBuilder sheet, int r, List<?> cells, int style, FigureTable table) {
        sheet.append("<row r=\"").append(r).append("\">");
        for (int c = 0; c < cells.size(); c++) {
            Object cell = cells.get(c);
            String ref = columnLetters(c) + r;
            BigDecimal number = number(cell);
            if (number != null) {
                sheet.append("<c r=\"").append(ref).append('"').append(styleAttribute(style)).append("><v>")
                        .append(number.toPlainString()).append("</v></c>");
                continue;
            }
            int cellStyle = style;
            if (cell == null && style == 0 && c < table.columns().size() && table.columns().get(c).numeric()) {
                cellStyle = STYLE_RIGHT;
            }
            String text = text(cell);
            if (text.length() > CELL_TEXT_MAX) {
                text = text.substring(0, CELL_TEXT_MAX);
            }
            text = EXCEL_ESCAPE_LOOKALIKE.matcher(text).replaceAll("_x005F_");
            sheet.append("<c r=\"").append(ref).append('"').append(styleAttribute(cellStyle))
                    .append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">").append(xml(text)).append("</t></is></c>");
        }
        sheet.append("</row>");
    }

    private static String styleAttribute(int style) {
        return style == 0 ? "" : " s=\"" + style + "\"";
    }

    /** Excel's letters of a column from its index from 0: A, …, Z, AA, … */
    static String columnLetters(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.append((char) ('A' + (n - 1) % 26));
        }
        return letters.reverse().toString();
    }

    /** Column widths in characters, from the headers and the cells (not the title nor the note). */
    private static int[] columnWidths(FigureTable table) {
        int count = table.columns().size();
        for (List<Object> row : table.rows()) {
            count = Math.max(count, row.size());
        }
        int[] widths = new int[count];
        for (int c = 0; c < count; c++) {
            int width = c < table.columns().size() ? table.columns().get(c).header().length() : 0;
            for (List<Object> row : table.rows()) {
                if (c < row.size()) {
                    Object cell = row.get(c);
                    BigDecimal number = number(cell);
                    width = Math.max(width, number != null ? number.toPlainString().length() : text(cell).length());
                }
            }
            widths[c] = Math.min(Math.max(width + 2, 10), 60);
        }
        return widths;
    }

    // ---------------------------------------------------------------- ODS

    /**
     * The tables as an OpenDocument spreadsheet, one table per figure table: {@code mimetype} first
     * and stored, numbers as floats shown in French, texts as strings, title and headers in bold.
     */
    public static byte[] ods(List<FigureTable> tables) {
        List<String> names = sheetNames(tables);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            byte[] mimetype = ODS_TYPE.getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            entry.setCompressedSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            entry.setTime(ZIP_TIME);
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.closeEntry();

            deflated(zip, "META-INF/manifest.xml", new StringBuilder(XML_DECLARATION)
                    .append("<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">")
                    .append("<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"").append(ODS_TYPE).append("\"/>")
                    .append("<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>")
                    .append("<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>")
                    .append("<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>")
                    .append("</manifest:manifest>"));
            deflated(zip, "meta.xml", new StringBuilder(XML_DECLARATION)
                    .append("<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"")
                    .append(" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"")
                    .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.2\"><office:meta>")
                    .append("<meta:generator>Maillage</meta:generator>")
                    .append("<dc:title>").append(xml(tables.isEmpty() ? "" : tables.get(0).title())).append("</dc:title>")
                    .append("</office:meta></office:document-meta>"));
            deflated(zip, "styles.xml", new StringBuilder(XML_DECLARATION)
                    .append("<office:document-styles xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"")
                    .append(" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"")
                    .append(" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" office:version=\"1.2\">")
                    .append("<office:styles><style:default-style style:family=\"table-cell\">")
                    .append("<style:text-properties fo:language=\"fr\" fo:country=\"FR\"/></style:default-style></office:styles>")
                    .append("</office:document-styles>"));
            deflated(zip, "content.xml", odsContent(tables, names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static StringBuilder odsContent(List<FigureTable> tables, List<String> names) {
        StringBuilder content = new StringBuilder(XML_DECLARATION)
                .append("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"")
                .append(" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"")
                .append(" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"")
                .append(" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"")
                .append(" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" office:version=\"1.2\">")
                .append("<office:automatic-styles>")
                .append("<style:style style:name=\"bold\" style:family=\"table-cell\">")
                .append("<style:text-properties fo:font-weight=\"bold\"/></style:style>")
                .append("<style:style style:name=\"right\" style:family=\"table-cell\">")
                .append("<style:paragraph-properties fo:text-align=\"end\"/></style:style>");
        List<int[]> allWidths = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            int[] widths = columnWidths(tables.get(t));
            allWidths.add(widths);
            for (int c = 0; c < widths.length; c++) {
                content.append("<style:style style:name=\"co").append(t + 1).append('_').append(c + 1)
                        .append("\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"")
                        .append(BigDecimal.valueOf(widths[c] * 0.2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                        .append("cm\"/></style:style>");
            }
        }
        content.append("</office:automatic-styles><office:body><office:spreadsheet>");
        if (tables.isEmpty()) {
            content.append("<table:table table:name=\"").append(xml(names.get(0)))
                    .append("\"><table:table-column/><table:table-row><table:table-cell/></table:table-row></table:table>");
        }
        for (int t = 0; t < tables.size(); t++) {
            FigureTable table = tables.get(t);
            content.append("<table:table table:name=\"").append(xml(names.get(t))).append("\">");
            int[] widths = allWidths.get(t);
            if (widths.length == 0) {
                content.append("<table:table-column/>");
            }
            for (int c = 0; c < widths.length; c++) {
                content.append("<table:table-column table:style-name=\"co").append(t + 1).append('_').append(c + 1).append("\"/>");
            }
            odsRow(content, List.of(table.title()), "bold", table);
            odsRow(content, table.columns().stream().map(c -> (Object) c.header()).toList(), "bold", table);
            for (List<Object> row : table.rows()) {
                odsRow(content, row, null, table);
            }
            if (!table.note().isEmpty()) {
                odsRow(content, List.of(table.note()), null, table);
            }
            content.append("</table:table>");
        }
        return content.append("</office:spreadsheet></office:body></office:document-content>");
    }

    private static void odsRow(StringBuilder content, List<?> cells, String style, FigureTable table) {
        content.append("<table:table-row>");
        if (cells.isEmpty()) {
            content.append("<table:table-cell/>");
        }
        for (int c = 0; c < cells.size(); c++) {
            Object cell = cells.get(c);
            String cellStyle = style;
            if (cell == null && style == null && c < table.columns().size() && table.columns().get(c).numeric()) {
                cellStyle = "right";
            }
            content.append("<table:table-cell");
            if (cellStyle != null) {
                content.append(" table:style-name=\"").append(cellStyle).append('"');
            }
            BigDecimal number = number(cell);
            if (number != null) {
                content.append(" office:value-type=\"float\" office:value=\"").append(number.toPlainString())
                        .append("\"><text:p>").append(frenchNumber(number)).append("</text:p></table:table-cell>");
            } else {
                content.append(" office:value-type=\"string\">");
                for (String line : text(cell).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
                    content.append("<text:p>").append(odfText(line)).append("</text:p>");
                }
                content.append("</table:table-cell>");
            }
        }
        content.append("</table:table-row>");
    }

    /** A line as the content of an ODF paragraph: tabs and runs of spaces as elements. */
    private static String odfText(String line) {
        String clean = xml(line);
        StringBuilder out = new StringBuilder(clean.length());
        int i = 0;
        while (i < clean.length()) {
            char ch = clean.charAt(i);
            if (ch == '\t') {
                out.append("<text:tab/>");
                i++;
            } else if (ch == ' ') {
                int end = i;
                while (end < clean.length() && clean.charAt(end) == ' ') {
                    end++;
                }
                // ODF ignores spaces at either end of a paragraph and collapses runs: keep them as elements.
                boolean edge = i == 0 || end == clean.length();
                int extra = edge ? end - i : end - i - 1;
                if (!edge) {
                    out.append(' ');
                }
                if (extra > 0) {
                    out.append("<text:s");
                    if (extra > 1) {
                        out.append(" text:c=\"").append(extra).append('"');
                    }
                    out.append("/>");
                }
                i = end;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- shared

    /**
     * Sheet names for the tables: the title without {@code []:*?/\}, cut to 31 characters, unique
     * regardless of case (a suffix " (2)" if needed); "Tableau" when there is no table.
     */
    static List<String> sheetNames(List<FigureTable> tables) {
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        if (tables.isEmpty()) {
            names.add("Tableau");
            return names;
        }
        for (int i = 0; i < tables.size(); i++) {
            String base = SHEET_NAME_FORBIDDEN.matcher(stripControls(tables.get(i).title())).replaceAll("");
            base = trimName(base);
            if (base.isEmpty()) {
                base = "Tableau " + (i + 1);
            }
            String name = trimName(cut(base, SHEET_NAME_MAX));
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = " (" + n + ")";
                name = trimName(cut(base, SHEET_NAME_MAX - suffix.length())) + suffix;
            }
            names.add(name);
        }
        return names;
    }

    /** Cuts to at most {@code max} chars without splitting a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** Trims spaces and the apostrophes Excel refuses at either end of a sheet name. */
    private static String trimName(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '\'' || Character.isWhitespace(name.charAt(start)))) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '\'' || Character.isWhitespace(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(start, end);
    }

    private static String stripControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        xmlChars(text).codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The cell as an exact decimal if it is a finite number, else {@code null}. */
    static BigDecimal number(Object cell) {
        if (!(cell instanceof Number n)) {
            return null;
        }
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            // Float.toString keeps 1.1f as 1.1 rather than 1.100000023841858.
            return new BigDecimal(n instanceof Float f ? Float.toString(f) : Double.toString(d)).stripTrailingZeros();
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        try {
            return new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)).stripTrailingZeros() : null;
        }
    }

    /** A number as French users read it: decimal comma, no thousands separator, no exponent. */
    static String frenchNumber(BigDecimal number) {
        BigDecimal shown = number.signum() == 0 ? BigDecimal.ZERO : number;
        return shown.toPlainString().replace('.', ',');
    }

    /** The text of a cell that is not a finite number: {@link FigureTable#HIDDEN} for {@code null}. */
    private static String text(Object cell) {
        if (cell == null) {
            return FigureTable.HIDDEN;
        }
        return String.valueOf(cell);
    }

    /** The text without the characters XML 1.0 forbids (most controls, lone surrogates, U+FFFE, U+FFFF). */
    static String xmlChars(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!legal && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (legal && out != null) {
                out.appendCodePoint(cp);
            }
            i += len;
        }
        return out == null ? text : out.toString();
    }

    /** The text escaped for XML content and attributes, illegal characters dropped, CR kept as a reference. */
    static String xml(String text) {
        String legal = xmlChars(text);
        StringBuilder out = new StringBuilder(legal.length() + 16);
        for (int i = 0; i < legal.length(); i++) {
            char ch = legal.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static void deflated(ZipOutputStream zip, String name, CharSequence xml) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(ZIP_TIME);
        zip.putNextEntry(entry);
        zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
