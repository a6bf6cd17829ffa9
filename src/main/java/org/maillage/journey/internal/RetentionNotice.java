package org.maillage.journey.internal;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The retention settings in words, for the pages that promise them to the porteurs (the intake form
 * and the privacy notice read {@code @retentionNotice} from their templates): what they read is what
 * the jobs do.
 */
@Component("retentionNotice")
public class RetentionNotice {

    private final JourneyProperties properties;
    private final MessageSource messages;

    RetentionNotice(JourneyProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
    }

    /** How long a journey without activity is kept ("3 ans"). */
    public String retention(Locale locale) {
        return words(properties.retention(), locale);
    }

    /** How long before its anonymisation the porteur is warned ("30 jours"). */
    public String warning(Locale locale) {
        return words(properties.retentionWarning(), locale);
    }

    /** When the follow-up surveys are sent ("6 et 18"), in months. */
    public String surveyMonths(Locale locale) {
        var months = properties.surveyMonths().stream().sorted().map(String::valueOf).toList();
        if (months.size() < 2) {
            return String.join("", months);
        }
        return String.join(", ", months.subList(0, months.size() - 1)) + " "
                + messages.getMessage("words.and", null, "et", locale) + " " + months.get(months.size() - 1);
    }

    /** Whole years, months (30 days, from two months on) or days, in words. */
    String words(Duration duration, Locale locale) {
        long days = duration.toDays();
        if (days >= 365 && days % 365 == 0) {
            return messages.getMessage("duration.years", new Object[] {days / 365}, locale);
        }
        if (days >= 60 && days % 30 == 0) {
            return messages.getMessage("duration.months", new Object[] {days / 30}, locale);
        }
        return messages.getMessage("duration.days", new Object[] {days}, locale);
    }
}
