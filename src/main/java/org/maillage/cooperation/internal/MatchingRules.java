package org.maillage.cooperation.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.maillage.cooperation.ListingCategory;
import org.maillage.cooperation.ListingKind;
import org.maillage.territory.GeoPoint;

/**
 * Which listings answer one another, and how well. A counterpart is an open listing of the other kind,
 * of a category that answers the listing's, of another structure, available at the same time, in the
 * same pôle or within {@code nearbyKm} of it. The same pôle always comes first; then the score: the closest,
 * the same category and the words they share.
 */
final class MatchingRules {

    static final int SAME_POLE = 40;
    static final int NEARBY = 30;
    static final int SAME_CATEGORY = 10;
    static final int PER_SHARED_WORD = 5;
    static final int MAX_SHARED_WORDS = 4;

    /** What matching needs to know of a listing; {@code at} null when its commune has no known centre. */
    record Listing(long id, ListingKind kind, ListingCategory category, String structureSlug, String poleSlug,
            String text, LocalDate from, LocalDate until, GeoPoint at) {}

    record Scored(Listing counterpart, int score, boolean samePole, Integer distanceKm, List<String> sharedWords) {}

    private static final Set<String> STOP_WORDS = Set.of("pour", "avec", "dans", "nous", "vous", "notre", "votre", "nos",
            "vos", "leur", "leurs", "sont", "plus", "moins", "tres", "tout", "tous", "toute", "toutes", "cette", "ces",
            "entre", "sans", "chez", "aussi", "mais", "donc", "comme", "etre", "avoir", "fait", "faire", "cherche",
            "cherchons", "recherche", "recherchons", "propose", "proposons", "offre", "offrons", "besoin", "besoins",
            "structure", "structures", "association", "semaine", "mois", "jours", "jour", "annee", "depuis", "partir",
            "les", "des", "une", "aux", "par", "sur", "est", "qui", "que", "son", "ses", "pas", "ont", "elle",
            "ils", "lui", "mes", "tes", "ton", "mon", "car", "ete", "peu", "via");

    private MatchingRules() {}

    /** The counterparts among the candidates, best first, at most {@code limit}. */
    static List<Scored> rank(Listing listing, List<Listing> candidates, int nearbyKm, int limit) {
        List<Scored> scored = new ArrayList<>();
        for (Listing candidate : candidates) {
            score(listing, candidate, nearbyKm).ifPresent(scored::add);
        }
        scored.sort(Comparator.comparing(Scored::samePole).reversed().thenComparing(
                Comparator.comparingInt(Scored::score).reversed())
                .thenComparing(s -> s.distanceKm() == null ? Integer.MAX_VALUE : s.distanceKm())
                .thenComparingLong(s -> s.counterpart().id()));
        return scored.size() > limit ? List.copyOf(scored.subList(0, limit)) : List.copyOf(scored);
    }

    /** How well the candidate answers the listing; empty when it does not. */
    static Optional<Scored> score(Listing listing, Listing candidate, int nearbyKm) {
        if (candidate.kind() != listing.kind().counterpart()
                || !listing.category().answeredBy().contains(candidate.category())
                || candidate.structureSlug().equals(listing.structureSlug())
                || !overlap(listing, candidate)) {
            return Optional.empty();
        }
        boolean samePole = listing.poleSlug() != null && listing.poleSlug().equals(candidate.poleSlug());
        Integer distance = listing.at() == null || candidate.at() == null ? null
                : (int) Math.round(distanceKm(listing.at(), candidate.at()));
        if (!samePole && (distance == null || distance > nearbyKm)) {
            return Optional.empty();
        }
        List<String> shared = sharedWords(listing.text(), candidate.text());
        int score = (samePole ? SAME_POLE : 0)
                + (distance == null || nearbyKm <= 0 ? 0 : (int) Math.round(NEARBY * Math.max(0, 1 - (double) distance / nearbyKm)))
                + (listing.category() == candidate.category() ? SAME_CATEGORY : 0)
                + PER_SHARED_WORD * Math.min(MAX_SHARED_WORDS, shared.size());
        return Optional.of(new Scored(candidate, score, samePole, distance, shared));
    }

    /** Whether the two are available at the same time (an open end never ends). */
    static boolean overlap(Listing a, Listing b) {
        return (b.until() == null || !a.from().isAfter(b.until())) && (a.until() == null || !b.from().isAfter(a.until()));
    }

    /**
     * The words of 3 letters or more that both texts use, accents, case and plurals aside, as the first
     * text writes them (in lower case), in its order.
     */
    static List<String> sharedWords(String a, String b) {
        java.util.Map<String, String> theirs = words(b);
        List<String> shared = new ArrayList<>();
        words(a).forEach((key, written) -> {
            if (theirs.containsKey(key)) {
                shared.add(written);
            }
        });
        return shared;
    }

    /** The words of a text that carry meaning: their comparison key (no accent, singular) and how they are written. */
    static java.util.Map<String, String> words(String text) {
        java.util.Map<String, String> words = new java.util.LinkedHashMap<>();
        if (text == null) {
            return words;
        }
        for (String written : text.toLowerCase(java.util.Locale.FRENCH).split("[^\\p{L}\\p{N}]+")) {
            String word = Normalizer.normalize(written, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            String singular = word.length() > 4 && word.endsWith("aux") ? word.substring(0, word.length() - 3) + "al"
                    : word.length() > 4 && (word.endsWith("s") || word.endsWith("x")) ? word.substring(0, word.length() - 1)
                    : word;
            if (singular.length() >= 3 && !STOP_WORDS.contains(word) && !STOP_WORDS.contains(singular)) {
                words.putIfAbsent(singular, written);
            }
        }
        return words;
    }

    /** The great-circle distance in kilometres. */
    static double distanceKm(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
