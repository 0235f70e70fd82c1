#!/usr/bin/env bash
# Installs what scripts/fuzz_api.py needs: schemathesis, pinned, in its own virtual
# environment (.build-fuzz-venv, out of git), and Debian's python3-venv if venv is missing.
# Safe to run again: a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
VENV=.build-fuzz-venv
VERSION=4.32.5

if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    echo "Installing python3-venv from Debian's packages"
    apt-get update -qq
    apt-get install -y -qq python3-venv > /dev/null
fi
if [ -x "$VENV/bin/schemathesis" ] && "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('schemathesis') != '$VERSION')" 2>/dev/null; then
    echo "schemathesis $VERSION is installed in $VENV"
    exit 0
fi
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip
"$VENV/bin/pip" install -q "schemathesis==$VERSION"
echo "schemathesis $("$VENV/bin/python" -c "import importlib.metadata as m; print(m.version('schemathesis'))") installed in $VENV"
