# shellcheck shell=bash
# Shared by the benchmark scripts: the stores, and a service on the bench data set (database creditquery_bench,
# alias cq-bench-subjects, port 8090), started in the background and awaited until ready.
source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/stores.sh"
CQ_BENCH_PORT="${CQ_BENCH_PORT:-8090}"

# start_bench_service LOGFILE [JVM options…]: sets $service to its pid; waits until /q/health/ready is UP.
start_bench_service() {
  local logfile="$1"; shift
  java -Xms512m -Xmx1g "$@" -Dquarkus.http.port="$CQ_BENCH_PORT" -Dcredit.demo.load=false \
    -Dquarkus.datasource.reactive.url="postgresql://127.0.0.1:$CQ_PG_PORT/creditquery_bench" \
    -Dcredit.db.jdbc-url="jdbc:postgresql://127.0.0.1:$CQ_PG_PORT/creditquery_bench" \
    -Dcredit.search.subjects-alias=cq-bench-subjects -Dcredit.redis.key-prefix=cq-bench \
    -jar "$CQ_ROOT/target/quarkus-app/quarkus-run.jar" > "$logfile" 2>&1 &
  service=$!
  for _ in $(seq 1 900); do
    [ "$(curl -fsS "http://127.0.0.1:$CQ_BENCH_PORT/q/health/ready" 2>/dev/null | jq -r .status)" = UP ] && return
    kill -0 "$service" 2>/dev/null || die "the service stopped; see $logfile"
    sleep 1
  done
  die "the service did not become ready; see $logfile"
}

stop_bench_service() { kill "$service" 2>/dev/null; wait "$service" 2>/dev/null || true; }
