package org.maillage.journey.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

/**
 * A document of data (maps, lists, values) as a plain PDF: one line per value, indented by level, cut
 * to the page width, on as many A4 pages as needed. Standard fonts only (nothing to ship): characters
 * outside their encoding are written as "?".
 */
final class DataPdf {

    private static final float MARGIN = 50;
    private static final float SIZE = 10;
    private static final float LEADING = 14;
    private static final int WIDTH_CHARS = 95;

    private DataPdf() {}

    /** @param label the words for a key of the document (the keys themselves where there are none) */
    static byte[] write(String title, Map<String, Object> document, Function<String, String> label) {
        List<String[]> lines = new ArrayList<>(); // [font: B or R, text]
        lines.add(new String[] {"B", title});
        lines.add(new String[] {"R", ""});
        flatten(document, 0, lines, label);
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.getDocumentInformation().setTitle(encodable(title));
            int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
            for (int start = 0; start < lines.size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setLeading(LEADING);
                    content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    for (String[] line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                        content.setFont("B".equals(line[0]) ? bold : regular, SIZE);
                        content.showText(encodable(line[1]));
                        content.newLine();
                    }
                    content.endText();
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(Object value, int level, List<String[]> lines, Function<String, String> label) {
        String indent = "    ".repeat(level);
        if (value instanceof Map<?, ?> map) {
            for (var entry : ((Map<String, Object>) map).entrySet()) {
                Object v = entry.getValue();
                if (v instanceof Map<?, ?> || v instanceof List<?>) {
                    lines.add(new String[] {"B", indent + label.apply(entry.getKey())});
                    flatten(v, level + 1, lines, label);
                } else {
                    wrap(indent + label.apply(entry.getKey()) + " : " + (v == null ? "—" : v), "R", lines);
                }
            }
        } else if (value instanceof List<?> list) {
            int i = 1;
            for (Object item : list) {
                if (item instanceof Map<?, ?> || item instanceof List<?>) {
                    lines.add(new String[] {"B", indent + "#" + i++});
                    flatten(item, level + 1, lines, label);
                } else {
                    wrap(indent + "- " + item, "R", lines);
                }
            }
        } else {
            wrap(indent + value, "R", lines);
        }
    }

    private static void wrap(String text, String font, List<String[]> lines) {
        for (String part : text.split("\\R")) {
            String rest = part;
            while (rest.length() > WIDTH_CHARS) {
                int cut = rest.lastIndexOf(' ', WIDTH_CHARS);
                cut = cut < 20 ? WIDTH_CHARS : cut;
                lines.add(new String[] {font, rest.substring(0, cut)});
                rest = "    " + rest.substring(cut).strip();
            }
            lines.add(new String[] {font, rest});
        }
    }

    /** The text with what Helvetica cannot write replaced by "?". */
    static String encodable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(cp != '\t' && WinAnsiEncoding.INSTANCE.contains(GlyphList.getAdobeGlyphList().codePointToName(cp))
                ? new String(Character.toChars(cp)) : cp == '\t' ? "    " : "?"));
        return out.toString();
    }
}
