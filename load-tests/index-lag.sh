#!/usr/bin/env bash
# Index lag: time from an ingest's acknowledgement (committed in PostgreSQL) to the change being searchable.
#   load-tests/index-lag.sh [ROUNDS=30] [URL=http://localhost:8080]   (a running service, e.g. bin/run)
source "$(dirname "$0")/../bin/lib/stores.sh"
rounds="${1:-30}" url="${2:-http://localhost:8080}"
es="http://127.0.0.1:$CQ_ES_PORT"
token=$("$CQ_ROOT/bin/token" --scope ingest:all --sub lag-probe)
alias=$(curl -fsS -H "Authorization: Bearer $("$CQ_ROOT/bin/token" --scope admin)" "$url/api/v1/admin/index" | jq -r .alias)
lags=()
for i in $(seq 1 "$rounds"); do
  name="滞后探测科技有限公司$i$RANDOM"
  printf '{"type":"ENTERPRISE","code":"91350100M000100Y43","name":"%s"}\n' "$name" |
    curl -fsS -o /dev/null -X POST "$url/api/v1/ingest/subjects" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/x-ndjson' --data-binary @-
  acked=$(date +%s%N)
  until [ "$(curl -fsS "$es/$alias/_search?q=subject_key:91350100M000100Y43&filter_path=hits.hits._source.name" |
             jq -r '.hits.hits[0]._source.name')" = "$name" ]; do sleep 0.01; done
  lags+=($(( ($(date +%s%N) - acked) / 1000000 )))
done
sorted=$(printf '%s\n' "${lags[@]}" | sort -n)
pick() { echo "$sorted" | sed -n "$(( ($1 * rounds + 99) / 100 ))p"; }
echo "index lag over $rounds changes: p50 $(pick 50) ms, p90 $(pick 90) ms, max $(pick 100) ms"
