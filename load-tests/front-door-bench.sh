#!/usr/bin/env bash
# The hottest paths before and after, in one run on this box: cached profile lookups (GET /api/v1/subjects/{code},
# 2,000 demo codes, every profile in Redis first) served by a build of BASE and by this checkout, one after the
# other against the same database, index and cache, anonymous, with a partner key and with a department's token;
# and single credit checks (POST /api/v1/verifications, one code per request, cache warm) by the department.
#   load-tests/front-door-bench.sh [BASE=04d1d92] [SECONDS=20] [CONNECTIONS=32] [ROUNDS=2]
# Rounds alternate the order (base first, then head first), so that neither build always runs on a warmer box.
# wrk: 1 thread, loopback only; limits set out of reach (one client address, one key). A run that saw a non-2xx
# answer fails instead of printing.
source "$(dirname "$0")/lib.sh"
base="${1:-04d1d92}" seconds="${2:-20}" connections="${3:-32}" rounds="${4:-2}"
side_by_side "$base"
work="$CQ_ROOT/target/front-door-bench" && mkdir -p "$work"
service=""
trap 'stop_bench_service || true' EXIT
opts=(-Dcredit.ratelimit.anonymous-per-minute=100000000 -Dcredit.demo.load=true)
# The demo data once (idempotent), by this checkout's build; both builds then read the same stores.
start_bench_service "$work/load.log" "${opts[@]}"
stop_bench_service
psql_admin -d "$CQ_BENCH_DB" -c "select '/api/v1/subjects/' || uscc from subject where uscc is not null order by id limit 2000" \
  > "$work/paths.txt"
[ "$(wc -l < "$work/paths.txt")" -eq 2000 ] || die "the demo data set has fewer than 2,000 organisations"
admin="$(bin/token --dept 370000-FGW --scope admin)"
department="Bearer $(bin/token --dept 370100-CZJ --scope verify --ttl 7200)"
sed 's#^/api/v1/subjects/##' "$work/paths.txt" | jq -R -c '{scenario: "GOVERNMENT_PROCUREMENT", codes: [.]}' > "$work/checks.ndjson"
results="$work/results.md"
printf '| round | build | caller | requests/s | p50 | p99 |\n|---|---|---|---|---|---|\n' > "$results"
for round in $(seq 1 "$rounds"); do
for side in $(round_sides "$round"); do
  side_build "$side"
  CQ_BENCH_JAR="$jar" start_bench_service "$work/$side.log" "${opts[@]/-Dcredit.demo.load=true/-Dcredit.demo.load=false}" \
    "${side_opts[@]}"
  key=$(curl -fsS -X POST "http://127.0.0.1:$CQ_BENCH_PORT/api/v1/admin/api-keys" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d '{"name":"bench","scopes":["search"],"ratePerMinute":100000000}' | jq -r .key)
  [ -n "$key" ] && [ "$key" != null ] || die "no API key from the $side build"
  sed "s#^#http://127.0.0.1:$CQ_BENCH_PORT#" "$work/paths.txt" | xargs -P4 -n1 curl -fsS -o /dev/null
  for caller in anonymous partner department check; do
    headers=() mix=("$work/paths.txt")
    [ "$caller" = partner ] && headers=(-H "X-API-Key: $key")
    [ "$caller" = department ] && headers=(-H "Authorization: $department")
    [ "$caller" = check ] && mix=("$work/checks.ndjson" POST /api/v1/verifications "$department")
    wrk_checked "$work/$side-$caller-warm.txt" -t1 -c32 -d10s "${headers[@]}" -s load-tests/mix.lua \
      "http://127.0.0.1:$CQ_BENCH_PORT" -- "${mix[@]}"
    wrk_checked "$work/$side-$caller.txt" -t1 -c"$connections" -d"${seconds}s" --latency "${headers[@]}" \
      -s load-tests/mix.lua "http://127.0.0.1:$CQ_BENCH_PORT" -- "${mix[@]}"
    printf '| %s | %s (%s) | %s | %s | %s | %s |\n' "$round" "$side" "$([ "$side" = base ] && echo "$base" || git rev-parse --short HEAD)" \
      "$caller" "$(awk '/Requests\/sec/ {print $2}' "$work/$side-$caller.txt")" \
      "$(awk '$1 == "50%" {print $2}' "$work/$side-$caller.txt")" "$(awk '$1 == "99%" {print $2}' "$work/$side-$caller.txt")" >> "$results"
  done
  stop_bench_service
done
done
cat "$results"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); wrk -t1 -c$connections -d${seconds}s" 
