#!/usr/bin/env bash
# Installs what scripts/browser_test.py needs, and nothing that is already there:
# Debian's chromium and chromium-driver (apt-get update only when one is missing), and
# from PyPI Selenium 4 and axe-selenium-python (which bundles axe-core, the accessibility
# checker the walk runs on every page). Both go into python3 itself where pip may install
# there; where it may not (Debian's own Python refuses with "externally-managed-environment"),
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

# axe-core 4.5 or later knows WCAG 2.2's rules (the tag wcag22aa); axe-selenium-python 3
# bundles 4.10. It declares Python 3.12, but what it ships is one small class and axe.min.js,
# which the walk injects into the page itself: so pip is told not to mind python3's version,
# and not to bring its test-only dependency (pytest); its other one is Selenium, installed first.
AXE_PACKAGE="axe-selenium-python>=3"
pip_install() {
    "$1" -m pip install -q selenium &&
        "$1" -m pip install -q --no-deps --ignore-requires-python "$AXE_PACKAGE"
}

# Selenium 4, and the axe.min.js that axe-selenium-python bundles, axe-core 4.5 or later.
has_packages() {
    "$1" - 2>/dev/null <<'PYTHON'
import os, re, sys, selenium, axe_selenium_python
axe_js = os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js")
with open(axe_js, encoding="utf-8") as script:
    found = re.search(r"axe v(\d+)\.(\d+)", script.read(200))
sys.exit(0 if int(selenium.__version__.split(".")[0]) >= 4 and found and tuple(map(int, found.groups())) >= (4, 5) else 1)
PYTHON
}

apt_install chromium chromium-driver python3

if has_packages python3; then
    :
elif [ -x "$VENV/bin/python" ] && has_packages "$VENV/bin/python"; then
    :
elif pip_install python3 2> "$PIP_ERRORS" && has_packages python3; then
    :
else
    # Debian's Python: pip is missing or refuses to touch the system's packages.
    why="$(grep -o -m1 'externally-managed-environment\|No module named pip' "$PIP_ERRORS" || tail -1 "$PIP_ERRORS")"
    echo "python3 would not take Selenium and axe-selenium-python ($why); using a virtual environment in $VENV"
    apt_install python3-venv
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    pip_install "$VENV/bin/python"
    has_packages "$VENV/bin/python" || { echo "Selenium 4 or axe-core 4.5+ (axe-selenium-python) is still missing in $VENV"; exit 1; }
fi

browser="$(command -v chromium || command -v chromium-browser)"
python="python3"; has_packages python3 || python="$VENV/bin/python"
versions="$("$python" -c 'import importlib.metadata as m; print("Selenium", m.version("selenium") + ", axe-selenium-python", m.version("axe-selenium-python"))')"
echo "Browser test ready: $("$browser" --version 2>/dev/null | head -1), $(chromedriver --version | cut -d' ' -f1-2), $versions"
