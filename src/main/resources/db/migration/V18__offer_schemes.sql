-- The catalogue of support schemes (dispositifs). Eligibility and coverage are data read by the
-- orientation rules (org.maillage.offer.OrientationRules), never code per scheme.
create table offer.scheme (
    slug                  varchar(80) primary key,
    operator_slug         varchar(80) not null references offer.operator,
    name                  text not null,
    kind                  varchar(20) not null check (kind in ('ACCUEIL', 'IDEATION', 'REVELATEUR', 'INCUBATION',
                              'FORMATION', 'FINANCEMENT', 'ACCOMPAGNEMENT', 'TEST_ACTIVITE', 'HEBERGEMENT', 'RESEAU_SECTORIEL')),
    stages                text[] not null,          -- IDEE, PROJET, CREATION, DEVELOPPEMENT
    needs                 text[] not null,          -- ProjectNeed codes
    collective_only       boolean not null default false,
    legal_forms           text[] not null default '{}',  -- structure families accepted; empty: any
    sectors               text[] not null default '{}',  -- ESS sectors served; empty: any
    coverage_regions      text[] not null default '{}',
    coverage_departements text[] not null default '{}',
    coverage_epcis        text[] not null default '{}',
    coverage_poles        text[] not null default '{}',
    capacity_per_year     integer check (capacity_per_year >= 0),
    contact_email         text,
    website               text,
    description           text not null default '',
    updated_at            timestamptz not null default now()
);
create index scheme_operator on offer.scheme (operator_slug);

-- Sessions or calls of a scheme: when, where, places left, until when one can apply.
create table offer.scheme_session (
    id          bigint generated always as identity primary key,
    scheme_slug varchar(80) not null references offer.scheme on delete cascade,
    starts_on   date not null,
    place       text,
    places_left integer check (places_left >= 0),
    apply_by    date
);
create index scheme_session_scheme on offer.scheme_session (scheme_slug, starts_on);
