#!/usr/bin/env bash
# The orientation engine (POST /api/v1/orientation, signed in as an animator so that similar
# projects are searched too) with 1,000 schemes and 300,000 past projects, with wrk on loopback,
# next to the SQL the endpoint runs, through pgbench, in the same run. Every generated scheme and
# project is in Brittany (the communes loaded by default): each département holds ~75,000 projects,
# 25 times what a national spread would give it, and every scheme is ranked for every request.
#   bench/orientation.sh [duration, default 20s] [projects, default 300000] [schemes, default 1000]
#   (Debian: apt-get install wrk postgresql)
source "$(dirname "$0")/lib.sh"
require wrk pgbench psql curl python3
duration="${1:-20s}"
projects="${2:-300000}"
schemes="${3:-1000}"

build_jar
trap stop_app EXIT
start_app --maillage.account.demo-accounts=true
psql() { command psql -h localhost -p "$PG_PORT" -U postgres -d maillage -v ON_ERROR_STOP=1 -Atq "$@"; }

started=$(date +%s.%N)
psql <<SQL
-- Schemes up to $schemes: operators, kinds, stages, needs, conditions and coverage in rotation.
insert into offer.scheme (slug, operator_slug, name, kind, stages, needs, collective_only, legal_forms, sectors,
    coverage_regions, coverage_departements, coverage_epcis, coverage_poles, capacity_per_year, description)
select 'bench-scheme-' || g,
       (select slug from offer.operator order by slug offset g % (select count(*) from offer.operator) limit 1),
       'Dispositif ' || g,
       (array['ACCUEIL', 'IDEATION', 'REVELATEUR', 'INCUBATION', 'FORMATION', 'FINANCEMENT', 'ACCOMPAGNEMENT',
              'TEST_ACTIVITE', 'HEBERGEMENT', 'RESEAU_SECTORIEL'])[1 + g % 10],
       string_to_array((array['IDEE', 'IDEE,PROJET', 'PROJET,CREATION', 'CREATION,DEVELOPPEMENT', 'DEVELOPPEMENT'])[1 + g % 5], ','),
       string_to_array((array['DEFINE_IDEA,MARKET_STUDY', 'BUSINESS_MODEL,LEGAL_GOVERNANCE', 'FINANCING', 'TRAINING',
              'PREMISES_LAND,NETWORK', 'EMPLOYMENT,SCALING'])[1 + g % 6], ','),
       g % 4 = 0,
       case when g % 7 = 0 then array['ASSOCIATION', 'SCIC'] else '{}' end,
       case when g % 5 = 0 then array[(array['CULTURE', 'INSERTION', 'ENVIRONNEMENT', 'AGRICULTURE', 'SERVICES'])[1 + (g / 5) % 5]] else '{}' end,
       case when g % 3 = 0 then array['53'] else '{}' end,
       case when g % 3 = 1 then array[(array['22', '29', '35', '56'])[1 + g % 4]] else '{}' end,
       '{}',
       case when g % 3 = 2 then array[(select slug from network.pole order by slug offset g % (select count(*) from network.pole) limit 1)] else '{}' end,
       10 + g % 30, 'Un dispositif généré pour le banc d''essai.'
from generate_series(1, $schemes - (select count(*) from offer.scheme where slug not like 'bench-%')) g
on conflict (slug) do nothing;
insert into offer.scheme_session (scheme_slug, starts_on, place, places_left, apply_by)
select slug, current_date + (n * 60), 'Quimper', (length(slug) + n) % 6, current_date + (n * 60) - 15
from offer.scheme, generate_series(1, 2) n
where slug like 'bench-scheme-%' and right(slug, 1) = '0' and not exists (select 1 from offer.scheme_session e where e.scheme_slug = slug);
SQL
[ "$(psql -c "select count(*) from journey.project")" -ge "$projects" ] || psql <<SQL
-- Past projects over ten years, on the real communes, with the pôle that covers them.
insert into journey.project (pole_slug, region_code, departement_code, commune_code, title, description, sector,
    collective, stage, needs, status, created_at)
select (select p.slug from network.pole_coverage_epci e join network.pole p on p.id = e.pole_id
        where e.epci_code = c.epci_code limit 1),
       c.region_code, c.departement_code, c.code,
       (array['Café associatif', 'Ressourcerie', 'Épicerie solidaire', 'Atelier vélo', 'Tiers-lieu', 'Jardin partagé',
              'Maraîchage bio', 'Aide à domicile', 'Théâtre itinérant', 'Habitat partagé', 'Recyclerie', 'Crèche parentale',
              'Coopérative bois-énergie', 'Conciergerie solidaire', 'Cantine bio'])[1 + g % 15] || ' de ' || c.name,
       (array['Un lieu de rencontres, de concerts et de lien social', 'Réemploi, réparation et réduction des déchets',
              'Produits locaux accessibles à tous', 'Insertion par l''activité économique', 'Installation agricole et foncier',
              'Services aux personnes âgées et difficultés de recrutement', 'Éducation populaire et culture en milieu rural'])[1 + g % 7],
       (array['CULTURE', 'ENVIRONNEMENT', 'COMMERCE', 'SERVICES', 'EDUCATION_POPULAIRE', 'AGRICULTURE', 'AGRICULTURE',
              'SANITAIRE_SOCIAL', 'CULTURE', 'HABITAT', 'ENVIRONNEMENT', 'SANITAIRE_SOCIAL', 'ENVIRONNEMENT', 'SERVICES',
              'AGRICULTURE'])[1 + g % 15],
       g % 3 <> 0,
       (array['IDEE', 'PROJET', 'CREATION', 'DEVELOPPEMENT'])[1 + g % 4],
       string_to_array((array['DEFINE_IDEA', 'FINANCING,PREMISES_LAND', 'LEGAL_GOVERNANCE', 'EMPLOYMENT'])[1 + g % 4], ','),
       (array['OPEN', 'PAUSED', 'CREATED', 'ABANDONED', 'CREATED'])[1 + g % 5],
       now() - ((g % 3650) || ' days')::interval
from generate_series(1, $projects) g
join lateral (select code, name, departement_code, region_code, epci_code from territory.commune
              order by code offset (g % (select count(*) from territory.commune)) limit 1) c on true;
analyze journey.project;
analyze offer.scheme;
SQL
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(psql -c "select count(*) from offer.scheme") schemes, $(psql -c "select count(*) from journey.project") projects, $(psql -c "select count(*) from directory.structure") structures (generated in $(python3 -c "print(round($(date +%s.%N) - $started, 1))") s), duration $duration per run"

# Sign in as the demonstration animator of ADESS Cornouaille (Finistère): the endpoint then also
# searches similar projects.
jar="$OUT/cookies.txt"
rm -f "$jar"
token=$(curl -s -c "$jar" -b "$jar" "http://localhost:$APP_PORT/connexion" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" \
  --data-urlencode "email=animation.cornouaille@demo.maillage.localhost" --data-urlencode "motDePasse=Demo-Maillage-2026" \
  "http://localhost:$APP_PORT/connexion"
export COOKIE="MAILLAGE_SESSION=$(awk '$6 == "MAILLAGE_SESSION" { print $7 }' "$jar")"
similar=$(curl -s -H "Cookie: $COOKIE" -H 'Content-Type: application/json' -d '{"stage":"IDEE","sector":"CULTURE","commune":"29232","idea":"café associatif"}' \
  "http://localhost:$APP_PORT/api/v1/orientation" | python3 -c "import json,sys; a=json.load(sys.stdin); print(len(a['suggestions']), len(a['similarProjects']), len(a['similarStructures']))")
echo "one answer: suggestions similarProjects similarStructures = $similar"
[ "$(echo "$similar" | cut -d' ' -f2)" -gt 0 ] || { echo "bench: no similar project: the animator's login failed?" >&2; exit 1; }

# pgbench: what the endpoint runs for the first project of orientation.lua, read from the
# application's own statements: similar projects and similar structures. The catalogue (the schemes
# of the place's region with their sessions, SchemeService) is kept in memory between requests
# (maillage.offer.catalogue-ttl): its reading (every scheme, its sessions, the operators) is measured
# apart, as it costs once every 30 s.
sql_of() { # resource
  grep -v '^ *--' "$ROOT/src/main/resources/$1" | sed -e "s#:text#'café associatif et concerts dans le bourg'#g" \
    -e "s#:departement#'29'#g" -e "s#:sector#'CULTURE'#g" -e "s#:pole#'adess-cornouaille'#g" -e "s#:commune#'29232'#g" -e "s#:followed#array['adess-cornouaille']#g" \
    -e 's#:limit#5#g' | tr '\n' ' '
  echo ";"
}
{ sql_of journey/similar-projects.sql; sql_of directory/similar-structures.sql; } > "$OUT/orientation.sql"
{
  echo "select s.*, o.name from offer.scheme s join offer.operator o on o.slug = s.operator_slug order by public.search_key(s.name), s.slug;"
  echo "select e.* from offer.scheme_session e join offer.scheme s on s.slug = e.scheme_slug join offer.operator o on o.slug = s.operator_slug where e.starts_on >= current_date - 31 order by e.starts_on;"
  echo "select * from offer.operator order by public.search_key(name);"
} > "$OUT/orientation-catalogue.sql"

run_lua() { # name connections path lua
  local before result
  before=$(cpu_snapshot)
  result=$(wrk -t2 -c"$2" -d"$duration" -s "$4" "http://localhost:$APP_PORT$3" \
    | awk -v name="$1" -v c="$2" '/^RESULT/ { $1 = ""; print name, "c=" c, $0 }')
  echo "$result steal_pct=$(steal_since "$before")"
}
run_lua warmup 4 /api/v1/orientation "$BENCH_DIR/orientation.lua" >/dev/null
for connections in 4; do
  run_wrk static-file "$connections" "$duration" "/css/maillage.css"
  run_lua api-orientation "$connections" /api/v1/orientation "$BENCH_DIR/orientation.lua"
  run_pgbench sql-pgbench "$connections" "$duration" -f "$OUT/orientation.sql"
  run_pgbench sql-catalogue "$connections" "$duration" -f "$OUT/orientation-catalogue.sql"
done
