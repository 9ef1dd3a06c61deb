#!/usr/bin/env bash
# Credit checks on the 1 M bench data set: single checks cold and warm beside a bare Redis GET, batches of 1,000,
# and warm single checks with the audit off (its cost on this path).   load-tests/verify-bench.sh [SECONDS=20]
# wrk: 1 thread, 16 connections (batches: 2), loopback only, no CPU pinning (everything shares the 2 cores).
source "$(dirname "$0")/lib.sh"
seconds="${1:-20}" port="$CQ_BENCH_PORT"
ensure_stores
cd "$CQ_ROOT"
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests
work="target/verify-bench" && rm -rf "$work" && mkdir -p "$work"
# 2,000 codes: every listed subject first (hot), then others; one single-check body per line.
psql_admin -d creditquery_bench -c "copy (select uscc from subject s where uscc is not null order by
  exists (select 1 from list_entry l where l.subject_id = s.id) desc, id limit 2000) to stdout" > "$work/codes.txt"
jq -R -c '{scenario: "GOVERNMENT_PROCUREMENT", codes: [.]}' "$work/codes.txt" > "$work/single.ndjson"
jq -R -s -c '{scenario: "TENDERING", codes: (split("\n") | map(select(length > 0)) | .[0:1000])}' "$work/codes.txt" \
  > "$work/batch.ndjson"
token="Bearer $(bin/token --dept 370100-CZJ --scope verify --ttl 7200)"
start_bench_service "$work/service.log"
trap stop_bench_service EXIT
url="http://127.0.0.1:$port"
run() {  # label connections file
  local out="$work/$(echo "$1" | tr -c 'A-Za-z0-9\n' '_').txt"
  wrk_checked "$out" -t1 -c"$2" -d"${seconds}s" --latency -s load-tests/mix.lua "$url" -- "$3" POST /api/v1/verifications "$token"
  printf '| %s | %s | %s | %s |\n' "$1" "$(awk '/Requests\/sec/ {print $2}' "$out")" \
    "$(awk '$1 == "50%" {print $2}' "$out")" "$(awk '$1 == "99%" {print $2}' "$out")"
}
printf '\n| run (%s s) | requests/s | p50 | p99 |\n|---|---|---|---|\n' "$seconds"
redis-cli --scan --pattern "cq-bench-$CQ_BENCH_ALIAS:{*" | xargs -r -n 500 redis-cli del > /dev/null
run "single check, cache cold at start" 16 "$work/single.ndjson"
run "single check, cache warm" 16 "$work/single.ndjson"
run "batch of 1,000" 2 "$work/batch.ndjson"
stop_bench_service
start_bench_service "$work/service.log" -Dcredit.audit.enabled=false
run "single check, cache warm, audit off" 16 "$work/single.ndjson"
redis-cli set cq-bench:bare-get "$(head -c 300 /dev/zero | tr '\0' x)" > /dev/null
bare=$(redis-benchmark -q -c 16 -n 200000 -t get 2>/dev/null | tr '\r' '\n' | awk '/GET/ {print $2}' | tail -1)
printf '| bare Redis GET (redis-benchmark -c 16) | %s | | |\n' "$bare"
