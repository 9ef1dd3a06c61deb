#!/usr/bin/env bash
# Search cache hits before and after, in one run on this box: a build of BASE and this checkout's, one after the
# other against the same prepared data set, index and Redis, answering only the 200 hottest queries of its search
# mix, so that (after a warm-up) every measured request is a cache hit.
#   load-tests/search-cache-bench.sh [BASE=d94fa09] [SIZE=100k] [SECONDS=20] [ROUNDS=2]   (d94fa09: before hits
#   stopped re-reading the answer)
# Needs `load-tests/prepare SIZE`. wrk: 1 thread, 16 connections, loopback only; the anonymous limit out of reach;
# rounds alternate the order; a non-2xx answer or socket error stops the run. Prints the hit and miss counters of
# each run (misses are the warm-up's first pass).
source "$(dirname "$0")/lib.sh"
base=$(git -C "$(dirname "$0")" rev-parse --short "${1:-d94fa09}") size="${2:-100k}" seconds="${3:-20}" rounds="${4:-2}"
side_by_side "$base"
bench_data_set "$size"
[ -f "$bench_data/searches.csv" ] || die "no data set $size; run load-tests/prepare $size first"
work="$CQ_ROOT/target/search-cache-bench" && rm -rf "$work" && mkdir -p "$work"
sed -n '2,201p' "$bench_data/searches.csv" > "$work/hot.txt"
service=""
trap 'stop_bench_service || true' EXIT
url="http://127.0.0.1:$CQ_BENCH_PORT"
printf '| round | build | requests/s | p50 | p99 | cache hits / misses |\n|---|---|---|---|---|---|\n' > "$work/results.md"
for round in $(seq 1 "$rounds"); do
  for side in $(round_sides "$round"); do
    side_build "$side"
    CQ_BENCH_JAR="$jar" start_bench_service "$work/$side.log" -Dcredit.ratelimit.anonymous-per-minute=100000000 \
      "${side_opts[@]}"
    wrk_checked "$work/warm-up.txt" -t1 -c16 -d30s --timeout 10s -s load-tests/mix.lua "$url" -- "$work/hot.txt"
    wrk_checked "$work/$side-$round.txt" -t1 -c16 -d"${seconds}s" --latency -s load-tests/mix.lua "$url" -- "$work/hot.txt"
    counters=$(curl -fsS "$(bench_management_url)/q/metrics" | awk '/^credit_search_cache_total/ && /result="hit"/ {h=$2}
      /^credit_search_cache_total/ && /result="miss"/ {m=$2} END {printf "%d / %d", h, m}')
    printf '| %s | %s (%s) | %s | %s | %s | %s |\n' "$round" "$side" \
      "$([ "$side" = base ] && echo "$base" || git rev-parse --short HEAD)" \
      "$(awk '/Requests\/sec/ {print $2}' "$work/$side-$round.txt")" "$(awk '$1 == "50%" {print $2}' "$work/$side-$round.txt")" \
      "$(awk '$1 == "99%" {print $2}' "$work/$side-$round.txt")" "$counters" >> "$work/results.md"
    stop_bench_service
  done
done
cat "$work/results.md"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); data set $size; wrk -t1 -c16 -d${seconds}s"
