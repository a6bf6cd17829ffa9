package org.maillage.observatory.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.maillage.observatory.Chart;
import org.maillage.observatory.Chart.MapPoint;
import org.maillage.observatory.Dashboard;
import org.maillage.observatory.Dashboard.KeyFigure;
import org.maillage.observatory.Dashboard.Section;
import org.maillage.observatory.FigureTable;
import org.maillage.observatory.FigureTable.Column;

/**
 * The yearly activity report of a territory (a pôle, a région) as an A4 PDF: a cover block, the
 * text the animator wrote, the key figures, then each table with its chart drawn as vectors (as
 * {@link SvgCharts} draws it in pages) and its note. Tables longer than a page go on with their
 * header repeated; every page has the territory's name and "Page X sur N" at its foot.
 *
 * <p>Standard fonts only (Helvetica, nothing to ship), as the porteur's data export: what WinAnsi
 * cannot write is replaced — spaces of any width by a space, letters by their letter without accent,
 * anything else by "?". Hidden figures ({@code null} cells) are written {@link FigureTable#HIDDEN}
 * and drawn as no bar.
 */
public final class ReportPdf {

    /** Media type of {@link #write}. */
    public static final String TYPE = "application/pdf";

    /**
     * The words of the report, in the reader's language.
     *
     * @param title e.g. "Rapport d'activité 2026", also the document's title
     * @param subtitle e.g. the pôle's name; the area's name when blank
     * @param keyFiguresHeading e.g. "Chiffres clés"
     * @param textHeading the heading of the animator's text, e.g. "Le mot du pôle"; none when blank
     * @param previousYear before last year's value of a key figure: "En 2025" gives "En 2025 : 38";
     *     with a {@code %s}, the value goes there
     * @param generatedOn before the date: "Édité le" gives "Édité le 3 décembre 2026"; with a {@code
     *     %s}, the date goes there
     * @param pageOf the page number, e.g. "Page %d sur %d"
     */
    public record ReportLabels(String title, String subtitle, String keyFiguresHeading, String textHeading,
            String previousYear, String generatedOn, String pageOf) {

        public ReportLabels {
            title = orEmpty(title);
            subtitle = orEmpty(subtitle);
            keyFiguresHeading = orEmpty(keyFiguresHeading);
            textHeading = orEmpty(textHeading);
            previousYear = orEmpty(previousYear);
            generatedOn = orEmpty(generatedOn);
            pageOf = pageOf == null || pageOf.isBlank() ? "%d / %d" : pageOf;
        }

        private static String orEmpty(String text) {
            return text == null ? "" : text;
        }
    }

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN;

    private static final float BODY = 10;
    private static final float BODY_LEADING = 14;
    private static final float HEADING = 14;
    private static final float HEADING_LEADING = 18;
    private static final float SMALL = 8;
    private static final float SMALL_LEADING = 10.5f;
    private static final float CELL = 9;
    private static final float CELL_LEADING = 11;
    private static final float CELL_PAD_X = 4;
    private static final float CELL_PAD_Y = 3;
    private static final int CELL_MAX_LINES = 3;
    /** The smallest text a table with many columns is written in. */
    private static final float CELL_SMALLEST = 6;
    /** The narrowest a text column is squeezed to before the others are (its cells are wrapped). */
    private static final float TEXT_COLUMN_MIN = 90;
    /** The width columns get, room allowing, however short their cells (small tables are not cramped). */
    private static final float TEXT_COLUMN_WANTED = 100;
    private static final float NUMBER_COLUMN_WANTED = 56;

    private static final float BARS_MAX_HEIGHT = 330;
    private static final float BAR_LABEL_WIDTH = 150;
    private static final float LINE_PLOT_HEIGHT = 150;
    private static final float MAP_MIN_HEIGHT = 200;
    private static final float MAP_MAX_HEIGHT = 380;

    private static final float[] TEXT = rgb("#1b1b1b");
    private static final float[] MUTED = rgb("#555555");
    private static final float[] TITLE = rgb("#0b3954");
    private static final float[] GRID = rgb("#d0d0d0");
    private static final float[] RULE = rgb("#8a8a8a");
    private static final float[] STRIPE = rgb("#f3f6f9");
    private static final float[] HEADER = rgb("#e3ebf2");
    private static final float[] MAP_BACKGROUND = rgb("#eef4f8");
    private static final float[] MAP_STROKE = rgb("#0b3954");
    private static final float[] MAP_HIDDEN = rgb("#9e9e9e");
    private static final float[][] SERIES = Arrays.stream(SvgCharts.COLOURS).map(ReportPdf::rgb)
            .toArray(float[][]::new);

    /** The characters Helvetica can write with WinAnsiEncoding. */
    private static final Set<Integer> WRITABLE = writable();

    private ReportPdf() {}

    /** The report of the dashboard as PDF bytes. */
    public static byte[] write(Dashboard dashboard, ReportLabels labels) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new Report(pdf, dashboard, labels).render();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A date as French readers write it: "1er mars 2026", "3 décembre 2026" (in Paris). */
    static String frenchDate(Instant instant) {
        LocalDate date = instant.atZone(PARIS).toLocalDate();
        int day = date.getDayOfMonth();
        return (day == 1 ? "1er" : String.valueOf(day)) + " "
                + date.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH));
    }

    /**
     * The text as the standard fonts can write it: controls and invisible characters dropped,
     * no-break spaces of any width (U+202F, U+2007) as U+00A0 (lines are not cut there), other
     * spaces and line breaks as a space, hyphens and minus as "-", letters outside WinAnsi without
     * their accent, anything else as "?".
     */
    static String writable(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normal.length());
        normal.codePoints().forEach(cp -> {
            if (cp == ' ' || (cp != '\t' && WRITABLE.contains(cp))) {
                out.appendCodePoint(cp);
            } else if (cp == 0x202F || cp == 0x2007) {
                out.append('\u00a0');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF
                    || Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                // invisible: nothing to write
            } else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2212) {
                out.append('-');
            } else if (cp == 0x2264) {
                out.append("<=");
            } else if (cp == 0x2265) {
                out.append(">=");
            } else if (cp == 0x2032) {
                out.append('\'');
            } else {
                String bare = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "");
                out.append(!bare.isEmpty() && bare.codePoints().allMatch(WRITABLE::contains) ? bare : "?");
            }
        });
        return out.toString();
    }

    private static Set<Integer> writable() {
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        Set<Integer> writable = new HashSet<>();
        for (String name : WinAnsiEncoding.INSTANCE.getCodeToNameMap().values()) {
            String unicode = GlyphList.getAdobeGlyphList().toUnicode(name);
            if (unicode == null || unicode.codePointCount(0, unicode.length()) != 1) {
                continue;
            }
            try {
                helvetica.encode(unicode);
                writable.add(unicode.codePointAt(0));
            } catch (IOException | IllegalArgumentException e) {
                // not in the font: replaced when written
            }
        }
        return Collections.unmodifiableSet(writable);
    }

    private static float[] rgb(String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return new float[] {((value >> 16) & 0xff) / 255f, ((value >> 8) & 0xff) / 255f, (value & 0xff) / 255f};
    }

    /** Something drawn from a top edge down, of a known height. */
    private interface Drawing {
        void at(float top) throws IOException;
    }

    private record Block(float height, Drawing drawing) {}

    /** One report being written: the current page, where the next block goes. */
    private static final class Report {

        private final PDDocument pdf;
        private final Dashboard dashboard;
        private final ReportLabels labels;
        private final String areaName;
        private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final PDFont italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
        private final PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        private PDPageContentStream content;
        private float y;

        Report(PDDocument pdf, Dashboard dashboard, ReportLabels labels) {
            this.pdf = pdf;
            this.dashboard = dashboard;
            this.labels = labels;
            this.areaName = dashboard.area() == null || dashboard.area().name() == null ? "" : dashboard.area().name();
            translucent.setNonStrokingAlphaConstant(0.55f);
        }

        void render() throws IOException {
            information();
            newPage();
            try {
                cover();
                animatorText();
                keyFigures();
                for (Section section : dashboard.sections()) {
                    section(section);
                }
            } finally {
                content.close();
            }
            footers();
        }

        private void information() {
            PDDocumentInformation information = pdf.getDocumentInformation();
            information.setTitle(plain(labels.title().isBlank() ? areaName : labels.title()));
            information.setAuthor("Maillage");
            information.setCreator("Maillage");
            information.setSubject(plain(areaName));
            if (dashboard.computedAt() != null) {
                information.setCreationDate(GregorianCalendar.from(dashboard.computedAt().atZone(PARIS)));
            }
            PDDocumentCatalog catalog = pdf.getDocumentCatalog();
            catalog.setLanguage("fr-FR");
            PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
            preferences.setDisplayDocTitle(true);
            catalog.setViewerPreferences(preferences);
        }

        // ------------------------------------------------------------ blocks

        private void cover() throws IOException {
            fill(MARGIN, y - 4, WIDTH, 4, SERIES[0]);
            y -= 16;
            String year = String.valueOf(dashboard.year());
            if (!labels.title().contains(year)) {
                lines(List.of(year), bold, 13, 18, SERIES[0]);
            }
            String title = labels.title().isBlank() ? areaName : labels.title();
            lines(wrap(title, bold, 22, WIDTH), bold, 22, 27, TITLE);
            String subtitle = labels.subtitle().isBlank() ? areaName : labels.subtitle();
            if (!subtitle.isBlank()) {
                y -= 2;
                lines(wrap(subtitle, regular, 14, WIDTH), regular, 14, 18, TEXT);
            }
            if (dashboard.computedAt() != null) {
                y -= 4;
                lines(wrap(withValue(labels.generatedOn(), frenchDate(dashboard.computedAt()), " "), regular, 9, WIDTH),
                        regular, 9, 12, MUTED);
            }
            y -= 10;
            line(MARGIN, y, MARGIN + WIDTH, y, GRID, 0.75f);
            y -= 18;
        }

        private void animatorText() throws IOException {
            String text = dashboard.text().strip();
            if (text.isEmpty()) {
                return;
            }
            if (!labels.textHeading().isBlank()) {
                heading(labels.textHeading(), 3 * BODY_LEADING);
            }
            String[] paragraphs = text.split("\\R[\\h]*\\R\\s*");
            for (int p = 0; p < paragraphs.length; p++) {
                if (p > 0) {
                    space(6);
                }
                for (String line : paragraphs[p].split("\\R")) {
                    lines(wrap(line.strip(), regular, BODY, WIDTH), regular, BODY, BODY_LEADING, TEXT);
                }
            }
            space(18);
        }

        private void keyFigures() throws IOException {
            List<KeyFigure> figures = dashboard.keyFigures();
            if (figures.isEmpty()) {
                return;
            }
            int columns = figures.size() <= 2 ? figures.size() : figures.size() == 4 ? 2 : 3;
            float gap = 10;
            float cardWidth = (WIDTH - gap * (columns - 1)) / columns;
            float pad = 8;
            float inner = cardWidth - 2 * pad - 3;
            boolean headingDone = false;
            for (int start = 0; start < figures.size(); start += columns) {
                List<KeyFigure> row = figures.subList(start, Math.min(figures.size(), start + columns));
                List<List<String>> labelLines = new ArrayList<>();
                float height = 0;
                for (KeyFigure figure : row) {
                    List<String> lines = clip(wrap(figure.label(), regular, 8.5f, inner), 3, regular, 8.5f, inner);
                    labelLines.add(lines);
                    boolean previous = figure.previous() != null && !figure.previous().isBlank();
                    height = Math.max(height, 2 * pad + lines.size() * 10.5f + 4 + 20 + (previous ? 12 : 0));
                }
                if (!headingDone) {
                    if (!labels.keyFiguresHeading().isBlank()) {
                        heading(labels.keyFiguresHeading(), height);
                    }
                    headingDone = true;
                }
                ensure(height);
                for (int i = 0; i < row.size(); i++) {
                    KeyFigure figure = row.get(i);
                    float x = MARGIN + i * (cardWidth + gap);
                    fill(x, y - height, cardWidth, height, STRIPE);
                    fill(x, y - height, 3, height, SERIES[0]);
                    float top = y - pad;
                    for (String line : labelLines.get(i)) {
                        text(x + 3 + pad, top - 8, line, regular, 8.5f, MUTED);
                        top -= 10.5f;
                    }
                    top -= 4;
                    text(x + 3 + pad, top - 16, fit(figure.value(), bold, 18, inner), bold, 18, TITLE);
                    top -= 20;
                    if (figure.previous() != null && !figure.previous().isBlank()) {
                        String previous = withValue(labels.previousYear(), figure.previous(), " : ");
                        text(x + 3 + pad, top - 9, fit(previous, regular, SMALL, inner), regular, SMALL, MUTED);
                    }
                }
                y -= height + gap;
            }
            space(12);
        }

        private void section(Section section) throws IOException {
            FigureTable table = section.table();
            Chart chart = section.chart() == null ? Chart.none() : section.chart();
            List<List<Object>> rows = chart.totalRow() && !table.rows().isEmpty()
                    ? table.rows().subList(0, table.rows().size() - 1) : table.rows();
            Block block = switch (chart.kind()) {
                case BAR -> barChart(table, chart, rows);
                case LINE -> lineChart(table, chart, rows);
                case MAP -> mapChart(chart.points());
                case NONE -> null;
            };
            TableLayout layout = table.columns().isEmpty() ? null : layout(table, chart.totalRow());
            float keep = block != null ? block.height()
                    : layout != null ? layout.header.height + (layout.rows.isEmpty() ? 0 : layout.rows.get(0).height) : 0;
            heading(table.title(), keep + 4);
            if (block != null) {
                ensure(block.height());
                block.drawing().at(y);
                y -= block.height() + 10;
            }
            List<String> note = table.note().isBlank() ? List.of()
                    : wrap(table.note().replaceAll("\\R", " "), italic, SMALL, WIDTH);
            float noteHeight = note.isEmpty() ? 0 : 4 + Math.min(note.size(), 3) * SMALL_LEADING;
            if (layout != null) {
                table(layout, noteHeight);
            }
            if (!note.isEmpty()) {
                space(4);
                lines(note, italic, SMALL, SMALL_LEADING, MUTED);
            }
            space(20);
        }

        private void heading(String text, float keepWithNext) throws IOException {
            List<String> lines = wrap(text, bold, HEADING, WIDTH);
            ensure(lines.size() * HEADING_LEADING + 6 + keepWithNext);
            lines(lines, bold, HEADING, HEADING_LEADING, TITLE);
            y -= 6;
        }

        // ------------------------------------------------------------ tables

        private record Row(List<List<String>> cells, float height, boolean total) {}

        /** A table laid out: its columns' widths, its text size, its rows cut into lines. */
        private record TableLayout(float[] widths, boolean[] numeric, float size, Row header, List<Row> rows) {

            float leading() {
                return size * CELL_LEADING / CELL;
            }
        }

        private TableLayout layout(FigureTable table, boolean totalRow) throws IOException {
            List<Column> columns = table.columns();
            int n = columns.size();
            boolean[] numeric = new boolean[n];
            for (int c = 0; c < n; c++) {
                numeric[c] = columns.get(c).numeric();
            }
            float size = CELL;
            float[] widths = columnWidths(table, totalRow, size);
            if (widths == null) {
                // Too many columns for their numbers: a smaller size, then squeezed if still too wide.
                float least = sum(columnLeast(table, totalRow, size));
                size = Math.max(CELL_SMALLEST, CELL * (WIDTH - 2 * CELL_PAD_X * n) / (least - 2 * CELL_PAD_X * n));
                widths = columnWidths(table, totalRow, size);
                if (widths == null) {
                    float[] squeezed = columnLeast(table, totalRow, size);
                    float total = sum(squeezed);
                    for (int c = 0; c < n; c++) {
                        squeezed[c] = squeezed[c] * WIDTH / total;
                    }
                    widths = squeezed;
                }
            }
            float leading = size * CELL_LEADING / CELL;
            List<List<String>> header = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                float inner = widths[c] - 2 * CELL_PAD_X;
                header.add(clip(wrap(columns.get(c).header(), bold, size, inner), CELL_MAX_LINES, bold, size, inner));
            }
            List<Row> rows = new ArrayList<>();
            for (int r = 0; r < table.rows().size(); r++) {
                boolean total = totalRow && r == table.rows().size() - 1;
                PDFont font = total ? bold : regular;
                List<Object> row = table.rows().get(r);
                List<List<String>> cells = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    float inner = widths[c] - 2 * CELL_PAD_X;
                    String text = cellText(row, c);
                    cells.add(numeric[c] ? List.of(fit(text, font, size, inner))
                            : clip(wrap(text, font, size, inner), CELL_MAX_LINES, font, size, inner));
                }
                rows.add(new Row(cells, rowHeight(cells, leading), total));
            }
            return new TableLayout(widths, numeric, size, new Row(header, rowHeight(header, leading), false), rows);
        }

        private static float rowHeight(List<List<String>> cells, float leading) {
            int lines = cells.stream().mapToInt(List::size).max().orElse(1);
            return 2 * CELL_PAD_Y + Math.max(1, lines) * leading;
        }

        /**
         * Each column as wide as its longest cell (at least {@link #TEXT_COLUMN_WANTED} or {@link
         * #NUMBER_COLUMN_WANTED}) if they all fit; otherwise each gets at least its widest number or
         * its longest word (text columns at most {@link #TEXT_COLUMN_MIN} of that) and shares the
         * rest in proportion to what it lacks; {@code null} when even that does not fit.
         */
        private float[] columnWidths(FigureTable table, boolean totalRow, float size) throws IOException {
            List<Column> columns = table.columns();
            int n = columns.size();
            float[] want = new float[n];
            float[] least = columnLeast(table, totalRow, size);
            for (int c = 0; c < n; c++) {
                float cellMax = 0;
                for (int r = 0; r < table.rows().size(); r++) {
                    PDFont font = totalRow && r == table.rows().size() - 1 ? bold : regular;
                    cellMax = Math.max(cellMax, width(cellText(table.rows().get(r), c), font, size));
                }
                want[c] = Math.max(Math.max(width(columns.get(c).header(), bold, size), cellMax) + 2 * CELL_PAD_X,
                        columns.get(c).numeric() ? NUMBER_COLUMN_WANTED : TEXT_COLUMN_WANTED);
                least[c] = Math.min(least[c], want[c]);
            }
            float sumWant = sum(want);
            float sumLeast = sum(least);
            if (sumLeast > WIDTH + 0.01f) {
                return null;
            }
            float[] widths = new float[n];
            for (int c = 0; c < n; c++) {
                widths[c] = sumWant <= WIDTH ? want[c]
                        : least[c] + (want[c] - least[c]) * (WIDTH - sumLeast) / (sumWant - sumLeast);
            }
            return widths;
        }

        /** The narrowest each column can be: its widest number, or its longest word up to {@link #TEXT_COLUMN_MIN}. */
        private float[] columnLeast(FigureTable table, boolean totalRow, float size) throws IOException {
            List<Column> columns = table.columns();
            float[] least = new float[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                boolean numeric = columns.get(c).numeric();
                float cellMax = 0;
                float wordMax = longestWord(columns.get(c).header(), bold, size);
                for (int r = 0; r < table.rows().size(); r++) {
                    PDFont font = totalRow && r == table.rows().size() - 1 ? bold : regular;
                    String text = cellText(table.rows().get(r), c);
                    if (numeric) {
                        cellMax = Math.max(cellMax, width(text, font, size));
                    } else {
                        wordMax = Math.max(wordMax, longestWord(text, font, size));
                    }
                }
                // a number is never cut; a header word may be (its column is as wide as its numbers)
                least[c] = (numeric ? Math.max(cellMax, Math.min(wordMax, cellMax + 12))
                        : Math.min(wordMax, TEXT_COLUMN_MIN * size / CELL)) + 2 * CELL_PAD_X;
            }
            return least;
        }

        /** The table, its header repeated on each page it goes on to; its last row kept with what follows. */
        private void table(TableLayout layout, float keepWithLast) throws IOException {
            float tableWidth = sum(layout.widths);
            int count = layout.rows.size();
            ensure(layout.header.height + (count == 0 ? keepWithLast
                    : layout.rows.get(0).height + (count == 1 ? keepWithLast : 0)));
            header(layout, tableWidth);
            for (int r = 0; r < count; r++) {
                Row row = layout.rows.get(r);
                if (ensure(row.height + (r == count - 1 ? keepWithLast : 0))) {
                    header(layout, tableWidth);
                }
                if (row.total) {
                    line(MARGIN, y, MARGIN + tableWidth, y, RULE, 0.8f);
                } else if (r % 2 == 1) {
                    fill(MARGIN, y - row.height, tableWidth, row.height, STRIPE);
                }
                cells(layout, row, row.total ? bold : regular);
                y -= row.height;
            }
            line(MARGIN, y, MARGIN + tableWidth, y, GRID, 0.5f);
        }

        private void header(TableLayout layout, float tableWidth) throws IOException {
            Row header = layout.header;
            fill(MARGIN, y - header.height, tableWidth, header.height, HEADER);
            cells(layout, header, bold);
            y -= header.height;
            line(MARGIN, y, MARGIN + tableWidth, y, RULE, 0.8f);
        }

        private void cells(TableLayout layout, Row row, PDFont font) throws IOException {
            float size = layout.size();
            float x = MARGIN;
            for (int c = 0; c < layout.widths.length; c++) {
                float baseline = y - CELL_PAD_Y - layout.leading() / 2 - size / 4 - 0.5f;
                for (String line : row.cells.get(c)) {
                    if (layout.numeric[c]) {
                        text(x + layout.widths[c] - CELL_PAD_X - width(line, font, size), baseline, line, font, size, TEXT);
                    } else {
                        text(x + CELL_PAD_X, baseline, line, font, size, TEXT);
                    }
                    baseline -= layout.leading();
                }
                x += layout.widths[c];
            }
        }

        private static String cellText(List<Object> row, int column) {
            if (column >= row.size()) {
                return "";
            }
            return FigureTable.display(row.get(column)).replaceAll("\\R", " ");
        }

        // ------------------------------------------------------------ charts

        private Block barChart(FigureTable table, Chart chart, List<List<Object>> all) throws IOException {
            List<Integer> series = usable(table, chart.seriesColumns());
            if (all.isEmpty() || series.isEmpty()) {
                return null;
            }
            List<List<Object>> rows = all.size() > SvgCharts.MAX_BARS ? all.subList(0, SvgCharts.MAX_BARS) : all;
            double max = max(rows, series);
            List<String> names = names(table, series);
            float legend = legend(names, 0, false);
            int s = series.size();
            float rowHeight = Math.min(4 + 12f * s, (BARS_MAX_HEIGHT - legend) / rows.size());
            float thickness = (rowHeight - 4) / s;
            float barMax = WIDTH - BAR_LABEL_WIDTH - 44;
            float labelSize = Math.min(8.5f, Math.max(5, rowHeight - 3));
            float valueSize = Math.min(8, Math.max(5, thickness + 1.5f));
            float height = legend + rows.size() * rowHeight + 4;
            return new Block(height, top -> {
                legend(names, top, true);
                float x0 = MARGIN + BAR_LABEL_WIDTH;
                for (int r = 0; r < rows.size(); r++) {
                    List<Object> row = rows.get(r);
                    float rowTop = top - legend - r * rowHeight - 2;
                    String label = fit(cellText(row, 0), regular, labelSize, BAR_LABEL_WIDTH - 8);
                    text(MARGIN, rowTop - rowHeight / 2 + 2 - labelSize * 0.35f, label, regular, labelSize, TEXT);
                    for (int i = 0; i < s; i++) {
                        Object cell = series.get(i) < row.size() ? row.get(series.get(i)) : null;
                        double v = Math.max(0, SvgCharts.value(cell));
                        float barWidth = max == 0 ? 0 : (float) (v / max * barMax);
                        float barBottom = rowTop - 2 - (i + 1) * thickness;
                        if (barWidth > 0) {
                            fill(x0, barBottom + (s > 1 ? 0.5f : 0), barWidth, thickness - (s > 1 ? 1 : 0),
                                    SERIES[i % SERIES.length]);
                        }
                        text(x0 + barWidth + 3, barBottom + thickness / 2 - valueSize * 0.35f,
                                FigureTable.display(cell), regular, valueSize, TEXT);
                    }
                }
                line(x0, top - legend, x0, top - height + 2, RULE, 0.5f);
            });
        }

        private Block lineChart(FigureTable table, Chart chart, List<List<Object>> rows) throws IOException {
            List<Integer> series = usable(table, chart.seriesColumns());
            if (rows.isEmpty() || series.isEmpty()) {
                return null;
            }
            double max = SvgCharts.niceCeiling(max(rows, series));
            List<String> names = names(table, series);
            float legend = legend(names, 0, false);
            float axis = 44;
            float plotWidth = WIDTH - axis - 14;
            float height = legend + 8 + LINE_PLOT_HEIGHT + 20;
            int n = rows.size();
            List<String> full = new ArrayList<>();
            List<String> shortened = new ArrayList<>();
            for (List<Object> row : rows) {
                String label = writable(cellText(row, 0));
                full.add(fit(label, regular, 7.5f, 80));
                shortened.add(n > 6 && label.length() > 4 ? label.substring(0, 3) + "." : label);
            }
            // shortened as the pages do ("jan.", "fév."), unless that makes labels alike ("Sem.")
            List<String> xLabels = new HashSet<>(shortened).size() == n ? shortened : full;
            float widest = 0;
            for (String label : xLabels) {
                widest = Math.max(widest, width(label, regular, 7.5f));
            }
            float step = n > 1 ? plotWidth / (n - 1) : 0;
            int every = step == 0 ? 1 : Math.max(1, (int) Math.ceil((widest + 6) / step));
            return new Block(height, top -> {
                legend(names, top, true);
                float left = MARGIN + axis;
                float plotTop = top - legend - 8;
                float base = plotTop - LINE_PLOT_HEIGHT;
                for (int g = 0; g <= 4; g++) {
                    float gy = base + g * LINE_PLOT_HEIGHT / 4;
                    line(left, gy, left + plotWidth, gy, g == 0 ? RULE : GRID, 0.5f);
                    String value = FigureTable.display(max * g / 4);
                    text(left - 5 - width(value, regular, 7.5f), gy - 2.6f, value, regular, 7.5f, MUTED);
                }
                for (int i = 0; i < n; i += every) {
                    String label = xLabels.get(i);
                    float w = width(label, regular, 7.5f);
                    float x = Math.max(MARGIN, Math.min(MARGIN + WIDTH - w, left + i * step - w / 2));
                    text(x, base - 11, label, regular, 7.5f, MUTED);
                }
                for (int s = 0; s < series.size(); s++) {
                    float[] colour = SERIES[s % SERIES.length];
                    List<float[]> points = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        List<Object> row = rows.get(i);
                        Object cell = series.get(s) < row.size() ? row.get(series.get(s)) : null;
                        if (!(cell instanceof Number)) {
                            continue; // hidden or not computable: no point, the line goes on from the next
                        }
                        double v = Math.max(0, Math.min(max, SvgCharts.value(cell)));
                        points.add(new float[] {left + i * step, (float) (base + (max == 0 ? 0 : v / max * LINE_PLOT_HEIGHT))});
                    }
                    if (points.isEmpty()) {
                        continue;
                    }
                    content.setStrokingColor(colour[0], colour[1], colour[2]);
                    content.setLineWidth(1.6f);
                    if (s == 1) {
                        content.setLineDashPattern(new float[] {4, 2}, 0);
                    }
                    content.moveTo(points.get(0)[0], points.get(0)[1]);
                    for (float[] p : points.subList(1, points.size())) {
                        content.lineTo(p[0], p[1]);
                    }
                    content.stroke();
                    if (s == 1) {
                        content.setLineDashPattern(new float[] {}, 0);
                    }
                    content.setNonStrokingColor(colour[0], colour[1], colour[2]);
                    for (float[] p : points) {
                        circle(p[0], p[1], 2.2f);
                        content.fill();
                    }
                }
            });
        }

        private Block mapChart(List<MapPoint> points) throws IOException {
            if (points.size() < 2) {
                return null;
            }
            MapProjection projection = MapProjection.of(points, WIDTH, MAP_MIN_HEIGHT, MAP_MAX_HEIGHT, 36);
            float height = (float) projection.height();
            List<MapPoint> biggestFirst = MapProjection.biggestFirst(points);
            return new Block(height, top -> {
                float bottom = top - height;
                fill(MARGIN, bottom, WIDTH, height, MAP_BACKGROUND);
                List<float[]> placed = new ArrayList<>();
                for (MapPoint p : biggestFirst) {
                    float x = (float) (MARGIN + projection.x(p));
                    float cy = (float) (bottom + projection.yUp(p));
                    float r = (float) projection.radius(p, 3, 16);
                    float[] colour = p.value() == null ? MAP_HIDDEN : SERIES[0];
                    content.saveGraphicsState();
                    content.setGraphicsStateParameters(translucent);
                    content.setNonStrokingColor(colour[0], colour[1], colour[2]);
                    circle(x, cy, r);
                    content.fill();
                    content.restoreGraphicsState();
                    content.setStrokingColor(MAP_STROKE[0], MAP_STROKE[1], MAP_STROKE[2]);
                    content.setLineWidth(0.75f);
                    circle(x, cy, r);
                    content.stroke();
                    placed.add(new float[] {x, cy, r});
                }
                for (int i = 0; i < biggestFirst.size(); i++) {
                    MapPoint p = biggestFirst.get(i);
                    float[] at = placed.get(i);
                    String label = fit(cut(writable(p.label()), 22) + " : " + FigureTable.display(p.value()),
                            regular, 7, 170);
                    float w = width(label, regular, 7);
                    float x = Math.max(MARGIN + 2, Math.min(MARGIN + WIDTH - 2 - w, at[0] - w / 2));
                    float baseline = at[1] + at[2] + 2.5f;
                    if (baseline + 7 > top - 2) {
                        baseline = at[1] - at[2] - 8;
                    }
                    text(x, baseline, label, regular, 7, TEXT);
                }
            });
        }

        /** The series columns that exist in the table. */
        private static List<Integer> usable(FigureTable table, List<Integer> series) {
            return series.stream().filter(c -> c != null && c >= 0 && c < table.columns().size()).toList();
        }

        private static double max(List<List<Object>> rows, List<Integer> series) {
            double max = 0;
            for (List<Object> row : rows) {
                for (int column : series) {
                    if (column < row.size()) {
                        max = Math.max(max, SvgCharts.value(row.get(column)));
                    }
                }
            }
            return max;
        }

        private static List<String> names(FigureTable table, List<Integer> series) {
            return series.size() < 2 ? List.of()
                    : series.stream().map(c -> cut(writable(table.columns().get(c).header()), 40)).toList();
        }

        /** The legend of the series (none for one), flowing onto as many lines as needed; its height. */
        private float legend(List<String> names, float top, boolean draw) throws IOException {
            if (names.isEmpty()) {
                return 0;
            }
            float x = MARGIN;
            float lineTop = top;
            int lines = 1;
            for (int s = 0; s < names.size(); s++) {
                float entry = 12 + width(names.get(s), regular, 8);
                if (x > MARGIN && x + entry > MARGIN + WIDTH) {
                    x = MARGIN;
                    lineTop -= 13;
                    lines++;
                }
                if (draw) {
                    fill(x, lineTop - 10, 8, 8, SERIES[s % SERIES.length]);
                    text(x + 12, lineTop - 9, fit(names.get(s), regular, 8, WIDTH - 12), regular, 8, TEXT);
                }
                x += entry + 14;
            }
            return lines * 13 + 4;
        }

        // ------------------------------------------------------------ pages

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            pdf.addPage(page);
            content = new PDPageContentStream(pdf, page);
            y = TOP;
        }

        /** Goes to a new page if a block this high does not fit below (unless the page is still empty). */
        private boolean ensure(float height) throws IOException {
            if (y - height < BOTTOM && y < TOP) {
                newPage();
                return true;
            }
            return false;
        }

        /** Leaves some space, none at the top of a page. */
        private void space(float height) {
            if (y < TOP) {
                y = Math.max(BOTTOM, y - height);
            }
        }

        private void footers() throws IOException {
            int count = pdf.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(pdf, pdf.getPage(i), AppendMode.APPEND, true, true)) {
                    content = footer;
                    line(MARGIN, 38, MARGIN + WIDTH, 38, GRID, 0.5f);
                    String page = pageOf(i + 1, count);
                    float pageWidth = width(page, regular, SMALL);
                    text(MARGIN, 26, fit(areaName, regular, SMALL, WIDTH - pageWidth - 20), regular, SMALL, MUTED);
                    text(MARGIN + WIDTH - pageWidth, 26, page, regular, SMALL, MUTED);
                }
            }
            content = null;
        }

        private String pageOf(int page, int count) {
            try {
                return writable(String.format(Locale.FRANCE, labels.pageOf(), page, count));
            } catch (IllegalFormatException e) {
                return page + " / " + count;
            }
        }

        // ------------------------------------------------------------ drawing

        /** Lines of text from the top down, each on a new page if it does not fit. */
        private void lines(List<String> lines, PDFont font, float size, float leading, float[] colour) throws IOException {
            for (String line : lines) {
                ensure(leading);
                text(MARGIN, y - leading / 2 - size / 4, line, font, size, colour);
                y -= leading;
            }
        }

        private void text(float x, float baseline, String text, PDFont font, float size, float[] colour)
                throws IOException {
            String clean = writable(text);
            if (clean.isBlank()) {
                return;
            }
            content.setNonStrokingColor(colour[0], colour[1], colour[2]);
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(clean);
            content.endText();
        }

        private void fill(float x, float y, float width, float height, float[] colour) throws IOException {
            content.setNonStrokingColor(colour[0], colour[1], colour[2]);
            content.addRect(x, y, width, height);
            content.fill();
        }

        private void line(float x1, float y1, float x2, float y2, float[] colour, float lineWidth) throws IOException {
            content.setStrokingColor(colour[0], colour[1], colour[2]);
            content.setLineWidth(lineWidth);
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
        }

        private void circle(float cx, float cy, float r) throws IOException {
            float k = 0.5522848f * r;
            content.moveTo(cx + r, cy);
            content.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
            content.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
            content.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
            content.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
            content.closePath();
        }

        // ------------------------------------------------------------ text

        private static float width(String text, PDFont font, float size) throws IOException {
            return font.getStringWidth(writable(text)) / 1000 * size;
        }

        private static float longestWord(String text, PDFont font, float size) throws IOException {
            float max = 0;
            for (String word : writable(text).split(" ")) {
                max = Math.max(max, width(word, font, size));
            }
            return max;
        }

        /** The text in lines no wider than {@code max}, cut between words (inside a word too long for a line). */
        private static List<String> wrap(String text, PDFont font, float size, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            String line = "";
            for (String word : writable(text).split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= max) {
                    line = candidate;
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line);
                }
                while (word.length() > 1 && width(word, font, size) > max) {
                    int end = 1;
                    while (end < word.length() && width(word.substring(0, end + 1), font, size) <= max) {
                        end++;
                    }
                    lines.add(word.substring(0, end));
                    word = word.substring(end);
                }
                line = word;
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line);
            }
            return lines;
        }

        /** At most {@code count} lines, the last one ending with "…" when some were left out. */
        private static List<String> clip(List<String> lines, int count, PDFont font, float size, float max)
                throws IOException {
            if (lines.size() <= count) {
                return lines;
            }
            List<String> kept = new ArrayList<>(lines.subList(0, count));
            String ended = kept.get(count - 1) + "…";
            kept.set(count - 1, width(ended, font, size) <= max ? ended : fit(ended, font, size, max));
            return kept;
        }

        /** The text cut to {@code max} wide, ending with "…" when cut. */
        private static String fit(String text, PDFont font, float size, float max) throws IOException {
            String clean = writable(text);
            if (width(clean, font, size) <= max) {
                return clean;
            }
            int low = 0;
            int high = clean.length() - 1;
            while (low < high) {
                int middle = (low + high + 1) >>> 1;
                if (width(clean.substring(0, middle).stripTrailing() + "…", font, size) <= max) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            return clean.substring(0, low).stripTrailing() + "…";
        }

        private static String cut(String text, int length) {
            return text.length() <= length ? text : text.substring(0, length - 1) + "…";
        }

        private static float sum(float[] values) {
            float sum = 0;
            for (float value : values) {
                sum += value;
            }
            return sum;
        }
    }

    /** "Label : value", or the label with the value in place of its {@code %s}; the value alone without label. */
    private static String withValue(String label, String value, String separator) {
        if (label.isBlank()) {
            return value;
        }
        if (label.contains("%s")) {
            try {
                return String.format(Locale.FRANCE, label, value);
            } catch (IllegalFormatException e) {
                return label.replace("%s", value);
            }
        }
        return label + separator + value;
    }

    /** A text of the document's information: any character, controls aside. */
    private static String plain(String text) {
        return text.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
