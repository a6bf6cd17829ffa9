-- Directory (issue 4): the ESS structures of the territories and their public listing.
create schema directory;

create table directory.structure (
    id               bigint generated always as identity primary key,
    slug             varchar(90) not null unique,
    name             text not null,
    siret            char(14) unique,            -- null: an association without one
    family           varchar(30) not null check (family in ('ASSOCIATION', 'SCOP', 'SCIC', 'CAE',
                         'AGRICULTURAL_COOPERATIVE', 'MUTUELLE', 'FONDATION', 'ESS_COMPANY')),
    legal_form_code  varchar(4),                  -- catégorie juridique (INSEE), e.g. 9220
    sector           varchar(30) not null check (sector in ('CULTURE', 'EDUCATION_POPULAIRE', 'SANITAIRE_SOCIAL',
                         'INSERTION', 'ENVIRONNEMENT', 'AGRICULTURE', 'TOURISME', 'COMMERCE', 'SERVICES',
                         'SPORT_LOISIRS', 'HABITAT', 'AUTRE')),
    naf_code         varchar(6),                  -- e.g. 88.99B
    address          text,
    commune_code     varchar(5) not null,
    departement_code varchar(3) not null,         -- of the commune, for the facet
    region_code      varchar(3) not null,
    pole_slug        varchar(80),                 -- the pôle covering the commune when saved, or null
    latitude         double precision check (latitude between -90 and 90),
    longitude        double precision check (longitude between -180 and 180),
    employees        int check (employees >= 0),
    website          text,
    description      text not null default '',
    published        boolean not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    search_vector    tsvector not null default ''::tsvector,
    search_name      text generated always as (public.search_key(name)) stored
);
create index structure_search on directory.structure using gin (search_vector);
create index structure_name_trgm on directory.structure using gin (search_name gin_trgm_ops);
create index structure_facets on directory.structure (published, region_code, departement_code, family, sector);
create index structure_pole on directory.structure (pole_slug);

-- French full-text search: stemmed (plurals), without accents; the name weighs most.
create function directory.structure_search_vector() returns trigger language plpgsql as $$
begin
    new.search_vector :=
        setweight(to_tsvector('french', public.unaccent('public.unaccent'::regdictionary, coalesce(new.name, ''))), 'A') ||
        setweight(to_tsvector('french', public.unaccent('public.unaccent'::regdictionary, coalesce(new.description, ''))), 'B');
    return new;
end
$$;
create trigger structure_search_vector before insert or update of name, description on directory.structure
    for each row execute function directory.structure_search_vector();
