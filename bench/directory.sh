#!/usr/bin/env bash
# Directory search on 250,000 generated structures, with wrk on loopback, next to the same SQL run
# directly through pgbench in the same run (the endpoint's one statement, read from the same file,
# for the same words).
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

# Realistic names and descriptions on the real communes loaded (Brittany by default); skipped when a
# kept database (APP_DB_DIR) has them already.
started=$(date +%s.%N)
[ "$(psql -c "select count(*) from directory.structure where slug like 'bench-%'")" -ge "$count" ] || psql <<SQL
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

# pgbench scripts: for each words, the statement the endpoint runs (src/main/resources/directory/search.sql,
# its placeholders removed as DirectoryService does for words without a facet).
scripts=()
for q in $QUERIES; do
  text="${q//+/ }"
  file="$OUT/directory-$q.sql"
  grep -v '^ *--' "$ROOT/src/main/resources/directory/search.sql" \
    | sed -e 's#/\*[^*]*\*/##g' -e "s#:text#'$text'#g" -e 's#:size#20#' -e 's#:offset#0#' | tr '\n' ' ' > "$file"
  echo ";" >> "$file"
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
  run_wrk page-browse "$connections" "$duration" "/annuaire"
  run_pgbench sql-pgbench "$connections" "$duration" "${scripts[@]}"
done
