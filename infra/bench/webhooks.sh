#!/usr/bin/env bash
# Issue 4: webhook ingestion. Builds the bench module (-Pbench, never part of `./mvnw verify`) and
# runs com.mercato.bench.WebhookBench: the application in-process against a fresh database, the
# fake Stripe from web-api's test sources, 10,000 signed deliveries (10% duplicates, shuffled)
# from 32 concurrent senders, then a sequential replay on twin shops and a comparison of final states.
#
# Settings (environment): EVENTS=10000 DUPLICATES=0.10 CONCURRENCY=32 SEED=42
source "$(dirname "$0")/lib.sh"

EVENTS=${EVENTS:-10000}
DUPLICATES=${DUPLICATES:-0.10}
CONCURRENCY=${CONCURRENCY:-32}
SEED=${SEED:-42}

log "building the bench module"
(cd "$ROOT" && ./mvnw -B -ntp -q -Pbench -pl infra/bench -am test-compile -Dmaven.test.skip.exec=true)
CP="$BENCH_DIR/target/classes:$(cat "$BENCH_DIR/target/classpath.txt")"
pick_redis_db
log "running (load $(load_now), redis db $REDIS_DB)"
java -Xmx1g -cp "$CP" \
    -Dbench.events="$EVENTS" -Dbench.duplicates="$DUPLICATES" -Dbench.concurrency="$CONCURRENCY" -Dbench.seed="$SEED" \
    -Dbench.results="$RESULTS" -Dbench.postgres="127.0.0.1:$PGPORT" -Dbench.postgres-user="$PGUSER" \
    -Dbench.redis="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB" \
    com.mercato.bench.WebhookBench | grep -v "^Running Changeset\|^Liquibase: Update has been successful"
