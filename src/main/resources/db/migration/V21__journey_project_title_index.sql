-- Similar projects: a word of the idea with a typo is looked up in the titles through this index
-- (pg_trgm's %> operator), instead of comparing every project of the département.
create index project_title_trgm on journey.project using gin (search_title gin_trgm_ops);
