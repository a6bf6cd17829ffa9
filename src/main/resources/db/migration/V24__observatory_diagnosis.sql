-- Self-diagnosis of good practices (autodiagnostic, issue 7 item 5, seed 003): the people of an ESS
-- structure answer the questionnaire of the guide of good practices (law of 31 July 2014, art. 3), keep
-- a draft, finish it (finished ones are kept with their date: progress over time), keep actions of the
-- suggested plan, and ask their pôle for support. The questionnaire itself is data
-- (observatory/autodiagnostic-v<version>.json); structures and pôles are referred to by slug (directory
-- and network modules), without foreign keys across modules.
create schema if not exists observatory;

create table observatory.diagnosis (
    id                    bigint generated always as identity primary key,
    structure_slug        varchar(90) not null,
    questionnaire_version int not null,
    status                varchar(10) not null check (status in ('DRAFT', 'FINISHED')),
    started_at            timestamptz not null,
    started_by            bigint,
    updated_at            timestamptz not null,
    finished_at           timestamptz,
    finished_by           bigint,
    pole_slug             varchar(80),   -- the structure's pôle when it was finished (the pôle's list)
    structure_name        text,          -- its name then
    overall_percent       smallint check (overall_percent between 0 and 100),
    check ((status = 'FINISHED') = (finished_at is not null))
);
-- one diagnosis in progress per structure
create unique index diagnosis_one_draft on observatory.diagnosis (structure_slug) where status = 'DRAFT';
create index diagnosis_structure on observatory.diagnosis (structure_slug, finished_at desc);
create index diagnosis_pole on observatory.diagnosis (pole_slug, finished_at desc) where status = 'FINISHED';

create table observatory.diagnosis_answer (
    diagnosis_id  bigint not null references observatory.diagnosis on delete cascade,
    question_code varchar(20) not null,
    answer        varchar(20) not null check (answer in ('NOT_YET', 'THINKING', 'PARTLY', 'FULLY', 'NOT_APPLICABLE')),
    primary key (diagnosis_id, question_code)
);

-- the suggested actions the structure keeps as its plan
create table observatory.diagnosis_action (
    diagnosis_id  bigint not null references observatory.diagnosis on delete cascade,
    question_code varchar(20) not null,
    kept_at       timestamptz not null,
    kept_by       bigint,
    primary key (diagnosis_id, question_code)
);

-- "Demander un accompagnement à mon pôle"
create table observatory.diagnosis_support_request (
    id              bigint generated always as identity primary key,
    diagnosis_id    bigint not null references observatory.diagnosis on delete cascade,
    structure_slug  varchar(90) not null,
    structure_name  text not null,
    pole_slug       varchar(80) not null,
    requested_at    timestamptz not null,
    requested_by    bigint not null,
    requester_name  text not null,     -- the staff account's name and address then, for the pôle's answer
    requester_email text not null,
    message         text not null default '' check (length(message) <= 2000),
    recipients      text[] not null    -- who was emailed
);
create index diagnosis_support_pole on observatory.diagnosis_support_request (pole_slug, requested_at desc);
create index diagnosis_support_structure on observatory.diagnosis_support_request (structure_slug, requested_at desc);
