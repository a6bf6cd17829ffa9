-- Agenda: the events of the pôles and of the regional coordination, and who registers for them.
create schema agenda;

create table agenda.event (
    id                bigint generated always as identity primary key,
    slug              varchar(100) not null unique,
    pole_slug         varchar(80),                  -- network module; null: an event of the regional coordination
    region_code       varchar(3) not null,
    title             text not null check (length(title) between 1 and 200),
    description       text not null default '' check (length(description) <= 5000),
    theme             varchar(20) not null check (theme in ('MOIS_ESS', 'OPEN_DAY', 'BREAKFAST', 'CONFERENCE',
                          'TRAINING', 'MEETUP', 'OTHER')),
    starts_at         timestamptz not null,
    ends_at           timestamptz not null check (ends_at > starts_at),
    commune_code      varchar(5),                   -- territory module; null: online
    departement_code  varchar(3),                   -- of the commune, for the agenda's filter
    place             text not null default '',
    capacity          int check (capacity > 0),     -- null: no limit
    registration_open boolean not null default true,
    published         boolean not null default true,
    cancelled_at      timestamptz,                  -- called off: shown as such, registrants told
    cancel_reason     text not null default '',
    created_by        bigint,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index event_region_starts on agenda.event (region_code, starts_at) where published;
create index event_pole_starts on agenda.event (pole_slug, starts_at);

-- A place taken (CONFIRMED), a place waited for (WAITING, in the order of created_at) or given back.
create table agenda.registration (
    id            bigint generated always as identity primary key,
    event_id      bigint not null references agenda.event on delete cascade,
    display_name  text not null check (length(display_name) between 1 and 120),
    email         text not null check (length(email) <= 254),
    status        varchar(10) not null check (status in ('CONFIRMED', 'WAITING', 'CANCELLED')),
    token_hash    varchar(64) not null unique,     -- the link that lets the person give their place back
    attended      boolean,                          -- recorded by the pôle after the event
    created_at    timestamptz not null,
    promoted_at   timestamptz,                      -- moved from the waiting list to a place
    reminded_at   timestamptz,                      -- the reminder before the event was sent
    anonymised_at timestamptz,                      -- name and address erased (maillage.agenda.retention after the event)
    cancelled_at  timestamptz
);
-- One live registration per address and event, whatever the case of the address.
create unique index registration_live on agenda.registration (event_id, lower(email)) where status <> 'CANCELLED';
create index registration_waiting on agenda.registration (event_id, created_at, id) where status = 'WAITING';
create index registration_to_remind on agenda.registration (event_id) where status = 'CONFIRMED' and reminded_at is null;
