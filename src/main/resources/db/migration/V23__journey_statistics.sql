-- Journey: what the observatory counts besides the journey itself. Asked at the intake, optional,
-- kept for the figures only (an anonymised project keeps them, as it keeps its stage and commune).
alter table journey.project
    add column porteur_gender   varchar(10) check (porteur_gender in ('FEMALE', 'MALE', 'OTHER')),
    add column porteur_age_band varchar(20) check (porteur_age_band in
        ('UNDER_26', 'FROM_26_TO_35', 'FROM_36_TO_50', 'FROM_51_TO_65', 'OVER_65'));

-- The observatory counts a region's projects by year and its referrals by the year they were sent.
create index project_region_created on journey.project (region_code, created_at);
create index referral_sent on journey.referral (sent_at) include (project_id, status) where sent_at is not null;
