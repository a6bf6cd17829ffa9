-- Managing the pôles (issue 4): governance form, préfiguration checklist, status history, team and
-- funding lines by year.
alter table network.pole add column governance_form varchar(24)
    check (governance_form in ('ASSOCIATION_AD_HOC', 'ASSOCIATION_DE_FAIT', 'SCIC'));

-- One row per step of the checklist (seed 001) once something is recorded for it; done when dated.
create table network.pole_step (
    pole_id     bigint not null references network.pole on delete cascade,
    step        varchar(32) not null check (step in ('WIDER_CORE_GROUP', 'ACTORS_INTEREST', 'TERRITORIAL_DIAGNOSIS',
                    'GOVERNANCE', 'PARTNERSHIPS', 'FINANCIAL_ARCHITECTURE', 'FOUNDING_ASSEMBLY', 'RECRUITMENT',
                    'REGIONAL_NETWORK')),
    done_on     date,
    notes       text not null default '',
    links       text not null default '',      -- one address per line (documents)
    updated_at  timestamptz not null default now(),
    primary key (pole_id, step)
);

create table network.pole_status_change (
    id          bigint generated always as identity primary key,
    pole_id     bigint not null references network.pole on delete cascade,
    from_status varchar(20) not null,
    to_status   varchar(20) not null,
    at          timestamptz not null default now(),
    by_label    text not null,
    note        text not null default ''
);
create index pole_status_change_pole on network.pole_status_change (pole_id, at desc);

create table network.pole_team_member (
    id          bigint generated always as identity primary key,
    pole_id     bigint not null references network.pole on delete cascade,
    person_name text not null,
    job_title   text not null,
    fte         numeric(4, 2) not null check (fte > 0 and fte <= 2)
);
create index pole_team_member_pole on network.pole_team_member (pole_id);

create table network.pole_funding (
    id          bigint generated always as identity primary key,
    pole_id     bigint not null references network.pole on delete cascade,
    year        int not null check (year between 2000 and 2100),
    funder      text not null,
    kind        varchar(20) not null check (kind in ('OPERATING_GRANT', 'PROJECT_GRANT', 'JOB_SUPPORT',
                    'MEMBERSHIP_FEES', 'SERVICES', 'OTHER')),
    amount      numeric(12, 2) not null check (amount > 0)
);
create index pole_funding_pole on network.pole_funding (pole_id, year);
