#!/usr/bin/env bash
# sqlmap (Debian's package) against Maillage's public and authenticated parameters: every GET
# operation of the API with its query parameters, the pages that read query parameters, and the
# public forms (with their CSRF token). Signed in as the demonstration coordinator and animator for
# the pages and the API that need it. A target is clean when sqlmap reports no injection point.
#   bench/sqlmap.sh            (Debian: apt-get install sqlmap curl python3)
#   LEVEL=1 RISK=1 (sqlmap's --level and --risk)
# Results: docs/SECURITY.md; sqlmap's own logs in bench/out/sqlmap/.
source "$(dirname "$0")/lib.sh"
require sqlmap curl python3
level="${LEVEL:-1}"
risk="${RISK:-1}"
dir="$OUT/sqlmap"
rm -rf "$dir"; mkdir -p "$dir"

build_jar
trap stop_app EXIT
start_app --maillage.account.demo-accounts=true --maillage.journey.jobs-enabled=false
base="http://localhost:$APP_PORT"

coordinator=$(session_cookie coordination@demo.maillage.localhost)
animator=$(session_cookie animation.cornouaille@demo.maillage.localhost)

# GET targets: each with a plausible value for every parameter (sqlmap tries each in turn).
targets=(
  "-|/?commune=29151"
  "-|/annuaire?q=epicerie&famille=ASSOCIATION&secteur=CULTURE&pole=adess-cornouaille&departement=29&page=0"
  "-|/agenda?departement=29&pole=adess-cornouaille&theme=MEETUP"
  "-|/observatoire?region=53&annee=2025"
  "-|/territoires/communes/suggestions?q=quimp"
  "-|/parcours?etape=IDEE"
  "coordinator|/espace/observatoire?territoire=REGION:53&annee=2025"
  "coordinator|/espace/cooperation?q=traiteur&kind=OFFER&category=SERVICES&pole=adess-cornouaille&page=0"
  "coordinator|/espace/cooperation/idees?status=NEW"
  "coordinator|/espace/cooperation/mutualisations?pole=adess-cornouaille"
  "coordinator|/espace/cooperation/projets?pole=adess-cornouaille"
  "coordinator|/admin/journal?q=test&page=0"
  "animator|/espace/parcours?q=atelier&vue=ALL&pole=adess-cornouaille&page=0"
  "animator|/espace/porteurs?q=martin&page=0"
)
# Every GET operation of the API, its parameters filled from the OpenAPI document; a path parameter
# takes the first value its list answers (marked * for sqlmap), else the operation is left out.
while IFS= read -r line; do targets+=("$line"); done < <(curl -s "$base/api/docs" | \
  BASE="$base" COORDINATOR="$coordinator" ANIMATOR="$animator" python3 -c '
import json, os, sys, urllib.request
doc = json.load(sys.stdin)
samples = {"integer": "1", "number": "1", "boolean": "true"}
by_name = {"region": "53", "year": "2025", "pole": "adess-cornouaille", "departement": "29", "page": "0",
           "commune": "29151", "q": "quimper"}
def fetch(path, who):
    request = urllib.request.Request(os.environ["BASE"] + path, headers={"Accept": "application/json",
        "Cookie": os.environ["ANIMATOR" if who == "animator" else "COORDINATOR"]})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.load(answer)
    except Exception:
        return 0, None
def first_value(data, name):
    rows = data.get("rows") or data.get("content") or data.get("items") if isinstance(data, dict) else data
    if isinstance(data, dict) and rows is None:
        rows = next((v for v in data.values() if isinstance(v, list)), None)
    for row in rows or []:
        if isinstance(row, dict):
            for key in (name, "slug", "id", "code", "projectId"):
                if row.get(key) is not None:
                    return str(row[key])
    return None
for path, operations in doc["paths"].items():
    get = operations.get("get")
    if not get:
        continue
    who = "animator" if "journeys" in path else "coordinator"
    query, concrete = [], path
    for p in get.get("parameters", []):
        schema = p.get("schema", {})
        value = (schema.get("enum") or [by_name.get(p["name"], samples.get(schema.get("type"), "29151"))])[0]
        if p["in"] == "query":
            query.append("%s=%s" % (p["name"], value))
        elif p["in"] == "path":
            parent = concrete.split("/{" + p["name"] + "}")[0]
            status, data = fetch(parent, who)
            found = first_value(data, p["name"]) if status == 200 else None
            if found is None and p["name"] == "code":
                found = "29151"
            if found is None:
                concrete = None
                break
            concrete = concrete.replace("{" + p["name"] + "}", found + "*")
    if concrete is None or "{" in concrete:
        print("# left out (no value to start from): " + path, file=sys.stderr)
        continue
    print(who + "|" + concrete + ("?" + "&".join(query) if query else ""))
')

report="$dir/report.txt"
: > "$report"
run() { # name cookie sqlmap-options...
  local name=$1 cookie=$2 log
  shift 2
  log="$dir/$(echo "$name" | tr -c 'a-zA-Z0-9' '_' | cut -c1-80).log"
  local options=(--batch --level="$level" --risk="$risk" --dbms=PostgreSQL --output-dir="$dir/out" --flush-session
    --disable-coloring --timeout=10 --retries=1)
  [ -n "$cookie" ] && options+=(--cookie="$cookie")
  sqlmap "${options[@]}" "$@" > "$log" 2>&1 || true
  local verdict="clean"
  grep -q "sqlmap identified the following injection point" "$log" && verdict="INJECTABLE"
  grep -q "no parameter(s) found for testing" "$log" && verdict="no-params"
  grep -q "all tested parameters do not appear to be injectable\|no parameter(s) found for testing" "$log" \
    || { [ "$verdict" = clean ] && verdict="unsure (see $log)"; }
  printf '%-11s %s\n' "$verdict" "$name" | tee -a "$report"
}

echo "# $(date -u +%FT%TZ) sqlmap $(dpkg-query -W -f='${Version}' sqlmap 2>/dev/null || echo '?'), level $level, risk $risk, ${#targets[@]} GET targets and 3 forms"
for target in "${targets[@]}"; do
  who=${target%%|*}; url=${target#*|}
  cookie=""
  [ "$who" = coordinator ] && cookie="$coordinator"
  [ "$who" = animator ] && cookie="$animator"
  # Pages print their own address back (the language link). sqlmap may take that echo of its payload
  # for a boolean-based injection: docs/SECURITY.md says how to tell (its fingerprint fails on
  # PostgreSQL; run that target again with --text-only).
  run "GET $url ($who)" "$cookie" -u "$base$url"
done
# The public forms: a session of their own and its CSRF token (valid for the whole session), which
# sqlmap leaves alone (--skip); sqlmap's own --csrf-token does not read Spring's token here.
form_session() { # form page -> FORM_COOKIE, FORM_TOKEN
  local jar="$dir/form-cookies.txt"
  rm -f "$jar"
  FORM_TOKEN=$(curl -s -c "$jar" -b "$jar" "$base$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  FORM_COOKIE="MAILLAGE_SESSION=$(awk '$6 == "MAILLAGE_SESSION" { print $7 }' "$jar")"
}
form_session /je-porte-un-projet
run "POST /je-porte-un-projet" "$FORM_COOKIE" -u "$base/je-porte-un-projet" --method=POST --skip=_csrf,submissionKey \
  --data="displayName=Anne&email=anne@exemple.fr&phone=&collective=false&idea=Une+epicerie&commune=29151&stage=IDEE&needs=DEFINE_IDEA&heardFrom=WORD_OF_MOUTH&consentContact=true&consentData=true&website=&submissionKey=6f1c7c52-1a4e-4d1c-9a55-0d6a6f5e2b10&_csrf=$FORM_TOKEN"
form_session /connexion
run "POST /connexion" "$FORM_COOKIE" -u "$base/connexion" --method=POST --skip=_csrf \
  --data="email=anne@exemple.fr&motDePasse=secret&_csrf=$FORM_TOKEN"
event=$(curl -s "$base/agenda" | sed -n 's/.*href="\/agenda\/\([a-z0-9-]*\)".*/\1/p' | grep -v '^ical' | head -1 || true)
if [ -n "$event" ]; then
  form_session "/agenda/$event"
  run "POST /agenda/$event/inscription" "$FORM_COOKIE" -u "$base/agenda/$event/inscription" --method=POST \
    --skip=_csrf --data="displayName=Anne&email=anne@exemple.fr&consent=true&_csrf=$FORM_TOKEN"
fi
echo "# $(grep -c '^clean' "$report") clean, $(grep -c '^no-params' "$report") without parameters, $(grep -c '^INJECTABLE' "$report") injectable, $(grep -c '^unsure' "$report") unsure"
grep -c "HTTP error codes detected during run:\|500 (Internal Server Error)" "$dir"/*.log | awk -F: '$2 > 0' || true
