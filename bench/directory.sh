#!/usr/bin/env bash
# Directory search on 250,000 generated structures, with wrk on loopback, next to the same SQL run
# directly through pgbench in the same run (the total and the four facet counts in one statement,
# then the ranked page: the endpoint's two statements, for the same words).
#   bench/directory.sh [duration, default 20s] [structures, default 250000]   (Debian: apt-get install wrk postgresql)
source "$(dirname "$0")/lib.sh"
require wrk pgbench psql curl python3
duration="${1:-20s}"
count="${2:-250000}"
export QUERIES="ressourcerie epiceries theatre jardin+partage insertion cooperative+bois recyclerie creche"

build_jar
trap stop_app EXIT
start_app
psql() { command psql -h localhost -p "$PG_PORT" -U postgres -d maillage -v ON_ERROR_STOP=1 -Atq "$@"; }

# Realistic names and descriptions on the real communes loaded (Brittany by default).
started=$(date +%s.%N)
psql <<SQL
insert into directory.structure (slug, name, siret, family, sector, commune_code, departement_code, region_code,
    latitude, longitude, employees, description, published)
select 'bench-' || g,
       (array['Ressourcerie', 'Épicerie solidaire', 'Théâtre', 'Jardins partagés', 'Chantier d''insertion',
              'Coopérative bois-énergie', 'Recyclerie', 'Crèche parentale', 'Café associatif', 'Atelier vélo',
              'Amap', 'Radio associative', 'Régie de quartier', 'Habitat partagé', 'Mutuelle'])[1 + g % 15]
           || ' ' || c.name || ' ' || g,
       null,
       (array['ASSOCIATION', 'SCOP', 'SCIC', 'CAE', 'AGRICULTURAL_COOPERATIVE', 'MUTUELLE', 'FONDATION', 'ESS_COMPANY'])[1 + g % 8],
       (array['CULTURE', 'EDUCATION_POPULAIRE', 'SANITAIRE_SOCIAL', 'INSERTION', 'ENVIRONNEMENT', 'AGRICULTURE',
              'TOURISME', 'COMMERCE', 'SERVICES', 'SPORT_LOISIRS', 'HABITAT', 'AUTRE'])[1 + g % 12],
       c.code, c.departement_code, c.region_code, 47.5 + (g % 1000) / 1000.0, -4.5 + (g % 997) / 400.0, g % 40,
       (array['Réemploi et réduction des déchets', 'Une épicerie pour tous, produits locaux',
              'Spectacle vivant et éducation populaire', 'Jardinage collectif et lien social',
              'Insertion par l''activité économique', 'Filière bois et énergie renouvelable',
              'Accueil des jeunes enfants géré par les parents'])[1 + g % 7] || ' à ' || c.name,
       true
from generate_series(1, $count) g
join lateral (select code, name, departement_code, region_code from territory.commune
              order by code offset (g % (select count(*) from territory.commune)) limit 1) c on true;
analyze directory.structure;
SQL
loaded=$(psql -c "select count(*) from directory.structure")
echo "# $(date -u +%FT%TZ) $(nproc) cores, $loaded structures (generated in $(python3 -c "print(round($(date +%s.%N) - $started, 1))") s), duration $duration per run"

# pgbench scripts: for each words, the SQL the endpoint runs (total and four facets in one statement, then the page).
scripts=()
for q in $QUERIES; do
  text="${q//+/ }"
  match="(s.search_vector @@ websearch_to_tsquery('french', public.unaccent('public.unaccent'::regdictionary, '$text')) or s.search_name like '%' || public.search_key('$text') || '%')"
  file="$OUT/directory-$q.sql"
  {
    echo "with m as materialized (select s.family, s.sector, s.pole_slug, s.departement_code from directory.structure s where s.published and $match) select 'total' as facet, null as value, count(*) filter (where true) as n from m s union all select 'family', s.family, count(*) filter (where true) from m s where s.family is not null group by s.family union all select 'sector', s.sector, count(*) filter (where true) from m s where s.sector is not null group by s.sector union all select 'pole', s.pole_slug, count(*) filter (where true) from m s where s.pole_slug is not null group by s.pole_slug union all select 'departement', s.departement_code, count(*) filter (where true) from m s where s.departement_code is not null group by s.departement_code;"
    echo "select s.* from directory.structure s where s.published and $match order by ts_rank(s.search_vector, websearch_to_tsquery('french', public.unaccent('public.unaccent'::regdictionary, '$text'))) + similarity(s.search_name, public.search_key('$text')) desc, s.search_name, s.id limit 20 offset 0;"
  } > "$file"
  scripts+=(-f "$file")
done

cold=$(curl -s -o /dev/null -w '%{time_total}' "http://localhost:$APP_PORT/api/v1/structures?q=ressourcerie")
echo "first-request ressourcerie time_s=$cold"
for path in "/css/maillage.css" "/api/v1/structures?q="; do
  run_wrk warmup 8 15s "$path" >/dev/null
done
for connections in 8; do
  run_wrk static-file "$connections" "$duration" "/css/maillage.css"
  run_wrk api-search "$connections" "$duration" "/api/v1/structures?q="
  run_wrk page-search "$connections" "$duration" "/annuaire?q="
  rm -f "$OUT"/pgbench_log.*
  before=$(cpu_snapshot)
  pgbench -h localhost -p "$PG_PORT" -U postgres -n -M simple -c "$connections" -j 2 -T "${duration%s}" \
    -l --log-prefix="$OUT/pgbench_log" "${scripts[@]}" maillage >/dev/null 2>"$OUT/pgbench.err"
  cat "$OUT"/pgbench_log.* | python3 -c "
import sys
lat = sorted(int(line.split()[2]) for line in sys.stdin)
n = len(lat)
pct = lambda p: lat[min(n - 1, int(p / 100 * n))] / 1000
print(f'sql-pgbench c=$connections requests={n} rps={n / float(\"${duration%s}\"):.0f} p50_ms={pct(50):.2f} p95_ms={pct(95):.2f} p99_ms={pct(99):.2f} steal_pct=$(steal_since "$before")')
"
done
