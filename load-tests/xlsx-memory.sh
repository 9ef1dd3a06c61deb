#!/usr/bin/env bash
# How much heap does importing an XLSX template file take? For a build of BASE and for this checkout, on the demo
# data set: one license template file of ROWS rows (load-tests/XlsxTemplateFile.java, shared strings as Excel writes
# them) uploaded by a department clerk to a service with a heap of HEAP; prints the answer, the import's time and
# the heap in use from the GC log: the highest before a collection, and the highest left after one (the live set).
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
printf '| build | file | heap limit | answer | import ms | heap before GC, highest | live after GC, highest |\n|---|---|---|---|---|---|---|\n' > "$results"
gc() {  # the highest of the sizes before (1) or after (2) the arrow of the GC log's "123M->45M(256M)"
  grep -o '[0-9]*M->[0-9]*M' "$work/$side-gc.log" | tr -d M | awk -F'->' -v f="$1" '$f > m {m = $f} END {print m + 0}'
}
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
  CQ_BENCH_JAR="$jar" start_bench_service "$work/$side.log" -Dcredit.demo.load=false -Xms64m "-Xmx$heap" \
    "-Xlog:gc:file=$work/$side-gc.log" "${side_opts[@]}"
  answer=$(curl -sS -o "$work/$side-report.json" -w '%{http_code}' --max-time 120 -X POST \
    "http://127.0.0.1:$CQ_BENCH_PORT/api/v1/ingest/files" -H "Authorization: $token" -F "file=@$file" || echo failed)
  printf '| %s | %s rows, %s | %s | %s | %s | %s | %s |\n' "$label" "$rows" "$(du -h "$file" | cut -f1)" "$heap" "$answer" \
    "$(jq -r '.millis // empty' "$work/$side-report.json" 2>/dev/null)" \
    "$(gc 1) MiB" "$(gc 2) MiB" >> "$results"
  (grep -c "OutOfMemoryError" "$work/$side.log" || true) | sed "s/^/$side: OutOfMemoryError lines in the log: /"
  kill -9 "$service" 2>/dev/null || true  # a JVM out of heap may not stop on SIGTERM
  stop_bench_service || true
done
cat "$results"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); $rows rows, -Xmx$heap"
