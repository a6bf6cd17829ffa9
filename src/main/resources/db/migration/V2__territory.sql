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
create index commune_search_prefix on territory.commune (search_name text_pattern_ops);
create index commune_search_trgm on territory.commune using gin (search_name gin_trgm_ops);
create index commune_epci on territory.commune (epci_code);

create table territory.commune_postal_code (
    postal_code  varchar(5) not null,
    commune_code varchar(5) not null references territory.commune on delete cascade,
    primary key (postal_code, commune_code)
);
create index commune_postal_code_commune on territory.commune_postal_code (commune_code);

-- Other names that lead to a commune: communes déléguées and associées, arrondissements municipaux.
create table territory.commune_alias (
    kind         varchar(24) not null,  -- commune-deleguee, commune-associee, arrondissement-municipal
    code         varchar(5) not null,
    name         text not null,
    search_name  text generated always as (public.search_key(name)) stored,
    commune_code varchar(5) not null references territory.commune on delete cascade,
    primary key (kind, code)
);
create index commune_alias_search_prefix on territory.commune_alias (search_name text_pattern_ops);

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
    epci_code varchar(9) not null references territory.epci,
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
