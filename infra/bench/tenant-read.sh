#!/usr/bin/env bash
# Issue 2: tenant-scoped read against raw PostgreSQL, in one run.
#   GET /api/v1/shops/{slug}/contacts/{id} (authenticated, random shop and id) driven by wrk at
#   concurrency C for D seconds, then `pgbench -S` over TCP at the same concurrency and duration
#   against a pgbench-initialised scratch database; prints both throughputs and their ratio
#   (target >= 0.25). Everything on 127.0.0.1; both databases are dropped at the end.
#
# Settings (environment): SHOPS=50 CONTACTS=100 (per shop) CONCURRENCY=16 DURATION=30 (s)
#   WARMUP=20 (s of wrk before the measured run; less leaves the JIT still compiling in round 1) PGBENCH_SCALE=10 ROUNDS=1 (alternating rounds)
#   SQL_SAMPLES=0 (1: sample pg_stat_activity of the app's database 10x a second during round 1 and
#   list the statements seen most, to show what a read costs in SQL)
#   PROFILE=0 (1: record round 1 with Java Flight Recorder and list where the application's CPU goes)
#   CEILING=1 (also drive GET /actuator/health/liveness — no session, no database — to show what
#   the HTTP stack alone reaches on this machine)
#   AUTH=session (the owner's session cookie, as the web app reads) or bearer (an access token of
#   an integration client of the shop, as an API integration reads; no HTTP session)
source "$(dirname "$0")/lib.sh"

SHOPS=${SHOPS:-50}
CONTACTS=${CONTACTS:-100}
CONCURRENCY=${CONCURRENCY:-16}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-20}
PGBENCH_SCALE=${PGBENCH_SCALE:-10}
ROUNDS=${ROUNDS:-1}
CEILING=${CEILING:-1}
SQL_SAMPLES=${SQL_SAMPLES:-0}
PROFILE=${PROFILE:-0}
AUTH=${AUTH:-session}
[[ $AUTH == session || $AUTH == bearer ]] || { echo "AUTH is session or bearer, not $AUTH" >&2; exit 2; }

if ! command -v wrk >/dev/null; then
    log "installing wrk"
    if [[ $(id -u) -eq 0 ]]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi
command -v pgbench >/dev/null || { log "pgbench is missing (postgresql-contrib / postgresql-client)"; exit 1; }

APP_DB="mercato_bench_read_$RUN_ID"
PGBENCH_DB="mercato_bench_pgbench_$RUN_ID"
OUT="$RESULTS/tenant-read-$RUN_ID"
mkdir -p "$OUT"

ensure_jar
create_db "$APP_DB"
PORT=$(free_port)
# Tokens outlive the bench (the default lifetime is five minutes).
start_app "$APP_DB" "$PORT" "$OUT/app.log" -Dmercato.oauth.access-token-ttl=PT1H
BASE="http://127.0.0.1:$PORT"

log "preparing $SHOPS shops x $CONTACTS contacts"
java "$BENCH_DIR/TenantReadSetup.java" "$BASE" "$SHOPS" "$CONTACTS" "$OUT/pairs.lua" "$RUN_TAG" "$AUTH" 2>&1 | tee "$OUT/setup.log" >&2

log "initialising pgbench scale $PGBENCH_SCALE"
create_db "$PGBENCH_DB"
pgbench -h 127.0.0.1 -i -q -s "$PGBENCH_SCALE" "$PGBENCH_DB" >"$OUT/pgbench-init.log" 2>&1

export BENCH_PAIRS="$OUT/pairs.lua"
log "warm-up: wrk ${WARMUP}s"
wrk -t2 -c"$CONCURRENCY" -d"${WARMUP}s" -s "$BENCH_DIR/tenant-read.lua" "$BASE" >"$OUT/wrk-warmup.txt"

# Redis serves only this bench while it runs, so the server-wide command count is the application's.
redis_commands() { redis-cli -h 127.0.0.1 INFO stats | tr -d '\r' | awk -F: '/^total_commands_processed/ {print $2}'; }
xacts() { psql -At -d postgres -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$APP_DB'"; }

# CPU time, in clock ticks: the whole machine (all but idle and I/O wait), and the sum over some
# processes (those alive at both ends of a round: the application, its PostgreSQL backends, Redis).
TICK=$(getconf CLK_TCK)
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
process_ticks() { local t=0 p; for p in "$@"; do [[ -r /proc/$p/stat ]] && t=$((t + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}'))); done; echo "$t"; }
postgres_pids() { pgrep -x postgres | tr '\n' ' '; }
# microseconds of CPU per operation: ticks delta, operations
per_op() { awk -v d="$1" -v n="$2" -v t="$TICK" 'BEGIN { printf "%.0f", d * 1e6 / t / n }'; }
cpu_lines=()

app_rates=()
pg_rates=()
xact_per_request=()
redis_per_request=()
for round in $(seq 1 "$ROUNDS"); do
    log "round $round: wrk -t2 -c$CONCURRENCY -d${DURATION}s (load $(load_now))"
    x0=$(xacts)
    r0=$(redis_commands)
    sampler=""
    if ((SQL_SAMPLES)) && ((round == 1)); then
        (end=$((SECONDS + DURATION)); while ((SECONDS < end)); do
            psql -At -d postgres -c "SELECT state || ' | ' || regexp_replace(query, '\s+', ' ', 'g') FROM pg_stat_activity
                WHERE datname = '$APP_DB' AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
            sleep 0.1
        done) >"$OUT/sql-samples.txt" 2>/dev/null &
        sampler=$!
    fi
    if ((PROFILE)) && ((round == 1)); then
        "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.start name=read settings=profile duration="${DURATION}s" filename="$OUT/read.jfr" >/dev/null
    fi
    pg_pids=$(postgres_pids); redis_pid=$(pgrep -x redis-server | head -1)
    m0=$(machine_ticks); j0=$(process_ticks "$APP_PID"); p0=$(process_ticks $pg_pids); c0=$(process_ticks "$redis_pid")
    wrk -t2 -c"$CONCURRENCY" -d"${DURATION}s" --latency -s "$BENCH_DIR/tenant-read.lua" "$BASE" | tee "$OUT/wrk-$round.txt" >&2
    m1=$(machine_ticks); j1=$(process_ticks "$APP_PID"); p1=$(process_ticks $pg_pids); c1=$(process_ticks "$redis_pid")
    if grep -q "Non-2xx" "$OUT/wrk-$round.txt"; then
        log "wrk saw non-2xx responses: the read is not what is being measured"; exit 1
    fi
    [[ -n "$sampler" ]] && wait "$sampler"
    app_rates+=("$(awk '/^Requests\/sec/ {print $2}' "$OUT/wrk-$round.txt")")
    sleep 1  # PostgreSQL flushes its statistics about once a second
    x1=$(xacts)
    r1=$(redis_commands)
    requests=$(awk '/requests in/ {print $1}' "$OUT/wrk-$round.txt")
    xact_per_request+=("$(awk -v a="$x0" -v b="$x1" -v n="$requests" 'BEGIN { printf "%.2f", (b - a) / n }')")
    redis_per_request+=("$(awk -v a="$r0" -v b="$r1" -v n="$requests" 'BEGIN { printf "%.2f", (b - a) / n }')")
    read_us=$(per_op $((m1 - m0)) "$requests")
    read_cpu="read $read_us (application $(per_op $((j1 - j0)) "$requests"), PostgreSQL $(per_op $((p1 - p0)) "$requests"), Redis $(per_op $((c1 - c0)) "$requests"))"

    log "round $round: pgbench -S -c$CONCURRENCY -j2 -T$DURATION (load $(load_now))"
    m0=$(machine_ticks)
    pgbench -h 127.0.0.1 -S -n -c "$CONCURRENCY" -j 2 -T "$DURATION" "$PGBENCH_DB" | tee "$OUT/pgbench-$round.txt" >&2
    m1=$(machine_ticks)
    pg_rates+=("$(awk -F'= ' '/^tps/ {split($2, a, " "); print a[1]; exit}' "$OUT/pgbench-$round.txt")")
    transactions=$(awk -F': ' '/actually processed/ {print $2}' "$OUT/pgbench-$round.txt")
    pgbench_us=$(per_op $((m1 - m0)) "$transactions")
    cpu_lines+=("round $round, CPU µs per operation, whole machine: $read_cpu; pgbench transaction $pgbench_us; their quotient $(awk -v p="$pgbench_us" -v r="$read_us" 'BEGIN { printf "%.3f", p / r }')")
done

CEILING_LINE=""
if ((CEILING)); then
    log "ceiling: wrk on /actuator/health/liveness (load $(load_now))"
    m0=$(machine_ticks); j0=$(process_ticks "$APP_PID")
    wrk -t2 -c"$CONCURRENCY" -d"${DURATION}s" --latency "$BASE/actuator/health/liveness" | tee "$OUT/wrk-ceiling.txt" >&2
    m1=$(machine_ticks); j1=$(process_ticks "$APP_PID")
    CEILING_LINE="$(awk '/^Requests\/sec/ {print $2}' "$OUT/wrk-ceiling.txt")"
    requests=$(awk '/requests in/ {print $1}' "$OUT/wrk-ceiling.txt")
    cpu_lines+=("ceiling, CPU µs per operation, whole machine: liveness $(per_op $((m1 - m0)) "$requests") (application $(per_op $((j1 - j0)) "$requests"))")
fi

LOAD=$(load_now)
SCHEMAS=$(psql -At -d "$APP_DB" -c "SELECT count(*) FROM public.tenants")
REPORT="$OUT/report.txt"
{
    echo "tenant-scoped read vs pgbench -S   run $RUN_ID   $(date -u +%FT%TZ)"
    echo "auth=$AUTH shops=$SHOPS contacts/shop=$CONTACTS concurrency=$CONCURRENCY duration=${DURATION}s pgbench-scale=$PGBENCH_SCALE tenants=$SCHEMAS"
    for i in "${!app_rates[@]}"; do
        awk -v r=$((i + 1)) -v a="${app_rates[$i]}" -v p="${pg_rates[$i]}" -v x="${xact_per_request[$i]}" -v c="${redis_per_request[$i]}" \
            'BEGIN { printf "round %d: app %.0f req/s, pgbench %.0f tps, ratio %.3f (target >= 0.25); per request %s database transactions, %s Redis commands\n", r, a, p, a / p, x, c }'
    done
    [[ -n "$CEILING_LINE" ]] && awk -v c="$CEILING_LINE" -v p="${pg_rates[0]}" \
        'BEGIN { printf "ceiling: GET /actuator/health/liveness (no session, no database) %.0f req/s = %.3f of pgbench\n", c, c / p }'
    printf '%s\n' "${cpu_lines[@]}"
    awk '/Latency Distribution/ {f=1; next} f && /%/ {printf "%s=%s ", $1, $2} /requests in/ {f=0}' "$OUT/wrk-1.txt" | sed 's/^/read latency round 1: /'; echo
    if [[ -s "$OUT/read.jfr" ]]; then
        echo "where the application's CPU went during round 1 (share of samples with the frame on the stack):"
        "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 200 "$OUT/read.jfr" | python3 "$BENCH_DIR/jfr-shares.py"
    fi
    if [[ -s "$OUT/sql-samples.txt" ]]; then
        echo "statements seen in pg_stat_activity during round 1 (state | last statement, count of samples):"
        sort "$OUT/sql-samples.txt" | uniq -c | sort -rn | head -12 | cut -c1-220
    fi
    echo "load average at the end: $LOAD"
    echo "machine: $(nproc) cores; app, wrk, pgbench and PostgreSQL share them"
} | tee "$REPORT"
cp "$REPORT" "$RESULTS/tenant-read-latest.txt"
