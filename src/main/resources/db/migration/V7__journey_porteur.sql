-- Journey module: porteurs de projet. Only who they are and which pôle welcomed them for now; the
-- journey (intake, meetings, referrals, outcome) comes with its own issue.
create schema journey;

create table journey.porteur (
    id           bigint generated always as identity primary key,
    user_id      bigint not null unique,    -- their account (account module), for magic links
    display_name text not null,
    email        text not null,
    phone        text,
    pole_slug    varchar(80) not null,      -- the pôle that welcomed them (network module)
    region_code  varchar(3) not null,
    consent_at   timestamptz not null,      -- consent to be contacted and to the processing of their data
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index porteur_pole on journey.porteur (pole_slug);
