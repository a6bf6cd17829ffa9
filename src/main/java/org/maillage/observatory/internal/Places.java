package org.maillage.observatory.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.maillage.network.PoleCoverage;
import org.maillage.network.Poles;
import org.maillage.territory.GeoPoint;
import org.maillage.territory.Territories;
import org.springframework.stereotype.Component;

/**
 * Where EPCI and pôles are on a map: an EPCI at the centre of its communes, a pôle at the mean of
 * what it covers (its EPCI and its communes one by one). Unknown places are left out.
 */
@Component
class Places {

    record Point(double latitude, double longitude) {}

    private final Territories territories;
    private final Poles poles;

    Places(Territories territories, Poles poles) {
        this.territories = territories;
        this.poles = poles;
    }

    Map<String, Point> epcis(Collection<String> epciCodes) {
        Map<String, Point> points = new HashMap<>();
        List<String> codes = epciCodes.stream().filter(code -> code != null && !code.isEmpty()).toList();
        if (!codes.isEmpty()) {
            territories.epciCentres(codes).forEach((code, p) -> points.put(code, new Point(p.latitude(), p.longitude())));
        }
        return points;
    }

    Map<String, Point> poles(Collection<String> poleSlugs) {
        Map<String, Point> points = new HashMap<>();
        for (String slug : poleSlugs) {
            if (slug == null || slug.isEmpty()) {
                continue;
            }
            poles.findBySlug(slug).ifPresent(coverage -> {
                List<GeoPoint> parts = new ArrayList<>(territories.epciCentres(coverage.epcis().stream()
                        .map(e -> e.epci().code()).toList()).values());
                parts.addAll(territories.communeCentres(coverage.communes().stream()
                        .map(c -> c.commune().code()).toList()).values());
                if (!parts.isEmpty()) {
                    points.put(slug, new Point(parts.stream().mapToDouble(GeoPoint::latitude).average().orElseThrow(),
                            parts.stream().mapToDouble(GeoPoint::longitude).average().orElseThrow()));
                }
            });
        }
        return points;
    }
}
