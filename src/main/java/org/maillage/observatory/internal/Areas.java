package org.maillage.observatory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.maillage.account.CurrentUser;
import org.maillage.account.Grant;
import org.maillage.account.Role;
import org.maillage.account.ScopeType;
import org.maillage.account.TerritoryRef;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.observatory.Area;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.StatsScope;
import org.maillage.territory.Commune;
import org.maillage.territory.Epci;
import org.maillage.territory.Territories;
import org.springframework.stereotype.Component;

/** Territories as the observatory knows them: what they cover, who may see them. */
@Component
class Areas {

    /** A territory with what its figures count and what contains it (for authorization). */
    record Resolved(Area area, StatsScope scope, TerritoryRef ref) {}

    private final Poles poles;
    private final Territories territories;

    Areas(Poles poles, Territories territories) {
        this.poles = poles;
        this.territories = territories;
    }

    /** Every pôle (of every network): the network module keeps the list in memory a while. */
    List<PoleSummary> poles() {
        return poles.list();
    }

    Resolved resolve(String key, int year) {
        String[] parts = key == null ? new String[0] : key.split(":", 2);
        ScopeType type = parts.length == 2 ? parse(parts[0]) : null;
        if (type == null) {
            throw new NotFoundException("observatory.area.unknown");
        }
        String code = parts[1];
        return switch (type) {
            case POLE -> {
                PoleSummary pole = poles().stream().filter(p -> p.slug().equals(code)).findFirst()
                        .orElseThrow(() -> new NotFoundException("observatory.area.unknown"));
                yield resolved(new Area(type, code, pole.name(), pole.regionCode()), Set.of(code), null, Set.of(),
                        Set.of(TerritoryRef.key(ScopeType.REGION, pole.regionCode())), year);
            }
            case REGION -> {
                String name = regionName(code).orElseThrow(() -> new NotFoundException("observatory.area.unknown"));
                yield resolved(new Area(type, code, name, code), Set.of(), null, Set.of(), Set.of(), year);
            }
            case DEPARTEMENT -> {
                for (String region : regions()) {
                    String name = territories.departementsOfRegion(region).get(code);
                    if (name != null) {
                        yield resolved(new Area(type, code, name, region), Set.of(), code, Set.of(),
                                Set.of(TerritoryRef.key(ScopeType.REGION, region)), year);
                    }
                }
                throw new NotFoundException("observatory.area.unknown");
            }
            case EPCI -> {
                Epci epci = territories.findEpcis(List.of(code)).stream().findFirst()
                        .orElseThrow(() -> new NotFoundException("observatory.area.unknown"));
                Set<String> communes = territories.communeCodesOfEpcis(List.of(code));
                List<Commune> members = territories.findCommunes(communes);
                if (members.isEmpty()) {
                    throw new NotFoundException("observatory.area.unknown");
                }
                String region = members.get(0).regionCode();
                Set<String> containedIn = new java.util.HashSet<>();
                containedIn.add(TerritoryRef.key(ScopeType.REGION, region));
                members.forEach(c -> containedIn.add(TerritoryRef.key(ScopeType.DEPARTEMENT, c.departementCode())));
                Resolved any = resolved(new Area(type, code, epci.name(), region), Set.of(), null, communes, containedIn,
                        year);
                // its communes say which rows count, whatever their region (an EPCI may lie across two)
                yield new Resolved(any.area(), new StatsScope(null, Set.of(), null, communes, year, year, false), any.ref());
            }
            default -> throw new NotFoundException("observatory.area.unknown");
        };
    }

    /** The territories the user may see figures of: regions, then départements, EPCI and pôles. */
    List<Area> optionsFor(CurrentUser user) {
        Map<String, Area> options = new LinkedHashMap<>();
        List<PoleSummary> all = poles();
        for (Grant grant : user.grants()) {
            if (grant.role() == Role.FINANCEUR && grant.scopeType() == ScopeType.REGION) {
                String region = grant.scopeCode();
                regionName(region).ifPresent(name -> options.putIfAbsent("REGION:" + region,
                        new Area(ScopeType.REGION, region, name, region)));
            } else if (grant.role() == Role.COORDINATEUR && grant.scopeType() == ScopeType.REGION) {
                String region = grant.scopeCode();
                regionName(region).ifPresent(name -> options.putIfAbsent("REGION:" + region,
                        new Area(ScopeType.REGION, region, name, region)));
                territories.departementsOfRegion(region).forEach((code, name) -> options.putIfAbsent(
                        "DEPARTEMENT:" + code, new Area(ScopeType.DEPARTEMENT, code, name, region)));
                all.stream().filter(p -> region.equals(p.regionCode())).forEach(p -> options.putIfAbsent(
                        "POLE:" + p.slug(), new Area(ScopeType.POLE, p.slug(), p.name(), region)));
            } else if (grant.role() == Role.FINANCEUR && grant.scopeType() == ScopeType.DEPARTEMENT) {
                options.putIfAbsent("DEPARTEMENT:" + grant.scopeCode(), new Area(ScopeType.DEPARTEMENT,
                        grant.scopeCode(), grant.scopeLabel(), grant.regionCode()));
            } else if (grant.role() == Role.FINANCEUR && grant.scopeType() == ScopeType.EPCI) {
                options.putIfAbsent("EPCI:" + grant.scopeCode(), new Area(ScopeType.EPCI, grant.scopeCode(),
                        grant.scopeLabel(), grant.regionCode()));
            } else if ((grant.role() == Role.ANIMATEUR || grant.role() == Role.FINANCEUR)
                    && grant.scopeType() == ScopeType.POLE) {
                all.stream().filter(p -> p.slug().equals(grant.scopeCode())).findFirst().ifPresent(p -> options
                        .putIfAbsent("POLE:" + p.slug(), new Area(ScopeType.POLE, p.slug(), p.name(), p.regionCode())));
            }
        }
        List<Area> sorted = new ArrayList<>(options.values());
        sorted.sort(java.util.Comparator.comparing((Area a) -> a.type().ordinal() == ScopeType.REGION.ordinal() ? 0
                : a.type() == ScopeType.DEPARTEMENT ? 1 : a.type() == ScopeType.EPCI ? 2 : 3));
        return sorted;
    }

    /** A region with a network of pôles, by its name; empty for any other region. */
    Optional<String> regionName(String regionCode) {
        return poles().stream().anyMatch(p -> regionCode.equals(p.regionCode()))
                ? territories.regionName(regionCode) : Optional.empty();
    }

    private List<String> regions() {
        return poles().stream().map(PoleSummary::regionCode).distinct().toList();
    }

    private static Resolved resolved(Area area, Set<String> poleSlugs, String departement, Set<String> communes,
            Set<String> containedIn, int year) {
        return new Resolved(area, new StatsScope(area.regionCode(), poleSlugs, departement, communes, year, year, false),
                new TerritoryRef(area.type(), area.code(), area.regionCode(), containedIn));
    }

    private static ScopeType parse(String type) {
        try {
            ScopeType scope = ScopeType.valueOf(type);
            return Set.of(ScopeType.POLE, ScopeType.REGION, ScopeType.DEPARTEMENT, ScopeType.EPCI).contains(scope) ? scope
                    : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
