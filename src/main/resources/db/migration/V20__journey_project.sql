-- Projects of the porteurs (issue 5: what the orientation compares a new project with; the journey
-- around them — intake, meetings, referrals, outcome — comes with issue 6).
create table journey.project (
    id               bigint generated always as identity primary key,
    porteur_id       bigint references journey.porteur on delete set null,
    pole_slug        varchar(80),                 -- the pôle that follows it; null: the regional coordination
    region_code      varchar(3) not null,
    departement_code varchar(3) not null,
    commune_code     varchar(5) not null,
    title            text not null,
    description      text not null default '',
    sector           varchar(30),                 -- a directory sector code, or null when not said
    collective       boolean not null default false,
    stage            varchar(20) not null check (stage in ('IDEE', 'PROJET', 'CREATION', 'DEVELOPPEMENT')),
    needs            text[] not null default '{}',
    status           varchar(20) not null default 'OPEN' check (status in ('OPEN', 'PAUSED', 'CREATED', 'ABANDONED')),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    search_vector    tsvector generated always as (
                         setweight(public.search_document(title), 'A') ||
                         setweight(public.search_document(description), 'B')) stored,
    search_title     text generated always as (public.search_key(title)) stored
);
-- Similar projects are looked for in the project's département: its words (full text, with the
-- département in the same GIN index, btree_gin), its titles with a typo (pg_trgm's %> operator), its
-- sector.
create extension if not exists btree_gin;
create index project_departement on journey.project (departement_code, sector);
create index project_search on journey.project using gin (departement_code, search_vector);
create index project_title_trgm on journey.project using gin (search_title gin_trgm_ops);
create index project_pole on journey.project (pole_slug, status);
