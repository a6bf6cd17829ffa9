package org.maillage.cooperation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.maillage.account.CurrentUser;

/**
 * Offers and needs between structures (la bourse aux coopérations), the counterparts that matching
 * suggests, and the matches (mises en relation) with the business they led to. A listing is seen by the
 * network of its region: its structures' people, the animators of its pôles and its coordinators.
 */
public interface Exchanges {

    /**
     * The structures the user may publish for: their own (structure role), those of the pôles they
     * animate (on behalf of a structure), those of the region they coordinate.
     */
    List<StructureChoice> structuresActingFor(CurrentUser user);

    /** @param member whether it is a member of a pôle this year or last year (only members publish) */
    record StructureChoice(String slug, String name, String communeCode, boolean member) {}

    /** The regions whose network the user belongs to (whose offers and needs they read); empty for none. */
    java.util.Set<String> networkRegions(CurrentUser user);

    /** The pôles whose cooperation the user follows (animates, or coordinates their region), by name. */
    java.util.List<org.maillage.network.PoleSummary> followedPoles(CurrentUser user);

    /**
     * Publishes an offer or a need of a member structure; its id.
     *
     * @throws org.springframework.security.access.AccessDeniedException when the user may not act for it
     * @throws org.maillage.platform.RuleViolationException with the French reason (not a member, dates,
     *     unknown commune)
     */
    long publish(CurrentUser user, NewListing listing);

    /** Changes a listing, for the people who may act for its structure. */
    void update(CurrentUser user, long id, NewListing listing);

    /** Withdraws a listing: its contact's name and address are erased; its matches stay. */
    void withdraw(CurrentUser user, long id);

    /**
     * @param communeCode where it is; null: the structure's commune
     * @param availableUntil null: no end
     */
    record NewListing(String structureSlug, ListingKind kind, ListingCategory category, String title,
            String description, String communeCode, LocalDate availableFrom, LocalDate availableUntil,
            String contactName, String contactEmail) {}

    /**
     * A listing, for the network of its region.
     *
     * @throws org.springframework.security.access.AccessDeniedException for anyone else
     * @throws org.maillage.platform.NotFoundException for an unknown listing
     */
    ListingView listing(CurrentUser user, long id);

    /** The open listings of the user's regions, newest first, filtered; 20 a page. */
    ListingPage board(CurrentUser user, BoardQuery query);

    /** Words (or null), kind, category, pôle (null for all), page from 0, and only the user's structures. */
    record BoardQuery(String text, ListingKind kind, ListingCategory category, String poleSlug, boolean mine, int page) {}

    record ListingPage(List<ListingView> rows, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /**
     * @param manageable whether the viewer may change it, withdraw it and put it in touch
     */
    record ListingView(long id, ListingKind kind, ListingCategory category, String structureSlug, String structureName,
            String poleSlug, String regionCode, String communeCode, String communeName, String title,
            String description, LocalDate availableFrom, LocalDate availableUntil, String contactName,
            String contactEmail, Instant closedAt, Instant createdAt, boolean manageable) {

        /** Not withdrawn, and not ended by the date in France. */
        public boolean open() {
            return closedAt == null && (availableUntil == null
                    || !availableUntil.isBefore(LocalDate.now(java.time.ZoneId.of("Europe/Paris"))));
        }
    }

    /**
     * The counterparts that answer a listing, best first (at most 10): open listings of the other kind,
     * of a category that answers it, available at the same time, of another structure, in the same pôle
     * or near its commune; ranked by pôle, distance and shared words.
     */
    List<Suggestion> suggestions(CurrentUser user, long id);

    /**
     * @param distanceKm between the two communes, rounded; null when unknown
     * @param sharedWords the words the two listings share
     * @param matchId the match already recorded between the two, or null
     */
    record Suggestion(ListingView counterpart, int score, boolean samePole, Integer distanceKm, List<String> sharedWords,
            Long matchId) {}

    /**
     * Puts a listing in touch with a counterpart (mise en relation), for the people who may act for the
     * listing's structure or animate its pôle: the match is recorded and the counterpart's contact is
     * emailed with the listing's. The same two again give the same match.
     *
     * @throws org.maillage.platform.RuleViolationException when they are not an offer and a need
     */
    long putInTouch(CurrentUser user, long listingId, long counterpartId);

    /** The matches the user takes part in (their structures) or follows (their pôles, their region), newest first. */
    List<MatchView> matches(CurrentUser user);

    /**
     * @param canRecord whether the viewer may record the outcome (either structure, their pôles' animators)
     */
    record MatchView(long id, long offerId, String offerTitle, String offerStructure, long needId, String needTitle,
            String needStructure, String poleSlug, MatchOutcome outcome, BigDecimal amount, String outcomeNote,
            Instant createdAt, Instant outcomeAt, boolean canRecord) {

        /** The amount as French people write it ("35 000", "1 250,50"); empty when none. */
        public String amountText() {
            if (amount == null) {
                return "";
            }
            java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(java.util.Locale.FRANCE);
            int decimals = amount.stripTrailingZeros().scale() > 0 ? 2 : 0;
            format.setMinimumFractionDigits(decimals);
            format.setMaximumFractionDigits(decimals);
            return format.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ');
        }
    }

    /**
     * Records what came of a match: business with its amount in euros (required), or no business.
     *
     * @throws org.maillage.platform.RuleViolationException without an amount for business, with an amount otherwise
     */
    void recordOutcome(CurrentUser user, long matchId, MatchOutcome outcome, BigDecimal amount, String note);
}
