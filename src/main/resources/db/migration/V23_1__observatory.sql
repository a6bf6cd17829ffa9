-- Observatory: what the data cannot compute. Figures a pôle declares for a year (validated by a
-- coordinator of its region) and the short text of a territory's yearly report.
create schema if not exists observatory;

create table observatory.declared_value (
    pole_slug     varchar(80) not null,         -- network module
    region_code   varchar(3) not null,
    year          int not null check (year between 2000 and 2100),
    indicator     varchar(30) not null,          -- DeclaredIndicator
    value         numeric(14, 2) not null check (value >= 0),
    comment       text not null default '',
    status        varchar(10) not null check (status in ('SUBMITTED', 'VALIDATED', 'REFUSED')),
    entered_by    text not null,
    entered_at    timestamptz not null,
    reviewed_by   text,
    reviewed_at   timestamptz,
    review_note   text not null default '',
    primary key (pole_slug, year, indicator)
);
create index declared_value_review on observatory.declared_value (region_code, status, entered_at);

create table observatory.report_text (
    area_key    varchar(100) not null,          -- POLE:slug, REGION:53…
    year        int not null check (year between 2000 and 2100),
    text        text not null check (length(text) <= 4000),
    updated_by  text not null,
    updated_at  timestamptz not null,
    primary key (area_key, year)
);
