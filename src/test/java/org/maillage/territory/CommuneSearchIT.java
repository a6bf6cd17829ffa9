package org.maillage.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maillage.support.MaillageIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The commune autocomplete: accents, case, ligatures, postal codes, former names and typos. */
@MaillageIntegrationTest
class CommuneSearchIT {

    @Autowired
    Territories territories;

    private List<String> codes(String query) {
        return territories.suggestCommunes(query, 10).stream().map(s -> s.commune().code()).toList();
    }

    @ParameterizedTest(name = "\"{0}\" finds {1} first")
    @CsvSource(delimiter = '|', textBlock = """
            loudeac            | 22136
            LOUDÉAC            | 22136
            Loudéac            | 22136
            Plœuc              | 22203
            ploeuc             | 22203
            PLOEUC-L'HERMITAGE | 22203
            ploeuc l’hermitage | 22203
            st malo            | 35288
            St-Brieuc          | 22278
            Saint Brieuc       | 22278
            carhaix            | 29024
            ile de sein        | 29083
            Île-de-Bréhat      | 22016
            35000              | 35238
            35200              | 35238
            29200              | 29019
            """)
    void findsTheCommune(String query, String code) {
        assertThat(codes(query)).first().isEqualTo(code);
    }

    @Test
    void aWordInsideTheNameMatches() {
        assertThat(codes("hermitage")).contains("22203");
    }

    @Test
    void aDelegatedCommuneLeadsToItsCommuneNouvelle() {
        CommuneSuggestion suggestion = territories.suggestCommunes("Plœuc-sur-Lié", 5).get(0);
        assertThat(suggestion.commune().name()).isEqualTo("Plœuc-L'Hermitage");
        assertThat(suggestion.matchedAlias()).isEqualTo("Plœuc-sur-Lié");
        assertThat(suggestion.exact()).isTrue();
    }

    @Test
    void aPostalCodeSharedByCommunesListsThemAll() {
        List<CommuneSuggestion> found = territories.suggestCommunes("22600", 20);
        assertThat(found).hasSizeGreaterThan(1).allMatch(CommuneSuggestion::exact);
        assertThat(found).extracting(s -> s.commune().code()).contains("22136");
        assertThat(found.get(0).label()).endsWith("(22600)");
    }

    @Test
    void typosStillFindTheCommune() {
        assertThat(codes("loudeak")).first().isEqualTo("22136");
        assertThat(codes("quimperlee")).first().isEqualTo("29233");
    }

    @Test
    void exactNameIsMarkedExactAndComesFirst() {
        CommuneSuggestion first = territories.suggestCommunes("Rennes", 10).get(0);
        assertThat(first.commune().code()).isEqualTo("35238");
        assertThat(first.exact()).isTrue();
        assertThat(first.label()).isEqualTo("Rennes (35000)");
    }

    @Test
    void limitIsRespectedAndBounded() {
        assertThat(territories.suggestCommunes("saint", 3)).hasSize(3);
        assertThat(territories.suggestCommunes("saint", 500)).hasSizeLessThanOrEqualTo(Territories.MAX_SUGGESTIONS);
    }

    @Test
    void nothingMatchesNonsenseOrPunctuation() {
        assertThat(territories.suggestCommunes("---", 10)).isEmpty();
        assertThat(territories.suggestCommunes("   ", 10)).isEmpty();
        assertThat(territories.suggestCommunes("123456", 10)).isEmpty();
    }
}
