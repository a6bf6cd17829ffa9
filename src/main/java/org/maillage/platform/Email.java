package org.maillage.platform;

import java.util.Locale;
import java.util.Map;

/**
 * An email to send: its text comes from the template {@code templates/mail/<template>.txt} and its
 * subject from the message {@code mail.<template>.subject}, both in the recipient's language.
 * The template also gets {@code publicUrl}, the address of the platform, to build links.
 */
public record Email(String to, String template, Map<String, Object> model, Locale locale) {

    public Email {
        model = Map.copyOf(model);
        locale = locale == null ? Locale.FRENCH : locale;
    }
}
