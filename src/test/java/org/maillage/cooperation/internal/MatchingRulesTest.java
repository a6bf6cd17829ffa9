package org.maillage.cooperation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maillage.cooperation.ListingCategory;
import org.maillage.cooperation.ListingKind;
import org.maillage.cooperation.internal.MatchingRules.Listing;
import org.maillage.cooperation.internal.MatchingRules.Scored;
import org.maillage.territory.GeoPoint;

/** Which offers answer a need, and in which order. */
class MatchingRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final GeoPoint MORLAIX = new GeoPoint(48.578, -3.828);
    private static final GeoPoint SAINT_POL = new GeoPoint(48.684, -3.986);   // ~16 km from Morlaix
    private static final GeoPoint BREST = new GeoPoint(48.390, -4.486);       // ~53 km from Morlaix
    private static final GeoPoint LANDIVISIAU = new GeoPoint(48.509, -4.069); // ~19 km from Morlaix

    private static Listing need(String text) {
        return new Listing(1, ListingKind.NEED, ListingCategory.SERVICES, "epicerie", "morlaix", text, DAY, null, MORLAIX);
    }

    private static Listing offer(long id, ListingCategory category, String structure, String pole, GeoPoint at,
            String text) {
        return new Listing(id, ListingKind.OFFER, category, structure, pole, text, DAY, null, at);
    }

    @Test
    void theSamePoleComesFirstThenTheClosestThenSharedWords() {
        Listing need = need("Traiteur bio pour notre assemblée générale");
        List<Scored> ranked = MatchingRules.rank(need, List.of(
                offer(2, ListingCategory.SERVICES, "a", "landerneau", LANDIVISIAU, "Réparation de vélos"),
                offer(3, ListingCategory.SERVICES, "b", "morlaix", BREST, "Ménage de bureaux"),
                offer(4, ListingCategory.GOODS, "c", "landerneau", SAINT_POL, "Traiteurs bio et locaux"),
                offer(5, ListingCategory.SERVICES, "d", "landerneau", SAINT_POL, "Comptabilité associative")), 30, 10);
        // 3: same pôle though far; 4: closer than 5 and two shared words (traiteur, bio) but another category
        assertThat(ranked).extracting(s -> s.counterpart().id()).containsExactly(3L, 4L, 5L, 2L);
        assertThat(ranked.get(0).samePole()).isTrue();
        assertThat(ranked.get(1).sharedWords()).containsExactly("traiteur", "bio");
        assertThat(ranked.get(1).distanceKm()).isBetween(14, 18);
    }

    @Test
    void theSamePoleComesFirstEvenWhenFartherAndWithoutSharedWords() {
        Listing need = need("Traiteur bio pour notre fête de quartier");
        Listing farInThePole = offer(2, ListingCategory.SERVICES, "a", "morlaix", BREST, "Repas");
        Listing closeElsewhere = offer(3, ListingCategory.SERVICES, "b", "tregor", MORLAIX,
                "Traiteur bio pour votre fête de quartier");
        assertThat(MatchingRules.score(need, closeElsewhere, 30).orElseThrow().score())
                .isGreaterThan(MatchingRules.score(need, farInThePole, 30).orElseThrow().score());
        assertThat(MatchingRules.rank(need, List.of(closeElsewhere, farInThePole), 30, 10))
                .extracting(s -> s.counterpart().id()).containsExactly(2L, 3L);
    }

    @Test
    void outsideThePoleOnlyNearbyCounts() {
        Listing need = need("Prestataire");
        assertThat(MatchingRules.score(need, offer(2, ListingCategory.SERVICES, "a", "brest", BREST, ""), 30)).isEmpty();
        assertThat(MatchingRules.score(need, offer(2, ListingCategory.SERVICES, "a", "brest", BREST, ""), 60)).isPresent();
        assertThat(MatchingRules.score(need, offer(2, ListingCategory.SERVICES, "a", null, null, ""), 60))
                .as("no known place, no pôle").isEmpty();
    }

    @Test
    void onlyACategoryThatAnswersAndAnotherStructureAndTheOtherKind() {
        Listing need = need("Prestataire");
        assertThat(MatchingRules.score(need, offer(2, ListingCategory.PREMISES, "a", "morlaix", MORLAIX, ""), 30)).isEmpty();
        assertThat(MatchingRules.score(need, offer(2, ListingCategory.SERVICES, "epicerie", "morlaix", MORLAIX, ""), 30))
                .as("its own structure").isEmpty();
        Listing otherNeed = new Listing(2, ListingKind.NEED, ListingCategory.SERVICES, "a", "morlaix", "", DAY, null, MORLAIX);
        assertThat(MatchingRules.score(need, otherNeed, 30)).isEmpty();
        Listing volunteers = new Listing(3, ListingKind.NEED, ListingCategory.VOLUNTEERS, "b", "morlaix", "", DAY, null, MORLAIX);
        assertThat(MatchingRules.score(volunteers, offer(4, ListingCategory.SKILLS, "c", "morlaix", MORLAIX, ""), 30))
                .as("skills answer a need of volunteers").isPresent();
    }

    @Test
    void periodsMustOverlap() {
        Listing need = new Listing(1, ListingKind.NEED, ListingCategory.PREMISES, "e", "morlaix", "", DAY,
                DAY.plusDays(30), MORLAIX);
        Listing later = new Listing(2, ListingKind.OFFER, ListingCategory.PREMISES, "f", "morlaix", "", DAY.plusDays(31),
                null, MORLAIX);
        Listing during = new Listing(3, ListingKind.OFFER, ListingCategory.PREMISES, "f", "morlaix", "", DAY.minusDays(60),
                DAY, MORLAIX);
        assertThat(MatchingRules.score(need, later, 30)).isEmpty();
        assertThat(MatchingRules.score(need, during, 30)).isPresent();
    }

    @Test
    void wordsIgnoreAccentsCasePluralsAndSmallWords() {
        assertThat(MatchingRules.sharedWords("Salle de réunion équipée pour nos ateliers",
                "Nous prêtons des SALLES de REUNION et un atelier")).containsExactly("salle", "réunion", "ateliers");
        assertThat(MatchingRules.words("Nous cherchons une structure pour des locaux")).containsOnlyKeys("local");
    }
}
