#!/usr/bin/env bash
# National scale, in one command: fills a database with national data from the real geography, then
# measures the seven paths of issue 9 on it, each next to baselines measured in the same run.
#
#   bench/national.sh [all|generate|measure|uncached|intake]   (default all; Debian: apt-get install wrk postgresql npm)
#
# generate: the whole of France's geography (@etalab/decoupage-administratif, npm pack; ~35,000
#   communes, their EPCI, départements and régions) imported by the application's own command; the 13
#   metropolitan regions, each with its network (Brittany's real one, 12 generated), 300 pôles covering
#   the real EPCI of their region; 300,000 projects over ten years and 1,000,000 referrals (the
#   observatory's generator, bench/generate.sh), 250,000 structures on real communes weighted by
#   population, 1,000 schemes, 3,000,000 timeline entries and 20,000 events. Set-based SQL through
#   psql. The database is kept in $APP_DB_DIR (default /tmp/maillage-national/pg, about 4 GB) and
#   what it holds is not generated again.
# measure: the packaged application on that database (JAVA_OPTS, default -Xmx256m), then, for each
#   path, wrk on loopback (bench/paced.lua: at a fixed rate for the public reads, RATE=200 requests/s;
#   as fast as 4 connections go for the signed-in pages; 16 visitors for the intake) and, as
#   baselines of the same run, a static file of the same server under the same load and the SQL of
#   the same request through pgbench (captured from PostgreSQL's own log while one request of each
#   variant runs; every statement of it, writes included, replayed in a transaction rolled back).
#   The application's resident memory (RSS) is sampled every second; its peak is printed at the end.
# intake: the intake alone (its SQL captured, a warm-up, the run).
# uncached: the directory's searches again with the cache of their results off, to show what a search
#   that is not kept costs (its SQL baseline captured by measure).
# Results: docs/BENCHMARKS.md §11. Raw outputs: bench/out/national-*.
#   DURATION=20s (each run), RATE=200, APP_DB_DIR=…, DECOUPAGE_VERSION=6.0.0
source "$(dirname "$0")/lib.sh"
require wrk pgbench psql curl python3 npm
what="${1:-all}"
duration="${DURATION:-20s}"
rate="${RATE:-200}"
version="${DECOUPAGE_VERSION:-6.0.0}"
export APP_DB_DIR="${APP_DB_DIR:-/tmp/maillage-national/pg}"
export JAVA_OPTS="${JAVA_OPTS:--Xmx256m -XX:+ExitOnOutOfMemoryError}"
projects=300000 referrals=1000000 poles=300 structures=250000 schemes=1000 timeline=3000000 events=20000
year=$(TZ=Europe/Paris date +%Y)
psql() { command psql -h localhost -p "$PG_PORT" -U postgres -d maillage -v ON_ERROR_STOP=1 -Atq "$@"; }
# Nothing changes the data while it is measured (the journeys' and the agenda's jobs); the intake is
# not limited per address (every request comes from 127.0.0.1).
app_options=(--maillage.account.demo-accounts=true --maillage.journey.jobs-enabled=false --maillage.agenda.jobs-enabled=false
  --maillage.journey.intakes-per-hour=100000000)
trap stop_app EXIT
build_jar
commit=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GiB, commit $commit, $(java -version 2>&1 | head -1)"

generate() {
  mkdir -p "$APP_DB_DIR"
  started=$(date +%s.%N)
  step() { echo "generate: $1 $(python3 -c "print(round($(date +%s.%N) - $started, 1))") s"; }
  # 1. The whole of France, by the application's import command (once).
  local package="$OUT/decoupage-administratif-$version"
  if [ ! -d "$package/package/data" ]; then
    mkdir -p "$package"
    (cd "$package" && npm pack --silent "@etalab/decoupage-administratif@$version" >/dev/null && tar xzf ./*.tgz)
  fi
  if [ ! -f "$APP_DB_DIR/.france-$version" ]; then
    java -jar "$JAR" --import-territories="$package/package/data" --import-territories-version="$version" \
      --spring.main.web-application-type=none --maillage.embedded-database.directory="$APP_DB_DIR" \
      --logging.level.root=WARN >"$OUT/national-import.log" 2>&1
    touch "$APP_DB_DIR/.france-$version"
  fi
  start_app "${app_options[@]}"
  step "geography $(psql -c "select count(*) from territory.commune") communes, $(psql -c "select count(*) from territory.epci") EPCI"

  # 2. Networks, pôles, projects, referrals, member structures and funding (the observatory's generator).
  source "$BENCH_DIR/generate.sh"

  # 3. Structures up to $structures, on real communes drawn by population (a commune's weight is its
  # population, at least 50), with the pôle covering it; names from 48 kinds of ESS structures, the
  # commune and one of 24 usual names, so that a word matches what it would in a real directory.
  psql <<'SQL'
drop table if exists public.bench_commune;
create table public.bench_commune as
select c.code, c.name, c.departement_code, c.region_code, c.latitude, c.longitude,
       (select p.slug from network.pole_coverage_epci e join network.pole p on p.id = e.pole_id
        where e.epci_code = c.epci_code limit 1) as pole_slug,
       sum(greatest(coalesce(c.population, 0), 50)) over (order by c.code) as hi
from territory.commune c;
create index on public.bench_commune (hi);
analyze public.bench_commune;
SQL
  [ "$(psql -c "select count(*) from directory.structure")" -ge "$structures" ] || psql <<SQL
do \$\$ begin perform setseed(0.66); end \$\$;
insert into directory.structure (slug, name, family, sector, commune_code, departement_code, region_code, pole_slug,
    latitude, longitude, employees, description, published, created_at)
select 'bench-nat-' || x.g,
       k.kind || case when x.u_name < 0.5 then ' ' || (array['Les Colibris', 'La Belle Équipe', 'Le Grain de Sel', 'L''Envol',
              'Les Petites Mains', 'La Fabrique', 'Le Lien', 'Horizons', 'La Ruche', 'Les Jardins du Coin', 'Le Relais',
              'Solidarités', 'L''Atelier', 'Les Ateliers du Bocage', 'La Passerelle', 'Au Fil de l''Eau', 'La Marmite',
              'Le Chaînon', 'Terre de Liens', 'Les Amis du Bourg', 'Entraide', 'Le Trait d''Union', 'Accueil', 'L''Escale'])[1 + floor(x.u_name * 48)::int]
           else '' end || ' ' || (array['de', 'du pays de', 'de la région de', ''])[1 + x.g % 4] || ' ' || c.name,
       (array['ASSOCIATION', 'ASSOCIATION', 'ASSOCIATION', 'ASSOCIATION', 'ASSOCIATION', 'ASSOCIATION', 'SCOP', 'SCIC', 'CAE',
              'AGRICULTURAL_COOPERATIVE', 'MUTUELLE', 'FONDATION', 'ESS_COMPANY'])[1 + x.g % 13],
       k.sector, c.code, c.departement_code, c.region_code, c.pole_slug,
       c.latitude + (x.u_name - 0.5) / 100, c.longitude + (x.u_kind - 0.5) / 100, floor(60 * power(random(), 4))::int,
       k.description || ' à ' || c.name || '.', true, now() - interval '3650 days' * random()
from (select g, random() as u_commune, random() as u_kind, random() as u_name
      from generate_series(1, $structures - (select count(*) from directory.structure)) g) x
cross join (select max(hi) as total from public.bench_commune) t
cross join lateral (select * from public.bench_commune c   -- hi is a bigint: compared to a bigint, through its index
                    where c.hi >= (x.u_commune * t.total)::bigint order by c.hi limit 1) c
cross join lateral (select (array['Ressourcerie', 'Épicerie solidaire', 'Théâtre', 'Jardins partagés', 'Chantier d''insertion',
        'Coopérative bois-énergie', 'Recyclerie', 'Crèche parentale', 'Café associatif', 'Atelier vélo', 'Amap',
        'Radio associative', 'Régie de quartier', 'Habitat partagé', 'Mutuelle', 'Compagnie de danse', 'École de musique',
        'Club de football', 'Centre social', 'Foyer rural', 'Maison des jeunes', 'Boutique solidaire', 'Repair café', 'Fablab',
        'Tiers-lieu', 'Cinéma associatif', 'Festival', 'Librairie coopérative', 'Entreprise adaptée', 'Aide à domicile',
        'Banque alimentaire', 'Ludothèque', 'Bibliothèque associative', 'Coopérative d''activité et d''emploi', 'Garage solidaire',
        'Auto-école sociale', 'Conciergerie solidaire', 'Ferme pédagogique', 'Cantine bio', 'Organisme de formation',
        'Comité des fêtes', 'Association sportive', 'Éco-lieu', 'Coopérative agricole', 'Maison de santé', 'Résidence sociale',
        'Association de parents d''élèves', 'Monnaie locale'])[1 + floor(x.u_kind * 48)::int] as kind,
        (array['ENVIRONNEMENT', 'COMMERCE', 'CULTURE', 'AGRICULTURE', 'INSERTION', 'ENVIRONNEMENT', 'ENVIRONNEMENT',
        'SANITAIRE_SOCIAL', 'CULTURE', 'ENVIRONNEMENT', 'AGRICULTURE', 'CULTURE', 'INSERTION', 'HABITAT', 'SANITAIRE_SOCIAL',
        'CULTURE', 'CULTURE', 'SPORT_LOISIRS', 'SANITAIRE_SOCIAL', 'EDUCATION_POPULAIRE', 'EDUCATION_POPULAIRE', 'COMMERCE',
        'ENVIRONNEMENT', 'EDUCATION_POPULAIRE', 'SERVICES', 'CULTURE', 'CULTURE', 'COMMERCE', 'INSERTION', 'SANITAIRE_SOCIAL',
        'SANITAIRE_SOCIAL', 'EDUCATION_POPULAIRE', 'CULTURE', 'SERVICES', 'INSERTION', 'INSERTION', 'SERVICES', 'AGRICULTURE',
        'AGRICULTURE', 'EDUCATION_POPULAIRE', 'SPORT_LOISIRS', 'SPORT_LOISIRS', 'HABITAT', 'AGRICULTURE', 'SANITAIRE_SOCIAL',
        'HABITAT', 'EDUCATION_POPULAIRE', 'AUTRE'])[1 + floor(x.u_kind * 48)::int] as sector,
        (array['Réemploi, réparation et réduction des déchets', 'Produits locaux accessibles à tous',
               'Spectacle vivant et éducation populaire', 'Lien social et solidarité de proximité',
               'Insertion par l''activité économique', 'Services aux habitants et aux personnes âgées'])[1 + x.g % 6]
        as description) k;
SQL
  step "structures $(psql -c "select count(*) from directory.structure")"

  # 4. Schemes up to $schemes: per region, operators of their own and schemes covering the region, a
  # département or a pôle; kinds, stages, needs and conditions in rotation; one in ten with sessions.
  psql <<SQL
insert into offer.operator (slug, name, kind, region_code)
select 'bench-op-' || r.code || '-' || k, (array['Incubateur', 'Couveuse', 'CAE', 'France Active', 'URSCOP', 'Fabrique à initiatives',
       'Organisme de formation', 'DLA', 'Réseau sectoriel', 'Collectivité'])[1 + k] || ' — ' || r.name, 'opérateur', r.code
from public.bench_region r cross join generate_series(0, 9) k where r.code <> '53'
on conflict (slug) do nothing;
insert into offer.scheme (slug, operator_slug, name, kind, stages, needs, collective_only, legal_forms, sectors,
    coverage_regions, coverage_departements, coverage_poles, capacity_per_year, description)
select 'bench-scheme-' || g, 'bench-op-' || r.code || '-' || (g % 10),
       (array['Accueil', 'Idéateur', 'Révélateur', 'Incubateur', 'Formation', 'Prêt d''honneur', 'Accompagnement',
              'Test d''activité', 'Hébergement', 'Réseau'])[1 + g % 10] || ' ' || g || ' — ' || r.name,
       (array['ACCUEIL', 'IDEATION', 'REVELATEUR', 'INCUBATION', 'FORMATION', 'FINANCEMENT', 'ACCOMPAGNEMENT',
              'TEST_ACTIVITE', 'HEBERGEMENT', 'RESEAU_SECTORIEL'])[1 + g % 10],
       string_to_array((array['IDEE', 'IDEE,PROJET', 'PROJET,CREATION', 'CREATION,DEVELOPPEMENT', 'DEVELOPPEMENT'])[1 + g % 5], ','),
       string_to_array((array['DEFINE_IDEA,MARKET_STUDY', 'BUSINESS_MODEL,LEGAL_GOVERNANCE', 'FINANCING', 'TRAINING',
              'PREMISES_LAND,NETWORK', 'EMPLOYMENT,SCALING'])[1 + g % 6], ','),
       g % 4 = 0,
       case when g % 7 = 0 then array['ASSOCIATION', 'SCIC'] else '{}' end,
       case when g % 5 = 0 then array[(array['CULTURE', 'INSERTION', 'ENVIRONNEMENT', 'AGRICULTURE', 'SERVICES'])[1 + (g / 5) % 5]] else '{}' end,
       case when g % 3 = 0 then array[r.code] else '{}' end,
       case when g % 3 = 1 then array[r.deps[1 + g % array_length(r.deps, 1)]] else '{}' end,
       case when g % 3 = 2 then coalesce((select array[p.slug] from network.pole p join network.network n on n.id = p.network_id
                                          where n.region_code = r.code order by p.id offset g % 10 limit 1), '{}') else '{}' end,
       10 + g % 30, 'Un dispositif généré pour le banc d''essai.'
from generate_series(1, $schemes - (select count(*) from offer.scheme where slug not like 'bench-scheme-%')) g
join (select row_number() over (order by code) - 1 as i, * from public.bench_region where code <> '53') r on r.i = g % 12
on conflict (slug) do nothing;
insert into offer.scheme_session (scheme_slug, starts_on, place, places_left, apply_by)
select slug, current_date + (n * 60), 'Chef-lieu', (length(slug) + n) % 6, current_date + (n * 60) - 15
from offer.scheme, generate_series(1, 2) n
where slug like 'bench-scheme-%' and right(slug, 1) = '0' and not exists (select 1 from offer.scheme_session e where e.scheme_slug = slug);
SQL
  step "schemes $(psql -c "select count(*) from offer.scheme")"

  # 5. Timeline entries up to $timeline: each project's request, and each referral's proposal, sending
  # and answer at their dates (what the application writes); then notes and meetings on random projects.
  [ "$(psql -c "select count(*) from journey.timeline_event")" -ge "$timeline" ] || psql <<SQL
do \$\$ begin perform setseed(0.77); end \$\$;
insert into journey.timeline_event (project_id, at, kind, actor_label, text)
select id, created_at, 'INTAKE', 'Maillage', 'Demande envoyée depuis le formulaire « Je porte un projet ».' from journey.project;
insert into journey.timeline_event (project_id, at, kind, actor_label, text, referral_id, porteur_visible, partner_visible)
select r.project_id, e.at, e.kind, e.actor, e.text, r.id, true, e.kind <> 'REFERRAL_PROPOSED'
from journey.referral r
cross join lateral (values (r.proposed_at, 'REFERRAL_PROPOSED', 'Animatrice du pôle', 'Orientation proposée vers ' || r.scheme_name || '.'),
                           (r.sent_at, 'REFERRAL_SENT', 'Animatrice du pôle', 'Orientation envoyée pour ' || r.scheme_name || '.'),
                           (coalesce(r.answered_at, r.closed_at), 'REFERRAL_' || r.status, r.scheme_name, r.scheme_name || ' : réponse.'))
                   e(at, kind, actor, text)
where e.at is not null;
insert into journey.timeline_event (project_id, at, kind, actor_label, text, porteur_visible, partner_visible)
select p.id, p.created_at + least(now() - p.created_at, interval '200 days' * random()), (array['NOTE', 'MEETING'])[1 + g % 2],
       'Animatrice du pôle', (array['Premier échange téléphonique.', 'Rendez-vous au pôle.', 'Point sur le financement.'])[1 + g % 3],
       false, false
from generate_series(1, greatest(0, $timeline - (select count(*) from journey.timeline_event))) g
join public.bench_project b on b.rn = 1 + floor(random() * (select count(*) from public.bench_project))::bigint
join journey.project p on p.id = b.id;
SQL
  step "timeline entries $(psql -c "select count(*) from journey.timeline_event")"

  # 6. Events up to $events: the pôles' and the coordinations', three years back and one ahead, on the
  # communes of the pôle, a fifth of them online.
  [ "$(psql -c "select count(*) from agenda.event")" -ge "$events" ] || psql <<SQL
do \$\$ begin perform setseed(0.88); end \$\$;
insert into agenda.event (slug, pole_slug, region_code, title, description, theme, starts_at, ends_at, commune_code,
    departement_code, place, capacity, created_at, updated_at)
select 'bench-event-' || x.g, p.slug, p.region_code,
       (array['Petit-déjeuner de l''ESS', 'Portes ouvertes', 'Mois de l''ESS : forum', 'Conférence', 'Formation des bénévoles',
              'Rencontre des structures', 'Atelier « Créer son activité »'])[1 + x.g % 7] || ' ' || x.g,
       'Un événement généré pour le banc d''essai.',
       (array['BREAKFAST', 'OPEN_DAY', 'MOIS_ESS', 'CONFERENCE', 'TRAINING', 'MEETUP', 'OTHER'])[1 + x.g % 7],
       t.starts_at, t.starts_at + interval '2 hours',
       case when x.g % 5 <> 0 then p.communes[1 + x.g % array_length(p.communes, 1)] end,
       case when x.g % 5 <> 0 then p.deps[1 + x.g % array_length(p.deps, 1)] end,
       case when x.g % 5 <> 0 then 'Salle des fêtes' else '' end,
       case when x.g % 3 = 0 then 20 + x.g % 80 end, t.starts_at - interval '30 days', t.starts_at - interval '30 days'
from (select g, floor(random() * 10000)::int as slot,
             date_trunc('hour', now() - interval '1095 days' + interval '1460 days' * random()) as starts_at
      from generate_series(1, $events - (select count(*) from agenda.event)) g) x
join public.bench_slot sl on sl.slot = x.slot
join public.bench_pole p on p.idx = sl.idx
cross join lateral (select x.starts_at + interval '9 hours' as starts_at) t
where p.communes is not null and array_length(p.communes, 1) > 0;
SQL
  step "events $(psql -c "select count(*) from agenda.event")"
  psql -c "vacuum analyze"
  step "vacuum analyze"
  psql <<SQL
select 'data: ' || (select count(*) from territory.commune) || ' communes, ' || (select count(*) from network.pole) || ' pôles, '
    || (select count(*) from directory.structure) || ' structures, ' || (select count(*) from offer.scheme) || ' schemes, '
    || (select count(*) from journey.project) || ' projects (' || (select min(created_at)::date from journey.project) || ' to '
    || (select max(created_at)::date from journey.project) || '), ' || (select count(*) from journey.referral) || ' referrals, '
    || (select count(*) from journey.timeline_event) || ' timeline entries, ' || (select count(*) from agenda.event) || ' events; '
    || 'database ' || pg_size_pretty(pg_database_size('maillage'));
SQL
  csv_log_from_next_start
  stop_app
}

# --- Measurement helpers ------------------------------------------------------------------------------
# wrk through paced.lua: name connections url-path [extra environment for paced.lua]
paced() {
  local name=$1 connections=$2 path=$3 before result threads=${WRK_THREADS:-2}
  shift 3
  before=$(cpu_snapshot)
  result=$(env THREADS="$threads" "$@" wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s "$BENCH_DIR/paced.lua" \
      "http://localhost:$APP_PORT$path" | awk -v name="$name" -v c="$connections" '/^RESULT/ { $1 = ""; print name, "c=" c, $0 }')
  echo "$result steal_pct=$(steal_since "$before")" | tee -a "$OUT/national-results.txt"
}
# pgbench (lib.sh's run_pgbench) on captured statements: name connections rate(0: as fast as it goes)
# script-files...
sql_bench() {
  local name=$1 connections=$2 rate=$3 files=()
  shift 3
  for f in "$@"; do files+=(-f "$f"); done
  PGBENCH_RATE=$rate run_pgbench "$name" "$connections" "$duration" "${files[@]}" | tee -a "$OUT/national-results.txt"
}
# The statements of one request (curl arguments) as a pgbench script (bench/capture_sql.py); REPLACE: an
# e-mail the request wrote, whose user, porteur and project ids are renewed in the replay too.
capture() { # file curl-arguments...
  local file=$1 ids=""
  shift
  request_log "${file%.sql}.log" "$@"
  [ -n "${REPLACE:-}" ] && ids=$(psql -c "select u.id, p.id, j.id from account.user_account u join journey.porteur p on p.user_id = u.id
    join journey.project j on j.porteur_id = p.id where u.email = '$REPLACE'" | tr '|' ' ')
  echo "capture $(basename "$file"): $(python3 "$BENCH_DIR/capture_sql.py" "$file" ${REPLACE:-} $ids <"${file%.sql}.log")" \
    >>"$OUT/national-captures.txt"
}
rss_sampler() {
  while kill -0 "$APP_PID" 2>/dev/null; do
    awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null >>"$OUT/national-rss.txt"
    sleep 1
  done
}

# One intake as a browser sends it, its SQL captured: its session and token first, then the request
# and the thank-you page it is redirected to (a submission's SQL: both, national-sql-intake.sql).
capture_intake() {
  local base="http://localhost:$APP_PORT" jar="$OUT/national-intake.jar" token key
  # one intake first, so that what the node keeps (the pôles, 30 s) is kept as in a steady state
  duration=2s WRK_THREADS=2 paced warmup 2 /je-porte-un-projet MODE=intake >/dev/null
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$base/je-porte-un-projet" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  key=$(python3 -c "import uuid; print(uuid.uuid4())")
  # the ids its rows got, found after it, are renewed in its replay too (REPLACE is read by capture once
  # the request has run)
  REPLACE="capture-$key@bench.maillage.localhost" capture "$OUT/national-sql-intake-0.sql" -c "$jar" -b "$jar" \
    --data-urlencode "displayName=Capture" --data-urlencode "email=capture-$key@bench.maillage.localhost" --data-urlencode "phone=" \
    --data-urlencode "collective=false" --data-urlencode "idea=Une épicerie solidaire" --data-urlencode "commune=29151" \
    --data-urlencode "stage=IDEE" --data-urlencode "needs=DEFINE_IDEA" --data-urlencode "heardFrom=WORD_OF_MOUTH" \
    --data-urlencode "consentContact=true" --data-urlencode "consentData=true" --data-urlencode "website=" \
    --data-urlencode "submissionKey=$key" --data-urlencode "_csrf=$token" "$base/je-porte-un-projet"
  capture "$OUT/national-sql-intake-1.sql" -c "$jar" -b "$jar" "$base/je-porte-un-projet/merci"
  cat "$OUT/national-sql-intake-0.sql" "$OUT/national-sql-intake-1.sql" >"$OUT/national-sql-intake.sql"
}
# The intake as fast as 16 visitors go (each a thread with its connection: the form once, then a post
# and its thank-you page, again and again), its stored projects counted in the database, then its SQL
# alone (the post's and the thank-you page's) at the same concurrency.
run_intake() {
  echo "--- intake, as fast as 16 visitors go (submissions counted in the database)"
  local before_count after_count
  # the JIT compiles the intake's code for about 30 s
  duration=30s WRK_THREADS=16 paced warmup 16 /je-porte-un-projet MODE=intake >/dev/null
  before_count=$(psql -c "select count(*) from journey.project")
  WRK_THREADS=16 paced intake-form 16 /je-porte-un-projet MODE=intake
  after_count=$(psql -c "select count(*) from journey.project")
  echo "intake-stored projects=$((after_count - before_count)) per_s=$(python3 -c "print(round(($after_count - $before_count) / ${duration%s}, 1))")" \
    | tee -a "$OUT/national-results.txt"
  sql_bench intake-sql 16 0 "$OUT"/national-sql-intake.sql
}

measure() {
  : >"$OUT/national-results.txt"
  : >"$OUT/national-captures.txt"
  : >"$OUT/national-rss.txt"
  start_app "${app_options[@]}"
  echo "app: JAVA_OPTS=$JAVA_OPTS, started with $(awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status") kB resident"
  rss_sampler &
  local base="http://localhost:$APP_PORT" animator coordinator q p
  animator=$(session_cookie animation.cornouaille@demo.maillage.localhost)
  coordinator=$(session_cookie coordination@demo.maillage.localhost)
  # What the public types and asks for (the autocomplete's words, communes all over France, the directory's words).
  local words="loudeac plo rennes 35000 st+malo quimper brest vannes saint 22600 marseille lyon 75011 toulouse bordeaux nantes"
  local communes
  communes=$(psql -c "select code from territory.commune order by md5(code) limit 16" | tr '\n' ' ')
  local searches="ressourcerie epicerie+solidaire theatre jardins+partages insertion cafe+associatif recyclerie creche"
  local dashboard="/espace/observatoire?territoire=REGION:53&annee=$year"
  local bodies="$OUT/national-orientation.jsonl"
  cat >"$bodies" <<'JSON'
{"stage":"IDEE","needs":["DEFINE_IDEA","MARKET_STUDY"],"sector":"CULTURE","collective":true,"commune":"29232","idea":"café associatif et concerts dans le bourg"}
{"stage":"PROJET","needs":["FINANCING","PREMISES_LAND"],"sector":"ENVIRONNEMENT","collective":true,"commune":"29039","idea":"ressourcerie réemploi et réparation"}
{"stage":"CREATION","needs":["FINANCING","LEGAL_GOVERNANCE"],"sector":"AGRICULTURE","collective":true,"legalForm":"SCIC","commune":"29046","idea":"épicerie paysanne en SCIC"}
{"stage":"IDEE","needs":["TRAINING"],"sector":"SERVICES","collective":false,"commune":"29220","idea":"tester une activité de couture et retouches"}
JSON
  autocomplete_paths="" ; for q in $words; do autocomplete_paths+="/api/v1/territories/communes?limit=10&q=$q "; done
  fragment_paths="" ; for q in $words; do fragment_paths+="/territoires/communes/suggestions?q=$q "; done
  pole_paths="" ; for c in $communes; do pole_paths+="/api/v1/poles?commune=$c "; done
  pole_pages="" ; for c in $communes; do pole_pages+="/trouver-mon-pole/$c "; done
  directory_paths="" ; for q in $searches; do directory_paths+="/api/v1/structures?q=$q "; done
  directory_pages="" ; for q in $searches; do directory_pages+="/annuaire?q=$q "; done

  # The SQL of each request, captured once per variant (first the request once, so that caches hold
  # what a steady state holds: the SQL baseline is what a request costs in PostgreSQL then).
  capture_all() { # prefix cookie paths...
    local prefix=$1 cookie=$2 i=0 path
    shift 2
    for path in "$@"; do
      curl -s -o /dev/null -H "Cookie: $cookie" "$base$path"
      capture "$OUT/national-sql-$prefix-$i.sql" -H "Cookie: $cookie" "$base$path"
      i=$((i + 1))
    done
  }
  capture_all autocomplete "" $autocomplete_paths
  capture_all pole "" $pole_paths
  capture_all directory "" $directory_paths
  capture_all inbox "$animator" /espace/parcours
  capture_all dashboard "$coordinator" "$dashboard"
  local i=0 body
  while read -r body; do
    curl -s -o /dev/null -H "Cookie: $animator" -H 'Content-Type: application/json' -d "$body" "$base/api/v1/orientation"
    capture "$OUT/national-sql-orientation-$i.sql" -H "Cookie: $animator" -H 'Content-Type: application/json' -d "$body" "$base/api/v1/orientation"
    i=$((i + 1))
  done <"$bodies"
  capture_intake
  cat "$OUT/national-captures.txt"

  # Warm-up: every path for a few seconds (the JIT, the connection pool, PostgreSQL's buffers).
  local saved=$duration
  duration=8s
  paced warmup 16 / PATHS="/css/maillage.css $autocomplete_paths $pole_paths $directory_paths $fragment_paths $pole_pages $directory_pages" >/dev/null
  paced warmup 4 /espace/parcours COOKIE="$animator" PATHS="/espace/parcours $dashboard" >/dev/null
  paced warmup 4 /api/v1/orientation COOKIE="$animator" MODE=post-json BODIES_FILE="$bodies" >/dev/null
  duration=$saved

  echo "--- public reads at $rate requests/s (16 connections)"
  paced static-file 16 /css/maillage.css RATE="$rate"
  paced autocomplete-api 16 / RATE="$rate" PATHS="$autocomplete_paths"
  paced autocomplete-fragment 16 / RATE="$rate" PATHS="$fragment_paths"
  sql_bench autocomplete-sql 16 "$rate" "$OUT"/national-sql-autocomplete-*.sql
  paced pole-api 16 / RATE="$rate" PATHS="$pole_paths"
  paced pole-page 16 / RATE="$rate" PATHS="$pole_pages"
  sql_bench pole-sql 16 "$rate" "$OUT"/national-sql-pole-*.sql
  paced directory-api 16 / RATE="$rate" PATHS="$directory_paths"
  paced directory-page 16 / RATE="$rate" PATHS="$directory_pages"
  sql_bench directory-sql 16 "$rate" "$OUT"/national-sql-directory-*.sql
  echo "--- signed-in pages, as fast as 4 connections go"
  paced static-file 4 /css/maillage.css
  paced orientation-api 4 /api/v1/orientation COOKIE="$animator" MODE=post-json BODIES_FILE="$bodies"
  sql_bench orientation-sql 4 0 "$OUT"/national-sql-orientation-*.sql
  paced inbox-page 4 /espace/parcours COOKIE="$animator"
  sql_bench inbox-sql 4 0 "$OUT"/national-sql-inbox-*.sql
  paced dashboard-page 4 "$dashboard" COOKIE="$coordinator"
  sql_bench dashboard-sql 4 0 "$OUT"/national-sql-dashboard-*.sql
  run_intake
  echo "rss: peak $(awk '/^VmHWM/ { print $2 }' "/proc/$APP_PID/status") kB (VmHWM), sampled max $(sort -n "$OUT/national-rss.txt" | tail -1) kB, now $(awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status") kB" \
    | tee -a "$OUT/national-results.txt"
  stop_app
}

# The directory's searches without the cache of their results (search-results-ttl=0s): every search
# ranked by PostgreSQL, as fast as 4 connections go, next to its SQL at the same concurrency.
uncached() {
  start_app "${app_options[@]}" --maillage.directory.search-results-ttl=0s
  local searches="ressourcerie epicerie+solidaire theatre jardins+partages insertion cafe+associatif recyclerie creche" paths="" q
  for q in $searches; do paths+="/api/v1/structures?q=$q "; done
  local saved=$duration
  duration=8s; paced warmup 4 / PATHS="$paths" >/dev/null; duration=$saved
  local i=0 path
  : >"$OUT/national-captures.txt"
  for path in $paths; do
    capture "$OUT/national-sql-uncached-$i.sql" "http://localhost:$APP_PORT$path"
    i=$((i + 1))
  done
  cat "$OUT/national-captures.txt"
  echo "--- directory searches, results not kept (maillage.directory.search-results-ttl=0s), as fast as 4 connections go"
  paced directory-api-uncached 4 / PATHS="$paths"
  sql_bench directory-sql-uncached 4 0 "$OUT"/national-sql-uncached-*.sql
  stop_app
}

# The intake alone (its capture, a warm-up, the run): to work on it without the other paths.
intake() {
  : >"$OUT/national-results.txt"
  : >"$OUT/national-captures.txt"
  start_app "${app_options[@]}"
  capture_intake
  cat "$OUT/national-captures.txt"
  run_intake
  stop_app
}

case "$what" in
  generate) generate ;;
  intake) intake ;;
  measure) measure ;;
  uncached) uncached ;;
  all) generate; measure; uncached ;;
  *) echo "usage: bench/national.sh [all|generate|measure|uncached|intake]" >&2; exit 2 ;;
esac
