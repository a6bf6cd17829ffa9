-- Platform: HTTP sessions shared by every application node (Spring Session JDBC's own schema).
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

create schema platform;

-- Audit log: every read of a porteur's file and every change to personal data. Append-only:
-- rows can be inserted and read, never changed nor deleted (the trigger refuses it to everyone).
create table platform.audit_log (
    id              bigint generated always as identity primary key,
    at              timestamptz not null default now(),
    actor_user_id   bigint,                 -- null: anonymous or the system
    actor_label     text not null,          -- name and role at the time, kept as they were
    action          varchar(40) not null,   -- READ, CREATE, UPDATE, INVITE, GRANT, REVOKE, DEACTIVATE…
    subject_type    varchar(40) not null,   -- PORTEUR_FILE, USER…
    subject_id      varchar(64) not null,
    subject_user_id bigint,                 -- whose personal data it is, when it is a person's
    region_code     varchar(3),             -- for coordinators' searches
    details         jsonb not null default '{}',
    ip              varchar(64),
    user_agent      text
);
create index audit_log_at on platform.audit_log (at desc);
create index audit_log_subject_user on platform.audit_log (subject_user_id, at desc);
create index audit_log_actor on platform.audit_log (actor_user_id, at desc);

create function platform.audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'platform.audit_log is append-only: % refused', tg_op;
end
$$;
create trigger audit_log_append_only before update or delete on platform.audit_log
    for each row execute function platform.audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on platform.audit_log
    for each statement execute function platform.audit_log_is_append_only();

-- Outbox of emails: written in the transaction of the change that causes them, sent afterwards by a
-- scheduled sender with retries. The body is erased once sent (it may hold a one-time link).
create table platform.outbox_email (
    id              bigint generated always as identity primary key,
    created_at      timestamptz not null default now(),
    recipient       text not null,
    subject         text not null,
    body            text,
    status          varchar(10) not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    sent_at         timestamptz,
    sent_via        varchar(10)             -- smtp, or log when no SMTP server is configured
);
create index outbox_email_due on platform.outbox_email (next_attempt_at) where status = 'PENDING';
