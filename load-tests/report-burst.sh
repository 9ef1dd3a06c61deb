#!/usr/bin/env bash
# Does a burst of anonymous credit-report PDFs starve other callers? For a build of BASE and for this checkout, on
# the demo data set: cached profile lookups alone (wrk -c16), then the same lookups while 25 connections ask for PDFs
# of distinct subjects without pause (the per-address report limit set out of reach: an attacker with many addresses).
# Prints, per build, the profile lookups' rate, p99 and errors in both runs and the reports' answers (200 / 503).
#   load-tests/report-burst.sh [BASE=0b00eb5] [SECONDS=20]   (BASE=none: this checkout only; CQ_BURST_OPTS: more
#   JVM options for this checkout's run, e.g. -Dcredit.report.render-threads=1)
# The profile run must see only 2xx (it fails otherwise); the report run may see 503 (that is the bound working).
source "$(dirname "$0")/lib.sh"
base="${1:-0b00eb5}" seconds="${2:-20}"
side_by_side "$base"
work="$CQ_ROOT/target/report-burst" && mkdir -p "$work"
service=""
trap 'stop_bench_service || true' EXIT
opts=(-Dcredit.ratelimit.anonymous-per-minute=100000000)
start_bench_service "$work/load.log" "${opts[@]}" -Dcredit.demo.load=true
stop_bench_service
psql_admin -d "$CQ_BENCH_DB" -c "select '/api/v1/subjects/' || uscc from subject where uscc is not null order by id limit 2000" \
  > "$work/paths.txt"
psql_admin -d "$CQ_BENCH_DB" -c "select '/api/v1/subjects/' || uscc || '/report' from subject where uscc is not null order by id desc limit 2000" \
  > "$work/reports.txt"
results="$work/results.md"
printf '| build | profile lookups | requests/s | p99 | non-2xx | report answers (2xx / non-2xx) |\n|---|---|---|---|---|---|\n' > "$results"
row() {  # build label wrk-output [report-output]
  local reports=""
  if [ -n "${4:-}" ]; then
    local total non2xx
    total=$(awk '/requests in/ {print $1}' "$4"); non2xx=$(awk '/Non-2xx/ {print $5}' "$4")
    reports="$(( total - ${non2xx:-0} )) / ${non2xx:-0}"
  fi
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$(awk '/Requests\/sec/ {print $2}' "$3")" \
    "$(awk '$1 == "99%" {print $2}' "$3")" "$(awk '/Non-2xx/ {print $5}' "$3")" "$reports" >> "$results"
}
sides="base head"
[ "$base" = none ] && sides="head"
for side in $sides; do
  side_build "$side"
  label="base ($base)"
  if [ "$side" = head ]; then
    label="head ($(git rev-parse --short HEAD))"
    # This build has a report limit of its own: out of reach too (one attacking address stands for many).
    # shellcheck disable=SC2206
    side_opts+=(-Dcredit.report.anonymous-per-minute=100000000 ${CQ_BURST_OPTS:-})
  fi
  CQ_BENCH_JAR="$jar" start_bench_service "$work/$side.log" "${opts[@]}" -Dcredit.demo.load=false "${side_opts[@]}"
  url="http://127.0.0.1:$CQ_BENCH_PORT"
  sed "s#^#$url#" "$work/paths.txt" | xargs -P4 -n1 curl -fsS -o /dev/null
  wrk_checked "$work/$side-alone.txt" -t1 -c16 -d"${seconds}s" --latency -s load-tests/mix.lua "$url" -- "$work/paths.txt"
  row "$label" alone "$work/$side-alone.txt"
  wrk -t1 -c25 -d"$((seconds + 10))s" --timeout 60s -s load-tests/mix.lua "$url" -- "$work/reports.txt" > "$work/$side-reports.txt" &
  attack=$!
  sleep 5
  wrk -t1 -c16 -d"${seconds}s" --latency --timeout 30s -s load-tests/mix.lua "$url" -- "$work/paths.txt" > "$work/$side-burst.txt"
  wait "$attack" || true
  row "$label" "during 25 report connections" "$work/$side-burst.txt" "$work/$side-reports.txt"
  echo "$side: blocked-thread warnings: $(grep -c "Thread blocked" "$work/$side.log" || true)"
  stop_bench_service
done
cat "$results"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); wrk -t1, profiles -c16 -d${seconds}s, reports -c25"
