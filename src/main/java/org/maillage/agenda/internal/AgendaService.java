package org.maillage.agenda.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.PoleRef;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.agenda.Agenda;
import org.maillage.agenda.RegistrationStatus;
import org.maillage.network.PoleCoverage;
import org.maillage.network.Poles;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.maillage.platform.SecretTokens;
import org.maillage.platform.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events and registrations. A registration and a place given back lock their event's row first, so
 * that the count of places taken is read and written by one transaction at a time: two people asking
 * for the last place at once never both get it.
 */
@Service
class AgendaService implements Agenda {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private record EventRow(long id, Integer capacity, boolean open, Instant endsAt) {}

    private final JdbcClient jdbc;
    private final Authorizations authorizations;
    private final Poles poles;
    private final org.maillage.platform.Notifications notifications;
    private final org.maillage.platform.Audit audit;
    private final org.maillage.territory.Territories territories;
    private final Clock clock;

    AgendaService(JdbcClient jdbc, Authorizations authorizations, Poles poles,
            org.maillage.platform.Notifications notifications, org.maillage.territory.Territories territories,
            org.maillage.platform.Audit audit, Clock clock) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.authorizations = authorizations;
        this.poles = poles;
        this.notifications = notifications;
        this.territories = territories;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String create(CurrentUser user, NewEvent event) {
        String region = event.regionCode();
        if (event.poleSlug() != null) {
            PoleCoverage pole = poles.findBySlug(event.poleSlug())
                    .orElseThrow(() -> new RuleViolationException("agenda.event.pole.unknown"));
            region = pole.pole().regionCode();
            authorizations.check(authorizations.canChangePole(user, new PoleRef(event.poleSlug(), region)));
        } else {
            authorizations.check(region != null && user.scopes(Role.COORDINATEUR, ScopeType.REGION).contains(region));
        }
        String title = checked(event);
        String departement = departementOf(event);
        String base = Slugs.of(title, 80, "evenement") + "-"
                + DateTimeFormatter.ISO_LOCAL_DATE.format(event.startsAt().atZone(PARIS));
        String slug = base;
        for (int n = 2; jdbc.sql("select count(*) from agenda.event where slug = :slug").param("slug", slug)
                .query(Long.class).single() > 0; n++) {
            slug = base + "-" + n;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into agenda.event (slug, pole_slug, region_code, title, description, theme, starts_at, ends_at,
                    commune_code, departement_code, place, capacity, created_by, created_at, updated_at)
                values (:slug, :pole, :region, :title, :description, :theme, :starts, :ends, :commune, :departement, :place,
                    :capacity,
                    :by, :now, :now)
                """).param("slug", slug).param("pole", event.poleSlug()).param("region", region).param("title", title)
                .param("description", event.description() == null ? "" : event.description().strip())
                .param("theme", event.theme().name()).param("starts", Timestamp.from(event.startsAt()))
                .param("ends", Timestamp.from(event.endsAt())).param("commune", event.communeCode())
                .param("departement", departement)
                .param("place", event.place() == null ? "" : event.place().strip()).param("capacity", event.capacity())
                .param("by", user.id().value()).param("now", Timestamp.from(now)).update();
        return slug;
    }

    private static final String EVENT_VIEW = """
            select e.*, (select count(*) from agenda.registration r where r.event_id = e.id and r.status = 'CONFIRMED')
                    as confirmed,
                (select count(*) from agenda.registration r where r.event_id = e.id and r.status = 'WAITING') as waiting
            from agenda.event e
            """;

    private static EventView eventView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new EventView(rs.getString("slug"), rs.getString("pole_slug"), rs.getString("region_code"),
                rs.getString("title"), rs.getString("description"),
                org.maillage.agenda.EventTheme.valueOf(rs.getString("theme")), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getString("commune_code"), rs.getString("place"),
                rs.getObject("capacity", Integer.class), rs.getBoolean("registration_open"), rs.getLong("confirmed"),
                rs.getLong("waiting"), rs.getTimestamp("updated_at").toInstant(),
                rs.getTimestamp("cancelled_at") == null ? null : rs.getTimestamp("cancelled_at").toInstant(),
                rs.getString("cancel_reason"));
    }

    /** The event's title, stripped; refused with the French reason when the event is not one. */
    private static String checked(NewEvent event) {
        String title = event.title() == null ? "" : event.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new RuleViolationException("agenda.event.title.invalid");
        }
        if (event.startsAt() == null || event.endsAt() == null || !event.endsAt().isAfter(event.startsAt())) {
            throw new RuleViolationException("agenda.event.dates.invalid");
        }
        if (event.capacity() != null && event.capacity() < 1) {
            throw new RuleViolationException("agenda.event.capacity.invalid");
        }
        return title;
    }

    private String departementOf(NewEvent event) {
        return event.communeCode() == null ? null : territories.findCommune(event.communeCode())
                .orElseThrow(() -> new RuleViolationException("agenda.event.commune.unknown")).departementCode();
    }

    @Override
    @Transactional(noRollbackFor = org.springframework.security.access.AccessDeniedException.class)
    public EventView organised(CurrentUser user, String slug) {
        organisedBy(user, slug);
        return find(slug).orElseThrow(() -> new NotFoundException("agenda.event.unknown"));
    }

    @Override
    @Transactional(noRollbackFor = org.springframework.security.access.AccessDeniedException.class)
    public void update(CurrentUser user, String slug, NewEvent event) {
        long eventId = organisedBy(user, slug);
        String title = checked(event);
        String departement = departementOf(event);
        jdbc.sql("select id from agenda.event where id = :id for update").param("id", eventId).query(Long.class).single();
        long taken = jdbc.sql("select count(*) from agenda.registration where event_id = :id and status = 'CONFIRMED'")
                .param("id", eventId).query(Long.class).single();
        if (event.capacity() != null && event.capacity() < taken) {
            throw new RuleViolationException("agenda.event.capacity.belowTaken", taken);
        }
        Instant now = clock.instant();
        jdbc.sql("""
                update agenda.event set title = :title, description = :description, theme = :theme, starts_at = :starts,
                    ends_at = :ends, commune_code = :commune, departement_code = :departement, place = :place,
                    capacity = :capacity, updated_at = :now
                where id = :id
                """).param("title", title).param("description", event.description() == null ? "" : event.description().strip())
                .param("theme", event.theme().name()).param("starts", Timestamp.from(event.startsAt()))
                .param("ends", Timestamp.from(event.endsAt())).param("commune", event.communeCode())
                .param("departement", departement).param("place", event.place() == null ? "" : event.place().strip())
                .param("capacity", event.capacity()).param("now", Timestamp.from(now)).param("id", eventId).update();
        long free = event.capacity() == null ? Long.MAX_VALUE : event.capacity() - taken;
        List<String[]> promoted = jdbc.sql("""
                update agenda.registration set status = 'CONFIRMED', promoted_at = :now
                where id in (select id from agenda.registration where event_id = :event and status = 'WAITING'
                             order by created_at, id limit :free)
                returning display_name, email
                """).param("now", Timestamp.from(now)).param("event", eventId).param("free", Math.min(free, 100_000))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        if (!promoted.isEmpty()) {
            EventView changed = find(slug).orElseThrow(); // read once for all the emails
            promoted.forEach(person -> mail(person[1], "agenda-promoted", person[0], changed, 0, null, java.util.Map.of()));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EventView> find(String slug) {
        return jdbc.sql(EVENT_VIEW + " where e.slug = :slug and e.published").param("slug", slug)
                .query(AgendaService::eventView).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<EventView> upcoming(EventQuery query) {
        java.util.List<String> where = new java.util.ArrayList<>(java.util.List.of("e.published", "e.ends_at > :now",
                "e.region_code = :region"));
        if (query.departementCode() != null) {
            where.add("e.departement_code = :departement");
        }
        if (query.poleSlug() != null) {
            where.add("e.pole_slug = :pole");
        }
        if (query.theme() != null) {
            where.add("e.theme = :theme");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(EVENT_VIEW + " where " + String.join(" and ", where)
                + " order by e.starts_at, e.id limit 200").param("now", Timestamp.from(clock.instant()))
                .param("region", query.regionCode());
        if (query.departementCode() != null) {
            statement = statement.param("departement", query.departementCode());
        }
        if (query.poleSlug() != null) {
            statement = statement.param("pole", query.poleSlug());
        }
        if (query.theme() != null) {
            statement = statement.param("theme", query.theme().name());
        }
        return statement.query(AgendaService::eventView).list();
    }

    @Override
    @Transactional
    public Registration register(String slug, String displayName, String email) {
        String name = displayName == null ? "" : displayName.strip();
        String address = email == null ? "" : email.strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new RuleViolationException("agenda.registration.name.invalid");
        }
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new RuleViolationException("agenda.registration.email.invalid");
        }
        EventRow event = jdbc.sql("""
                select id, capacity, registration_open and cancelled_at is null as registration_open, ends_at
                from agenda.event where slug = :slug and published
                for update
                """).param("slug", slug).query((rs, n) -> new EventRow(rs.getLong("id"),
                        rs.getObject("capacity", Integer.class), rs.getBoolean("registration_open"),
                        rs.getTimestamp("ends_at").toInstant())).optional()
                .orElseThrow(() -> new NotFoundException("agenda.event.unknown"));
        Instant now = clock.instant();
        if (!event.open()) {
            throw new RuleViolationException("agenda.registration.closed");
        }
        if (!event.endsAt().isAfter(now)) {
            throw new RuleViolationException("agenda.registration.over");
        }
        Optional<Registration> existing = jdbc.sql("""
                select id, status from agenda.registration
                where event_id = :event and lower(email) = lower(:email) and status <> 'CANCELLED'
                """).param("event", event.id()).param("email", address)
                .query((rs, n) -> registration(event.id(), slug, rs.getLong("id"),
                        RegistrationStatus.valueOf(rs.getString("status")), null)).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long confirmed = jdbc.sql("select count(*) from agenda.registration where event_id = :event and status = 'CONFIRMED'")
                .param("event", event.id()).query(Long.class).single();
        RegistrationStatus status = event.capacity() == null || confirmed < event.capacity() ? RegistrationStatus.CONFIRMED
                : RegistrationStatus.WAITING;
        String token = SecretTokens.newToken();
        long id = jdbc.sql("""
                insert into agenda.registration (event_id, display_name, email, status, token_hash, created_at)
                values (:event, :name, :email, :status, :hash, :now) returning id
                """).param("event", event.id()).param("name", name).param("email", address).param("status", status.name())
                .param("hash", SecretTokens.hash(token)).param("now", Timestamp.from(now)).query(Long.class).single();
        Registration made = registration(event.id(), slug, id, status, token);
        mail(address, status == RegistrationStatus.CONFIRMED ? "agenda-registered" : "agenda-waiting", name,
                find(slug).orElseThrow(),
                made.position(), token, java.util.Map.of());
        return made;
    }

    /** Sends the reminder of one registration, if it is still due (a place, not reminded, event not started). */
    boolean remind(long registrationId, Instant now) {
        record Due(String name, String email, String slug) {}
        return jdbc.sql("""
                update agenda.registration r set reminded_at = :now from agenda.event e
                where r.id = :id and e.id = r.event_id and r.status = 'CONFIRMED' and r.reminded_at is null
                  and e.starts_at > :now and e.cancelled_at is null
                returning r.display_name, r.email, e.slug
                """).param("now", Timestamp.from(now)).param("id", registrationId)
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .map(due -> {
                    mail(due.email(), "agenda-reminder", due.name(), find(due.slug()).orElseThrow(), 0, null,
                            java.util.Map.of());
                    return true;
                }).orElse(false);
    }

    /** The email of a registration: what, when, where, the link to give the place back, and what else the template says. */
    private void mail(String to, String template, String name, EventView event, int position, String token,
            java.util.Map<String, Object> extra) {
        java.util.Map<String, Object> model = new java.util.HashMap<>();
        model.put("displayName", name);
        model.put("title", event.title());
        model.put("subjectArgument", event.title());
        model.put("when", DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' H'h'mm", java.util.Locale.FRENCH)
                .format(event.startsAt().atZone(PARIS)));
        model.put("place", event.place());
        model.put("position", position);
        model.put("eventPath", "/agenda/" + event.slug());
        model.put("cancelPath", token == null ? "" : "/agenda/desinscription?jeton=" + token);
        model.putAll(extra);
        notifications.email(new org.maillage.platform.Email(to, template, model, java.util.Locale.FRENCH));
    }

    @Override
    @Transactional
    public Optional<String> cancel(String token) {
        if (!SecretTokens.wellFormed(token)) {
            return Optional.empty();
        }
        record Found(long id, long eventId, RegistrationStatus status, String slug) {}
        Optional<Found> found = jdbc.sql("""
                select r.id, r.event_id, r.status, e.slug from agenda.registration r join agenda.event e on e.id = r.event_id
                where r.token_hash = :hash
                """).param("hash", SecretTokens.hash(token)).query((rs, n) -> new Found(rs.getLong("id"),
                        rs.getLong("event_id"), RegistrationStatus.valueOf(rs.getString("status")), rs.getString("slug")))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Found registration = found.get();
        jdbc.sql("select id from agenda.event where id = :id for update").param("id", registration.eventId())
                .query(Long.class).single();
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update agenda.registration set status = 'CANCELLED', cancelled_at = :now
                where id = :id and status <> 'CANCELLED'
                """).param("now", Timestamp.from(now)).param("id", registration.id()).update();
        if (changed == 1 && registration.status() == RegistrationStatus.CONFIRMED) {
            jdbc.sql("""
                    update agenda.registration set status = 'CONFIRMED', promoted_at = :now
                    where id = (select id from agenda.registration where event_id = :event and status = 'WAITING'
                                order by created_at, id limit 1)
                    returning display_name, email
                    """).param("now", Timestamp.from(now)).param("event", registration.eventId())
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                    .ifPresent(promoted -> mail(promoted[1], "agenda-promoted", promoted[0],
                            find(registration.slug()).orElseThrow(), 0, null,
                            java.util.Map.of()));
        }
        return Optional.of(registration.slug());
    }

    @Override
    @Transactional(noRollbackFor = org.springframework.security.access.AccessDeniedException.class) // refusals stay audited
    public java.util.List<Registrant> registrants(CurrentUser user, String slug) {
        long eventId = organisedBy(user, slug);
        audit.record(new org.maillage.platform.AuditEvent("READ", "EVENT_REGISTRANTS", slug, null, regionOf(eventId),
                java.util.Map.of()));
        return jdbc.sql("""
                select id, display_name, email, status, created_at, attended from agenda.registration
                where event_id = :event and status <> 'CANCELLED'
                order by case status when 'CONFIRMED' then 0 else 1 end, created_at, id
                """).param("event", eventId).query((rs, n) -> new Registrant(rs.getLong("id"), rs.getString("display_name"),
                        rs.getString("email"), RegistrationStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("created_at").toInstant(), rs.getObject("attended", Boolean.class))).list();
    }

    @Override
    @Transactional(noRollbackFor = org.springframework.security.access.AccessDeniedException.class)
    public void callOff(CurrentUser user, String slug, String reason) {
        long eventId = organisedBy(user, slug);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new RuleViolationException("agenda.event.callOff.reason");
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update agenda.event set cancelled_at = :now, cancel_reason = :why, registration_open = false, updated_at = :now
                where id = :id and cancelled_at is null
                """).param("now", Timestamp.from(now)).param("why", why).param("id", eventId).update();
        if (changed == 0) {
            return; // called off already: nobody is told twice
        }
        EventView event = find(slug).orElseThrow(); // read once for all the emails
        record Person(String name, String email) {}
        jdbc.sql("select display_name, email from agenda.registration where event_id = :id and status <> 'CANCELLED' "
                + "and anonymised_at is null").param("id", eventId)
                .query((rs, n) -> new Person(rs.getString(1), rs.getString(2))).list()
                .forEach(person -> mail(person.email(), "agenda-called-off", person.name(), event, 0, null,
                        java.util.Map.of("reason", why)));
    }

    @Override
    @Transactional(noRollbackFor = org.springframework.security.access.AccessDeniedException.class)
    public void recordAttendance(CurrentUser user, String slug, long registrationId, Boolean attended) {
        long eventId = organisedBy(user, slug);
        int changed = jdbc.sql("""
                update agenda.registration set attended = :attended
                where id = :id and event_id = :event and status = 'CONFIRMED'
                """).param("attended", attended).param("id", registrationId).param("event", eventId).update();
        if (changed == 0) {
            throw new NotFoundException("agenda.registration.unknown");
        }
    }

    /** The event's id, when the user organises it (403 otherwise, audited). */
    private long organisedBy(CurrentUser user, String slug) {
        record Owner(long id, String pole, String region) {}
        Owner owner = jdbc.sql("select id, pole_slug, region_code from agenda.event where slug = :slug").param("slug", slug)
                .query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2), rs.getString(3))).optional()
                .orElseThrow(() -> new NotFoundException("agenda.event.unknown"));
        boolean allowed = owner.pole() != null ? authorizations.canChangePole(user, new PoleRef(owner.pole(), owner.region()))
                : user.scopes(Role.COORDINATEUR, ScopeType.REGION).contains(owner.region());
        if (!allowed) {
            audit.record(new org.maillage.platform.AuditEvent("DENIED", "EVENT_REGISTRANTS", slug, null, owner.region(),
                    java.util.Map.of()));
        }
        authorizations.check(allowed);
        return owner.id();
    }

    private String regionOf(long eventId) {
        return jdbc.sql("select region_code from agenda.event where id = :id").param("id", eventId).query(String.class)
                .single();
    }

    private Registration registration(long eventId, String slug, long id, RegistrationStatus status, String token) {
        int position = 0;
        if (status == RegistrationStatus.WAITING) {
            position = jdbc.sql("""
                    select count(*) from agenda.registration w, agenda.registration me
                    where me.id = :id and w.event_id = :event and w.status = 'WAITING'
                      and (w.created_at, w.id) <= (me.created_at, me.id)
                    """).param("id", id).param("event", eventId).query(Integer.class).single();
        }
        return new Registration(id, slug, status, position, token);
    }
}
