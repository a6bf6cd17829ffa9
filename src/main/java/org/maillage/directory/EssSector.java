package org.maillage.directory;

/** A readable list of ESS sectors, for people (the NAF code is kept too). */
public enum EssSector {
    CULTURE,
    EDUCATION_POPULAIRE,
    SANITAIRE_SOCIAL,
    INSERTION,
    ENVIRONNEMENT,
    AGRICULTURE,
    TOURISME,
    COMMERCE,
    SERVICES,
    SPORT_LOISIRS,
    HABITAT,
    AUTRE
}
