#!/usr/bin/env bash
# /api/v1/search beside direct Elasticsearch _search with the service's own request bodies for the same queries, in
# one run; then suggest, and search with the cache (its hit ratio).
#   load-tests/search-bench.sh [SIZE=100k] [SECONDS=30]
# Needs a prepared data set (`load-tests/prepare SIZE`: its database and index alias). The first 2,000
# queries of its search mix, Zipf-like. Loopback only; wrk: 1 thread, 16 connections, no CPU pinning (service,
# Elasticsearch, PostgreSQL, Redis and wrk share the 2 cores). The anonymous limit is set out of reach (one client
# address), and any non-2xx answer or socket error stops the run: a figure is printed only for what was measured.
source "$(dirname "$0")/lib.sh"
size="${1:-100k}" seconds="${2:-30}" port="$CQ_BENCH_PORT"
bench_data_set "$size"
command -v wrk >/dev/null || apt_install wrk
es="http://127.0.0.1:$CQ_ES_PORT"
ensure_stores
[ "$(psql_admin -c "select 1 from pg_database where datname='$CQ_BENCH_DB'")" = 1 ] || die "no data set $size; run load-tests/prepare $size first"
cd "$CQ_ROOT"
# This checkout's build, and the Elasticsearch bodies of its own queries (what it sends for each search of the mix).
mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
work="target/search-bench" && rm -rf "$work" && mkdir -p "$work"
java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" io.creditquery.loadtest.SearchMixExport \
  "$bench_subjects" 2000 "$work"
sed -E 's#/api/v1/search\?size=20&q=(.*)#/api/v1/suggest?q=\1#' "$work/paths.txt" | awk '{print substr($0, 1, 40)}' \
  | grep -v '%.\?$' > "$work/suggest.txt"
index=$(curl -fsS "$es/_alias/$CQ_BENCH_ALIAS" | jq -r 'keys[0]')
[ -n "$index" ] && [ "$index" != null ] || die "no index behind the alias $CQ_BENCH_ALIAS"

trap stop_bench_service EXIT
rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
run() {  # label, then wrk arguments
  local label="$1"; shift
  local out="$work/$(echo "$label" | tr -c 'A-Za-z0-9\n' '_').txt"
  wrk_checked "$out" -t1 -c16 -d"${seconds}s" --latency -s load-tests/mix.lua "$@"
  printf '| %s | %s | %s | %s |\n' "$label" "$(rate "$out")" "$(awk '$1 == "50%" {print $2}' "$out")" \
    "$(awk '$1 == "99%" {print $2}' "$out")"
}
hits() { curl -fsS "$(bench_management_url)/q/metrics" | awk -v r="$1" '$0 ~ "^credit_search_cache_total" && $0 ~ "result=\""r"\"" {print $2}'; }
# The warm-up meets cold caches and an unwarmed JIT: it may take seconds per answer, not fail.
warm_up() { wrk_checked "$work/warm-up.txt" -t1 -c16 -d"${seconds}s" --timeout 10s -s load-tests/mix.lua "http://127.0.0.1:$port" -- "$1"; }
limits=(-Dcredit.ratelimit.anonymous-per-minute=100000000)

log "service without search cache"
start_bench_service "$work/service.log" "${limits[@]}" -Dcredit.search.cache-enabled=false ${CQ_BENCH_OPTS:-}
printf '\n| run (%s, %s s each, wrk -c16) | requests/s | p50 | p99 |\n|---|---|---|---|\n' "$size" "$seconds"
warm_up "$work/paths.txt"
run "direct Elasticsearch _search (the service's bodies)" "$es" -- "$work/bodies.ndjson" POST "/$index/_search"
run "/api/v1/search, no cache" "http://127.0.0.1:$port" -- "$work/paths.txt"
run "/api/v1/suggest" "http://127.0.0.1:$port" -- "$work/suggest.txt"
stop_bench_service
start_bench_service "$work/service.log" "${limits[@]}" ${CQ_BENCH_OPTS:-}
warm_up "$work/paths.txt"
h0=$(hits hit) m0=$(hits miss)
run "/api/v1/search, with cache (warm)" "http://127.0.0.1:$port" -- "$work/paths.txt"
h=$(echo "$(hits hit) - $h0" | bc) m=$(echo "$(hits miss) - $m0" | bc)
printf '\nours / direct Elasticsearch: %.2f\n' "$(echo "$(rate "$work/_api_v1_search__no_cache.txt") / $(rate "$work/direct_Elasticsearch__search__the_service_s_bodies_.txt")" | bc -l)"
printf 'search cache in that run (after a warm-up on the same mix): %s hits, %s misses, hit ratio %.1f%%\n' "$h" "$m" \
  "$(echo "100 * $h / ($h + $m)" | bc -l)"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); commit $(git rev-parse --short HEAD); data set $size"
