#!/usr/bin/env bash
# Two application nodes on one PostgreSQL (Debian's server, as in production), behind a reverse
# proxy (bench/proxy.py, round robin; nginx or any load balancer in production):
#   1. someone signed in through the proxy is signed in on each node (sessions are rows of PostgreSQL);
#   2. the proxy spreads requests over both nodes;
#   3. emails are sent once, not once per node (both nodes run the outbox's sender): every email of
#      "Je porte un projet" requests sent through the proxy reaches the mail server (bench/smtp_sink.py)
#      exactly once;
#   4. a scheduled job runs once, not once per node: the agenda's reminders (each node's job every 2 s)
#      reach each person registered to an event exactly once; the journeys' reminders (each node's job
#      every 2 s) remind each partner of a referral waiting for 8 days once (one timeline step, one
#      email per partner);
#   5. one node killed with kill -9 under load: the other one serves, and every acknowledged request is
#      in the database.
#   bench/nodes.sh     (Debian: apt-get install curl python3 postgresql)
# Results: docs/BENCHMARKS.md §9; raw files in bench/out/nodes-*.
source "$(dirname "$0")/lib.sh"
require curl python3 psql
work="$(mktemp -d)"
pg_port=54332; smtp_port=2527; proxy_port=18090; ports=(18091 18092)
pids=(); proxy_pid=; sink_pid=
cleanup() {
  for pid in "${pids[@]}" "$proxy_pid" "$sink_pid"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -f "$work/pg/data/postmaster.pid" ] && external_postgres_stop "$work/pg" || true
  rm -rf "$work"
}
trap cleanup EXIT
sql() { psql -h localhost -p "$pg_port" -U postgres -d maillage -Atc "$1"; }
acked="$OUT/nodes-acked.txt"; : > "$acked"

build_jar
echo "# $(date -u +%FT%TZ) $(nproc) cores, 2 nodes on one PostgreSQL"
external_postgres "$work/pg" "$pg_port"
python3 "$BENCH_DIR/smtp_sink.py" "$smtp_port" "$OUT/nodes-smtp-count.txt" & sink_pid=$!
for port in "${ports[@]}"; do
  APP_PORT=$port start_app --spring.datasource.url="jdbc:postgresql://localhost:$pg_port/maillage" \
    --spring.datasource.username=postgres --maillage.account.demo-accounts=true \
    --maillage.journey.intakes-per-hour=100000000 --spring.mail.host=localhost --spring.mail.port=$smtp_port \
    --maillage.mail.log-only=false --maillage.mail.poll-interval=1s --maillage.agenda.job-interval=2s \
    --maillage.journey.job-interval=2s
  cp "$OUT/app.log" "$OUT/nodes-app-$port.log"
  pids+=("$APP_PID"); APP_PID=
done
python3 "$BENCH_DIR/proxy.py" "$proxy_port" "${ports[@]}" & proxy_pid=$!
sleep 1
proxy="http://localhost:$proxy_port"

# 1. a session opened through the proxy works on each node
cookie=$(APP_PORT=$proxy_port session_cookie coordination@demo.maillage.localhost)
for port in "${ports[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://localhost:$port/espace")
  echo "1. signed in through the proxy, GET /espace on the node of port $port: $code (200: signed in; 302: sent to sign in)"
done

# 2. the proxy spreads the requests
for _ in $(seq 1 20); do curl -s -o /dev/null -D - "$proxy/" | tr -d '\r' | awk '/^X-Maillage-Backend/ { print $2 }'; done \
  | sort | uniq -c | awk '{ printf "2. requests answered by the node of port %s: %s\n", $2, $1 }'

# 3. emails sent once by two senders
python3 "$BENCH_DIR/intake_load.py" "$proxy" 15 4 "$acked" > "$OUT/nodes-load-3.txt"
cat "$OUT/nodes-load-3.txt"
for _ in $(seq 1 600); do
  [ "$(sql "select count(*) from platform.outbox_email where status = 'PENDING'")" = 0 ] && break
  sleep 1
done
sleep 3
echo "3. result requests=$(sql "select count(*) from journey.project") emails=$(sql "select count(*) from platform.outbox_email") sent=$(sql "select count(*) from platform.outbox_email where status = 'SENT'") received_by_the_server=$(cat "$OUT/nodes-smtp-count.txt")"

# 4. the agenda's reminders, sent by whichever node's job runs first, once
event=$(python3 "$BENCH_DIR/agenda_reminders.py" "$proxy" 30)
sleep 15
read -r reminded most < <(sql "select count(distinct recipient), coalesce(max(n), 0) from (select recipient, count(*) as n
  from platform.outbox_email where subject like 'Rappel%' group by recipient) r" | tr '|' ' ')
echo "4. result event=$event registered=30 people_reminded=$reminded most_reminders_to_one_person=$most"

# 4b. the journeys' reminders: 30 referrals of the requests above, sent 8 days ago to a scheme with a
# contact address, which the porteur agreed to share with, each due its first reminder
# (maillage.journey.reminders, 7 days): one timeline step and one email to the contact each
sql "update offer.scheme set contact_email = 'contact-dispositif@bench.maillage.localhost'
  where slug = (select slug from offer.scheme order by slug limit 1)" >/dev/null
sql "insert into journey.consent (porteur_id, operator_slug, given_at, recorded_by)
  select distinct p.porteur_id, s.operator_slug, now() - interval '9 days', 'porteur'
  from (select * from journey.project order by id limit 30) p cross join (select * from offer.scheme order by slug limit 1) s
  on conflict do nothing" >/dev/null
sql "insert into journey.referral (project_id, scheme_slug, scheme_name, operator_slug, status, proposed_at, sent_at, updated_at)
  select p.id, s.slug, s.name, s.operator_slug, 'SENT', now() - interval '9 days', now() - interval '8 days', now() - interval '8 days'
  from (select * from journey.project order by id limit 30) p cross join (select * from offer.scheme order by slug limit 1) s" >/dev/null
sleep 15
read -r reminded steps most < <(sql "select count(*) filter (where reminders_sent = 1), (select count(*) from journey.timeline_event
  where kind = 'REFERRAL_REMINDER'), (select coalesce(max(n), 0) from (select referral_id, count(*) as n from journey.timeline_event
  where kind = 'REFERRAL_REMINDER' group by 1) t) from journey.referral where status = 'SENT'" | tr '|' ' ')
echo "4b. result referrals_due=$(sql "select count(*) from journey.referral where status = 'SENT'") reminded=$reminded reminder_steps=$steps most_steps_for_one_referral=$most reminder_emails=$(sql "select count(*) from platform.outbox_email where subject like 'Rappel : une orientation%'")"

# 5. one node killed under load
python3 "$BENCH_DIR/intake_load.py" "$proxy" 30 4 "$acked" > "$OUT/nodes-load-4.txt" &
load=$!
sleep 10
kill -9 "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids[0]=
wait "$load"
cat "$OUT/nodes-load-4.txt"
read -r total found < <(python3 "$BENCH_DIR/acked_check.py" "$acked" -h localhost -p "$pg_port" -U postgres -d maillage)
echo "5. result acknowledged=$total in_database=$found lost=$((total - found)) (node of port ${ports[0]} killed after 10 s; the proxy sent the rest to the other)"
