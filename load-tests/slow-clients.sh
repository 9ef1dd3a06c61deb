#!/usr/bin/env bash
# Do slow connections from one client starve other callers? For a build of BASE and for this checkout, on the demo
# data set: cached profile lookups alone (wrk -c16), then the same lookups while one client address (203.0.113.7,
# through the trusted X-Forwarded-For header) holds 1,000 connections open sending a byte every 5 s — first request
# bodies, then request headers (load-tests/slow-client.py). Prints, per build and run, the lookups' rate, p99 and
# non-2xx, and what the slow client was answered.
#   load-tests/slow-clients.sh [BASE=a0de14e] [SECONDS=30] [CONNECTIONS=1000]   (BASE=none: this checkout only)
# The lookups under attack must see only 2xx: a run that saw any still prints its row (with the non-2xx count);
# for this checkout the script then exits non-zero (for BASE that is the finding being compared against).
source "$(dirname "$0")/lib.sh"
base="${1:-a0de14e}" seconds="${2:-30}" connections="${3:-1000}"
side_by_side "$base"
work="$CQ_ROOT/target/slow-clients" && mkdir -p "$work"
service=""
trap 'stop_bench_service || true' EXIT
opts=(-Dcredit.ratelimit.anonymous-per-minute=100000000 -Dcredit.ratelimit.client-ip-header=X-Forwarded-For)
start_bench_service "$work/load.log" "${opts[@]}" -Dcredit.demo.load=true
stop_bench_service
psql_admin -d "$CQ_BENCH_DB" -c "select '/api/v1/subjects/' || uscc from subject where uscc is not null order by id limit 2000" \
  > "$work/paths.txt"
results="$work/results.md"
printf '| build | profile lookups (wrk -c16) | requests/s | p99 | non-2xx | slow client answered |\n|---|---|---|---|---|---|\n' > "$results"
row() {  # build label wrk-output [slow-client-output]
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$(awk '/Requests\/sec/ {print $2}' "$3")" \
    "$(awk '$1 == "99%" {print $2}' "$3")" "$(awk '/Non-2xx/ {print $5}' "$3")" "$(cat "${4:-/dev/null}")" >> "$results"
}
sides="base head"
[ "$base" = none ] && sides="head"
status=0
for side in $sides; do
  side_build "$side"
  label="base ($base)"
  [ "$side" = head ] && label="head ($(git rev-parse --short HEAD))"
  CQ_BENCH_JAR="$jar" start_bench_service "$work/$side.log" "${opts[@]}" -Dcredit.demo.load=false "${side_opts[@]}"
  url="http://127.0.0.1:$CQ_BENCH_PORT"
  sed "s#^#$url#" "$work/paths.txt" | xargs -P4 -n1 curl -fsS -o /dev/null
  wrk_checked "$work/$side-alone.txt" -t1 -c16 -d"${seconds}s" --latency -s load-tests/mix.lua "$url" -- "$work/paths.txt"
  row "$label" alone "$work/$side-alone.txt"
  for mode in body headers; do
    python3 load-tests/slow-client.py "$CQ_BENCH_PORT" "$connections" "$mode" "$((seconds + 15))" > "$work/$side-$mode-slow.txt" &
    attack=$!
    sleep 10
    (wrk_checked "$work/$side-$mode.txt" -t1 -c16 -d"${seconds}s" --latency --timeout 30s -s load-tests/mix.lua "$url" \
      -- "$work/paths.txt" 2>/dev/null) || { echo "$side, slow $mode: the lookups saw non-2xx answers" >&2; [ "$side" = head ] && status=1; }
    wait "$attack" || true
    row "$label" "during $connections slow $mode" "$work/$side-$mode.txt" "$work/$side-$mode-slow.txt"
    sleep 5
  done
  stop_bench_service
done
cat "$results"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); wrk -t1 -c16 -d${seconds}s; $connections slow connections"
exit "$status"
