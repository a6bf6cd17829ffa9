-- Membership of structures in pôles, year by year (adhésion, cotisation).
create table directory.membership (
    id            bigint generated always as identity primary key,
    structure_id  bigint not null references directory.structure on delete cascade,
    pole_slug     varchar(80) not null,
    year          int not null check (year between 2000 and 2100),
    fee           numeric(10, 2) check (fee >= 0),
    status        varchar(10) not null check (status in ('PENDING', 'MEMBER', 'LEFT')),
    unique (structure_id, pole_slug, year)
);
create index membership_pole on directory.membership (pole_slug, year);
