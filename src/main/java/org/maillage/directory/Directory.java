package org.maillage.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.maillage.account.CurrentUser;

/**
 * The directory of ESS structures: the public search and listing, and their management by the
 * animators of the pôle covering their commune and the coordinators of their region.
 */
public interface Directory {

    /** Published structures matching the query (French full-text: accents, plurals), with facet counts. */
    StructurePage search(StructureQuery query);

    /**
     * Every published structure matching the filters (words and page ignored), by name, one at a time
     * (open-data exports of any size).
     */
    void exportPublished(StructureQuery filters, java.util.function.Consumer<StructureView> each);

    /**
     * The published structures that are members of a pôle in a year (membership status MEMBER), by
     * name, with their totals; the latest year with members when {@code year} is null.
     *
     * @throws org.maillage.platform.NotFoundException for an unknown pôle
     */
    PoleMembers poleMembers(String poleSlug, Integer year);

    /**
     * @param years the years with members, latest first
     * @param bySector structures and employees per sector, most structures first
     */
    record PoleMembers(String poleSlug, String poleName, int year, List<Integer> years, List<StructureView> members,
            long employees, Map<EssSector, SectorTotal> bySector) {}

    record SectorTotal(long structures, long employees) {}

    /** A published structure; empty when there is none (or it is not published). */
    Optional<StructureView> findPublished(String slug);

    /** A structure for someone who may edit it (403 otherwise). */
    StructureView findForEditing(CurrentUser user, String slug);

    /** Whether the user may edit this structure: its pôle's animators, its region's coordinators, its own people. */
    boolean canEdit(CurrentUser user, StructureView structure);

    /** Whether the user may give the structure's people an account: its pôle's animators, its region's coordinators. */
    boolean canGiveAccess(CurrentUser user, StructureView structure);

    /**
     * Invites a person of the structure, who will then keep its public listing up to date.
     *
     * @throws org.maillage.platform.RuleViolationException when the email has an account already
     */
    void giveAccess(CurrentUser user, String slug, String email, String displayName);

    /**
     * Adds a structure; its slug.
     *
     * @throws org.maillage.platform.RuleViolationException for a bad SIRET, an unknown commune or a
     *     SIRET already listed, with the field concerned
     */
    String create(CurrentUser user, StructureData data);

    void update(CurrentUser user, String slug, StructureData data);

    /** The structure's memberships of pôles, newest year first. */
    List<Membership> memberships(String slug);

    /**
     * Records (or replaces) the membership of a structure in a pôle for a year: the pôle's animators and
     * its region's coordinators.
     */
    void recordMembership(CurrentUser user, String slug, Membership membership);

    void removeMembership(CurrentUser user, String slug, long membershipId);

    /** A structure's membership of a pôle for a year; {@code fee} in euros, or null when none was set. */
    record Membership(long id, String poleSlug, String poleName, int year, java.math.BigDecimal fee,
            MembershipStatus status) {}

    /** What is typed about a structure. */
    record StructureData(String name, String siret, StructureFamily family, String legalFormCode, EssSector sector,
            String nafCode, String address, String communeCode, Double latitude, Double longitude, Integer employees,
            String website, String description, boolean published) {}

    record StructureView(long id, String slug, String name, String siret, StructureFamily family, String legalFormCode,
            EssSector sector, String nafCode, String address, String communeCode, String communeName,
            String departementCode, String regionCode, String poleSlug, String poleName, Double latitude,
            Double longitude, Integer employees, String website, String description, boolean published) {

        public StructureData data() {
            return new StructureData(name, siret, family, legalFormCode, sector, nafCode, address, communeCode, latitude,
                    longitude, employees, website, description, published);
        }
    }

    /**
     * Published structures close to a project, so that an animator connects people instead of creating
     * a duplicate or a competitor: in the project's département, sharing words with its description
     * (French full text, or trigram similarity with the name for typos) or its sector; the closest
     * first (shared words, then same sector, same pôle, same commune).
     */
    List<StructureView> similar(SimilarQuery query);

    /**
     * @param text the project in a few words, or null
     * @param sector its sector, or null
     * @param poleSlug the pôle of its commune, or null
     */
    record SimilarQuery(String text, EssSector sector, String departementCode, String poleSlug, String communeCode,
            int limit) {}

    /** A search: words (or null), facets (null for all), page from 0. */
    record StructureQuery(String text, StructureFamily family, EssSector sector, String poleSlug, String departementCode,
            int page, int size) {}

    /**
     * One page of results, the total, and for each facet (family, sector, pole, departement) the count
     * of matching structures per value, as if that facet were not chosen.
     */
    record StructurePage(List<StructureView> rows, long total, int page, int size,
            Map<String, Map<String, Long>> facets, Map<String, String> poleNames) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }
}
