package org.maillage.cooperation.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.cooperation.PoolingKind;
import org.maillage.cooperation.Poolings;
import org.maillage.directory.Directory.StructureView;
import org.maillage.network.PoleSummary;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.maillage.territory.Commune;
import org.maillage.territory.Territories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pooling between structures. Adding a structure to a shared job locks the pooling's row first, so that
 * two people splitting the last hours at once never give more than the job has.
 */
@Service
class PoolingService implements Poolings {

    private static final BigDecimal MAX_HOURS = new BigDecimal("48");

    private final JdbcClient jdbc;
    private final CooperationAccess access;
    private final Authorizations authorizations;
    private final Territories territories;
    private final Clock clock;

    PoolingService(JdbcClient jdbc, CooperationAccess access, Authorizations authorizations, Territories territories,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.authorizations = authorizations;
        this.territories = territories;
        this.clock = clock;
    }

    private PoolingView view(ResultSet rs, CurrentUser user) throws SQLException {
        String pole = rs.getString("pole_slug");
        String region = rs.getString("region_code");
        return new PoolingView(rs.getLong("id"), PoolingKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("description"), pole, region, rs.getString("commune_code"), rs.getString("commune_code"),
                rs.getBigDecimal("weekly_hours"), rs.getDate("started_on").toLocalDate(),
                rs.getDate("ended_on") == null ? null : rs.getDate("ended_on").toLocalDate(), List.of(),
                access.follows(user, pole, region));
    }

    /** The poolings with their participants and communes' names. */
    private List<PoolingView> complete(List<PoolingView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Participant>> participants = new HashMap<>();
        jdbc.sql("""
                select * from cooperation.pooling_participant where pooling_id in (:ids) order by structure_name, id
                """).param("ids", rows.stream().map(PoolingView::id).toList()).query(rs -> {
                    participants.computeIfAbsent(rs.getLong("pooling_id"), k -> new ArrayList<>())
                            .add(new Participant(rs.getString("structure_slug"), rs.getString("structure_name"),
                                    rs.getBigDecimal("weekly_hours"), rs.getString("share")));
                });
        Map<String, String> names = access.communeNames(rows.stream().map(PoolingView::communeCode).toList());
        return rows.stream().map(v -> new PoolingView(v.id(), v.kind(), v.title(), v.description(), v.poleSlug(),
                v.regionCode(), v.communeCode(), v.communeCode() == null ? null : names.getOrDefault(v.communeCode(),
                        v.communeCode()), v.weeklyHours(), v.startedOn(), v.endedOn(),
                List.copyOf(participants.getOrDefault(v.id(), List.of())), v.manageable())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<PoolingView> list(CurrentUser user, String poleSlug) {
        Set<String> regions = access.regions(user);
        authorizations.check(!regions.isEmpty());
        return complete(jdbc.sql("select * from cooperation.pooling where region_code in (:regions)"
                        + (poleSlug == null ? "" : " and pole_slug = :pole")
                        + " order by coalesce(pole_slug in (:followed), false) desc, started_on desc, id desc limit 300")
                .param("regions", List.copyOf(regions)).param("pole", poleSlug)
                .param("followed", ExchangeService.nonEmpty(access.animatedPoles(user)))
                .query((rs, n) -> view(rs, user)).list());
    }

    @Override
    @Transactional(readOnly = true)
    public PoolingView find(CurrentUser user, long id) {
        PoolingView pooling = jdbc.sql("select * from cooperation.pooling where id = :id").param("id", id)
                .query((rs, n) -> view(rs, user)).optional()
                .orElseThrow(() -> new NotFoundException("cooperation.pooling.unknown", id));
        access.requireNetwork(user, pooling.regionCode());
        return complete(List.of(pooling)).get(0);
    }

    private PoolingView managed(CurrentUser user, long id) {
        PoolingView pooling = find(user, id);
        authorizations.check(pooling.manageable());
        return pooling;
    }

    @Override
    @Transactional
    public long create(CurrentUser user, NewPooling pooling) {
        PoleSummary pole = access.followedPole(user, pooling.poleSlug());
        String commune = checked(pooling, pole);
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                insert into cooperation.pooling (kind, title, description, pole_slug, region_code, commune_code, weekly_hours,
                    started_on, ended_on, created_by, created_at, updated_at)
                values (:kind, :title, :description, :pole, :region, :commune, :hours, :started, :ended, :by, :now, :now)
                returning id
                """).param("kind", pooling.kind().name()).param("title", pooling.title().strip())
                .param("description", ExchangeService.strip(pooling.description())).param("pole", pole.slug())
                .param("region", pole.regionCode()).param("commune", commune).param("hours", hours(pooling))
                .param("started", Date.valueOf(pooling.startedOn()))
                .param("ended", pooling.endedOn() == null ? null : Date.valueOf(pooling.endedOn()))
                .param("by", user.id().value()).param("now", now).query(Long.class).single();
    }

    @Override
    @Transactional
    public void update(CurrentUser user, long id, NewPooling pooling) {
        PoolingView current = managed(user, id);
        PoleSummary pole = access.followedPole(user, current.poleSlug());
        String commune = checked(pooling, pole);
        jdbc.sql("select id from cooperation.pooling where id = :id for update").param("id", id).query(Long.class).single();
        if (pooling.kind() == PoolingKind.SHARED_JOB) {
            BigDecimal split = split(id, null);
            if (split.compareTo(pooling.weeklyHours()) > 0) {
                throw new RuleViolationException("cooperation.pooling.hours.belowSplit", hoursText(split));
            }
        }
        jdbc.sql("""
                update cooperation.pooling set kind = :kind, title = :title, description = :description,
                    commune_code = :commune, weekly_hours = :hours, started_on = :started, ended_on = :ended,
                    updated_at = :now where id = :id
                """).param("kind", pooling.kind().name()).param("title", pooling.title().strip())
                .param("description", ExchangeService.strip(pooling.description())).param("commune", commune)
                .param("hours", hours(pooling)).param("started", Date.valueOf(pooling.startedOn()))
                .param("ended", pooling.endedOn() == null ? null : Date.valueOf(pooling.endedOn()))
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        if (pooling.kind() != PoolingKind.SHARED_JOB) {
            jdbc.sql("update cooperation.pooling_participant set weekly_hours = null where pooling_id = :id")
                    .param("id", id).update();
        }
    }

    /** Hours a week: more than 0, 48 at most, one decimal at most (as the database keeps them). */
    static boolean hoursOk(BigDecimal hours) {
        return hours != null && hours.signum() > 0 && hours.compareTo(MAX_HOURS) <= 0
                && hours.stripTrailingZeros().scale() <= 1;
    }

    private static BigDecimal hours(NewPooling pooling) {
        return pooling.kind() == PoolingKind.SHARED_JOB ? pooling.weeklyHours() : null;
    }

    /** The commune's code (or null); refused with the French reason when the pooling is not one. */
    private String checked(NewPooling pooling, PoleSummary pole) {
        String title = pooling.title() == null ? "" : pooling.title().strip();
        if (title.isEmpty() || title.length() > 150) {
            throw new RuleViolationException("cooperation.pooling.title.invalid");
        }
        if (ExchangeService.strip(pooling.description()).length() > 3000) {
            throw new RuleViolationException("cooperation.listing.description.tooLong");
        }
        if (pooling.kind() == null) {
            throw new RuleViolationException("cooperation.pooling.kind.blank");
        }
        if (pooling.kind() == PoolingKind.SHARED_JOB && !hoursOk(pooling.weeklyHours())) {
            throw new RuleViolationException("cooperation.pooling.hours.invalid");
        }
        if (pooling.startedOn() == null || (pooling.endedOn() != null && pooling.endedOn().isBefore(pooling.startedOn()))) {
            throw new RuleViolationException("cooperation.listing.dates.invalid");
        }
        if (pooling.communeCode() == null) {
            return null;
        }
        Commune commune = territories.findCommune(pooling.communeCode())
                .orElseThrow(() -> new RuleViolationException("cooperation.commune.unknown"));
        return commune.code();
    }

    /** The hours given to the pooling's structures, except one (or none). */
    private BigDecimal split(long id, String except) {
        return jdbc.sql("""
                select coalesce(sum(weekly_hours), 0) from cooperation.pooling_participant
                where pooling_id = :id and structure_slug is distinct from :except
                """).param("id", id).param("except", except).query(BigDecimal.class).single();
    }

    static String hoursText(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    @Override
    @Transactional
    public void putParticipant(CurrentUser user, long id, String structureSlug, BigDecimal weeklyHours, String share) {
        PoolingView pooling = managed(user, id);
        StructureView structure = access.actingFor(user, structureSlug);
        if (ExchangeService.strip(share).length() > 200) {
            throw new RuleViolationException("cooperation.pooling.share.tooLong");
        }
        jdbc.sql("select id from cooperation.pooling where id = :id for update").param("id", id).query(Long.class).single();
        BigDecimal hours = null;
        if (pooling.kind() == PoolingKind.SHARED_JOB) {
            if (!hoursOk(weeklyHours)) {
                throw new RuleViolationException("cooperation.pooling.participant.hours.invalid");
            }
            BigDecimal total = jdbc.sql("select weekly_hours from cooperation.pooling where id = :id").param("id", id)
                    .query(BigDecimal.class).single();
            BigDecimal split = split(id, structure.slug()).add(weeklyHours);
            if (split.compareTo(total) > 0) {
                throw new RuleViolationException("cooperation.pooling.hours.over", hoursText(split), hoursText(total));
            }
            hours = weeklyHours;
        }
        jdbc.sql("""
                insert into cooperation.pooling_participant (pooling_id, structure_slug, structure_name, weekly_hours, share)
                values (:id, :slug, :name, :hours, :share)
                on conflict (pooling_id, structure_slug) do update set weekly_hours = excluded.weekly_hours,
                    share = excluded.share, structure_name = excluded.structure_name
                """).param("id", id).param("slug", structure.slug()).param("name", structure.name()).param("hours", hours)
                .param("share", ExchangeService.strip(share)).update();
        touch(id);
    }

    @Override
    @Transactional
    public void removeParticipant(CurrentUser user, long id, String structureSlug) {
        managed(user, id);
        jdbc.sql("delete from cooperation.pooling_participant where pooling_id = :id and structure_slug = :slug")
                .param("id", id).param("slug", structureSlug).update();
        touch(id);
    }

    private void touch(long id) {
        jdbc.sql("update cooperation.pooling set updated_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }
}
