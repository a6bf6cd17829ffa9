package org.maillage.agenda;

import java.time.Instant;
import java.util.Optional;
import org.maillage.account.CurrentUser;

/**
 * The agenda's API: events of the pôles and of the regional coordination, and registration to them
 * with a capacity and a waiting list. Nobody needs an account to register.
 */
public interface Agenda {

    /**
     * Adds an event of a pôle (its animators, its region's coordinators) or of the regional
     * coordination (the region's coordinators); its slug.
     *
     * @throws org.springframework.security.access.AccessDeniedException when the user may not
     * @throws org.maillage.platform.RuleViolationException with the French reason (dates, unknown pôle)
     */
    String create(CurrentUser user, NewEvent event);

    /**
     * Changes an event, for its organisers (the organiser itself stays). More places go to the people
     * waiting, in their order, who are emailed; fewer places never take one back.
     *
     * @throws org.maillage.platform.RuleViolationException with the French reason (dates, capacity below the
     *     places taken)
     */
    void update(CurrentUser user, String slug, NewEvent event);

    /**
     * An event for one of its organisers, to change it.
     *
     * @throws org.springframework.security.access.AccessDeniedException for anyone else (audited)
     */
    EventView organised(CurrentUser user, String slug);

    /** A published event; empty when there is none. */
    Optional<EventView> find(String slug);

    /** Published events not over yet, soonest first (at most 200). */
    java.util.List<EventView> upcoming(EventQuery query);

    /**
     * What the public agenda shows.
     *
     * @param regionCode the region (INSEE code)
     * @param departementCode a département, or null
     * @param poleSlug a pôle, or null (its events, not the coordination's)
     * @param theme a theme, or null
     */
    record EventQuery(String regionCode, String departementCode, String poleSlug, EventTheme theme) {}

    /**
     * Registers a person: a place when one is left, else the waiting list. Two people asking for the
     * last place at once: exactly one gets it. The same address twice gets the registration it has.
     *
     * @throws org.maillage.platform.NotFoundException for an unknown or unpublished event
     * @throws org.maillage.platform.RuleViolationException when registration is closed or the event is over
     */
    Registration register(String slug, String displayName, String email);

    /**
     * Gives a place back with the registration's link; the first person waiting gets it. Nothing
     * happens for a registration already given back.
     *
     * @return the event's slug; empty for an unknown link
     */
    Optional<String> cancel(String token);

    /**
     * The people registered to an event, places first then the waiting list in its order, for its
     * organisers: the pôle's animators and the region's coordinators (the coordination's own events:
     * its coordinators). Every read is in the audit log.
     *
     * @throws org.springframework.security.access.AccessDeniedException for anyone else
     * @throws org.maillage.platform.NotFoundException for an unknown event
     */
    java.util.List<Registrant> registrants(CurrentUser user, String slug);

    /**
     * Calls an event off, for its organisers: registration closes, the event stays on the agenda marked
     * as called off, and everyone registered (place or waiting list) is emailed with the reason.
     *
     * @throws org.maillage.platform.RuleViolationException without a reason (500 characters at most)
     */
    void callOff(CurrentUser user, String slug, String reason);

    /** Records who came (true), who did not (false), or forgets it (null), for the event's organisers. */
    void recordAttendance(CurrentUser user, String slug, long registrationId, Boolean attended);

    /** A registered person, as the organisers see them. */
    record Registrant(long id, String displayName, String email, RegistrationStatus status, Instant registeredAt,
            Boolean attended) {}

    /**
     * @param capacity null: no limit
     * @param communeCode null: online
     */
    record NewEvent(String poleSlug, String regionCode, String title, String description, EventTheme theme,
            Instant startsAt, Instant endsAt, String communeCode, String place, Integer capacity) {}

    /** An event as the public sees it, with its places. */
    record EventView(String slug, String poleSlug, String regionCode, String title, String description, EventTheme theme,
            Instant startsAt, Instant endsAt, String communeCode, String place, Integer capacity, boolean registrationOpen,
            long confirmed, long waiting, Instant updatedAt, Instant cancelledAt, String cancelReason) {

        public boolean calledOff() {
            return cancelledAt != null;
        }


        /** Places left; null when there is no limit. */
        public Long placesLeft() {
            return capacity == null ? null : Math.max(0, capacity - confirmed);
        }
    }

    /**
     * A registration as the person is told about it.
     *
     * @param token the link to give the place back (only when the registration was just made; null otherwise)
     * @param position the place on the waiting list (1 = next), 0 with a place
     */
    record Registration(long id, String eventSlug, RegistrationStatus status, int position, String token) {}
}
