package org.maillage.platform;

/**
 * Emails, sent through an outbox: {@link #email} writes the message in the caller's transaction,
 * a scheduled sender delivers it afterwards with retries. A failing SMTP server never loses a
 * message nor rolls back the change that caused it.
 */
public interface Notifications {

    void email(Email email);
}
