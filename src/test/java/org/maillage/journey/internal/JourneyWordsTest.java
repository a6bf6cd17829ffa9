package org.maillage.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The words the journey writes from its data and settings: a project's title, durations promised to people. */
class JourneyWordsTest {

    @Test
    void aProjectsTitleIsTheIdeasFirstSentenceCutAtAWord() {
        assertThat(JourneyService.titleOf("Une recyclerie. Avec un atelier vélo.")).isEqualTo("Une recyclerie.");
        assertThat(JourneyService.titleOf("  Un café associatif\nau bourg")).isEqualTo("Un café associatif");
        String longIdea = "Un tiers-lieu culturel et solidaire dans l’ancienne gare du bourg avec une épicerie, un atelier et des concerts";
        String title = JourneyService.titleOf(longIdea);
        assertThat(title).endsWith("…").hasSizeLessThanOrEqualTo(81);
        assertThat(longIdea).startsWith(title.substring(0, title.length() - 1));
        assertThat(title.charAt(title.length() - 2)).isNotEqualTo(' ');
    }

    private static RetentionNotice notice(Duration retention, Duration warning, List<Integer> surveys) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        JourneyProperties properties = new JourneyProperties(List.of(Duration.ofDays(7)), Duration.ofDays(30),
                Duration.ofDays(30), surveys, Duration.ofDays(30), retention, warning, 5, Duration.ofDays(7),
                Duration.ofHours(1));
        return new RetentionNotice(properties, messages);
    }

    @Test
    void theDurationsPromisedToPeopleAreTheOnesConfiguredInWords() {
        RetentionNotice byDefault = notice(Duration.ofDays(1095), Duration.ofDays(30), List.of(18, 6));
        assertThat(byDefault.retention(Locale.FRENCH)).isEqualTo("3 ans");
        assertThat(byDefault.warning(Locale.FRENCH)).isEqualTo("30 jours");
        assertThat(byDefault.surveyMonths(Locale.FRENCH)).isEqualTo("6 et 18");
        assertThat(byDefault.retention(Locale.ENGLISH)).isEqualTo("3 years");
        assertThat(byDefault.surveyMonths(Locale.ENGLISH)).isEqualTo("6 and 18");

        RetentionNotice cnil = notice(Duration.ofDays(730), Duration.ofDays(60), List.of(6));
        assertThat(cnil.retention(Locale.FRENCH)).isEqualTo("2 ans");
        assertThat(cnil.warning(Locale.FRENCH)).isEqualTo("2 mois");
        assertThat(cnil.surveyMonths(Locale.FRENCH)).isEqualTo("6");
        assertThat(cnil.words(Duration.ofDays(1), Locale.FRENCH)).isEqualTo("1 jour");
        assertThat(cnil.words(Duration.ofDays(365), Locale.ENGLISH)).isEqualTo("1 year");
    }
}
