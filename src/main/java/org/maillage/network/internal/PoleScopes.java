package org.maillage.network.internal;

import java.util.List;
import org.maillage.account.ScopeOption;
import org.maillage.account.ScopeSource;
import org.maillage.account.ScopeType;
import org.maillage.network.PoleSummary;
import org.maillage.network.Poles;
import org.springframework.stereotype.Component;

/** The pôles, as scopes of the animators' and funders' roles. */
@Component
class PoleScopes implements ScopeSource {

    private final Poles poles;

    PoleScopes(Poles poles) {
        this.poles = poles;
    }

    @Override
    public ScopeType type() {
        return ScopeType.POLE;
    }

    @Override
    public List<ScopeOption> options() {
        return poles.list().stream().map(PoleScopes::option).toList();
    }

    private static ScopeOption option(PoleSummary pole) {
        return new ScopeOption(ScopeType.POLE, pole.slug(), pole.name(), pole.regionCode());
    }
}
