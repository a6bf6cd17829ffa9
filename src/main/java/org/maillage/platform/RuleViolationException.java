package org.maillage.platform;

/**
 * A business rule refuses a change (for example a coverage that would give a commune two pôles of
 * the same network). Nothing is written; the user gets the French message (409 on the API).
 */
public class RuleViolationException extends LocalizedException {

    public RuleViolationException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
