-- Offer module: the organisations that operate support schemes (TAg BZH, France Active…).
-- The catalogue of schemes itself comes with its own issue.
create schema offer;

create table offer.operator (
    slug        varchar(80) primary key,
    name        text not null,
    kind        varchar(40) not null,        -- incubateur, financeur solidaire, organisme de formation…
    region_code varchar(3),                  -- null: national
    website     text
);
