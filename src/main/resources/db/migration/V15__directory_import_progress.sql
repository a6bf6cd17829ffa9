-- A long import runs in the background: its state and progress are kept with the file, written
-- outside the import's own transaction so that its page can follow it.
alter table directory.import_batch
    add column rows        integer not null default 0,     -- rows that passed the preview
    add column status      varchar(12) not null default 'PREVIEWED'
        check (status in ('PREVIEWED', 'RUNNING', 'DONE', 'FAILED')),
    add column done        integer not null default 0,     -- rows written so far (not yet committed)
    add column added       integer,                        -- structures added, once DONE
    add column error_key   text,                           -- why it FAILED (a message key)
    add column problems    integer,                        -- rows refused when checked again
    add column progress_at timestamptz;                    -- last sign of life of a RUNNING import
