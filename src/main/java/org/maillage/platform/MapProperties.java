package org.maillage.platform;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The map background of public maps (Leaflet): any XYZ tile server. Its origin is allowed in the
 * Content-Security-Policy's {@code img-src}; pages still list everything when tiles cannot load.
 *
 * @param tileUrl the tile address with {z}, {x}, {y}, e.g. {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}
 * @param attribution the credit the tile server asks for
 */
@ConfigurationProperties("maillage.map")
public record MapProperties(
        @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String tileUrl,
        @DefaultValue("© les contributeurs d’OpenStreetMap") String attribution) {

    /** The scheme, host and port of the tile server, for the Content-Security-Policy. */
    public String tileOrigin() {
        URI uri = URI.create(tileUrl.replace("{", "").replace("}", ""));
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
