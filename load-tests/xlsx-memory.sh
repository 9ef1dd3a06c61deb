#!/usr/bin/env bash
# How much heap does importing an XLSX template file take? For a build of BASE and for this checkout, on the demo
# data set: one license template file of ROWS rows (load-tests/XlsxTemplateFile.java, shared strings as Excel writes
# them) uploaded by a department clerk to a service with a heap of HEAP; prints the answer, the import's time and
# the highest heap in use seen while it ran (the management interface's jvm_memory_used_bytes, sampled every 0.2 s).
# Each build imports into a fresh database and index of its own (creditquery_bench_xlsx), so both do the same work
# and the other benchmarks' data stays as it was.
#   load-tests/xlsx-memory.sh [BASE=a0de14e] [ROWS=50000] [HEAP=256m]   (BASE=none: this checkout only)
source "$(dirname "$0")/lib.sh"
base="${1:-a0de14e}" rows="${2:-50000}" heap="${3:-256m}"
side_by_side "$base"
work="$CQ_ROOT/target/xlsx-memory" && mkdir -p "$work"
service=""
trap 'stop_bench_service || true' EXIT
file="$work/license-$rows.xlsx"
if [ ! -s "$file" ]; then
  mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null
  java -cp "$(cat "$work/classpath.txt")" load-tests/XlsxTemplateFile.java "$file" "$rows"
fi
token="Bearer $(bin/token --dept 370100-SCJ --scope ingest --ttl 7200)"
results="$work/results.md"
printf '| build | file | heap limit | answer | import ms | highest heap in use |\n|---|---|---|---|---|---|\n' > "$results"
sides="base head"
[ "$base" = none ] && sides="head"
for side in $sides; do
  side_build "$side"
  label="base ($base)"
  [ "$side" = head ] && label="head ($(git rev-parse --short HEAD))"
  CQ_BENCH_DB=creditquery_bench_xlsx CQ_BENCH_ALIAS=cq-bench-xlsx
  psql_admin -c "drop database if exists $CQ_BENCH_DB with (force)"
  ensure_databases "$CQ_DB_PASSWORD" "$CQ_DB_OWNER_PASSWORD" "$CQ_BENCH_DB"
  for index in $(curl -fsS "http://127.0.0.1:$CQ_ES_PORT/_alias/$CQ_BENCH_ALIAS" 2>/dev/null | jq -r 'keys[]'); do
    curl -fsS -o /dev/null -X DELETE "http://127.0.0.1:$CQ_ES_PORT/$index"
  done
  CQ_BENCH_JAR="$jar" start_bench_service "$work/$side.log" -Dcredit.demo.load=false "-Xmx$heap" "${side_opts[@]}"
  metrics="$(bench_management_url)/q/metrics"
  peak="$work/$side-heap.txt" && : > "$peak"
  ( while kill -0 "$service" 2>/dev/null; do
      curl -fsS "$metrics" 2>/dev/null | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $2} END {print sum}' >> "$peak"
      sleep 0.2
    done ) &
  sampler=$!
  answer=$(curl -sS -o "$work/$side-report.json" -w '%{http_code}' --max-time 600 -X POST \
    "http://127.0.0.1:$CQ_BENCH_PORT/api/v1/ingest/files" -H "Authorization: $token" -F "file=@$file" || echo failed)
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  printf '| %s | %s rows, %s | %s | %s | %s | %s MiB |\n' "$label" "$rows" "$(du -h "$file" | cut -f1)" "$heap" "$answer" \
    "$(jq -r '.millis // empty' "$work/$side-report.json" 2>/dev/null)" \
    "$(sort -n "$peak" | tail -1 | awk '{printf "%.0f", $1 / 1048576}')" >> "$results"
  grep -c "OutOfMemoryError" "$work/$side.log" | sed "s/^/$side: OutOfMemoryError lines in the log: /"
  stop_bench_service
done
cat "$results"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); $rows rows, -Xmx$heap"
