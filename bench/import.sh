#!/usr/bin/env bash
# Import of a generated CSV of structures (250,000 rows by default) through the application, as a
# coordinator would do it: upload and preview (every row checked), then the import in the background
# until the page says it is done. Baselines in the same run: PostgreSQL's own COPY of the same file
# into a bare table, and an INSERT … SELECT of the same rows into a table like directory.structure
# (same indexes and trigger). Also reports the application's peak memory (VmHWM); run it with
# JAVA_OPTS=-Xmx512m to check the import within a small heap.
#   bench/import.sh [rows, default 250000]   (Debian: apt-get install postgresql-client curl)
source "$(dirname "$0")/lib.sh"
require psql curl python3
rows="${1:-250000}"
file="$OUT/structures-$rows.csv"

build_jar
trap stop_app EXIT
start_app --maillage.account.demo-accounts=true
psql() { command psql -h localhost -p "$PG_PORT" -U postgres -d maillage -v ON_ERROR_STOP=1 -Atq "$@"; }

# The file: realistic names on the real Brittany communes, a SIRET (Luhn) for the companies.
psql -c "select code || ';' || name from territory.commune where region_code = '53' order by code" > "$OUT/communes.txt"
python3 - "$rows" "$file" "$OUT/communes.txt" <<'PY'
import random, sys
rows, path, communes = int(sys.argv[1]), sys.argv[2], [l.strip().split(';', 1) for l in open(sys.argv[3]) if l.strip()]
random.seed(42)
kinds = [("Ressourcerie", "association", "environnement"), ("Épicerie solidaire", "association", "commerce"),
         ("Théâtre", "association", "culture"), ("Jardins partagés", "association", "environnement"),
         ("Chantier d'insertion", "association", "insertion"), ("Coopérative bois-énergie", "scic", "environnement"),
         ("Atelier vélo", "association", "services"), ("Crèche parentale", "association", "sanitaire et social"),
         ("Café associatif", "association", "culture"), ("Boulangerie coopérative", "scop", "commerce"),
         ("Bureau d'études", "scop", "services"), ("Coopérative d'activité", "cae", "services"),
         ("Mutuelle", "mutuelle", "sanitaire et social"), ("Fondation", "fondation", "education populaire"),
         ("Ferme collective", "cooperative agricole", "agriculture"), ("Gîte solidaire", "association", "tourisme")]
words = ["du Trégor", "de l'Arvor", "des Abers", "du Léon", "de Cornouaille", "des Monts d'Arrée", "du Poher",
         "de la Rance", "du Penthièvre", "de Brocéliande", "des Landes", "du Blavet", "de l'Odet", "des Marais"]
def siret(n):
    base = "8" + str(10_000_000 + n).rjust(12, "0")[-12:]
    for check in range(10):
        digits = base + str(check)
        total = sum((d * 2 - 9 if d * 2 > 9 else d * 2) if i % 2 == 0 else d for i, d in enumerate(map(int, digits)))
        if total % 10 == 0:
            return digits
with open(path, "w", encoding="utf-8") as out:
    out.write("nom;siret;famille;secteur;code_commune;latitude;longitude;salaries;presentation\n")
    for n in range(1, rows + 1):
        kind, family, sector = kinds[n % len(kinds)]
        code, name = communes[n % len(communes)]
        out.write(f"{kind} {random.choice(words)} {n};{siret(n) if family != 'association' else ''};{family};{sector};"
                  f"{code};{47.3 + random.random() * 1.5:.5f};{-4.7 + random.random() * 3.5:.5f};{random.randint(0, 40)};"
                  f"{kind} à {name}, au service des habitants\n")
PY
size=$(du -h "$file" | cut -f1)
echo "# $(date -u +%FT%TZ) $(nproc) cores, $rows rows, file $size"

# Baseline: PostgreSQL's COPY of the same file into a bare table.
started=$(date +%s.%N)
psql <<SQL
create table public.bench_copy (nom text, siret text, famille text, secteur text, code_commune text, latitude text,
    longitude text, salaries text, presentation text);
\copy public.bench_copy from '$file' with (format csv, delimiter ';', header true)
SQL
echo "baseline-copy seconds=$(python3 -c "print(round($(date +%s.%N) - $started, 1))")"
# Baseline: the same rows inserted by SQL into a table like directory.structure (same indexes, same
# full-text trigger), from the copied file.
started=$(date +%s.%N)
psql <<SQL
create table public.bench_structure (like directory.structure including all);
create trigger bench_search_vector before insert or update of name, description on public.bench_structure
    for each row execute function directory.structure_search_vector();
insert into public.bench_structure (slug, name, siret, family, sector, commune_code, departement_code, region_code,
    latitude, longitude, employees, description, published)
select 'b-' || row_number() over (), b.nom, nullif(b.siret, ''), 'ASSOCIATION', 'CULTURE', b.code_commune,
    c.departement_code, c.region_code, b.latitude::float8, b.longitude::float8, b.salaries::int, b.presentation, true
from public.bench_copy b join territory.commune c on c.code = b.code_commune;
SQL
echo "baseline-sql-insert seconds=$(python3 -c "print(round($(date +%s.%N) - $started, 1))")"
psql -c "drop table public.bench_copy; drop table public.bench_structure"

# The application: sign in, preview, import, follow.
jar="$OUT/cookies.txt"; rm -f "$jar"
base="http://localhost:$APP_PORT"
csrf() { curl -s -b "$jar" -c "$jar" "$base$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
token=$(csrf /connexion)
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "email=coordination@demo.maillage.localhost" \
  --data-urlencode "motDePasse=Demo-Maillage-2026" --data-urlencode "_csrf=$token" "$base/connexion"
token=$(csrf /espace/structures/import)
started=$(date +%s.%N)
batch=$(curl -s -b "$jar" -c "$jar" -F "_csrf=$token" -F "fichier=@$file;type=text/csv" "$base/espace/structures/import" \
  | grep -o '/espace/structures/import/[0-9]*' | head -1 | sed 's#.*/##')
[ -n "$batch" ] || { echo "bench: the preview refused the file" >&2; exit 1; }
echo "app-preview seconds=$(python3 -c "print(round($(date +%s.%N) - $started, 1))")"
token=$(csrf /espace/structures/import)
started=$(date +%s.%N)
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "_csrf=$token" "$base/espace/structures/import/$batch"
until page=$(curl -s -b "$jar" "$base/espace/structures/import/$batch"); ! grep -q 'hx-trigger' <<<"$page"; do sleep 1; done
elapsed=$(python3 -c "print(round($(date +%s.%N) - $started, 1))")
grep -q 'structures ajoutées' <<<"$page" || { echo "bench: the import failed" >&2; exit 1; }
echo "app-import seconds=$elapsed rows_per_s=$(python3 -c "print(round($rows / $elapsed))") loaded=$(psql -c "select count(*) from directory.structure")"
echo "app-memory peak_rss_mb=$(awk '/VmHWM/ { print int($2 / 1024) }' /proc/$APP_PID/status)"
