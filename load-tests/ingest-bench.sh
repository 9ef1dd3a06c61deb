#!/usr/bin/env bash
# Ingest + index throughput, side by side with a raw Elasticsearch _bulk of the same documents, in one run.
#   load-tests/ingest-bench.sh [SUBJECTS=100000]
# Uses its own database (creditquery_bench, recreated), alias (cq-bench-subjects) and port (8090); loopback only.
source "$(dirname "$0")/lib.sh"
subjects="${1:-100000}"
port="$CQ_BENCH_PORT"
es="http://127.0.0.1:$CQ_ES_PORT"
ensure_stores
cd "$CQ_ROOT"
psql_admin -c "drop database if exists creditquery_bench" >/dev/null
ensure_databases "$CQ_DB_PASSWORD" "$CQ_DB_OWNER_PASSWORD" creditquery_bench
curl -fsS -X DELETE "$es/cq-bench-*" >/dev/null || true
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests
work="target/bench-$subjects"
rm -rf "$work" && mkdir -p "$work"

log "generating $subjects subjects"
generated=$(java -cp target/classes io.creditquery.demo.DemoDataGenerator --subjects "$subjects" --out "$work")
echo "$generated"

log "starting the service on :$port"
# shellcheck disable=SC2086
start_bench_service "$work/service.log" ${CQ_BENCH_OPTS:-}
trap stop_bench_service EXIT
startup=$(grep -o 'started in [0-9.]*s' "$work/service.log" | head -1)
rss_idle=$(ps -o rss= -p $service)

admin=$(bin/token --scope admin --sub bench)
backlog() { curl -fsS -H "Authorization: Bearer $admin" "http://127.0.0.1:$port/api/v1/admin/index" | jq .outboxBacklog; }
t0=$(date +%s.%N)
import=$(bin/import subjects "$work/subjects.ndjson" --url "http://127.0.0.1:$port" --chunk 5000 2>/dev/null)
t1=$(date +%s.%N)
while [ "$(backlog)" != 0 ]; do sleep 0.2; done
curl -fsS -X POST "$es/cq-bench-subjects/_refresh" >/dev/null
t2=$(date +%s.%N)
indexed=$(curl -fsS "$es/cq-bench-subjects/_count" | jq .count)
rss_after=$(ps -o rss= -p $service)

log "exporting the indexed documents for the raw _bulk comparison"
rm -f "$work"/raw-*.ndjson
scroll=$(curl -fsS -H 'Content-Type: application/json' "$es/cq-bench-subjects/_search?scroll=2m" \
  -d '{"size":5000,"sort":["_doc"]}')
n=0
while [ "$(echo "$scroll" | jq '.hits.hits | length')" -gt 0 ]; do
  echo "$scroll" | jq -c '.hits.hits[] | {index:{_id:._id}}, ._source' > "$work/raw-$(printf %06d $n).ndjson"
  n=$((n + 1))
  scroll=$(curl -fsS -H 'Content-Type: application/json' "$es/_search/scroll" \
    -d "{\"scroll\":\"2m\",\"scroll_id\":$(echo "$scroll" | jq ._scroll_id)}")
done
curl -fsS -X PUT -H 'Content-Type: application/json' "$es/cq-bench-raw" --data-binary @search-mappings/subjects.json >/dev/null
r0=$(date +%s.%N)
for f in "$work"/raw-*.ndjson; do
  curl -fsS -o /dev/null -H 'Content-Type: application/x-ndjson' -X POST "$es/cq-bench-raw/_bulk" --data-binary "@$f"
done
curl -fsS -X POST "$es/cq-bench-raw/_refresh" >/dev/null
r1=$(date +%s.%N)
raw_count=$(curl -fsS "$es/cq-bench-raw/_count" | jq .count)

ours=$(echo "$subjects / ($t2 - $t0)" | bc -l)
raw=$(echo "$raw_count / ($r1 - $r0)" | bc -l)
printf '\n| subjects | generator | import (PG commit) | import + index | indexed | raw _bulk | ours / raw | start-up | RSS idle → after |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
printf '| %d | %s | %.1f s | %.1f s (%.0f/s) | %d | %.1f s (%.0f/s) | %.2f | %s | %d MiB → %d MiB |\n' \
  "$subjects" "$(echo "$generated" | grep -o '([0-9]* subjects/s)')" "$(echo "$t1 - $t0" | bc -l)" \
  "$(echo "$t2 - $t0" | bc -l)" "$ours" "$indexed" "$(echo "$r1 - $r0" | bc -l)" "$raw" \
  "$(echo "$ours / $raw" | bc -l)" "${startup#started in }" $((rss_idle / 1024)) $((rss_after / 1024))
echo "$import"
curl -fsS -X DELETE "$es/cq-bench-raw" >/dev/null
