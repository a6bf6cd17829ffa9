package org.maillage.offer;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The orientation's reasons and blockers in words (French first), for the pages and the API. */
@Component
public class OrientationExplanations {

    private final MessageSource messages;

    OrientationExplanations(MessageSource messages) {
        this.messages = messages;
    }

    public String reason(OrientationRules.Why why, Locale locale) {
        return text("orientation.reason." + why.reason(), why.reason().name(), why.detail(), why.points(), locale);
    }

    public String blocker(OrientationRules.Blocker blocker, Locale locale) {
        return text("orientation.block." + blocker.block(), blocker.block().name(), blocker.detail(), 0, locale);
    }

    private String text(String key, String code, String detail, int points, Locale locale) {
        String shown = detail == null ? "" : messages.getMessage(detailKey(code) + detail, null, detail, locale);
        return messages.getMessage(key, new Object[] {shown, points}, key, locale);
    }

    /** Details that are codes are shown by their label: a need, a stage, a sector, a family. */
    private static String detailKey(String code) {
        return switch (code) {
            case "NEED_ADDRESSED" -> "need.";
            case "STAGE_COVERED", "STAGE_NOT_COVERED" -> "stage.";
            case "SECTOR_SERVED", "SECTOR" -> "structure.sector.";
            case "LEGAL_FORM" -> "structure.family.";
            default -> "-.";
        };
    }
}
