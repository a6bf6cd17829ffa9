package org.maillage.observatory;

import java.util.List;

/**
 * How a table is drawn: bars or lines over its first column, one series per chosen numeric column;
 * or a map of points.
 *
 * @param seriesColumns the indexes of the table's numeric columns drawn as series
 * @param points where each figure is, for a map
 * @param totalRow whether the table's last row is a total (not drawn)
 */
public record Chart(Kind kind, List<Integer> seriesColumns, List<MapPoint> points, boolean totalRow) {

    public enum Kind { BAR, LINE, MAP, NONE }

    public Chart {
        seriesColumns = List.copyOf(seriesColumns);
        points = List.copyOf(points);
    }

    public static Chart bar(Integer... columns) {
        return new Chart(Kind.BAR, List.of(columns), List.of(), false);
    }

    public static Chart line(Integer... columns) {
        return new Chart(Kind.LINE, List.of(columns), List.of(), false);
    }

    /** Bars of a table whose last row is a total. */
    public Chart withTotalRow() {
        return new Chart(kind, seriesColumns, points, true);
    }

    public static Chart map(List<MapPoint> points) {
        return new Chart(Kind.MAP, List.of(), points, false);
    }

    public static Chart none() {
        return new Chart(Kind.NONE, List.of(), List.of(), false);
    }

    /** A figure at a place; {@code value} null when hidden. */
    public record MapPoint(String label, double latitude, double longitude, Long value) {}
}
