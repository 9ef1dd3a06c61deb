#!/usr/bin/env bash
# What the audit log costs on the hottest path (cached profile lookups), audit on vs off in one run, and whether
# every answered request has its event.   load-tests/audit-bench.sh [SECONDS=60] [CONNECTIONS=32]
# Uses the bench data set of ingest-bench.sh; wrk: 1 thread, loopback only, no CPU pinning; rate limits set out of
# reach so that only the audit is compared.
source "$(dirname "$0")/lib.sh"
seconds="${1:-60}" connections="${2:-32}" port="$CQ_BENCH_PORT"
ensure_stores
cd "$CQ_ROOT"
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests
work="target/audit-bench" && rm -rf "$work" && mkdir -p "$work"
psql_admin -d "$CQ_BENCH_DB" -c "copy (select '/api/v1/subjects/' || uscc from subject where uscc is not null
  order by id limit 2000) to stdout" > "$work/paths.txt"

trap stop_bench_service EXIT
run() {  # label
  wrk_checked "$work/$1.txt" -t1 -c"$connections" -d"${seconds}s" --latency -s load-tests/mix.lua "http://127.0.0.1:$port" -- "$work/paths.txt"
}
field() { awk "$2" "$work/$1.txt"; }

printf '\n| run (%s s, %s connections, cached profiles, 2,000 hot codes) | requests/s | p50 | p99 | requests | audit events |\n|---|---|---|---|---|---|\n' "$seconds" "$connections"
for mode in on off; do
  start_bench_service "$work/service.log" "-Dcredit.audit.enabled=$([ $mode = on ] && echo true || echo false)" \
    -Dcredit.ratelimit.anonymous-per-minute=100000000 ${CQ_BENCH_OPTS:-}
  wrk_checked "$work/warm-up.txt" -t1 -c32 -d10s -s load-tests/mix.lua "http://127.0.0.1:$port" -- "$work/paths.txt"  # cache + JIT
  before=$(psql_admin -d "$CQ_BENCH_DB" -c "select coalesce(max(seq), 0) from audit_event")
  run "audit-$mode"
  sleep 1
  events=$(psql_admin -d "$CQ_BENCH_DB" -c "select count(*) from audit_event where seq > $before")
  requests=$(field "audit-$mode" '/requests in/ {print $1}')
  printf '| audit %s | %s | %s | %s | %s | %s |\n' "$mode" "$(field "audit-$mode" '/Requests\/sec/ {print $2}')" \
    "$(field "audit-$mode" '$1 == "50%" {print $2}')" "$(field "audit-$mode" '$1 == "99%" {print $2}')" "$requests" "$events"
  stop_bench_service
done
start_bench_service "$work/service.log"
t0=$(date +%s.%N)
verification=$(curl -fsS -H "Authorization: Bearer $(bin/token --scope admin)" "http://127.0.0.1:$port/api/v1/admin/audit/verify")
printf '\nchain verification: %s in %.1f s\n' "$verification" "$(echo "$(date +%s.%N) - $t0" | bc -l)"
