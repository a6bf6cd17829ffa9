package org.maillage.offer.internal;

import java.util.List;
import java.util.Optional;
import org.maillage.account.ScopeOption;
import org.maillage.account.ScopeSource;
import org.maillage.account.ScopeType;
import org.maillage.offer.Operator;
import org.maillage.offer.Operators;
import org.springframework.stereotype.Component;

/** Operator organisations, as the scope of partners' roles. */
@Component
class OperatorScopes implements ScopeSource {

    private final Operators operators;

    OperatorScopes(Operators operators) {
        this.operators = operators;
    }

    @Override
    public ScopeType type() {
        return ScopeType.ORGANISATION;
    }

    @Override
    public List<ScopeOption> options() {
        return operators.list().stream().map(OperatorScopes::option).toList();
    }

    @Override
    public Optional<ScopeOption> find(String code) {
        return operators.find(code).map(OperatorScopes::option);
    }

    private static ScopeOption option(Operator operator) {
        return new ScopeOption(ScopeType.ORGANISATION, operator.slug(), operator.name(), operator.regionCode());
    }
}
