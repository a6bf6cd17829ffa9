package org.maillage.territory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.maillage.territory.Commune;
import org.maillage.territory.CommuneSuggestion;
import org.maillage.territory.Epci;
import org.maillage.territory.GeoPoint;
import org.maillage.territory.Pays;
import org.maillage.territory.Territories;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class TerritoryService implements Territories {

    private final TerritoryRepository repository;

    TerritoryService(TerritoryRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<CommuneSuggestion> suggestCommunes(String query, int limit) {
        String trimmed = query == null ? "" : query.strip();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        int bounded = Math.max(1, Math.min(limit, MAX_SUGGESTIONS));
        if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return trimmed.length() > 5 ? List.of() : repository.findByPostalCodePrefix(trimmed, bounded);
        }
        List<CommuneSuggestion> byName = repository.findByNamePrefix(trimmed, bounded);
        return byName.isEmpty() ? repository.findBySimilarName(trimmed, bounded) : byName;
    }

    @Override
    public Optional<Commune> findCommune(String code) {
        if (code == null || !COMMUNE_CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return repository.findCommune(code);
    }

    @Override
    public List<Commune> findCommunes(Collection<String> codes) {
        return repository.findCommunes(codes);
    }

    @Override
    public List<Epci> findEpcis(Collection<String> codes) {
        return repository.findEpcis(codes);
    }

    @Override
    public java.util.SortedMap<String, String> departementsOfRegion(String regionCode) {
        return repository.departementsOfRegion(regionCode);
    }

    @Override
    public java.util.Optional<String> regionName(String regionCode) {
        return repository.regionName(regionCode);
    }

    @Override
    public List<Epci> epcisOfRegion(String regionCode) {
        return repository.epcisOfRegion(regionCode);
    }

    @Override
    public Set<String> communeCodesOfEpcis(Collection<String> epciCodes) {
        return repository.communeCodesOfEpcis(epciCodes);
    }

    @Override
    public Map<String, GeoPoint> communeCentres(Collection<String> communeCodes) {
        return repository.communeCentres(communeCodes);
    }

    @Override
    public Map<String, GeoPoint> epciCentres(Collection<String> epciCodes) {
        return repository.epciCentres(epciCodes);
    }

    @Override
    public Optional<Pays> findPays(String code) {
        return repository.findPays(code);
    }

    @Override
    public List<Pays> paysOfRegion(String regionCode) {
        return repository.paysOfRegion(regionCode);
    }
}
