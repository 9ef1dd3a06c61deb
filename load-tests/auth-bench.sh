#!/usr/bin/env bash
# What authentication costs on the cached profile path, in one run: anonymous (per-IP rate limit only) vs a
# department JWT (signature check) vs a partner API key (hash lookup in PostgreSQL + Redis rate limit).
#   load-tests/auth-bench.sh [SECONDS=20]      wrk: 1 thread, 32 connections, loopback only, no CPU pinning.
source "$(dirname "$0")/lib.sh"
seconds="${1:-20}" port="$CQ_BENCH_PORT"
ensure_stores
cd "$CQ_ROOT"
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests
work="target/auth-bench" && rm -rf "$work" && mkdir -p "$work"
psql_admin -d "$CQ_BENCH_DB" -c "copy (select '/api/v1/subjects/' || uscc from subject where uscc is not null
  order by id limit 2000) to stdout" > "$work/paths.txt"
# Limits far above what the box can send, so that only their cost is measured, not their refusals.
start_bench_service "$work/service.log" -Dcredit.ratelimit.anonymous-per-minute=100000000 \
  -Dcredit.ratelimit.partner-per-minute=100000000
trap stop_bench_service EXIT
url="http://127.0.0.1:$port"
jwt="Bearer $(bin/token --dept 370100-SCJ --scope search --ttl 7200)"
key=$(curl -fsS -X POST "$url/api/v1/admin/api-keys" -H "Authorization: Bearer $(bin/token --scope admin)" \
  -H 'Content-Type: application/json' -d '{"name":"auth-bench","scopes":["search"]}' | jq -r .key)
run() {  # label, then extra wrk arguments
  local label="$1"; shift
  local out="$work/$(echo "$label" | tr -c 'A-Za-z0-9\n' '_').txt"
  wrk_checked "$out" -t1 -c32 -d"${seconds}s" --latency "$@" -s load-tests/mix.lua "$url" -- "$work/paths.txt"
  printf '| %s | %s | %s | %s |\n' "$label" "$(awk '/Requests\/sec/ {print $2}' "$out")" \
    "$(awk '$1 == "50%" {print $2}' "$out")" "$(awk '$1 == "99%" {print $2}' "$out")"
}
wrk_checked "$work/warm-up.txt" -t1 -c32 -d10s -s load-tests/mix.lua "$url" -- "$work/paths.txt"
printf '\n| run (%s s, cached profiles) | requests/s | p50 | p99 |\n|---|---|---|---|\n' "$seconds"
run "anonymous"
run "department JWT" -H "Authorization: $jwt"
run "partner API key" -H "X-API-Key: $key"
