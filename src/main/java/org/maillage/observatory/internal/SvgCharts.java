package org.maillage.observatory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maillage.observatory.Chart;
import org.maillage.observatory.Chart.MapPoint;
import org.maillage.observatory.FigureTable;

/**
 * Draws a table's chart as inline SVG, on the server: no script, readable without styles, and the
 * table below it says the same in words. Hidden figures are drawn as no bar and written "s" (secret statistique).
 */
public final class SvgCharts {

    /** Colours with a contrast of at least 3:1 on white, told apart by more than hue (the legend says which). */
    static final String[] COLOURS = {"#1d5c8a", "#b35900", "#2e7d32", "#6a3d9a"};
    static final int MAX_BARS = 15;
    /** Each line of a chart has its own stroke, so that colour is not the only difference (WCAG 1.4.1). */
    static final String[] DASHES = {"", " stroke-dasharray=\"7 4\"", " stroke-dasharray=\"2 3\"", " stroke-dasharray=\"10 3 2 3\""};

    private SvgCharts() {}

    /** The chart of a table as an SVG element; empty when it has none or nothing to draw. */
    public static String svg(FigureTable table, Chart chart, String id) {
        List<List<Object>> rows = chart.totalRow() && !table.rows().isEmpty()
                ? table.rows().subList(0, table.rows().size() - 1) : table.rows();
        return switch (chart.kind()) {
            case BAR -> rows.isEmpty() ? "" : bars(table, chart, rows, id);
            case LINE -> rows.isEmpty() ? "" : lines(table, chart, rows, id);
            case MAP -> chart.points().size() < 2 ? "" : map(table, chart.points(), id);
            case NONE -> "";
        };
    }

    private static String bars(FigureTable table, Chart chart, List<List<Object>> all, String id) {
        List<List<Object>> rows = all.size() > MAX_BARS ? all.subList(0, MAX_BARS) : all;
        List<Integer> series = chart.seriesColumns();
        double max = 0;
        for (List<Object> row : rows) {
            for (int column : series) {
                max = Math.max(max, value(row.get(column)));
            }
        }
        int labelWidth = 210;
        int barWidth = 330;
        int rowHeight = 8 + 16 * series.size();
        int legend = series.size() > 1 ? 24 : 0;
        int height = legend + rows.size() * rowHeight + 8;
        StringBuilder svg = open(id, table.title(), 640, height);
        legend(svg, table, series, 0);
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            int y = legend + r * rowHeight + 4;
            svg.append(text(0, y + rowHeight / 2 + 4, cut(String.valueOf(row.get(0)), 32), "start", 12, "#1b1b1b"));
            for (int s = 0; s < series.size(); s++) {
                Object cell = row.get(series.get(s));
                double v = value(cell);
                int width = max == 0 ? 0 : (int) Math.round(v / max * barWidth);
                int by = y + 4 + s * 16;
                if (width > 0) {
                    svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(by).append("\" width=\"")
                            .append(width).append("\" height=\"13\" fill=\"").append(COLOURS[s % COLOURS.length])
                            .append("\"/>");
                }
                svg.append(text(labelWidth + width + 6, by + 11, FigureTable.display(cell), "start", 12, "#1b1b1b"));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String lines(FigureTable table, Chart chart, List<List<Object>> rows, String id) {
        List<Integer> series = chart.seriesColumns();
        double max = 0;
        for (List<Object> row : rows) {
            for (int column : series) {
                max = Math.max(max, value(row.get(column)));
            }
        }
        max = niceCeiling(max);
        int left = 56;
        int top = 30;
        int plotWidth = 560;
        int plotHeight = 180;
        StringBuilder svg = open(id, table.title(), 640, top + plotHeight + 40);
        legend(svg, table, series, 0);
        for (int g = 0; g <= 4; g++) {
            int y = top + plotHeight - g * plotHeight / 4;
            svg.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotWidth).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>");
            svg.append(text(left - 6, y + 4, FigureTable.display(max * g / 4), "end", 11, "#444444"));
        }
        int n = rows.size();
        double step = n > 1 ? (double) plotWidth / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            String label = String.valueOf(rows.get(i).get(0));
            if (n > 6 && label.length() > 4) {
                label = label.substring(0, 3) + ".";
            }
            svg.append(text((int) Math.round(left + i * step), top + plotHeight + 18, label, "middle", 11, "#444444"));
        }
        for (int s = 0; s < series.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder points = new StringBuilder();
            List<String> dots = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Object cell = rows.get(i).get(series.get(s));
                if (!(cell instanceof Number)) {
                    continue; // hidden or not computable: no point, the line goes on from the next
                }
                double x = left + i * step;
                double y = top + plotHeight - (max == 0 ? 0 : value(cell) / max * plotHeight);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                dots.add(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>", x, y, colour));
            }
            if (!points.isEmpty()) {
                svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"")
                        .append(DASHES[s % DASHES.length]).append(" points=\"")
                        .append(points.toString().strip()).append("\"/>");
                dots.forEach(svg::append);
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String map(FigureTable table, List<MapPoint> points, String id) {
        int width = 600;
        MapProjection projection = MapProjection.of(points, width, 220, 520, 40);
        int height = (int) Math.round(projection.height());
        StringBuilder svg = open(id, table.title(), width, height);
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#eef4f8\"/>");
        for (MapPoint p : MapProjection.biggestFirst(points)) {
            double x = projection.x(p);
            double y = height - projection.yUp(p);
            double r = projection.radius(p, 4, 22);
            svg.append(String.format(Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.55\" stroke=\"#0b3954\"/>",
                    x, y, r, p.value() == null ? "#9e9e9e" : COLOURS[0]));
            svg.append(text((int) Math.round(x), (int) Math.round(y - r - 3),
                    cut(p.label(), 22) + " : " + FigureTable.display(p.value()), "middle", 10, "#1b1b1b"));
        }
        return svg.append("</svg>").toString();
    }

    private static void legend(StringBuilder svg, FigureTable table, List<Integer> series, int y) {
        if (series.size() < 2) {
            return;
        }
        int x = 0;
        for (int s = 0; s < series.size(); s++) {
            String name = cut(table.columns().get(series.get(s)).header(), 30);
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y + 4).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS[s % COLOURS.length]).append("\"/>");
            svg.append(text(x + 16, y + 15, name, "start", 12, "#1b1b1b"));
            x += 28 + name.length() * 7;
        }
    }

    private static StringBuilder open(String id, String title, int width, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" aria-labelledby=\"").append(escape(id))
                .append("-title\"><title id=\"").append(escape(id)).append("-title\">").append(escape(title))
                .append("</title>");
        return svg;
    }

    private static String text(int x, int y, String text, String anchor, int size, String colour) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
                + "\" fill=\"" + colour + "\">" + escape(text) + "</text>";
    }

    static double value(Object cell) {
        return cell instanceof Number number ? number.doubleValue() : 0;
    }

    static double niceCeiling(double max) {
        if (max <= 0) {
            return 4;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
