-- The people of an ESS structure keep its public listing up to date (role STRUCTURE on scope
-- STRUCTURE, the structure's slug in the directory module).
alter table account.role_grant drop constraint role_grant_role_check;
alter table account.role_grant add constraint role_grant_role_check
    check (role in ('PORTEUR', 'ANIMATEUR', 'PARTENAIRE', 'COORDINATEUR', 'FINANCEUR', 'STRUCTURE', 'ADMINISTRATEUR'));
alter table account.role_grant drop constraint role_grant_scope_type_check;
alter table account.role_grant add constraint role_grant_scope_type_check
    check (scope_type in ('SELF', 'POLE', 'ORGANISATION', 'REGION', 'DEPARTEMENT', 'EPCI', 'STRUCTURE', 'PLATFORM'));
