# Shared by the bench scripts (sourced, not run). Everything stays on loopback; every database
# and Redis key a bench creates carries its run id and is removed when the script exits.

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/../.." && pwd)
RESULTS="$BENCH_DIR/results"
mkdir -p "$RESULTS"

if [[ -z "${JAVA_HOME:-}" ]]; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
        [[ -x "$candidate/bin/java" ]] && export JAVA_HOME=$candidate && break
    done
fi
[[ -n "${JAVA_HOME:-}" ]] && export PATH="$JAVA_HOME/bin:$PATH"

export PGHOST=127.0.0.1 PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
REDIS_HOST=127.0.0.1
REDIS_PORT=${REDIS_PORT:-6379}
RUN_ID="$(date -u +%Y%m%d%H%M%S)_$$"
# Short, slug-safe (lowercase letters and digits) tag for names that must be slugs or e-mails.
RUN_TAG="$(printf '%x' "$(( $(date +%s) % 16777216 ))")$$"
APP_JAR="$ROOT/web-api/target/mercato.jar"

CREATED_DBS=()
APP_PID=""
REDIS_DB=""
REDIS_PREFIX="mercato:bench:$RUN_ID:"

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# A free TCP port on 127.0.0.1 (asks the kernel for one).
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

create_db() {
    local name=$1
    psql -q -d postgres -c "CREATE DATABASE \"$name\"" >/dev/null
    CREATED_DBS+=("$name")
}

drop_created_dbs() {
    local name
    for name in "${CREATED_DBS[@]}"; do
        psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null 2>&1 || log "could not drop $name"
    done
    CREATED_DBS=()
}

# The highest-numbered Redis database index holding no keys (so sessions never mix with other
# runs on db 0); the key prefix is unique to this run anyway.
pick_redis_db() {
    local i
    for i in $(seq 15 -1 1); do
        if [[ "$(redis-cli -h $REDIS_HOST -p "$REDIS_PORT" -n "$i" dbsize 2>/dev/null)" == "0" ]]; then
            REDIS_DB=$i
            return
        fi
    done
    REDIS_DB=0
}

delete_redis_keys() {
    [[ -z "$REDIS_DB" ]] && return
    redis-cli -h $REDIS_HOST -p "$REDIS_PORT" -n "$REDIS_DB" --scan --pattern "${REDIS_PREFIX}*" \
        | xargs -r -n 500 redis-cli -h $REDIS_HOST -p "$REDIS_PORT" -n "$REDIS_DB" del >/dev/null 2>&1 || true
}

ensure_jar() {
    if [[ ! -f "$APP_JAR" || -n "${BENCH_REBUILD:-}" ]]; then
        log "building $APP_JAR"
        (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package)
    fi
}

# start_app <database> <port> <log file> [extra java args...]: the packaged application against
# a database of ours and a Redis db index / key prefix of ours; waits until it is ready.
start_app() {
    local db=$1 port=$2 logfile=$3
    shift 3
    [[ -z "$REDIS_DB" ]] && pick_redis_db
    local data_dir="$RESULTS/data-$RUN_ID"
    mkdir -p "$data_dir"
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$db" \
    SPRING_DATASOURCE_USERNAME="$PGUSER" \
    SPRING_DATA_REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB" \
    SPRING_SESSION_DATA_REDIS_NAMESPACE="${REDIS_PREFIX}session" \
    MERCATO_REDIS_KEY_PREFIX="$REDIS_PREFIX" \
    MERCATO_DATA_DIR="$data_dir" \
    MERCATO_PUBLIC_URL="http://127.0.0.1:$port" \
    SERVER_ADDRESS=127.0.0.1 \
    PORT="$port" \
        java "$@" -jar "$APP_JAR" >"$logfile" 2>&1 &
    APP_PID=$!
    local deadline=$((SECONDS + 240))
    until curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            log "application exited during start-up; see $logfile"
            tail -30 "$logfile" >&2
            return 1
        fi
        if ((SECONDS > deadline)); then
            log "application not ready after 240 s; see $logfile"
            return 1
        fi
        sleep 1
    done
    log "application ready on 127.0.0.1:$port (pid $APP_PID, redis db $REDIS_DB)"
}

stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        local deadline=$((SECONDS + 30))
        while kill -0 "$APP_PID" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
    rm -rf "$RESULTS/data-$RUN_ID"
}

cleanup() {
    stop_app
    delete_redis_keys
    drop_created_dbs
}
trap cleanup EXIT
trap 'exit 130' INT TERM

load_now() { uptime | sed 's/.*load average: //'; }
