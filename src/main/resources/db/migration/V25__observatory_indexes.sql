-- Observatory: the counts of a region read from indexes alone (index-only scans), not from the tables.
-- Measured at national scale (300 pôles, 300,000 projects, 1,000,000 referrals; bench/observatory.sh,
-- docs/BENCHMARKS.md §7): a region's dashboard computed from the database went from about 3.6 s to
-- about 0.8 s. Without them, the three statements over referrals read the whole national table
-- (182 MB, through a small ring buffer: again at each dashboard) to keep the region's 7 %.

-- Referrals of a region's projects, by project: a region's projects (below) are joined to their sent
-- referrals in this index (the 5 years of a dashboard: 1.1 s -> 0.2 s), and the first referral of a
-- project is its first entry (0.4 s -> 0.09 s).
create index referral_project_sent on journey.referral (project_id, sent_at) include (status, answered_at)
    where sent_at is not null;

-- Referrals sent in a period (a year: by scheme, by operator), with what they are counted by: replaces
-- V23's referral_sent (same key and condition), which lacked answered_at, the scheme and the operator,
-- so that every statement read the table (0.7 s -> 0.08-0.15 s each).
create index referral_sent_counts on journey.referral (sent_at)
    include (project_id, status, answered_at, operator_slug, scheme_name) where sent_at is not null;
drop index journey.referral_sent;

-- A region's projects between two dates with every column the observatory counts them by: replaces
-- V23's project_region_created (same key). A facet added to JourneyStatistics should be added here,
-- or its statement reads the table again (still correct, slower).
create index project_statistics on journey.project (region_code, created_at)
    include (id, pole_slug, departement_code, commune_code, stage, stage_self, sector, collective,
             porteur_gender, porteur_age_band, status, outcome_on, outcome_jobs);
drop index journey.project_region_created;
