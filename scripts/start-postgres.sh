#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suite, on 127.0.0.1 only, in a
# temporary data folder, installing Debian's postgresql package first if it is missing.
# Prints the database URL on the last line. Stop it with scripts/stop-postgres.sh.
#
# The test suite's server skips fsync: it is thrown away, and tests do not measure
# durability by pulling the power. The benchmark sets DIOGELU_PG_DURABLE=1 and gets what
# production runs: every commit flushed to disk before it is acknowledged.
set -euo pipefail

PGPORT="${DIOGELU_PGPORT:-55432}"
DATA="${DIOGELU_PGDATA:-/tmp/diogelu-postgres}"

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
    echo "Installing PostgreSQL from Debian's packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"

# initdb and pg_ctl refuse to run as root: the server runs as the postgres user, on a
# data folder it owns, reachable over loopback only.
if [ -f "$DATA/postmaster.pid" ]; then
    runuser -u postgres -- "$BIN/pg_ctl" -D "$DATA" -m fast stop >&2 || true
fi
rm -rf "$DATA"
mkdir -p "$DATA"
chown postgres:postgres "$DATA"
runuser -u postgres -- "$BIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --no-sync >&2
if [ "${DIOGELU_PG_DURABLE:-0}" = "1" ]; then
    DURABILITY="-c fsync=on -c synchronous_commit=on -c shared_buffers=2GB -c effective_cache_size=8GB -c max_wal_size=8GB"
else
    DURABILITY="-c fsync=off -c synchronous_commit=off"
fi
# Swift Testing runs the whole suite at once, each test with pools of its own (up to 16
# connections each): at 200 the suite, grown past 550 tests, met "sorry, too many clients
# already" and timed-out connection requests on a loaded machine.
runuser -u postgres -- "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$DATA $DURABILITY -c max_connections=1000" \
    start >&2
runuser -u postgres -- "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres diogelu_test >&2
echo "postgres://postgres@127.0.0.1:$PGPORT/diogelu_test"
