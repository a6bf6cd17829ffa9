-- Journey: what the observatory counts besides the journey itself. Asked at the intake, optional,
-- for the figures only; cleared when the person's data is erased or anonymised (with the commune and
-- the date of the request they could point to someone).
alter table journey.project
    add column porteur_gender   varchar(10) check (porteur_gender in ('FEMALE', 'MALE', 'OTHER')),
    add column porteur_age_band varchar(20) check (porteur_age_band in
        ('UNDER_26', 'FROM_26_TO_35', 'FROM_36_TO_50', 'FROM_51_TO_65', 'OVER_65'));

-- What the observatory counts, read from indexes alone (index-only scans), not from the tables.
-- Measured at national scale (300 pôles, 300,000 projects, 1,000,000 referrals; bench/observatory.sh,
-- docs/BENCHMARKS.md §7): a region's dashboard computed from the database in 0.59 s instead of 2.64 s.
-- Without them, the statements over referrals read the whole national table to keep the region's 7 %.

-- Referrals of a region's projects, by project: a region's projects (below) are joined to their sent
-- referrals in this index, and the first referral of a project is its first entry.
create index referral_project_sent on journey.referral (project_id, sent_at) include (status, answered_at)
    where sent_at is not null;

-- Referrals sent in a period (a year: by scheme, by operator), with what they are counted by.
create index referral_sent_counts on journey.referral (sent_at)
    include (project_id, status, answered_at, operator_slug, scheme_name) where sent_at is not null;

-- A region's projects between two dates with every column the observatory counts them by. A facet
-- added to JourneyStatistics should be added here, or its statement reads the table again (still
-- correct, slower).
create index project_statistics on journey.project (region_code, created_at)
    include (id, pole_slug, departement_code, commune_code, stage, stage_self, sector, collective,
             porteur_gender, porteur_age_band, status, outcome_on, outcome_jobs);
