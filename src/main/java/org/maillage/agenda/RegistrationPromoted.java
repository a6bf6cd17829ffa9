package org.maillage.agenda;

/** A person on the waiting list got a place that was given back (published after the commit). */
public record RegistrationPromoted(long registrationId, String eventSlug) {}
