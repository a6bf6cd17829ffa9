-- Network module: regional networks of pôles ESS, their pôles and what each pôle covers.
-- Territories are referenced by their official codes (owned by the territory module).
create schema network;

create table network.network (
    id                    bigint generated always as identity primary key,
    code                  varchar(40) not null unique,
    name                  text not null,
    region_code           varchar(3) not null unique,
    coordination_name     text not null,
    coordination_email    text,
    coordination_phone    text,
    coordination_website  text,
    coordination_address  text
);

create table network.pole (
    id              bigint generated always as identity primary key,
    network_id      bigint not null references network.network,
    slug            varchar(80) not null unique,
    name            text not null,
    carrier_name    text,                  -- association porteuse
    territory_label text not null,         -- "Pays de Brest"
    status          varchar(20) not null check (status in ('INITIATIVE', 'PREFIGURATION', 'CONSTITUTED', 'ACTIVE', 'DORMANT')),
    name_verified   boolean not null,      -- false: provisional name, to be confirmed
    email           text,
    phone           text,
    website         text,
    address         text,
    note            text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (id, network_id)
);

-- Coverage: EPCI (the normal case) and single communes (communes outside any EPCI, exceptions).
-- A commune has at most one pôle per network: one EPCI or commune row per network (the service
-- also checks communes covered through an EPCI against communes covered one by one).
create table network.pole_coverage_epci (
    network_id bigint not null,
    pole_id    bigint not null,
    epci_code  varchar(9) not null,
    verified   boolean not null,           -- checked against a source, or provisional
    primary key (pole_id, epci_code),
    unique (network_id, epci_code),
    foreign key (pole_id, network_id) references network.pole (id, network_id) on delete cascade
);
create index pole_coverage_epci_code on network.pole_coverage_epci (epci_code);

create table network.pole_coverage_commune (
    network_id   bigint not null,
    pole_id      bigint not null,
    commune_code varchar(5) not null,
    verified     boolean not null,
    primary key (pole_id, commune_code),
    unique (network_id, commune_code),
    foreign key (pole_id, network_id) references network.pole (id, network_id) on delete cascade
);
create index pole_coverage_commune_code on network.pole_coverage_commune (commune_code);
