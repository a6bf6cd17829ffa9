package org.maillage.observatory;

import java.util.List;

/**
 * A table of figures as the dashboards show it and the exports write it (CSV, XLSX, ODS, PDF):
 * a title, its columns and its rows. A cell is a {@link String}, a {@link Number} (written as a
 * number in spreadsheets), or {@code null} for a figure hidden because it concerns fewer than
 * {@link Suppression#THRESHOLD} people (written as {@link #HIDDEN}).
 *
 * @param code a stable identifier, used in file names (e.g. {@code porteurs-par-etape})
 * @param title the title in French, e.g. "Porteurs accueillis par étape"
 * @param note a line under the table (source, hidden cells), or empty
 */
public record FigureTable(String code, String title, List<Column> columns, List<List<Object>> rows, String note) {

    /**
     * What a hidden cell shows: "s", for secret statistique, as INSEE writes it (a figure about fewer
     * than 5 people, or one hidden so that such a figure cannot be worked out).
     */
    public static final String HIDDEN = "s";

    public FigureTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
        note = note == null ? "" : note;
    }

    /** The rows as {@link #display} writes their cells, for pages (formatted once, not cell by cell in a template). */
    public List<List<String>> displayRows() {
        return rows.stream().map(row -> row.stream().map(FigureTable::display).toList()).toList();
    }

    /** For each column, whether it holds numbers. */
    public List<Boolean> numericColumns() {
        return columns.stream().map(Column::numeric).toList();
    }

    /** A cell as French readers write it: "1 234", "72,5", or {@link #HIDDEN}. */
    public static String display(Object cell) {
        if (cell == null) {
            return HIDDEN;
        }
        if (cell instanceof Double || cell instanceof Float || cell instanceof java.math.BigDecimal) {
            java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(java.util.Locale.FRANCE);
            format.setMaximumFractionDigits(2);
            format.setMinimumFractionDigits(0);
            return format.format(((Number) cell).doubleValue()).replace('\u202f', ' ').replace('\u00a0', ' ');
        }
        if (cell instanceof Number number) {
            return java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRANCE).format(number.longValue())
                    .replace('\u202f', ' ').replace('\u00a0', ' ');
        }
        return cell.toString();
    }

    /** A column: its header in French, and whether its cells are numbers (aligned right, summed). */
    public record Column(String header, boolean numeric) {

        public static Column text(String header) {
            return new Column(header, false);
        }

        public static Column number(String header) {
            return new Column(header, true);
        }
    }
}
