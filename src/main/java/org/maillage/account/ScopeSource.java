package org.maillage.account;

import java.util.List;
import java.util.Optional;

/**
 * Implemented by the modules that own scopes (network: pôles; offer: organisations; territory:
 * régions, départements, EPCI) so that the account module can offer and check them without
 * depending on those modules.
 */
public interface ScopeSource {

    ScopeType type();

    /** What can be chosen, by label. */
    List<ScopeOption> options();

    default Optional<ScopeOption> find(String code) {
        return options().stream().filter(option -> option.code().equals(code)).findFirst();
    }
}
