-- The journey of a porteur de projet (issue 6): the public intake, the first meeting and the
-- qualification, referrals (prescriptions) to the schemes' operators with the porteur's consent per
-- partner, follow-up, outcome, surveys, the timeline of every step, erasure and retention.

-- A porteur who writes from a commune no pôle covers is welcomed by the regional coordination until
-- it hands the request to a pôle: no pôle then.
alter table journey.porteur alter column pole_slug drop not null;
alter table journey.porteur
    add column anonymised_at       timestamptz,
    add column retention_warned_at timestamptz; -- told their data will be anonymised (void once they act again)

alter table journey.project drop constraint project_status_check;
alter table journey.project add constraint project_status_check
    check (status in ('NEW', 'OPEN', 'PAUSED', 'CREATED', 'MEMBER', 'ABANDONED'));
alter table journey.project
    add column stage_self       varchar(20),        -- the stage the porteur gave at the intake
    add column heard_from       varchar(20),        -- how they heard of the pôle
    add column legal_form       varchar(30),        -- intended structure family, when decided
    add column submission_key   uuid unique,        -- the intake form's key: a form sent twice makes one request
    add column follow_up_on     date,               -- when to take news (maturation)
    add column follow_up_notified_on date,          -- the animators were reminded of that date
    add column last_step_at     timestamptz not null default now(), -- the journey's last step (surveys count from it)
    add column last_activity_at timestamptz not null default now(), -- anything done, by anyone (retention counts from it)
    add column erasure_requested_at timestamptz,
    add column anonymised_at    timestamptz,
    -- outcome
    add column outcome_on       date,
    add column outcome_legal_form varchar(30),
    add column outcome_siret    varchar(14),
    add column outcome_jobs     numeric(6, 2),
    add column outcome_reason   varchar(30),        -- why it stopped (ABANDONED)
    add column outcome_note     text;
create index project_last_activity on journey.project (last_activity_at) where anonymised_at is null;
create index project_follow_up on journey.project (follow_up_on) where follow_up_on is not null;
create index project_porteur on journey.project (porteur_id);

-- Meetings with the porteur: the first one (primo-accueil) and the next ones (appointments).
create table journey.meeting (
    id          bigint generated always as identity primary key,
    project_id  bigint not null references journey.project on delete cascade,
    at          timestamptz not null,
    format      varchar(20) not null check (format in ('IN_PERSON', 'PHONE', 'VIDEO')),
    place       text,
    notes       text not null default '',       -- the animator's notes: never shown to partners
    created_by  bigint,
    created_at  timestamptz not null default now()
);
create index meeting_project on journey.meeting (project_id, at);

-- The porteur's consent to share their journey with an operator (a partner organisation).
create table journey.consent (
    porteur_id     bigint not null references journey.porteur on delete cascade,
    operator_slug  varchar(80) not null,
    given_at       timestamptz not null,
    withdrawn_at   timestamptz,
    recorded_by    text not null,                -- "porteur" or the animator who heard it
    primary key (porteur_id, operator_slug)
);

-- Referrals (prescriptions) to a scheme.
create table journey.referral (
    id              bigint generated always as identity primary key,
    project_id      bigint not null references journey.project on delete cascade,
    scheme_slug     varchar(80) not null,
    scheme_name     text not null,
    operator_slug   varchar(80) not null,
    status          varchar(20) not null check (status in
                        ('PROPOSED', 'SENT', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'ABANDONED', 'EXPIRED')),
    proposed_at     timestamptz not null,
    sent_at         timestamptz,
    answered_at     timestamptz,
    closed_at       timestamptz,
    decline_reason  varchar(30),
    message         text,                         -- the partner's message with its answer
    outcome         text,                         -- what came of it (COMPLETED, ABANDONED)
    reminders_sent  int not null default 0,
    updated_at      timestamptz not null
);
create index referral_project on journey.referral (project_id);
create index referral_waiting on journey.referral (sent_at) where status = 'SENT';
create index referral_operator on journey.referral (operator_slug, status);

-- The links emailed to the partner (the referral, each reminder, a link sent again by the pôle): only
-- their SHA-256 is kept; each works until it expires, while the referral is open and shared.
create table journey.referral_link (
    token_hash  varchar(64) primary key,
    referral_id bigint not null references journey.referral on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);
create index referral_link_referral on journey.referral_link (referral_id);

-- Every step of a journey. porteur_visible: the porteur reads it in their space; partner_visible: a
-- partner the porteur shares their journey with reads it (never the animator's notes).
create table journey.timeline_event (
    id               bigint generated always as identity primary key,
    project_id       bigint not null references journey.project on delete cascade,
    at               timestamptz not null,
    kind             varchar(30) not null,
    actor_label      text not null,
    text             text not null default '',
    referral_id      bigint references journey.referral on delete set null,
    porteur_visible  boolean not null default true,
    partner_visible  boolean not null default true
);
create index timeline_project on journey.timeline_event (project_id, at, id);

-- Follow-up surveys to the porteur, 6 and 18 months after the last step.
create table journey.survey (
    id                bigint generated always as identity primary key,
    project_id        bigint not null references journey.project on delete cascade,
    months            int not null check (months > 0),  -- maillage.journey.survey-months
    sent_at           timestamptz not null,
    token_hash        varchar(64) not null unique,
    answered_at       timestamptz,
    activity_created  boolean,
    jobs              numeric(6, 2),
    satisfaction      int check (satisfaction between 1 and 5),
    comment           text,
    unique (project_id, months)
);

-- Intakes by client address (a hash of it), for the rate limit shared by every node.
create table journey.intake_attempt (
    client_hash varchar(64) not null,
    at          timestamptz not null
);
create index intake_attempt_client on journey.intake_attempt (client_hash, at);
create index intake_attempt_at on journey.intake_attempt (at);
