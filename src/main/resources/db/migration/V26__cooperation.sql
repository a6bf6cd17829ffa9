-- Cooperation between the structures of a pôle: offers and needs with their matches, pooling
-- (mutualisation), collective projects, and the territorial needs and dormant ideas of the network.
-- Structures, pôles, communes, schemes and projects belong to other modules: only their codes are kept
-- here (with the names shown, copied when the row is written).
create schema cooperation;

-- What a member structure offers (OFFER) or needs (NEED).
create table cooperation.listing (
    id                bigint generated always as identity primary key,
    kind              varchar(5) not null check (kind in ('OFFER', 'NEED')),
    category          varchar(20) not null check (category in ('SERVICES', 'GOODS', 'PREMISES', 'EQUIPMENT', 'SKILLS',
                          'SHARED_JOB', 'VOLUNTEERS')),
    structure_slug    varchar(120) not null,        -- directory module
    structure_name    text not null,
    pole_slug         varchar(80),                  -- the pôle of the structure's commune (network module)
    region_code       varchar(3) not null,
    departement_code  varchar(3) not null,
    commune_code      varchar(5) not null,          -- territory module; where the offer or need is
    latitude          double precision,             -- the commune's centre, for matching nearby (null: unknown)
    longitude         double precision,
    title             text not null check (length(title) between 1 and 150),
    description       text not null default '' check (length(description) <= 3000),
    available_from    date not null,
    available_until   date check (available_until >= available_from),
    contact_name      text not null check (length(contact_name) between 1 and 120),
    contact_email     text not null check (length(contact_email) <= 254),
    closed_at         timestamptz,                  -- withdrawn by its structure
    created_by        bigint not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    search            tsvector generated always as (public.search_document(title || ' ' || description)) stored
);
create index listing_region_open on cooperation.listing (region_code, kind, category) where closed_at is null;
create index listing_structure on cooperation.listing (structure_slug);
create index listing_pole_open on cooperation.listing (pole_slug, kind) where closed_at is null;
create index listing_position_open on cooperation.listing (kind, latitude, longitude) where closed_at is null;
create index listing_search on cooperation.listing using gin (search);

-- A need put in touch with an offer (mise en relation), and whether it led to business.
create table cooperation.match (
    id           bigint generated always as identity primary key,
    offer_id     bigint not null references cooperation.listing,
    need_id      bigint not null references cooperation.listing,
    pole_slug    varchar(80),                       -- the need's pôle, département and commune, for the figures
    region_code  varchar(3) not null,
    departement_code varchar(3) not null,
    commune_code varchar(5) not null,
    outcome      varchar(12) not null default 'PENDING' check (outcome in ('PENDING', 'BUSINESS', 'NO_BUSINESS')),
    amount       numeric(12, 2) check (amount >= 0),  -- euros of business (marché, commande); BUSINESS only
    outcome_note text not null default '' check (length(outcome_note) <= 1000),
    outcome_at   timestamptz,
    created_by   bigint not null,
    created_at   timestamptz not null,
    unique (offer_id, need_id),
    check (amount is null or outcome = 'BUSINESS')
);
create index match_region_created on cooperation.match (region_code, created_at);

-- Pooling (mutualisation): a shared job, shared premises or shared equipment.
create table cooperation.pooling (
    id            bigint generated always as identity primary key,
    kind          varchar(12) not null check (kind in ('SHARED_JOB', 'PREMISES', 'EQUIPMENT')),
    title         text not null check (length(title) between 1 and 150),
    description   text not null default '' check (length(description) <= 3000),
    pole_slug     varchar(80) not null,
    region_code   varchar(3) not null,
    commune_code  varchar(5),
    weekly_hours  numeric(4, 1) check (weekly_hours > 0 and weekly_hours <= 48),  -- a shared job's working time
    started_on    date not null,
    ended_on      date check (ended_on >= started_on),
    created_by    bigint not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    check ((kind = 'SHARED_JOB') = (weekly_hours is not null))
);
create index pooling_region on cooperation.pooling (region_code, pole_slug);

create table cooperation.pooling_participant (
    id              bigint generated always as identity primary key,
    pooling_id      bigint not null references cooperation.pooling on delete cascade,
    structure_slug  varchar(120) not null,
    structure_name  text not null,
    weekly_hours    numeric(4, 1) check (weekly_hours > 0),   -- a shared job's hours for this structure
    share           text not null default '' check (length(share) <= 200),  -- "lundi et mardi", "30 %"…
    unique (pooling_id, structure_slug)
);

-- A collective project between structures: a filière or a transversal project.
create table cooperation.collective_project (
    id            bigint generated always as identity primary key,
    slug          varchar(100) not null unique,
    title         text not null check (length(title) between 1 and 150),
    description   text not null default '' check (length(description) <= 5000),
    kind          varchar(12) not null check (kind in ('FILIERE', 'TRANSVERSAL')),
    theme         varchar(24) not null,
    status        varchar(12) not null check (status in ('EMERGENCE', 'STUDY', 'LAUNCH', 'RUNNING', 'STOPPED')),
    pole_slug     varchar(80) not null,
    region_code   varchar(3) not null,
    created_by    bigint not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index collective_project_region on cooperation.collective_project (region_code, pole_slug);

create table cooperation.project_participant (
    id              bigint generated always as identity primary key,
    project_id      bigint not null references cooperation.collective_project on delete cascade,
    structure_slug  varchar(120) not null,
    structure_name  text not null,
    lead            boolean not null default false,  -- chef de file
    unique (project_id, structure_slug)
);

create table cooperation.project_step (
    id          bigint generated always as identity primary key,
    project_id  bigint not null references cooperation.collective_project on delete cascade,
    title       text not null check (length(title) between 1 and 200),
    due_on      date,
    done_on     date
);
create index project_step_project on cooperation.project_step (project_id);

create table cooperation.project_document (
    id            bigint generated always as identity primary key,
    project_id    bigint not null references cooperation.collective_project on delete cascade,
    file_name     text not null check (length(file_name) between 1 and 200),
    content_type  text not null,
    size_bytes    int not null check (size_bytes > 0),
    content       bytea not null,
    uploaded_by   bigint not null,
    uploaded_at   timestamptz not null
);
create index project_document_project on cooperation.project_document (project_id);

-- The schemes (offer module) that support a collective project.
create table cooperation.project_scheme (
    project_id   bigint not null references cooperation.collective_project on delete cascade,
    scheme_slug  varchar(120) not null,
    scheme_name  text not null,
    primary key (project_id, scheme_slug)
);

-- A need of a territory or a dormant idea, recorded by anyone in the network ("les idées sont sur les
-- territoires"), that the pôle links to a porteur's project or to an opportunity study.
create table cooperation.idea (
    id                bigint generated always as identity primary key,
    kind              varchar(16) not null check (kind in ('TERRITORIAL_NEED', 'DORMANT_IDEA')),
    title             text not null check (length(title) between 1 and 150),
    description       text not null default '' check (length(description) <= 3000),
    commune_code      varchar(5) not null,
    departement_code  varchar(3) not null,
    pole_slug         varchar(80),                  -- the pôle of the commune; null when none covers it
    region_code       varchar(3) not null,
    status            varchar(16) not null default 'NEW' check (status in ('NEW', 'PORTEUR', 'STUDY', 'ARCHIVED')),
    project_id        bigint,                        -- journey module: the porteur's project it became
    project_title     text,
    study_scheme_slug varchar(120),                  -- offer module: the opportunity study (révélateur)
    study_scheme_name text,
    follow_up_note    text not null default '' check (length(follow_up_note) <= 1000),
    recorded_by       bigint not null,
    recorded_by_name  text not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index idea_region on cooperation.idea (region_code, pole_slug, created_at);
