package org.maillage.platform;

/**
 * Emails, sent through an outbox: {@link #email} writes the message in the caller's transaction,
 * a scheduled sender delivers it afterwards with retries. A failing SMTP server never loses a
 * message nor rolls back the change that caused it.
 */
public interface Notifications {

    void email(Email email);

    /**
     * Forgets an address (a person's data erased): its messages not sent yet are dropped, and the
     * address is blanked on those sent (in the caller's transaction).
     */
    void forget(String address);
}
