package org.maillage.territory;

/**
 * A position in WGS84 degrees: the approximate centre of a commune, or of a group of communes.
 *
 * @param latitude from -90 (south) to 90 (north)
 * @param longitude from -180 (west) to 180 (east)
 */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("Not a WGS84 position: " + latitude + ", " + longitude);
        }
    }
}
