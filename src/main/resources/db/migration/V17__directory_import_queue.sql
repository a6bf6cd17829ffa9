-- A long import waits its turn (one at a time on a node) as QUEUED before it runs.
alter table directory.import_batch drop constraint import_batch_status_check;
alter table directory.import_batch add constraint import_batch_status_check
    check (status in ('PREVIEWED', 'QUEUED', 'RUNNING', 'DONE', 'FAILED'));
