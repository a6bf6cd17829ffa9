package org.maillage.offer;

import java.util.List;
import java.util.Optional;

/** The catalogue of support schemes. */
public interface Schemes {

    /** Every scheme, by name, with its next sessions. */
    List<Scheme> list();

    Optional<Scheme> find(String slug);
}
