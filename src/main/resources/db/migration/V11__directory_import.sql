-- A CSV file of structures between its preview and its import (kept one day at most).
create table directory.import_batch (
    id          bigint generated always as identity primary key,
    user_id     bigint not null,
    file_name   text not null,
    content     bytea not null,
    created_at  timestamptz not null default now()
);
