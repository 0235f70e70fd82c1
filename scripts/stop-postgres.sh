#!/usr/bin/env bash
# Stops the test PostgreSQL server started by scripts/start-postgres.sh and removes its data.
set -euo pipefail
DATA="${DIOGELU_PGDATA:-/tmp/diogelu-postgres}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -n "$BIN" ] && [ -f "$DATA/postmaster.pid" ]; then
    runuser -u postgres -- "$BIN/pg_ctl" -D "$DATA" -m fast stop
fi
rm -rf "$DATA"
