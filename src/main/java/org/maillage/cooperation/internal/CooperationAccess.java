package org.maillage.cooperation.internal;

import java.time.Year;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maillage.account.Authorizations;
import org.maillage.account.CurrentUser;
import org.maillage.account.Grant;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.cooperation.Exchanges.StructureChoice;
import org.maillage.directory.Directory;
import org.maillage.directory.Directory.StructureView;
import org.maillage.directory.MembershipStatus;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who belongs to the cooperation network of a region and what they may do in it. The network of a region
 * is its structures' people, the animators of its pôles and its coordinators; funders, partners, porteurs
 * and the public are not in it. Animators and coordinators follow (suivent) their pôles' cooperation and
 * act on behalf of the structures of their pôles.
 */
@Component
class CooperationAccess {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Authorizations authorizations;
    private final Directory directory;
    private final Poles poles;
    private final org.maillage.territory.Territories territories;

    CooperationAccess(Authorizations authorizations, Directory directory, Poles poles,
            org.maillage.territory.Territories territories) {
        this.authorizations = authorizations;
        this.directory = directory;
        this.poles = poles;
        this.territories = territories;
    }

    /** The names of these communes (nulls ignored), read at once, by code. */
    Map<String, String> communeNames(java.util.Collection<String> codes) {
        Map<String, String> names = new java.util.HashMap<>();
        territories.findCommunes(codes.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()))
                .forEach(c -> names.put(c.code(), c.name()));
        return names;
    }

    /** The regions whose network the user belongs to. */
    Set<String> regions(CurrentUser user) {
        Set<String> regions = new LinkedHashSet<>(user.scopes(Role.COORDINATEUR, ScopeType.REGION));
        Set<String> animated = animatedPoles(user);
        if (!animated.isEmpty()) {
            poles.list().stream().filter(p -> animated.contains(p.slug())).forEach(p -> regions.add(p.regionCode()));
        }
        for (String slug : user.scopes(Role.STRUCTURE, ScopeType.STRUCTURE)) {
            structure(user, slug).ifPresent(s -> regions.add(s.regionCode()));
        }
        regions.remove(null);
        return regions;
    }

    Set<String> animatedPoles(CurrentUser user) {
        return user.scopes(Role.ANIMATEUR, ScopeType.POLE);
    }

    Set<String> ownStructures(CurrentUser user) {
        return user.scopes(Role.STRUCTURE, ScopeType.STRUCTURE);
    }

    /** Whether the user follows a pôle's cooperation: its animators, its region's coordinators. */
    boolean follows(CurrentUser user, String poleSlug, String regionCode) {
        return (poleSlug != null && animatedPoles(user).contains(poleSlug))
                || user.scopes(Role.COORDINATEUR, ScopeType.REGION).contains(regionCode);
    }

    /** 403 unless the user belongs to the region's network. */
    void requireNetwork(CurrentUser user, String regionCode) {
        authorizations.check(regions(user).contains(regionCode));
    }

    /** The user's pôle, or the pôle of the region they coordinate; 403 otherwise. */
    PoleSummary followedPole(CurrentUser user, String poleSlug) {
        PoleSummary pole = poleNamed(poleSlug);
        authorizations.check(follows(user, pole.slug(), pole.regionCode()));
        return pole;
    }

    /** A pôle; refused with the French reason when there is none. */
    PoleSummary poleNamed(String poleSlug) {
        return poles.list().stream().filter(p -> p.slug().equals(poleSlug)).findFirst()
                .orElseThrow(() -> new org.maillage.platform.RuleViolationException("cooperation.pole.unknown"));
    }

    /** The pôles the user follows, by name. */
    List<PoleSummary> followedPoles(CurrentUser user) {
        Set<String> regions = user.scopes(Role.COORDINATEUR, ScopeType.REGION);
        Set<String> animated = animatedPoles(user);
        return poles.list().stream().filter(p -> animated.contains(p.slug()) || regions.contains(p.regionCode()))
                .toList();
    }

    /** A pôle's name (its slug when unknown). */
    Map<String, String> poleNames() {
        Map<String, String> names = new LinkedHashMap<>();
        poles.list().forEach(p -> names.put(p.slug(), p.name()));
        return names;
    }

    /** The structure, when the user may act for it (its people, its pôle's animators, its region's coordinators). */
    java.util.Optional<StructureView> structure(CurrentUser user, String slug) {
        try {
            return java.util.Optional.of(directory.findForEditing(user, slug));
        } catch (NotFoundException | org.springframework.security.access.AccessDeniedException e) {
            return java.util.Optional.empty();
        }
    }

    /** The structure the user acts for; 403 when they may not, 404 when there is none. */
    StructureView actingFor(CurrentUser user, String slug) {
        return directory.findForEditing(user, slug);
    }

    boolean mayActFor(CurrentUser user, String structureSlug, String poleSlug, String regionCode) {
        return ownStructures(user).contains(structureSlug) || follows(user, poleSlug, regionCode);
    }

    /** Whether the structure is a member of a pôle this year or last year. */
    boolean member(String structureSlug) {
        int year = Year.now(PARIS).getValue();
        return directory.memberships(structureSlug).stream()
                .anyMatch(m -> m.status() == MembershipStatus.MEMBER && m.year() >= year - 1);
    }

    /** The structures the user may act for: their own, then the members of the pôles they follow. */
    List<StructureChoice> structuresActingFor(CurrentUser user) {
        Map<String, StructureChoice> choices = new LinkedHashMap<>();
        for (String slug : ownStructures(user)) {
            structure(user, slug).ifPresent(s -> choices.put(s.slug(),
                    new StructureChoice(s.slug(), s.name(), s.communeCode(), member(s.slug()))));
        }
        int year = Year.now(PARIS).getValue();
        for (PoleSummary pole : followedPoles(user)) {
            for (int y : List.of(year, year - 1)) {
                for (StructureView s : directory.poleMembers(pole.slug(), y).members()) {
                    choices.putIfAbsent(s.slug(), new StructureChoice(s.slug(), s.name(), s.communeCode(), true));
                }
            }
        }
        return List.copyOf(choices.values());
    }

    boolean has(CurrentUser user, Role role) {
        return user.grants().stream().map(Grant::role).anyMatch(r -> r == role);
    }
}
