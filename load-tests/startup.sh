#!/usr/bin/env bash
# Start-up of this checkout's build on the demo data set, already loaded and indexed (database
# creditquery_bench_frontdoor, as the side-by-side benchmarks leave it): RUNS starts one after the other; per run
# Quarkus's "started in", the time from launch to /q/health/ready UP, and the RSS once ready; then the medians.
#   load-tests/startup.sh [RUNS=5]   (CQ_STARTUP_OPTS: more JVM options, e.g. -XX:StartFlightRecording=…;
#   CQ_STARTUP_CDS=1: with the AppCDS archive of `mvn package -Dquarkus.package.jar.appcds.enabled=true`, started
#   from target/quarkus-app, since the archive names the jar by its relative path; CQ_STARTUP_AOT=1: on Temurin 25
#   with its AOT cache (JEP 483/514), written by one training start of this build first)
source "$(dirname "$0")/lib.sh"
runs="${1:-5}"
ensure_stores
cd "$CQ_ROOT" || die "no $CQ_ROOT"
CQ_BENCH_DB=creditquery_bench_frontdoor CQ_BENCH_ALIAS=cq-bench-frontdoor
[ "$(psql_admin -c "select 1 from pg_database where datname='$CQ_BENCH_DB'")" = 1 ] ||
  die "no $CQ_BENCH_DB: run load-tests/front-door-bench.sh once (it loads the demo data)"
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests
work="$CQ_ROOT/target/startup" && mkdir -p "$work"
[ "${CQ_STARTUP_CDS:-}" = 1 ] && [ "${CQ_STARTUP_AOT:-}" = 1 ] && die "CQ_STARTUP_CDS and CQ_STARTUP_AOT: one at a time"
if [ "${CQ_STARTUP_CDS:-}" = 1 ]; then
  [ -f target/quarkus-app/app-cds.jsa ] || mvn -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
  cd target/quarkus-app && export CQ_BENCH_JAR=quarkus-run.jar CQ_STARTUP_OPTS="${CQ_STARTUP_OPTS:-} -XX:SharedArchiveFile=app-cds.jsa"
fi
if [ "${CQ_STARTUP_AOT:-}" = 1 ]; then
  jdk25=/usr/lib/jvm/temurin-25-jdk-amd64
  [ -x "$jdk25/bin/java" ] || die "CQ_STARTUP_AOT needs Temurin 25 at $jdk25"
  export PATH="$jdk25/bin:$PATH"
  cd target/quarkus-app && export CQ_BENCH_JAR=quarkus-run.jar
  rm -f app.aot
  start_bench_service "$work/aot-training.log" -XX:AOTCacheOutput=app.aot && stop_bench_service
  [ -f app.aot ] || die "no AOT cache written; see $work/aot-training.log"
  CQ_STARTUP_OPTS="${CQ_STARTUP_OPTS:-} -XX:AOTCache=app.aot"
fi
service=""
trap 'stop_bench_service || true' EXIT
printf '| run | started in (Quarkus) | launch to ready | RSS when ready |\n|---|---|---|---|\n' > "$work/results.md"
for run in $(seq 1 "$runs"); do
  launched=$(date +%s%N)
  # shellcheck disable=SC2086
  start_bench_service "$work/run-$run.log" ${CQ_STARTUP_OPTS:-}
  ready_ms=$(( ($(date +%s%N) - launched) / 1000000 ))
  started=$(grep -o 'started in [0-9.]*s' "$work/run-$run.log" | grep -o '[0-9.]*')
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$service/status")
  printf '| %s | %s s | %s ms | %s MiB |\n' "$run" "$started" "$ready_ms" "$rss" >> "$work/results.md"
  echo "$started $ready_ms $rss" >> "$work/values.txt"
  stop_bench_service
done
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
printf '| median | %s s | %s ms | %s MiB |\n' "$(tail -n "$runs" "$work/values.txt" | cut -d' ' -f1 | median)" \
  "$(tail -n "$runs" "$work/values.txt" | cut -d' ' -f2 | median)" "$(tail -n "$runs" "$work/values.txt" | cut -d' ' -f3 | median)" \
  >> "$work/results.md"
cat "$work/results.md"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); commit $(git -C "$CQ_ROOT" rev-parse --short HEAD); $runs runs${CQ_STARTUP_CDS:+, AppCDS}${CQ_STARTUP_AOT:+, Temurin 25 AOT cache}; $(java -version 2>&1 | head -1)"
