package org.maillage.platform;

import java.util.Arrays;

/**
 * An exception whose message is meant for the user: a key of {@code messages.properties} and its
 * arguments, resolved in the user's language by the error handling of the platform.
 */
public abstract class LocalizedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    protected LocalizedException(String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
