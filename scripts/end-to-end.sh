#!/usr/bin/env bash
# Runs the built `diogelu` executable as a person would: serve with the demo loaded,
# sign in over real HTTP, then `diogelu audit verify` on an intact trail (must pass)
# and on one edited behind the application's back (must fail and name the entry).
# Usage: scripts/end-to-end.sh [postgres-url]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(swift build --show-bin-path)/diogelu"
PG_URL="${1:-}"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

run_against() {
    local label="$1"; shift
    echo "--- $label"
    env "$@" DIOGELU_BCRYPT_COST=8 PORT=18080 "$BIN" serve --demo > "$WORK/serve.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 60); do
        curl -fsS -o /dev/null http://127.0.0.1:18080/sign-in 2>/dev/null && break
        sleep 0.5
    done
    local password
    password="$(awk '$1 == "sian.pritchard" { print $2 }' "$WORK/serve.log")"
    [ -n "$password" ] || { echo "no demo password printed"; cat "$WORK/serve.log"; exit 1; }
    local jar="$WORK/cookies" page token
    page="$(curl -fsS -c "$jar" -b "$jar" http://127.0.0.1:18080/sign-in)"
    token="$(printf '%s' "$page" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
    curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "username=sian.pritchard" \
        --data-urlencode "password=$password" --data-urlencode "return=/children?q=jones" http://127.0.0.1:18080/sign-in
    # A hub social worker must set up two-factor sign-in at her first sign-in: read the key
    # from the page, compute its code as a phone's app would (RFC 6238), confirm it.
    local key code
    key="$(curl -fsS -c "$jar" -b "$jar" http://127.0.0.1:18080/sign-in/set-up \
        | sed -n 's/.*id="two-factor-key" lang="en">\([A-Z2-7 ]*\)<.*/\1/p' | tr -d ' ')"
    [ -n "$key" ] || { echo "no two-factor set-up page after the password"; exit 1; }
    code="$(python3 -c 'import base64,hmac,hashlib,struct,sys,time
k=sys.argv[1]; s=base64.b32decode(k+"="*(-len(k)%8)); m=hmac.new(s,struct.pack(">Q",int(time.time())//30),hashlib.sha1).digest()
o=m[-1]&15; print("%06d"%((struct.unpack(">I",m[o:o+4])[0]&0x7fffffff)%1000000))' "$key")"
    curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "code=$code" \
        http://127.0.0.1:18080/sign-in/set-up
    curl -fsS -c "$jar" -b "$jar" "http://127.0.0.1:18080/children?q=jones" | grep -q "Cerys Jones" \
        || { echo "signed-in search did not find Cerys Jones"; exit 1; }
    echo "signed in over HTTP with a password and a two-factor code, and found a demo child"
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

    env "$@" "$BIN" audit verify | tee "$WORK/verify.txt"
    grep -q "Audit trail intact" "$WORK/verify.txt"
}

tamper_sqlite() {
    python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TRIGGER audit_entries_no_update")
db.execute("UPDATE audit_entries SET reason = 'edited behind your back' WHERE sequence = 5")
db.commit()
PY
}

expect_broken() {
    if env "$@" "$(swift build --show-bin-path)/diogelu" audit verify > "$WORK/broken.txt" 2>&1; then
        echo "verify passed on a tampered trail"; cat "$WORK/broken.txt"; exit 1
    fi
    grep -q "BROKEN at entry 5" "$WORK/broken.txt" || { cat "$WORK/broken.txt"; exit 1; }
    echo "verify named the edited entry: $(grep BROKEN "$WORK/broken.txt")"
}

# Installed as a release would be: the binary and its Resources copied to another
# folder, started from a third. `migrate` with no terminal to ask says how to answer
# instead of crashing, and a wrong DIOGELU_RESOURCES is one sentence.
installed() {
    echo "--- installed in another folder"
    mkdir -p "$WORK/install/bin" "$WORK/elsewhere"
    cp "$BIN" "$WORK/install/bin/diogelu"
    cp -R Resources "$WORK/install/bin/Resources"
    cd "$WORK/elsewhere"
    local db="DIOGELU_DATABASE_PATH=$WORK/elsewhere/installed.sqlite" out
    if out="$(env "$db" "$WORK/install/bin/diogelu" migrate < /dev/null 2>&1)"; then
        echo "migrate ran without asking and without --yes"; exit 1
    fi
    printf '%s\n' "$out" | tail -1 | grep -q "run diogelu migrate --yes" || { echo "$out" | tail -5; exit 1; }
    env "$db" "$WORK/install/bin/diogelu" migrate --yes < /dev/null 2>&1 | grep -q "Migration successful"
    if out="$(env "$db" DIOGELU_RESOURCES="$WORK/nothing" "$WORK/install/bin/diogelu" serve 2>&1)"; then
        echo "served without its resources"; exit 1
    fi
    printf '%s\n' "$out" | tail -1 | grep -q "^DIOGELU_RESOURCES names $WORK/nothing" || { echo "$out" | tail -5; exit 1; }
    env "$db" PORT=18081 "$WORK/install/bin/diogelu" serve > "$WORK/installed.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 60); do curl -fsS -o /dev/null http://127.0.0.1:18081/sign-in 2>/dev/null && break; sleep 0.5; done
    curl -fsS http://127.0.0.1:18081/sign-in | grep -q "Mewngofnodi\|Sign in" || { echo "no sign-in page"; exit 1; }
    curl -fsS -o /dev/null http://127.0.0.1:18081/styles/diogelu.css || { echo "no stylesheet"; exit 1; }
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
    cd "$ROOT_DIR"
    echo "the copied binary migrated (asking for --yes first), refused a wrong DIOGELU_RESOURCES in one sentence, and served"
}

ROOT_DIR="$(pwd)"
passed=0
installed
passed=$((passed + 1))
run_against "SQLite" DIOGELU_DATABASE_PATH="$WORK/e2e.sqlite"
tamper_sqlite "$WORK/e2e.sqlite"
expect_broken DIOGELU_DATABASE_PATH="$WORK/e2e.sqlite"
passed=$((passed + 1))

if [ -n "$PG_URL" ]; then
    psql_url="$PG_URL"
    psql "$psql_url" -qc "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"
    run_against "PostgreSQL" DATABASE_URL="$PG_URL"
    psql "$psql_url" -qc "DROP TRIGGER audit_entries_append_only ON audit_entries; UPDATE audit_entries SET reason = 'edited behind your back' WHERE sequence = 5;"
    expect_broken DATABASE_URL="$PG_URL"
    passed=$((passed + 1))
fi
echo "end to end: $passed passed, 0 failed"
