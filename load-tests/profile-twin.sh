#!/usr/bin/env bash
# Cached profile lookups side by side with their physical-limit twin, in one run on this box: the service
# (anonymous, with its code check, rate limiter and audit) against RedisProfileTwin (bare Vert.x HTTP → the same
# Redis read), the same 2,000 hot codes, and prints the ratio.   load-tests/profile-twin.sh [SECONDS=20] [SIZE=100k] [CONNECTIONS=32]
# wrk: 1 thread, CONNECTIONS connections, loopback only; the anonymous limit is set out of reach (one client address).
source "$(dirname "$0")/lib.sh"
seconds="${1:-20}" size="${2:-100k}" connections="${3:-32}"
bench_data_set "$size"
[ -f "$bench_data/subjects.csv" ] || die "no data set $size; run load-tests/prepare $size first"
command -v wrk >/dev/null || apt_install wrk
ensure_stores
cd "$CQ_ROOT"
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
work="target/profile-twin" && rm -rf "$work" && mkdir -p "$work"
sed -n "2,2001p" "$bench_data/subjects.csv" | cut -d, -f1 | sed "s#^#/api/v1/subjects/#" > "$work/paths.txt"
twin_port=$((CQ_BENCH_PORT + 1))
twin=""
cleanup() { stop_bench_service; [ -n "$twin" ] && kill "$twin" 2>/dev/null; true; }
trap cleanup EXIT
start_bench_service "$work/service.log" -Dcredit.ratelimit.anonymous-per-minute=100000000 ${CQ_BENCH_OPTS:-}
# Every one of the 2,000 profiles into the cache first (the twin only reads it), then wrk warms the JIT.
sed "s#^#http://127.0.0.1:$CQ_BENCH_PORT#" "$work/paths.txt" | xargs -P4 -n50 curl -s > /dev/null
wrk_checked "$work/ours-warm-up.txt" -t1 -c32 -d10s -s load-tests/mix.lua "http://127.0.0.1:$CQ_BENCH_PORT" -- "$work/paths.txt"
wrk_checked "$work/ours.txt" -t1 -c"$connections" -d"${seconds}s" --latency -s load-tests/mix.lua "http://127.0.0.1:$CQ_BENCH_PORT" -- "$work/paths.txt"
java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" io.creditquery.loadtest.RedisProfileTwin \
  "$twin_port" "redis://127.0.0.1:$CQ_REDIS_PORT/0" "cq-bench-$CQ_BENCH_ALIAS" > "$work/twin.log" 2>&1 &
twin=$!
for _ in $(seq 1 50); do grep -qs listening "$work/twin.log" && break; sleep 0.2; done
wrk_checked "$work/twin-warm-up.txt" -t1 -c32 -d10s -s load-tests/mix.lua "http://127.0.0.1:$twin_port" -- "$work/paths.txt"
wrk_checked "$work/twin.txt" -t1 -c"$connections" -d"${seconds}s" --latency -s load-tests/mix.lua "http://127.0.0.1:$twin_port" -- "$work/paths.txt"
rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
printf '| side | requests/s | p50 | p99 |\n|---|---|---|---|\n'
printf '| ours: GET /api/v1/subjects/{code}, cached (code check, rate limiter, audit) | %s | %s | %s |\n' \
  "$(rate "$work/ours.txt")" "$(pct "$work/ours.txt" 50%)" "$(pct "$work/ours.txt" 99%)"
printf '| twin: bare Vert.x HTTP → the same Redis read | %s | %s | %s |\n' \
  "$(rate "$work/twin.txt")" "$(pct "$work/twin.txt" 50%)" "$(pct "$work/twin.txt" 99%)"
printf 'ratio ours / twin: %.2f\n' "$(echo "$(rate "$work/ours.txt") / $(rate "$work/twin.txt")" | bc -l)"
