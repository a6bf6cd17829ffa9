-- Territory module: the official French administrative geography (COG codes) and the pays.
create schema territory;

create table territory.region (
    code       varchar(3) primary key,
    name       text not null,
    chef_lieu  varchar(5)
);

create table territory.departement (
    code        varchar(3) primary key,
    name        text not null,
    region_code varchar(3) not null references territory.region
);

-- EPCI à fiscalité propre; code = SIREN.
create table territory.epci (
    code        varchar(9) primary key,
    name        text not null,
    kind        varchar(8) not null,   -- CC, CA, CU, METRO, MET69
    financing   varchar(8),            -- FPU, FA
    population  integer
);

-- Communes actuelles. A commune belongs to at most one EPCI (a few islands belong to none).
create table territory.commune (
    code             varchar(5) primary key,
    name             text not null,
    search_name      text generated always as (public.search_key(name)) stored,
    departement_code varchar(3) not null references territory.departement,
    region_code      varchar(3) not null references territory.region,
    epci_code        varchar(9) references territory.epci,
    population       integer
);
create index commune_search_trgm on territory.commune using gin (search_name gin_trgm_ops);
create index commune_epci on territory.commune (epci_code);

create table territory.commune_postal_code (
    postal_code  varchar(5) not null,
    commune_code varchar(5) not null references territory.commune on delete cascade,
    primary key (postal_code, commune_code)
);
create index commune_postal_code_commune on territory.commune_postal_code (commune_code);
create index commune_postal_code_prefix on territory.commune_postal_code (postal_code text_pattern_ops);

-- Other names that lead to a commune: communes déléguées and associées, arrondissements municipaux.
create table territory.commune_alias (
    kind         varchar(24) not null,  -- commune-deleguee, commune-associee, arrondissement-municipal
    code         varchar(5) not null,
    name         text not null,
    search_name  text generated always as (public.search_key(name)) stored,
    commune_code varchar(5) not null references territory.commune on delete cascade,
    primary key (kind, code)
);

-- What the autocomplete searches: every name's search key (kind 1), every word-suffix inside a name
-- (kind 2: "malo" finds Saint-Malo) and every other name (kind 3), with what the ranking needs.
-- Refreshed (concurrently: readers are not blocked) by the importer; queried by prefix with the
-- pattern operators (~>=~, ~<~), which use the text_pattern_ops index whatever the database
-- collation, with the key known only at run time.
create materialized view territory.commune_search as
    select c.code as commune_code, c.search_name as term, 1 as kind, null::text as alias, '' as source,
           c.region_code, c.population
    from territory.commune c
    union all
    select c.code, array_to_string(w.words[i:], ' '), 2, null, '', c.region_code, c.population
    from territory.commune c
    cross join lateral (select string_to_array(c.search_name, ' ') as words) w
    cross join lateral generate_series(2, coalesce(array_length(w.words, 1), 0)) as i
    union all
    select a.commune_code, a.search_name, 3, a.name, a.kind || ':' || a.code, c.region_code, c.population
    from territory.commune_alias a join territory.commune c on c.code = a.commune_code;
create unique index commune_search_row on territory.commune_search (commune_code, kind, term, source);
create index commune_search_term on territory.commune_search (term text_pattern_ops);

-- Pays: groupings of EPCI (the historical scale of the pôles ESS in Brittany).
create table territory.pays (
    code        varchar(40) primary key,
    name        text not null,
    region_code varchar(3) not null references territory.region,
    verified    boolean not null,       -- composition checked against a source, or provisional
    note        text
);
create table territory.pays_epci (
    pays_code varchar(40) not null references territory.pays on delete cascade,
    epci_code varchar(9) not null references territory.epci on delete cascade, -- a dissolved EPCI leaves its pays
    primary key (pays_code, epci_code),
    unique (epci_code)
);

-- Which reference datasets are loaded (name, version of @etalab/decoupage-administratif).
create table territory.dataset (
    name       varchar(40) primary key,
    version    varchar(20) not null,
    communes   integer not null,
    loaded_at  timestamptz not null default now()
);
