package org.maillage.platform;

/**
 * Who is acting, as the audit log records it. The principal of an authenticated user implements it
 * (the account module's), so that the platform never depends on how people log in.
 */
public interface Actor {

    long userId();

    /** The name shown in the page header. */
    String displayName();

    /** Name and role as shown in the audit log, e.g. "Marie Le Goff (animatrice, ADESS Cornouaille)". */
    String auditLabel();
}
