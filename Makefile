# Everyday commands. The README's two commands need none of these; they are habits.
.PHONY: build test test-postgres run demo format bench e2e crash-test browser-test

build:
	swift build --build-tests --explicit-target-dependency-import-check error

test:
	swift test

# Starts a throwaway PostgreSQL on 127.0.0.1 (installing it if needed) and runs the suite on it.
test-postgres:
	TEST_DATABASE_URL="$$(bash scripts/start-postgres.sh | tail -1)" swift test; status=$$?; bash scripts/stop-postgres.sh; exit $$status

run:
	swift run diogelu serve

demo:
	swift run diogelu serve --demo

e2e:
	swift build && bash scripts/end-to-end.sh

bench:
	bash scripts/bench.sh

crash-test:
	swift build && python3 scripts/crash_test.py "$$(swift build --show-bin-path)/diogelu" --rounds 2

# A referral from a teacher's form to the hub's decision and back, in headless Chromium, in English and Welsh.
browser-test:
	bash scripts/install-browser.sh && swift build && python3 scripts/browser_test.py "$$(swift build --show-bin-path)/diogelu"

format:
	swift format --in-place --recursive Sources Tests Package.swift
