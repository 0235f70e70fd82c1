#!/usr/bin/env bash
# The national-scale benchmark: builds release, seeds a synthetic partnership
# (default 1,000,000 children and 2,000,000 referrals), starts the server, and measures
# referral submission, the hub queue page and the child record page over real HTTP on
# loopback with 32 concurrent clients; on SQLite, then on PostgreSQL (started by
# scripts/start-postgres.sh). Usage: scripts/bench.sh [children] [referrals] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
CHILDREN="${1:-1000000}"
REFERRALS="${2:-2000000}"
SECONDS_EACH="${3:-20}"
SCRATCH=".build-release"
swift build -c release --scratch-path "$SCRATCH" --product diogelu
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/diogelu"
WORK="$(mktemp -d)"
# The PostgreSQL server runs as the postgres user and keeps its data in here.
chmod 755 "$WORK"
PORT=18100
SERVER_PID=""
# Only the server this script started is stopped: another on the machine is left alone.
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; DIOGELU_PGDATA="$WORK/postgres" bash scripts/stop-postgres.sh >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

bench_one() {
    local label="$1"; shift
    echo "=== $label: seeding $CHILDREN children and $REFERRALS referrals"
    env "$@" DIOGELU_BCRYPT_COST=8 "$BIN" bench seed --children "$CHILDREN" --referrals "$REFERRALS" \
        --credentials "$WORK/credentials.json" | grep -v "^\[" | tail -1
    # The seed leaves a gigabyte of written pages for the kernel to put on disk; measured
    # at once, the first pages waited on that writeback (the hub queue at half its rate).
    sync
    env "$@" PORT=$PORT LOG_LEVEL=info "$BIN" serve > "$WORK/serve.log" 2>&1 &
    local pid=$!
    SERVER_PID=$pid
    for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/sign-in" 2>/dev/null && break; sleep 0.5; done
    # Measure the server warmed: at start it reads every child into the matching index,
    # which at national scale takes both cores for half a minute.
    for _ in $(seq 1 600); do grep -q "Child index loaded" "$WORK/serve.log" && break; sleep 0.5; done
    grep -o "Child index loaded.*" "$WORK/serve.log" | head -1
    echo "=== $label: 32 clients, ${SECONDS_EACH}s each, over HTTP on loopback (release build, $(nproc) cores)"
    "$BIN" bench load --url "http://127.0.0.1:$PORT" --credentials "$WORK/credentials.json" --clients 32 \
        --seconds "$SECONDS_EACH" --server-pid "$pid" | grep -v "^\["
    kill "$pid"; wait "$pid" 2>/dev/null || true
    SERVER_PID=""
    # The performance framework over the same partnership (issue 17, item 1).
    env "$@" "$BIN" bench framework | grep -v "^\[" | tail -1
}

# The child protection measures over two years of 200,000 children's work, each engine
# in a database of its own (issue 17, item 1).
# MEASURE_CASES=0 leaves them out (the pages' run alone takes a quarter of an hour).
measures_one() {
    local label="$1"; shift
    [ "${MEASURE_CASES:-200000}" = "0" ] && return 0
    echo "=== $label: child protection measures"
    env "$@" DIOGELU_BCRYPT_COST=8 "$BIN" bench measures --cases "${MEASURE_CASES:-200000}" | grep -v "^\[" | tail -1
    env "$@" "$BIN" bench framework | grep -v "^\[" | tail -1
}

bench_one "SQLite" DIOGELU_DATABASE_PATH="$WORK/bench.sqlite"
measures_one "SQLite" DIOGELU_DATABASE_PATH="$WORK/measures.sqlite"
# PostgreSQL as production runs it: every commit flushed to disk before it is answered.
# Its own port and folder, so a test server started beside it is left alone.
export DIOGELU_PG_DURABLE=1 DIOGELU_PGPORT=55440 DIOGELU_PGDATA="$WORK/postgres"
PG_URL="$(bash scripts/start-postgres.sh | tail -1)"
bench_one "PostgreSQL" DATABASE_URL="$PG_URL"
psql "${PG_URL%/*}/postgres" -qc "CREATE DATABASE measures"
measures_one "PostgreSQL" DATABASE_URL="${PG_URL%/*}/measures"
bash scripts/stop-postgres.sh
