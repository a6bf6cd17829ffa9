package org.maillage.observatory.internal;

import java.util.ArrayList;
import java.util.List;
import org.maillage.observatory.Chart.MapPoint;

/**
 * How the points of a map are placed in a box (SVG and PDF alike): an equirectangular projection
 * scaled by the cosine of the mean latitude, the points centred in the box, the biggest drawn first.
 *
 * @param height the box's height for its width, between the bounds asked
 * @param scale the length of one degree of latitude
 */
record MapProjection(double minLatitude, double minLongitude, double scaleX, double spanX, double spanY, double height,
        double margin, double scale, double offsetX, double offsetY, long maxValue) {

    static MapProjection of(List<MapPoint> points, double width, double minHeight, double maxHeight, double margin) {
        double minLat = points.stream().mapToDouble(MapPoint::latitude).min().orElse(0);
        double maxLat = points.stream().mapToDouble(MapPoint::latitude).max().orElse(0);
        double minLon = points.stream().mapToDouble(MapPoint::longitude).min().orElse(0);
        double maxLon = points.stream().mapToDouble(MapPoint::longitude).max().orElse(0);
        double scaleX = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * scaleX, 0.01);
        double spanY = Math.max(maxLat - minLat, 0.01);
        double height = Math.max(minHeight, Math.min(maxHeight, width * spanY / spanX));
        double k = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
        long max = points.stream().filter(p -> p.value() != null).mapToLong(MapPoint::value).max().orElse(1);
        return new MapProjection(minLat, minLon, scaleX, spanX, spanY, height, margin, k,
                (width - 2 * margin - spanX * k) / 2, (height - 2 * margin - spanY * k) / 2, max);
    }

    /** From the box's left edge. */
    double x(MapPoint point) {
        return margin + offsetX + (point.longitude() - minLongitude) * scaleX * scale;
    }

    /** From the box's bottom edge (upwards). */
    double yUp(MapPoint point) {
        return margin + offsetY + (point.latitude() - minLatitude) * scale;
    }

    /** A bubble's radius: its area grows with the figure; hidden figures get the smallest. */
    double radius(MapPoint point, double smallest, double range) {
        return point.value() == null || maxValue <= 0 ? smallest
                : smallest + range * Math.sqrt(Math.max(0, (double) point.value()) / maxValue);
    }

    static List<MapPoint> biggestFirst(List<MapPoint> points) {
        List<MapPoint> sorted = new ArrayList<>(points);
        sorted.sort((a, b) -> Long.compare(b.value() == null ? 0 : b.value(), a.value() == null ? 0 : a.value()));
        return sorted;
    }
}
