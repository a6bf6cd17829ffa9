package org.maillage.offer;

import java.util.List;
import java.util.Optional;

/** The operator organisations. */
public interface Operators {

    List<Operator> list();

    Optional<Operator> find(String slug);
}
