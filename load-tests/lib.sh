# shellcheck shell=bash
# Shared by the benchmark scripts: the stores, and a service on a bench data set (database $CQ_BENCH_DB, alias
# $CQ_BENCH_ALIAS, port 8090), started in the background and awaited until ready.
source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/stores.sh"
CQ_BENCH_PORT="${CQ_BENCH_PORT:-8090}"
# Health and metrics (the management interface); builds from before it serve them on the API port.
CQ_BENCH_MANAGEMENT_PORT="${CQ_BENCH_MANAGEMENT_PORT:-9090}"
CQ_BENCH_DB="${CQ_BENCH_DB:-creditquery_bench}"
CQ_BENCH_ALIAS="${CQ_BENCH_ALIAS:-cq-bench-subjects}"

# start_bench_service LOGFILE [JVM options…, which override the defaults]: runs $CQ_BENCH_JAR (default: this
# checkout's build) and sets $service to its pid; waits until
# /q/health/ready is UP (or /q/health/live with CQ_BENCH_HEALTH=live: a service loading a data set is not ready
# until the load is indexed, which takes longer than any fixed wait).
start_bench_service() {
  local logfile="$1"; shift
  # A service left running (by an interrupted script) would answer instead of this one: measured, but not this build.
  local taken
  for taken in "$CQ_BENCH_PORT" "$CQ_BENCH_MANAGEMENT_PORT"; do
    ! curl -s -o /dev/null "http://127.0.0.1:$taken/" || die "port $taken is already in use (a bench service left running?)"
  done
  java -Xms512m -Xmx1g -Dquarkus.http.port="$CQ_BENCH_PORT" -Dquarkus.management.port="$CQ_BENCH_MANAGEMENT_PORT" \
    -Dcredit.demo.load=false \
    -Dquarkus.datasource.reactive.url="postgresql://127.0.0.1:$CQ_PG_PORT/$CQ_BENCH_DB" \
    -Dcredit.db.jdbc-url="jdbc:postgresql://127.0.0.1:$CQ_PG_PORT/$CQ_BENCH_DB" \
    -Dcredit.search.subjects-alias="$CQ_BENCH_ALIAS" -Dcredit.redis.key-prefix="cq-bench-$CQ_BENCH_ALIAS" \
    "$@" -jar "${CQ_BENCH_JAR:-$CQ_ROOT/target/quarkus-app/quarkus-run.jar}" > "$logfile" 2>&1 &
  service=$!
  local health="${CQ_BENCH_HEALTH:-ready}"
  for _ in $(seq 1 900); do
    [ "$(curl -fsS "$(bench_management_url)/q/health/$health" 2>/dev/null | jq -r .status)" = UP ] && return
    kill -0 "$service" 2>/dev/null || die "the service stopped; see $logfile"
    sleep 1
  done
  die "the service did not become ready; see $logfile"
}

# The URL of the running bench service's health and metrics: its management port, or (older builds) its API port.
bench_management_url() {
  if curl -fsS -o /dev/null "http://127.0.0.1:$CQ_BENCH_MANAGEMENT_PORT/q/health/live" 2>/dev/null; then
    echo "http://127.0.0.1:$CQ_BENCH_MANAGEMENT_PORT"
  else
    echo "http://127.0.0.1:$CQ_BENCH_PORT"
  fi
}

stop_bench_service() { kill "$service" 2>/dev/null; wait "$service" 2>/dev/null || true; }

# bench_data_set SIZE: a data set name (100k, 1m, 10m or a number of subjects) → $bench_subjects, and the database,
# alias and feeder directory of that size (each size has its own, so that sizes can be compared side by side).
bench_data_set() {
  case "$1" in
    *k) bench_subjects=$(( ${1%k} * 1000 )) ;;
    *m) bench_subjects=$(( ${1%m} * 1000000 )) ;;
    *[!0-9]*|'') die "data set size must be 100k, 1m, 10m or a number, not $1" ;;
    *) bench_subjects="$1" ;;
  esac
  CQ_BENCH_DB="creditquery_bench_$1" CQ_BENCH_ALIAS="cq-bench-$1"
  bench_data="$CQ_ROOT/load-tests/data/$1"
}

# wrk_checked OUTFILE wrk-arguments…: runs wrk and refuses to report a run that saw a non-2xx answer or a socket
# error (it measured something else than the path it names).
wrk_checked() {
  local out="$1"; shift
  wrk "$@" > "$out"
  if grep -q "Non-2xx" "$out" || grep -q "Socket errors" "$out"; then
    cat "$out" >&2
    die "wrk saw non-2xx answers or socket errors ($out): nothing was measured"
  fi
}

# side_by_side BASE: what the side-by-side benchmarks share — wrk, the stores, the demo-data database both builds
# use ($CQ_BENCH_DB), this checkout's build, and BASE built once in a git worktree ($base_dir; BASE=none: no base).
side_by_side() {
  command -v wrk >/dev/null || apt_install wrk
  ensure_stores
  cd "$CQ_ROOT" || die "no $CQ_ROOT"
  CQ_BENCH_DB=creditquery_bench_frontdoor CQ_BENCH_ALIAS=cq-bench-frontdoor
  ensure_databases "$CQ_DB_PASSWORD" "$CQ_DB_OWNER_PASSWORD" "$CQ_BENCH_DB"
  [ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests
  base_dir="$CQ_ROOT/target/front-door-bench/base-$1"
  if [ "$1" != none ] && [ ! -f "$base_dir/target/quarkus-app/quarkus-run.jar" ]; then
    rm -rf "$base_dir" && git worktree prune && git worktree add -f --detach "$base_dir" "$1" >/dev/null
    (cd "$base_dir" && mvn -B -q package -DskipTests)
  fi
}

# round_sides ROUND: the order of the two builds in that round, alternating (odd rounds base first), so that neither
# build always runs on a warmer box.
round_sides() { if [ $(($1 % 2)) -eq 0 ]; then echo "head base"; else echo "base head"; fi; }

# side_build SIDE (base | head): sets jar to that side's build and side_opts to the options it needs (builds before
# the owner role, V17, ran their migrations as the service's role, credit.db.username).
side_build() {
  side_opts=()
  if [ "$1" = base ]; then
    jar="$base_dir/target/quarkus-app/quarkus-run.jar"
    git -C "$base_dir" cat-file -e HEAD:src/main/resources/db/migration/V17__database_roles.sql 2>/dev/null ||
      side_opts=(-Dcredit.db.username=creditquery_owner -Dcredit.db.password="$CQ_DB_OWNER_PASSWORD")
  else
    jar="$CQ_ROOT/target/quarkus-app/quarkus-run.jar"
  fi
}
