#!/usr/bin/env bash
# /api/v1/search beside direct Elasticsearch _search with the same queries, in one run; suggest latency; cache hits.
#   load-tests/search-bench.sh [SUBJECTS=1000000] [SECONDS=30]
# Needs the bench data set of ingest-bench.sh (database creditquery_bench); loopback only; wrk: 1 thread, 16
# connections, no CPU pinning (service, Elasticsearch, PostgreSQL, Redis and wrk share the 2 cores).
source "$(dirname "$0")/lib.sh"
subjects="${1:-1000000}" seconds="${2:-30}" port="$CQ_BENCH_PORT"
es="http://127.0.0.1:$CQ_ES_PORT"
ensure_stores
cd "$CQ_ROOT"
mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
work="target/search-bench" && rm -rf "$work" && mkdir -p "$work"
java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" io.creditquery.loadtest.SearchMixExport \
  "$subjects" 2000 "$work"

trap stop_bench_service EXIT
run() {  # label, then wrk arguments
  local label="$1"; shift
  local out="$work/$(echo "$label" | tr -c 'A-Za-z0-9\n' '_').txt"
  wrk -t1 -c16 -d"${seconds}s" --latency -s load-tests/mix.lua "$@" > "$out"
  printf '| %s | %s | %s | %s |\n' "$label" "$(awk '/Requests\/sec/ {print $2}' "$out")" \
    "$(awk '$1 == "50%" {print $2}' "$out")" "$(awk '$1 == "99%" {print $2}' "$out")"
}
hits() { curl -fsS "$(bench_management_url)/q/metrics" | awk -v r="$1" '$0 ~ "^credit_search_cache_total" && $0 ~ "result=\""r"\"" {print $2}'; }

log "service without search cache (rebuilds the index first if its mapping is outdated)"
start_bench_service "$work/service.log" -Dcredit.search.cache-enabled=false
printf '\n| run (%s subjects, %s s each) | requests/s | p50 | p99 |\n|---|---|---|---|\n' "$subjects" "$seconds"
run "warm-up" "http://127.0.0.1:$port" -- "$work/paths.txt" >/dev/null
run "direct Elasticsearch _search" "$es" -- "$work/bodies.ndjson" POST /cq-bench-subjects/_search
run "/api/v1/search, no cache" "http://127.0.0.1:$port" -- "$work/paths.txt"
sed -E 's#/api/v1/search\?size=20&q=(.*)#/api/v1/suggest?q=\1#' "$work/paths.txt" | awk '{print substr($0, 1, 40)}' \
  | grep -v '%.\?$' > "$work/suggest.txt"
run "/api/v1/suggest" "http://127.0.0.1:$port" -- "$work/suggest.txt"
stop_bench_service
start_bench_service "$work/service.log"
run "/api/v1/search, with cache" "http://127.0.0.1:$port" -- "$work/paths.txt"
h=$(hits hit) m=$(hits miss)
printf '\nsearch cache over the Zipf-like mix of 2,000 queries: %s hits, %s misses, hit ratio %.1f%%\n' "$h" "$m" \
  "$(echo "100 * $h / ($h + $m)" | bc -l)"
