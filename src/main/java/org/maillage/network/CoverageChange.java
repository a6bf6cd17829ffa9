package org.maillage.network;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A new coverage for a pôle: what it covers after the change, each code with whether it is checked
 * against a source ({@code true}) or provisional ({@code false}).
 *
 * @param epcis SIREN of the EPCI covered → verified
 * @param communes INSEE codes of communes covered one by one (outside any EPCI, exceptions) → verified
 */
public record CoverageChange(Map<String, Boolean> epcis, Map<String, Boolean> communes) {

    public CoverageChange {
        epcis = Map.copyOf(epcis);
        communes = Map.copyOf(communes);
    }

    /** The same verification status for every code. */
    public static CoverageChange of(Set<String> epciCodes, Set<String> communeCodes, boolean verified) {
        Function<String, Boolean> status = code -> verified;
        return new CoverageChange(
                epciCodes.stream().collect(Collectors.toMap(Function.identity(), status)),
                communeCodes.stream().collect(Collectors.toMap(Function.identity(), status)));
    }
}
