#!/usr/bin/env bash
# Installs what scripts/browser_test.py needs, and nothing that is already there:
# Debian's chromium and chromium-driver (apt-get update only when one is missing), and
# Selenium 4 from PyPI. Selenium goes into python3 itself where pip may install there;
# where it may not (Debian's own Python refuses with "externally-managed-environment"),
# into a virtual environment in .build-browser-venv, which browser_test.py uses by itself.
# Safe to run again: a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
VENV=.build-browser-venv
PIP_ERRORS="$(mktemp)"
trap 'rm -f "$PIP_ERRORS"' EXIT

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

apt_install() {
    local missing=()
    for package in "$@"; do installed "$package" || missing+=("$package"); done
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "Installing ${missing[*]} from Debian's packages"
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}" > /dev/null
    fi
}

has_selenium() { "$1" -c 'import selenium, sys; sys.exit(0 if int(selenium.__version__.split(".")[0]) >= 4 else 1)' 2>/dev/null; }

apt_install chromium chromium-driver python3

if has_selenium python3; then
    :
elif [ -x "$VENV/bin/python" ] && has_selenium "$VENV/bin/python"; then
    :
elif python3 -m pip install -q selenium 2> "$PIP_ERRORS" && has_selenium python3; then
    :
else
    # Debian's Python: pip is missing or refuses to touch the system's packages.
    why="$(grep -o -m1 'externally-managed-environment\|No module named pip' "$PIP_ERRORS" || tail -1 "$PIP_ERRORS")"
    echo "python3 would not take Selenium ($why); using a virtual environment in $VENV"
    apt_install python3-venv
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q selenium
    has_selenium "$VENV/bin/python"
fi

browser="$(command -v chromium || command -v chromium-browser)"
python="python3"; has_selenium python3 || python="$VENV/bin/python"
echo "Browser test ready: $("$browser" --version 2>/dev/null | head -1), $(chromedriver --version | cut -d' ' -f1-2), Selenium $("$python" -c 'import selenium; print(selenium.__version__)')"
