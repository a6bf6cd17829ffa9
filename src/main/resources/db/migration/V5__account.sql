-- Account module: users, their roles and scopes, one-time links, login attempts.
create schema account;

create table account.user_account (
    id              bigint generated always as identity primary key,
    email           text not null,
    display_name    text not null,
    password_hash   text,                    -- null: invited (not yet set), porteur (magic links only), OIDC only
    status          varchar(12) not null check (status in ('INVITED', 'ACTIVE', 'DEACTIVATED')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    last_login_at   timestamptz,
    failed_logins   int not null default 0,
    locked_until    timestamptz
);
create unique index user_account_email on account.user_account (lower(email));
create index user_account_search on account.user_account using gin (public.search_key(display_name || ' ' || email) gin_trgm_ops);

-- What a user may do, and where: ANIMATEUR of a pôle, PARTENAIRE of an operator organisation,
-- COORDINATEUR of a region, FINANCEUR of a territory, ADMINISTRATEUR of the platform, PORTEUR of
-- their own file. Scope codes belong to other modules (pôle slug, operator slug, COG codes).
create table account.role_grant (
    id          bigint generated always as identity primary key,
    user_id     bigint not null references account.user_account on delete cascade,
    role        varchar(16) not null check (role in ('PORTEUR', 'ANIMATEUR', 'PARTENAIRE', 'COORDINATEUR', 'FINANCEUR', 'ADMINISTRATEUR')),
    scope_type  varchar(16) not null check (scope_type in ('SELF', 'POLE', 'ORGANISATION', 'REGION', 'DEPARTEMENT', 'EPCI', 'PLATFORM')),
    scope_code  varchar(80) not null,
    scope_label text not null,              -- the scope's name when granted, for display
    region_code varchar(3),                 -- region of the scope, for coordinators' rights
    created_at  timestamptz not null default now(),
    unique (user_id, role, scope_type, scope_code)
);
create index role_grant_scope on account.role_grant (role, scope_type, scope_code);

-- One-time links (invitation, password reset, porteur's magic link). Only a hash of the token is
-- kept; a link works once, before it expires.
create table account.one_time_token (
    id          bigint generated always as identity primary key,
    user_id     bigint not null references account.user_account on delete cascade,
    purpose     varchar(16) not null check (purpose in ('INVITATION', 'PASSWORD_RESET', 'MAGIC_LINK')),
    token_hash  char(64) not null unique,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);
create index one_time_token_user on account.one_time_token (user_id, purpose);

-- Failed logins, by address tried and by client IP, for lock-out and rate limiting (kept one day).
create table account.login_failure (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    email       text not null,
    ip          varchar(64) not null
);
create index login_failure_email on account.login_failure (lower(email), at);
create index login_failure_ip on account.login_failure (ip, at);
