-- Requests for an emailed link (forgotten password, porteur's space) by client address, for their
-- rate limit (kept one day). Addresses asked for are not kept: the limit per account counts the
-- links issued (account.one_time_token).
create table account.link_request (
    id      bigint generated always as identity primary key,
    at      timestamptz not null default now(),
    ip      varchar(64) not null
);
create index link_request_ip on account.link_request (ip, at);
