#!/usr/bin/env bash
# Issue 2: sign-up to usable shop. Fills a fresh database with PRESENT shops (sign-ups, FILL_PARALLEL
# at a time), then times SIGNUPS sequential `POST /api/v1/signup` calls — each returns once the
# shop's schema is created and migrated — and prints median / p95 with the number of tenant
# schemas present before the measurement. Target: median < 300 ms with 1,000 shops present.
#
# Settings (environment): PRESENT=1000 SIGNUPS=200 FILL_PARALLEL=4 BASELINE=20 (sequential
#   sign-ups timed on the empty database first, for comparison; 0 to skip)
source "$(dirname "$0")/lib.sh"

PRESENT=${PRESENT:-1000}
SIGNUPS=${SIGNUPS:-200}
FILL_PARALLEL=${FILL_PARALLEL:-4}
BASELINE=${BASELINE:-20}

APP_DB="mercato_bench_signup_$RUN_ID"
OUT="$RESULTS/signup-$RUN_ID"
mkdir -p "$OUT"

schemas() { psql -At -d "$APP_DB" -c "SELECT count(*) FROM pg_namespace WHERE nspname ~ '^t_[0-9a-f]{32}$'"; }

ensure_jar
create_db "$APP_DB"
PORT=$(free_port)
start_app "$APP_DB" "$PORT" "$OUT/app.log"
BASE="http://127.0.0.1:$PORT"

BASELINE_LINE=""
if ((BASELINE > 0)); then
    before=$(schemas)
    log "baseline: $BASELINE sequential sign-ups with $before schemas present"
    BASELINE_LINE="$(java "$BENCH_DIR/SignupBench.java" measure "$BASE" "$BASELINE" "b$RUN_TAG" "$OUT/baseline.csv") schemas_present=$before"
    echo "$BASELINE_LINE" >&2
fi

log "filling: $PRESENT sign-ups, $FILL_PARALLEL in parallel (load $(load_now))"
java "$BENCH_DIR/SignupBench.java" fill "$BASE" "$PRESENT" "$FILL_PARALLEL" "$RUN_TAG" 2>&1 | tee "$OUT/fill.log" >&2

PRESENT_SCHEMAS=$(schemas)
LOAD_BEFORE=$(load_now)
log "measuring: $SIGNUPS sequential sign-ups with $PRESENT_SCHEMAS schemas present (load $LOAD_BEFORE)"
LINE=$(java "$BENCH_DIR/SignupBench.java" measure "$BASE" "$SIGNUPS" "m$RUN_TAG" "$OUT/latencies.csv")
LOAD_AFTER=$(load_now)
TABLES=$(psql -At -d "$APP_DB" -c "SELECT count(*) FROM pg_tables WHERE schemaname ~ '^t_[0-9a-f]{32}$'")

REPORT="$OUT/report.txt"
{
    echo "sign-up to usable shop   run $RUN_ID   $(date -u +%FT%TZ)"
    [[ -n "$BASELINE_LINE" ]] && echo "baseline: $BASELINE_LINE"
    echo "measured: $LINE schemas_present=$PRESENT_SCHEMAS (target: median < 300 ms with 1000 present)"
    echo "after: $(schemas) tenant schemas, $TABLES tenant tables"
    echo "load average before / after the measurement: $LOAD_BEFORE / $LOAD_AFTER"
    echo "latencies: $OUT/latencies.csv"
} | tee "$REPORT"
cp "$REPORT" "$RESULTS/signup-latest.txt"
