-- A centre for each commune (WGS84 degrees), to place communes, EPCI and pôles on maps: filled by
-- the territory importer from territory/fr-bounding-boxes/communes-centres.json (or, for all of
-- France, from the file scripts/territory/import-france.sh computes). Null where no source gives one.
alter table territory.commune
    add column latitude double precision,
    add column longitude double precision,
    add constraint commune_latitude_range check (latitude between -90 and 90),
    add constraint commune_longitude_range check (longitude between -180 and 180),
    add constraint commune_centre_complete check ((latitude is null) = (longitude is null));
