# shellcheck shell=bash
# Shared set-up: make PostgreSQL, Redis and Elasticsearch available on loopback, and the local secrets.
# Sourced by bin/run, bin/test and bin/stop. Everything is idempotent: a second run reuses what is there.
set -euo pipefail

CQ_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ "$(id -u)" = 0 ]; then
  CQ_STATE_DIR="${CQ_STATE_DIR:-/var/lib/credit-query}"
else
  CQ_STATE_DIR="${CQ_STATE_DIR:-$HOME/.local/share/credit-query}"
fi
CQ_ES_VERSION="${CQ_ES_VERSION:-9.2.0}"
CQ_ES_PORT="${CQ_ES_PORT:-9200}"
CQ_ES_USER="${CQ_ES_USER:-cq-es}"
CQ_PG_HOST="${CQ_PG_HOST:-127.0.0.1}"
CQ_PG_PORT="${CQ_PG_PORT:-5432}"
CQ_REDIS_PORT="${CQ_REDIS_PORT:-6379}"
ES_HOME="$CQ_STATE_DIR/elasticsearch-$CQ_ES_VERSION"

log() { printf '[credit-query] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

apt_install() {
  [ "$(id -u)" = 0 ] || die "need root to install $* (or install it yourself)"
  log "installing $* from Debian packages"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
  if pg_isready -q -h "$CQ_PG_HOST" -p "$CQ_PG_PORT" 2>/dev/null; then return; fi
  command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  # After a hard stop during a bulk load, crash recovery replays up to max_wal_size of WAL first: minutes, not seconds.
  for _ in $(seq 1 300); do pg_isready -q -h "$CQ_PG_HOST" -p "$CQ_PG_PORT" && return; sleep 1; done
  die "PostgreSQL did not come up on $CQ_PG_HOST:$CQ_PG_PORT"
}

psql_admin() {
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA -p "$CQ_PG_PORT" "$@"
  else
    psql -v ON_ERROR_STOP=1 -qtA -h "$CQ_PG_HOST" -p "$CQ_PG_PORT" -U postgres "$@"
  fi
}

# Two roles with generated passwords (works with trust and with scram auth), and one database per use:
# creditquery_owner owns the databases and every table and runs the migrations; creditquery, the service's role,
# may only read and write rows (and only append to the audit log; V17__database_roles.sql grants it).
# A database from before the owner role existed is handed over to it once (reassign owned).
ensure_databases() {
  local password="$1" owner_password="$2"; shift 2
  ensure_role creditquery "$password"
  ensure_role creditquery_owner "$owner_password"
  # The owner changes the owner of the queue tables to the service (it vacuums them) and so must be able to act as it.
  [ "$(psql_admin -c "select 1 from pg_auth_members where roleid = 'creditquery'::regrole and member = 'creditquery_owner'::regrole")" = 1 ] ||
    psql_admin -c "grant creditquery to creditquery_owner"
  local db
  for db in "$@"; do
    if [ "$(psql_admin -c "select 1 from pg_database where datname='$db'")" != 1 ]; then
      log "creating database $db"
      psql_admin -c "create database $db owner creditquery_owner encoding 'UTF8' template template0"
    elif [ "$(psql_admin -c "select pg_get_userbyid(datdba) from pg_database where datname='$db'")" = creditquery ]; then
      log "handing database $db over to the owner role creditquery_owner"
      psql_admin -d "$db" -c "reassign owned by creditquery to creditquery_owner"
    fi
  done
}

ensure_role() {
  if [ "$(psql_admin -c "select 1 from pg_roles where rolname='$1'")" != 1 ]; then
    psql_admin -c "create role $1 login password '$2'"
  else
    psql_admin -c "alter role $1 password '$2'"
  fi
}

ensure_redis() {
  if redis-cli -h 127.0.0.1 -p "$CQ_REDIS_PORT" ping >/dev/null 2>&1; then return; fi
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  log "starting Redis on 127.0.0.1:$CQ_REDIS_PORT"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$CQ_REDIS_PORT" --save "" --appendonly no \
    --dir "${TMPDIR:-/tmp}" --logfile "$CQ_STATE_DIR/redis.log"
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 -p "$CQ_REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.5; done
  die "Redis did not come up on 127.0.0.1:$CQ_REDIS_PORT"
}

es_up() { curl -fsS "http://127.0.0.1:$CQ_ES_PORT/_cluster/health?wait_for_status=yellow&timeout=${1:-1s}" >/dev/null 2>&1; }
es_answers() { curl -fsS "http://127.0.0.1:$CQ_ES_PORT/_cluster/health" >/dev/null 2>&1; }

# A node that recovers large indices (a load-test data set, after a hard stop) answers long before it is yellow.
# The service creates its own indices on demand, so after ten minutes a node still recovering others is used anyway.
await_es_yellow() {
  local round
  for round in $(seq 1 60); do
    es_up 10s && return
    [ $((round % 6)) = 0 ] && log "Elasticsearch is recovering: $(curl -fsS "http://127.0.0.1:$CQ_ES_PORT/_cluster/health" \
      | jq -r '"\(.status), \(.initializing_shards) shards initializing, \(.unassigned_shards) unassigned"')"
  done
  log "WARNING: Elasticsearch is not yellow after 10 minutes; going on (see $CQ_STATE_DIR/es-logs)"
}

es_java_home() {
  local candidate
  for candidate in "${ES_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
    /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then echo "$candidate"; return; fi
  done
  die "Elasticsearch $CQ_ES_VERSION needs Java 21+; set ES_JAVA_HOME"
}

install_elasticsearch() {
  [ -x "$ES_HOME/bin/elasticsearch" ] && return
  log "fetching Elasticsearch $CQ_ES_VERSION (Maven test distribution)"
  local dist="$CQ_STATE_DIR/dist"
  mkdir -p "$dist"
  (cd "$CQ_ROOT" && mvn -B -q dependency:copy \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$CQ_ES_VERSION:zip" \
    -DoutputDirectory="$dist") >&2
  rm -rf "$ES_HOME.tmp" && mkdir -p "$ES_HOME.tmp"
  unzip -q "$dist/elasticsearch-$CQ_ES_VERSION.zip" -d "$ES_HOME.tmp"
  mv "$ES_HOME.tmp/elasticsearch-$CQ_ES_VERSION" "$ES_HOME" && rm -rf "$ES_HOME.tmp"
  cat > "$ES_HOME/config/elasticsearch.yml" <<YML
cluster.name: credit-query
node.name: cq-node-1
discovery.type: single-node
xpack.security.enabled: false
network.host: 127.0.0.1
http.port: $CQ_ES_PORT
transport.port: $((CQ_ES_PORT + 100))
path.data: $CQ_STATE_DIR/es-data
path.logs: $CQ_STATE_DIR/es-logs
action.destructive_requires_name: false
YML
}

ensure_elasticsearch() {
  if es_answers; then await_es_yellow; return; fi
  mkdir -p "$CQ_STATE_DIR"
  install_elasticsearch
  mkdir -p "$CQ_STATE_DIR/es-data" "$CQ_STATE_DIR/es-logs"
  local java_home
  java_home=$(es_java_home)
  log "starting Elasticsearch $CQ_ES_VERSION on 127.0.0.1:$CQ_ES_PORT"
  if [ "$(id -u)" = 0 ]; then
    # Elasticsearch refuses to run as root: it runs as an unprivileged system user that owns only its own files.
    id "$CQ_ES_USER" >/dev/null 2>&1 || useradd -r -M -s /usr/sbin/nologin "$CQ_ES_USER"
    chmod 755 "$CQ_STATE_DIR"
    chown -R "$CQ_ES_USER:" "$ES_HOME" "$CQ_STATE_DIR/es-data" "$CQ_STATE_DIR/es-logs"
    runuser -u "$CQ_ES_USER" -- env ES_JAVA_HOME="$java_home" ES_JAVA_OPTS="${CQ_ES_JAVA_OPTS:--Xms1g -Xmx1g}" \
      "$ES_HOME/bin/elasticsearch" -d -p "$ES_HOME/es.pid" >/dev/null
  else
    env ES_JAVA_HOME="$java_home" ES_JAVA_OPTS="${CQ_ES_JAVA_OPTS:--Xms1g -Xmx1g}" \
      "$ES_HOME/bin/elasticsearch" -d -p "$ES_HOME/es.pid" >/dev/null
  fi
  for _ in $(seq 1 300); do es_answers && { await_es_yellow; return; }; sleep 1; done
  die "Elasticsearch did not come up on 127.0.0.1:$CQ_ES_PORT (see $CQ_STATE_DIR/es-logs)"
}

stop_elasticsearch() {
  if [ -f "$ES_HOME/es.pid" ]; then
    log "stopping Elasticsearch"
    kill "$(cat "$ES_HOME/es.pid")" 2>/dev/null || true
    for _ in $(seq 1 30); do es_answers || return 0; sleep 1; done
  fi
}

# Local secrets, generated once per machine (shared by every clone) and never committed: database password,
# citizen-ID hash key, JWT signing keys. They live in the state directory and are exported to the service.
ensure_secrets() {
  local env_file="$CQ_STATE_DIR/secrets.env" jwt_dir="$CQ_STATE_DIR/jwt"
  mkdir -p "$jwt_dir" && chmod 700 "$jwt_dir"
  if [ ! -f "$jwt_dir/signing-key.pem" ]; then
    log "generating a dev JWT key pair in $jwt_dir"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$jwt_dir/signing-key.pem" 2>/dev/null
    openssl pkey -in "$jwt_dir/signing-key.pem" -pubout -out "$jwt_dir/verify-key.pem"
    chmod 600 "$jwt_dir/signing-key.pem"
  fi
  if [ ! -f "$jwt_dir/receipt-key.pem" ]; then
    log "generating a dev Ed25519 key pair for signed receipts in $jwt_dir"
    openssl genpkey -algorithm ed25519 -out "$jwt_dir/receipt-key.pem" 2>/dev/null
    openssl pkey -in "$jwt_dir/receipt-key.pem" -pubout -out "$jwt_dir/receipt-public.pem"
    chmod 600 "$jwt_dir/receipt-key.pem"
  fi
  if [ ! -f "$jwt_dir/report-seal-key.pem" ]; then
    log "generating a dev key and self-signed certificate for sealing PDF reports in $jwt_dir"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -keyout "$jwt_dir/report-seal-key.pem" \
      -out "$jwt_dir/report-seal-cert.pem" -subj "/O=credit-query/CN=credit-query development report seal" \
      -addext "keyUsage=critical,digitalSignature,nonRepudiation" 2>/dev/null
    chmod 600 "$jwt_dir/report-seal-key.pem"
  fi
  if [ ! -f "$env_file" ]; then
    log "generating local secrets in $env_file"
    (umask 077 && cat > "$env_file" <<ENV
CQ_DB_PASSWORD=$(openssl rand -hex 16)
CQ_DB_OWNER_PASSWORD=$(openssl rand -hex 16)
CQ_AUDIT_CHAIN_KEY=$(openssl rand -hex 32)
CQ_ID_HASH_KEY=$(openssl rand -hex 32)
CQ_JWT_SIGN_KEY=$jwt_dir/signing-key.pem
CQ_JWT_VERIFY_KEY=$jwt_dir/verify-key.pem
ENV
    )
  fi
  # Secrets added by later versions are appended to an existing file.
  grep -q '^CQ_DB_OWNER_PASSWORD=' "$env_file" || echo "CQ_DB_OWNER_PASSWORD=$(openssl rand -hex 16)" >> "$env_file"
  grep -q '^CQ_AUDIT_CHAIN_KEY=' "$env_file" || echo "CQ_AUDIT_CHAIN_KEY=$(openssl rand -hex 32)" >> "$env_file"
  grep -q '^CQ_API_KEY_PEPPER=' "$env_file" || echo "CQ_API_KEY_PEPPER=$(openssl rand -hex 32)" >> "$env_file"
  grep -q '^CQ_REPORT_SEAL_KEY=' "$env_file" || printf 'CQ_REPORT_SEAL_KEY=%s\nCQ_REPORT_SEAL_CERT=%s\n' \
    "$jwt_dir/report-seal-key.pem" "$jwt_dir/report-seal-cert.pem" >> "$env_file"
  grep -q '^CQ_RECEIPT_KEY=' "$env_file" || printf 'CQ_RECEIPT_KEY=%s\nCQ_RECEIPT_PUBLIC_KEY=%s\n' \
    "$jwt_dir/receipt-key.pem" "$jwt_dir/receipt-public.pem" >> "$env_file"
  # shellcheck disable=SC1090
  set -a; . "$env_file"; set +a
}

# Credit reports (PDF) embed a CJK TrueType font; WenQuanYi Zen Hei has TrueType outlines, which PDFBox can subset.
CQ_REPORT_FONT="${CQ_REPORT_FONT:-/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}"
export CQ_REPORT_FONT
ensure_report_font() {
  [ -f "$CQ_REPORT_FONT" ] || apt_install fonts-wqy-zenhei
  [ -f "$CQ_REPORT_FONT" ] || die "no CJK font at $CQ_REPORT_FONT for credit reports (package fonts-wqy-zenhei)"
}

# Report signatures are checked in the tests with poppler's pdfsig too: what an ordinary PDF reader does.
ensure_pdf_tools() {
  command -v pdfsig >/dev/null 2>&1 || apt_install poppler-utils
}

# The portal's end-to-end test drives Debian's Chromium with playwright-core from the npm registry (e2e/).
ensure_browser() {
  command -v chromium >/dev/null 2>&1 || apt_install chromium
  command -v npm >/dev/null 2>&1 || apt_install npm
  if [ ! -d "$CQ_ROOT/e2e/node_modules/playwright-core" ]; then
    (cd "$CQ_ROOT/e2e" && npm ci --no-audit --no-fund >/dev/null) || die "npm ci in e2e/ failed"
  fi
}

ensure_stores() {
  mkdir -p "$CQ_STATE_DIR"
  ensure_report_font
  ensure_secrets
  ensure_postgres
  ensure_databases "$CQ_DB_PASSWORD" "$CQ_DB_OWNER_PASSWORD" creditquery creditquery_test creditquery_rekey creditquery_crash creditquery_cluster creditquery_replicas \
    creditquery_e2e
  ensure_redis
  ensure_elasticsearch
}
