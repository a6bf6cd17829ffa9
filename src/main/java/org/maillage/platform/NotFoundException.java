package org.maillage.platform;

/**
 * Something the user asked for does not exist: a French 404 page, or a 404 problem+json on the API.
 */
public class NotFoundException extends LocalizedException {

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
