# National-scale data for the benchmarks (sourced by observatory.sh and national.sh, not run): the 13
# metropolitan regions, each with its network (Brittany's real one, 12 generated), pôles up to
# $poles spread by population, $projects projects over ten years and $referrals referrals, member
# structures (30 a pôle) with their yearly memberships, and the pôles' funding lines. Set-based SQL
# through psql on the running application's database; what a kept database already holds is not
# generated again. Needs: psql(), step(), $projects, $referrals, $poles.
#
# When the whole of France's geography is loaded (bench/national.sh imports it), the generated pôles
# cover the real EPCI of their region (each EPCI to one pôle) and their projects are on those real
# communes; with Brittany's geography only, the other regions' projects are on made-up commune codes
# (the dashboard of region 53 never looks them up).

# Regions: INSEE code, name, population in millions (how the pôles are spread), départements.
psql <<'SQL'
create table if not exists public.bench_region (code text primary key, name text not null, weight numeric not null,
    deps text[] not null);
insert into public.bench_region values
  ('11', 'Île-de-France', 12.3, '{75,77,78,91,92,93,94,95}'),
  ('24', 'Centre-Val de Loire', 2.6, '{18,28,36,37,41,45}'),
  ('27', 'Bourgogne-Franche-Comté', 2.8, '{21,25,39,58,70,71,89,90}'),
  ('28', 'Normandie', 3.3, '{14,27,50,61,76}'),
  ('32', 'Hauts-de-France', 6.0, '{02,59,60,62,80}'),
  ('44', 'Grand Est', 5.6, '{08,10,51,52,54,55,57,67,68,88}'),
  ('52', 'Pays de la Loire', 3.9, '{44,49,53,72,85}'),
  ('53', 'Bretagne', 3.4, '{22,29,35,56}'),
  ('75', 'Nouvelle-Aquitaine', 6.1, '{16,17,19,23,24,33,40,47,64,79,86,87}'),
  ('76', 'Occitanie', 6.1, '{09,11,12,30,31,32,34,46,48,65,66,81,82}'),
  ('84', 'Auvergne-Rhône-Alpes', 8.1, '{01,03,07,15,26,38,42,43,63,69,73,74}'),
  ('93', 'Provence-Alpes-Côte d''Azur', 5.1, '{04,05,06,13,83,84}'),
  ('94', 'Corse', 0.35, '{2A,2B}')
on conflict (code) do nothing;
SQL

# Networks and pôles of the 12 other regions, spread by population: the pôles up to $poles.
psql <<SQL
do \$\$ begin perform setseed(0.11); end \$\$;
insert into network.network (code, name, region_code, coordination_name, coordination_email)
select 'bench-' || code, 'Réseau des pôles ESS — ' || name, code, 'Coordination régionale ' || name,
       'coordination-' || code || '@bench.maillage.localhost'
from public.bench_region where code <> '53'
on conflict do nothing;
with others as (select greatest(0, $poles - (select count(*) from network.pole)) as n),
     w as (select code, name, sum(weight) over (order by code) / sum(weight) over () as hi
           from public.bench_region where code <> '53'),
     g as (select g, (select w.code from w where w.hi >= (g - 0.5) / others.n order by w.hi limit 1) as region
           from others, generate_series(1, others.n) g)
insert into network.pole (network_id, slug, name, carrier_name, territory_label, status, name_verified, governance_form)
select n.id, 'bench-' || g.region || '-' || (g.g + (select count(*) from network.pole p where p.slug like 'bench-%')),
       'Pôle ESS ' || (array['du Pays', 'de la Vallée', 'du Bassin', 'de l''Agglomération', 'des Coteaux', 'du Littoral'])[1 + g.g % 6]
           || ' ' || g.g,
       'Association du pôle ' || g.g, 'Territoire ' || g.g || ' (' || w.name || ')',
       (array['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'CONSTITUTED', 'PREFIGURATION', 'INITIATIVE'])[1 + g.g % 10],
       true, (array['ASSOCIATION_AD_HOC', 'ASSOCIATION_DE_FAIT', 'SCIC'])[1 + g.g % 3]
from g join w on w.code = g.region join network.network n on n.region_code = g.region;
SQL
step "pôles $(psql -c "select count(*) from network.pole")"

# All of France loaded: each EPCI of a region (the region of most of its communes) to one of the
# region's generated pôles, in turn; a pôle's communes are then real ones.
if [ "$(psql -c "select count(*) from territory.commune")" -gt 30000 ]; then
  psql <<'SQL'
insert into network.pole_coverage_epci (network_id, pole_id, epci_code, verified)
select p.network_id, p.id, e.epci_code, false
from (select epci_code, region_code, row_number() over (partition by region_code order by epci_code) as k
      from (select distinct on (epci_code) epci_code, region_code from territory.commune where epci_code is not null
            group by epci_code, region_code order by epci_code, count(*) desc) m) e
join (select p.id, p.network_id, n.region_code, row_number() over (partition by n.region_code order by p.id) as k,
             count(*) over (partition by n.region_code) as n
      from network.pole p join network.network n on n.id = p.network_id where p.slug like 'bench-%') p
  on p.region_code = e.region_code and p.k = 1 + e.k % p.n
on conflict do nothing;
SQL
  step "pôle coverage $(psql -c "select count(*) from network.pole_coverage_epci") EPCI"
fi

# Where each pôle's projects come from: Brittany's pôles, the real communes they cover (largest
# first); the other pôles, made-up commune codes in one département of their region (the geography
# loaded by default is Brittany's: the dashboard of region 53 never looks them up). A pôle's size
# varies (weight 0.4–1.6); each region also has its coordination (no pôle, 3 % of its projects).
psql <<'SQL'
do $$ begin perform setseed(0.22); end $$;
drop table if exists public.bench_pole;
create table public.bench_pole as
with covered as (
    select p.slug, c.code, c.departement_code, c.population
    from network.pole p join network.pole_coverage_epci e on e.pole_id = p.id join territory.commune c on c.epci_code = e.epci_code
    union
    select p.slug, c.code, c.departement_code, c.population
    from network.pole p join network.pole_coverage_commune e on e.pole_id = p.id join territory.commune c on c.code = e.commune_code),
brittany as (
    select p.slug, n.region_code,
           array(select code from covered v where v.slug = p.slug order by population desc nulls last, code) as communes,
           array(select departement_code from covered v where v.slug = p.slug order by population desc nulls last, code) as deps
    from network.pole p join network.network n on n.id = p.network_id
    where n.region_code = '53' or exists (select 1 from covered v where v.slug = p.slug)),
others as (
    select p.slug, n.region_code, r.deps[1 + p.id % array_length(r.deps, 1)] as dep, p.id
    from network.pole p join network.network n on n.id = p.network_id join public.bench_region r on r.code = n.region_code
    where n.region_code <> '53' and not exists (select 1 from covered v where v.slug = p.slug))
select row_number() over (order by region_code, slug nulls first) as idx, * from (
    select slug, region_code, communes, deps, 0.4 + random() * 1.2 as weight from brittany
    union all
    select slug, region_code,
           array(select dep || lpad(((id * 53 + k * 7) % 990 + 1)::text, 3, '0') from generate_series(1, 30 + id::int % 40) k),
           array(select dep from generate_series(1, 30 + id::int % 40) k),
           0.4 + random() * 1.2
    from others) p;
-- a pôle without coverage yet: its region's communes
update public.bench_pole b set communes = a.communes, deps = a.deps
from (select region_code, array_agg(code order by population desc nulls last, code) as communes,
             array_agg(departement_code order by population desc nulls last, code) as deps
      from territory.commune group by region_code) a
where coalesce(array_length(b.communes, 1), 0) = 0 and a.region_code = b.region_code;
-- the coordination of each region, with the communes of one of its pôles
insert into public.bench_pole (idx, slug, region_code, communes, deps, weight)
select m.last + row_number() over (order by f.region_code), null, f.region_code, f.communes, f.deps, 0.03 * t.total
from (select distinct on (region_code) region_code, communes, deps from public.bench_pole order by region_code, idx) f
join (select region_code, sum(weight) as total from public.bench_pole group by 1) t using (region_code)
cross join (select max(idx) as last from public.bench_pole) m;
-- 10,000 slots shared by the pôles by weight: a project draws a slot
drop table if exists public.bench_slot;
create table public.bench_slot as
with c as (select idx, sum(weight) over (order by idx) / sum(weight) over () as hi from public.bench_pole)
select s as slot, (select idx from c where c.hi * 10000 > s order by c.hi limit 1) as idx from generate_series(0, 9999) s;
create unique index on public.bench_slot (slot);
analyze public.bench_pole;
analyze public.bench_slot;
SQL

# Projects over ten years, more of them in recent years; a status that depends on their age.
before_projects=$(psql -c "select coalesce(max(id), 0) from journey.project")
[ "$(psql -c "select count(*) from journey.project")" -ge "$projects" ] || psql <<SQL
do \$\$ begin perform setseed(0.33); end \$\$;
insert into journey.project (pole_slug, region_code, departement_code, commune_code, title, description, sector,
    collective, stage, stage_self, needs, status, heard_from, legal_form, porteur_gender, porteur_age_band,
    outcome_on, outcome_legal_form, outcome_jobs, outcome_reason, created_at, updated_at)
select p.slug, p.region_code, p.deps[k.k], p.communes[k.k],
       (array['Café associatif', 'Ressourcerie', 'Épicerie solidaire', 'Atelier vélo', 'Tiers-lieu', 'Jardin partagé',
              'Maraîchage bio', 'Aide à domicile', 'Théâtre itinérant', 'Habitat partagé', 'Recyclerie', 'Crèche parentale',
              'Coopérative bois-énergie', 'Conciergerie solidaire', 'Cantine bio'])[1 + x.g % 15] || ' ' || x.g,
       (array['Un lieu de rencontres, de concerts et de lien social', 'Réemploi, réparation et réduction des déchets',
              'Produits locaux accessibles à tous', 'Insertion par l''activité économique', 'Installation agricole et foncier',
              'Services aux personnes âgées', 'Éducation populaire et culture en milieu rural'])[1 + x.g % 7],
       case when x.u_sector < 0.07 then null
            else (array['CULTURE', 'ENVIRONNEMENT', 'COMMERCE', 'SERVICES', 'EDUCATION_POPULAIRE', 'AGRICULTURE',
                        'SANITAIRE_SOCIAL', 'INSERTION', 'HABITAT', 'TOURISME', 'SPORT_LOISIRS', 'AUTRE', 'CULTURE',
                        'ENVIRONNEMENT', 'AGRICULTURE', 'SERVICES'])[1 + floor(x.u_sector * 16)::int % 16] end,
       x.u_collective < 0.35,
       s.stage,
       case when x.u_stage_self < 0.3 then null when x.u_stage_self < 0.85 then s.stage else 'IDEE' end,
       string_to_array((array['DEFINE_IDEA', 'FINANCING,PREMISES_LAND', 'LEGAL_GOVERNANCE', 'EMPLOYMENT', 'MARKET_STUDY,NETWORK'])[1 + x.g % 5], ','),
       st.status,
       (array['WORD_OF_MOUTH', 'INTERNET', 'PARTNER', 'EVENT', 'LOCAL_AUTHORITY', 'EMPLOYMENT_SERVICE', 'OTHER'])[1 + x.g % 7],
       case when x.g % 3 = 0 then (array['ASSOCIATION', 'SCOP', 'SCIC', 'ESS_COMPANY'])[1 + x.g % 4] end,
       case when x.u_gender < 0.52 then 'FEMALE' when x.u_gender < 0.92 then 'MALE' when x.u_gender < 0.93 then 'OTHER' end,
       case when x.u_age < 0.06 then null when x.u_age < 0.18 then 'UNDER_26' when x.u_age < 0.45 then 'FROM_26_TO_35'
            when x.u_age < 0.80 then 'FROM_36_TO_50' when x.u_age < 0.97 then 'FROM_51_TO_65' else 'OVER_65' end,
       case when st.status in ('CREATED', 'MEMBER', 'ABANDONED')
            then (x.created_at + least(now() - x.created_at, interval '1 day' * (30 + 700 * x.u_outcome)))::date end,
       case when st.status = 'CREATED' then (array['ASSOCIATION', 'ASSOCIATION', 'SCOP', 'SCIC', 'ESS_COMPANY', 'CAE'])[1 + x.g % 6] end,
       case when st.status = 'CREATED' then round((0.5 + 4 * x.u_outcome * x.u_outcome)::numeric, 2)
            when st.status = 'MEMBER' then round(x.u_outcome::numeric, 2) end,
       case when st.status = 'ABANDONED' then (array['PERSONAL', 'FINANCING', 'MARKET', 'OTHER_PATH', 'NO_NEWS', 'OTHER'])[1 + x.g % 6] end,
       x.created_at, x.created_at
from (select g, floor(random() * 10000)::int as slot, random() as u_commune, random() as u_sector, random() as u_collective,
             random() as u_stage, random() as u_stage_self, random() as u_status, random() as u_gender, random() as u_age,
             random() as u_outcome, now() - interval '3650 days' * power(random(), 1.35) as created_at
      from generate_series(1, $projects - (select count(*) from journey.project)) g) x
join public.bench_slot sl on sl.slot = x.slot
join public.bench_pole p on p.idx = sl.idx
cross join lateral (select 1 + floor(array_length(p.communes, 1) * x.u_commune * x.u_commune)::int as k) k
cross join lateral (select case when x.u_stage < 0.4 then 'IDEE' when x.u_stage < 0.7 then 'PROJET'
                                when x.u_stage < 0.9 then 'CREATION' else 'DEVELOPPEMENT' end as stage) s
cross join lateral (select case
        when x.created_at > now() - interval '90 days' then
            case when x.u_status < 0.25 then 'NEW' when x.u_status < 0.90 then 'OPEN' when x.u_status < 0.95 then 'PAUSED' else 'ABANDONED' end
        when x.created_at > now() - interval '1 year' then
            case when x.u_status < 0.55 then 'OPEN' when x.u_status < 0.65 then 'PAUSED' when x.u_status < 0.80 then 'CREATED'
                 when x.u_status < 0.85 then 'MEMBER' else 'ABANDONED' end
        else case when x.u_status < 0.10 then 'OPEN' when x.u_status < 0.20 then 'PAUSED' when x.u_status < 0.58 then 'CREATED'
                  when x.u_status < 0.65 then 'MEMBER' else 'ABANDONED' end
    end as status) st;
SQL
step "projects $(psql -c "select count(*) from journey.project")"

# Referrals: a project drawn at random (3.3 a project on average), a scheme of its region (Brittany:
# its real catalogue; the other regions: 25 made-up schemes of 10 operators each), sent after the
# project's request, answered (or not) in days; SENT only when recent (older ones expired).
psql <<'SQL'
drop table if exists public.bench_scheme;
create table public.bench_scheme as
select '53' as region_code, row_number() over (order by slug) - 1 as k, slug, name, operator_slug
from offer.scheme where slug not like 'bench-%'
union all
select r.code, k, 'bench-' || r.code || '-dispositif-' || k,
       (array['Incubateur', 'Accompagnement', 'Fabrique à initiatives', 'Prêt d''honneur', 'Garantie', 'Formation',
              'Couveuse', 'DLA', 'Idéateur', 'Test d''activité'])[1 + k % 10] || ' ' || k || ' — ' || r.name,
       'bench-' || r.code || '-operateur-' || (k % 10)
from public.bench_region r cross join generate_series(0, 24) k where r.code <> '53';
create unique index on public.bench_scheme (region_code, k);
drop table if exists public.bench_project;
create table public.bench_project as
select row_number() over (order by id) as rn, id, region_code, created_at from journey.project;
create unique index on public.bench_project (rn);
analyze public.bench_scheme;
analyze public.bench_project;
SQL
[ "$(psql -c "select count(*) from journey.referral")" -ge "$referrals" ] || psql <<SQL
do \$\$ begin perform setseed(0.44); end \$\$;
insert into journey.referral (project_id, scheme_slug, scheme_name, operator_slug, status, proposed_at, sent_at,
    answered_at, closed_at, decline_reason, reminders_sent, updated_at)
select p.id, sc.slug, sc.name, sc.operator_slug, t3.status, t1.proposed_at, t2.sent_at, t4.answered_at,
       case when t3.status in ('COMPLETED', 'DECLINED', 'ABANDONED') then coalesce(t4.answered_at, least(now(), t2.sent_at + interval '30 days'))
            when t3.status = 'EXPIRED' then least(now(), t2.sent_at + interval '21 days') end,
       case when t3.status = 'DECLINED' then (array['FULL', 'NOT_ELIGIBLE', 'OUT_OF_TERRITORY', 'TOO_EARLY', 'NOT_ADAPTED', 'OTHER'])[1 + x.g % 6] end,
       case when t3.status in ('SENT', 'EXPIRED') then 1 + x.g % 2 else 0 end,
       greatest(t1.proposed_at, t2.sent_at, t4.answered_at)
from (select g, 1 + floor(random() * (select count(*) from public.bench_project))::bigint as rn, random() as u_proposed,
             random() as u_sent, random() as u_scheme, random() as u_status, random() as u_answer, random() as u_sent_at
      from generate_series(1, $referrals - (select count(*) from journey.referral)) g) x
join public.bench_project p on p.rn = x.rn
join (select region_code, count(*) as n from public.bench_scheme group by 1) ns on ns.region_code = p.region_code
join public.bench_scheme sc on sc.region_code = p.region_code and sc.k = floor(x.u_scheme * ns.n)::bigint
cross join lateral (select p.created_at + least(interval '180 days' * x.u_proposed * x.u_proposed, (now() - p.created_at) * 0.9)
                    as proposed_at) t1
cross join lateral (select case when x.u_sent < 0.04 then null
                                else t1.proposed_at + least(interval '2 days' * x.u_sent_at, (now() - t1.proposed_at) * 0.5) end
                    as sent_at) t2
cross join lateral (select case when t2.sent_at is null then 'PROPOSED'
        when t2.sent_at > now() - interval '21 days' and x.u_status < 0.6 then 'SENT'
        when x.u_status < 0.25 then 'ACCEPTED'
        when x.u_status < 0.35 then case when t2.sent_at > now() - interval '1 year' then 'IN_PROGRESS' else 'COMPLETED' end
        when x.u_status < 0.62 then 'COMPLETED'
        when x.u_status < 0.77 then 'DECLINED'
        when x.u_status < 0.90 then 'EXPIRED'
        else 'ABANDONED' end as status) t3
cross join lateral (select case when t3.status in ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'DECLINED')
                                  or (t3.status = 'ABANDONED' and x.u_answer < 0.5)
                                then least(now(), t2.sent_at + interval '1 hour' + interval '20 days' * x.u_answer * x.u_answer) end
                    as answered_at) t4;
SQL
step "referrals $(psql -c "select count(*) from journey.referral")"

# Member structures (30 a pôle) on the pôle's communes, members from a year until now or until they
# left; the pôles' funding lines (3 to 5 a year since 2017).
[ "$(psql -c "select count(*) from directory.structure where slug like 'bench-obs-%'")" -gt 0 ] || psql <<'SQL'
do $$ begin perform setseed(0.55); end $$;
insert into directory.structure (slug, name, family, sector, commune_code, departement_code, region_code, pole_slug,
    employees, description, published)
select 'bench-obs-' || p.idx || '-' || s, (array['Ressourcerie', 'Épicerie solidaire', 'Théâtre', 'Jardins partagés',
           'Chantier d''insertion', 'Coopérative bois-énergie', 'Recyclerie', 'Crèche parentale', 'Café associatif',
           'Atelier vélo'])[1 + s % 10] || ' ' || p.idx || '-' || s,
       (array['ASSOCIATION', 'ASSOCIATION', 'ASSOCIATION', 'ASSOCIATION', 'SCOP', 'SCIC', 'CAE', 'AGRICULTURAL_COOPERATIVE',
              'MUTUELLE', 'FONDATION', 'ESS_COMPANY'])[1 + (p.idx + s) % 11],
       (array['CULTURE', 'EDUCATION_POPULAIRE', 'SANITAIRE_SOCIAL', 'INSERTION', 'ENVIRONNEMENT', 'AGRICULTURE',
              'TOURISME', 'COMMERCE', 'SERVICES', 'SPORT_LOISIRS', 'HABITAT', 'AUTRE'])[1 + (p.idx * 7 + s) % 12],
       p.communes[1 + (s * 13) % array_length(p.communes, 1)], p.deps[1 + (s * 13) % array_length(p.communes, 1)],
       p.region_code, p.slug, floor(40 * power(random(), 3))::int, 'Structure adhérente générée pour le banc d''essai.', true
from public.bench_pole p cross join generate_series(1, 30) s where p.slug is not null;
insert into directory.membership (structure_id, pole_slug, year, fee, status)
select s.id, s.pole_slug, y, 20 + (s.id % 10) * 15, case when y = j.left_year then 'LEFT' else 'MEMBER' end
from directory.structure s
cross join lateral (select 2016 + floor(random() * (extract(year from now()) - 2015))::int + 0 * s.id as joined, -- s.id: once a row
                           case when random() < 0.2 then 2018 + floor(random() * (extract(year from now()) - 2017))::int + 0 * s.id end
                           as left_year) j
cross join lateral generate_series(j.joined, case when j.left_year is null then extract(year from now())::int
                                                   else greatest(j.left_year, j.joined) end) y
where s.slug like 'bench-obs-%';
insert into network.pole_funding (pole_id, year, funder, kind, amount)
select p.id, y, f.funder, f.kind, round((f.base * (0.6 + random() * 0.8))::numeric, 2)
from network.pole p cross join generate_series(2017, extract(year from now())::int) y
cross join (values ('Région', 'OPERATING_GRANT', 40000), ('État (DREETS)', 'OPERATING_GRANT', 25000),
                   ('Département', 'PROJECT_GRANT', 12000), ('Intercommunalité', 'OPERATING_GRANT', 15000),
                   ('Fondation', 'PROJECT_GRANT', 8000)) f(funder, kind, base)
where (p.id + y + length(f.funder)) % 5 <> 0;
SQL
step "members and funding $(psql -c "select count(*) from directory.membership") $(psql -c "select count(*) from network.pole_funding")"
psql -c "vacuum analyze"
step "vacuum analyze"
