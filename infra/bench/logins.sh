#!/usr/bin/env bash
# Issue 3: concurrent logins. Builds the bench module (-Pbench) and runs com.mercato.bench.LoginBench:
# the application in-process against a fresh database, 20 shops x 10 members (inserted directly,
# so more members than seats on most plans, as after a downgrade), all logging in at once through
# the form and making one API call; logins/s, p99 and seat violations (must be 0).
#
# Settings (environment): SHOPS=20 MEMBERS=10 (per shop, owner included)
source "$(dirname "$0")/lib.sh"

SHOPS=${SHOPS:-20}
MEMBERS=${MEMBERS:-10}

log "building the bench module"
(cd "$ROOT" && ./mvnw -B -ntp -q -Pbench -pl infra/bench -am test-compile -Dmaven.test.skip.exec=true)
CP="$BENCH_DIR/target/classes:$(cat "$BENCH_DIR/target/classpath.txt")"
pick_redis_db
log "running (load $(load_now), redis db $REDIS_DB)"
java -Xmx1g -cp "$CP" -Dbench.shops="$SHOPS" -Dbench.members="$MEMBERS" \
    -Dbench.results="$RESULTS" -Dbench.postgres="127.0.0.1:$PGPORT" -Dbench.postgres-user="$PGUSER" \
    -Dbench.redis="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB" \
    com.mercato.bench.LoginBench | grep -v "^Running Changeset\|^Liquibase: Update has been successful"
