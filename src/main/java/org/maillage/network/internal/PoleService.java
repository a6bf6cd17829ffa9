package org.maillage.network.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.maillage.network.CoverageChange;
import org.maillage.network.PoleCoverage;
import org.maillage.network.PoleCoverage.CoveredCommune;
import org.maillage.network.PoleCoverage.CoveredEpci;
import org.maillage.network.PoleId;
import org.maillage.network.PoleResolution;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.maillage.network.RegionalNetwork;
import org.maillage.network.internal.PoleRepository.CoverageRow;
import org.maillage.network.internal.PoleRepository.Covering;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.maillage.territory.Commune;
import org.maillage.territory.Epci;
import org.maillage.territory.Territories;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class PoleService implements Poles {

    /** How many conflicting communes a refusal names before summing up the rest. */
    private static final int CONFLICTS_NAMED = 3;

    private final PoleRepository repository;
    private final Territories territories;

    PoleService(PoleRepository repository, Territories territories) {
        this.repository = repository;
        this.territories = territories;
    }

    @Override
    public PoleResolution resolve(String communeCode) {
        Commune commune = territories.findCommune(communeCode)
                .orElseThrow(() -> new NotFoundException("commune.unknown", communeCode));
        Optional<Covering> covering = repository.findCovering(commune.code(), commune.epciCode(), commune.regionCode());
        RegionalNetwork coordination = repository.findNetworkOfRegion(commune.regionCode())
                .or(() -> covering.flatMap(c -> repository.findNetwork(c.pole().networkCode())))
                .orElse(null);
        return new PoleResolution(commune, covering.map(Covering::pole).orElse(null),
                covering.map(Covering::verified).orElse(false), coordination);
    }

    @Override
    public List<PoleSummary> list() {
        return repository.findAll();
    }

    @Override
    public Optional<PoleCoverage> findBySlug(String slug) {
        return repository.findBySlug(slug).map(pole -> {
            Map<String, Boolean> epciVerified = verifiedByCode(repository.epciCoverageOf(pole.id()));
            Map<String, Boolean> communeVerified = verifiedByCode(repository.communeCoverageOf(pole.id()));
            List<CoveredEpci> epcis = territories.findEpcis(epciVerified.keySet()).stream()
                    .map(epci -> new CoveredEpci(epci, epciVerified.get(epci.code())))
                    .toList();
            List<CoveredCommune> communes = territories.findCommunes(communeVerified.keySet()).stream()
                    .map(commune -> new CoveredCommune(commune, communeVerified.get(commune.code())))
                    .toList();
            return new PoleCoverage(pole, epcis, communes);
        });
    }

    @Override
    @Transactional
    public void changeCoverage(PoleId pole, CoverageChange change) {
        PoleSummary summary = repository.findById(pole).orElseThrow(() -> new NotFoundException("pole.unknown", pole.value()));
        long networkId = repository.lockNetworkOf(pole);
        requireKnown(change.epcis().keySet(), codes -> territories.findEpcis(codes).stream().map(Epci::code).toList(),
                "network.coverage.unknownEpci");
        requireKnown(change.communes().keySet(), codes -> territories.findCommunes(codes).stream().map(Commune::code).toList(),
                "network.coverage.unknownCommune");

        CoverageRule.Claim proposed = new CoverageRule.Claim(pole, summary.name(),
                communesOf(change.epcis().keySet(), change.communes().keySet()));
        List<CoverageRule.Conflict> conflicts = CoverageRule.conflicts(proposed, claims(networkId));
        if (!conflicts.isEmpty()) {
            throw refusal(summary, conflicts);
        }
        repository.replaceCoverage(networkId, pole, change.epcis(), change.communes());
    }

    /** The communes every pôle of the network covers today, through its EPCI and one by one. */
    private List<CoverageRule.Claim> claims(long networkId) {
        Map<Long, Set<String>> epcis = codesByPole(repository.epciCoverage(networkId));
        Map<Long, Set<String>> communes = codesByPole(repository.communeCoverage(networkId));
        Map<Long, String> names = repository.poleNames(networkId);
        List<CoverageRule.Claim> claims = new ArrayList<>();
        names.forEach((id, name) -> claims.add(new CoverageRule.Claim(new PoleId(id), name,
                communesOf(epcis.getOrDefault(id, Set.of()), communes.getOrDefault(id, Set.of())))));
        return claims;
    }

    private Set<String> communesOf(Set<String> epciCodes, Set<String> communeCodes) {
        Set<String> all = new HashSet<>(territories.communeCodesOfEpcis(epciCodes));
        all.addAll(communeCodes);
        return all;
    }

    private RuleViolationException refusal(PoleSummary pole, List<CoverageRule.Conflict> conflicts) {
        List<CoverageRule.Conflict> named = conflicts.subList(0, Math.min(CONFLICTS_NAMED, conflicts.size()));
        Map<String, String> names = territories.findCommunes(named.stream().map(CoverageRule.Conflict::communeCode).toList())
                .stream().collect(Collectors.toMap(Commune::code, c -> c.name() + " (" + c.code() + ")"));
        String examples = named.stream()
                .map(c -> names.getOrDefault(c.communeCode(), c.communeCode()) + " — « " + c.other().poleName() + " »")
                .collect(Collectors.joining(", "));
        return new RuleViolationException("network.coverage.conflict", pole.name(), conflicts.size(), examples);
    }

    private static void requireKnown(Set<String> codes, Function<Collection<String>, List<String>> known, String messageKey) {
        Set<String> unknown = new TreeSet<>(codes);
        known.apply(codes).forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new RuleViolationException(messageKey, String.join(", ", unknown));
        }
    }

    private static Map<Long, Set<String>> codesByPole(List<CoverageRow> rows) {
        Map<Long, Set<String>> byPole = new LinkedHashMap<>();
        rows.forEach(row -> byPole.computeIfAbsent(row.poleId(), id -> new HashSet<>()).add(row.code()));
        return byPole;
    }

    private static Map<String, Boolean> verifiedByCode(List<CoverageRow> rows) {
        Map<String, Boolean> verified = new LinkedHashMap<>();
        rows.forEach(row -> verified.put(row.code(), row.verified()));
        return verified;
    }
}
