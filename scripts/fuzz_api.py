#!/usr/bin/env python3
"""A bounded schemathesis pass over Diogelu's OpenAPI document (issue 14).

Loads the demo partnership into a fresh SQLite file, issues an API token for one
person in each of several roles (`diogelu token issue`), serves, and runs schemathesis
once per role with a fixed seed and a share of the time budget. It fails on any 5xx,
any answer its schema does not allow, any schema-valid request refused other than by a
rule the schema cannot state, any schema-violating request accepted, and any change to
the database from a refused request (scripts/fuzz_hooks.py). At the end the audit
trail must still verify.

Usage: scripts/fuzz_api.py path/to/diogelu [--seconds 300] [--seed 20261203]
Needs scripts/install-fuzz.sh to have made .build-fuzz-venv.
"""

import argparse
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMATHESIS = os.path.join(ROOT, ".build-fuzz-venv", "bin", "schemathesis")

# One person per role the API serves, across agencies: each sees a different API.
PEOPLE = [
    ("gareth.morgan", "hub manager"),
    ("sian.pritchard", "hub social worker"),
    ("tom.davies", "police referrer"),
    ("nia.roberts", "health safeguarding lead"),
    ("ffion.davies", "child protection social worker"),
    ("elin.williams", "auditor"),
    ("dafydd.rees", "administrator"),
]

CHECKS = [
    "not_a_server_error", "status_code_conformance", "content_type_conformance",
    "response_headers_conformance", "response_schema_conformance", "negative_data_rejection",
    "unsupported_method", "missing_required_header", "ignored_auth",
    "refused_request_changes_nothing", "positive_data_acceptance_beyond_domain_rules",
]

# Path parameter -> (table, where): the demo's records the pass draws identifiers from.
POOL_QUERIES = {
    "childID": ("children", "merged_into_id IS NULL"),
    "agencyID": ("agencies", "1"),
    "userID": ("users", "1"),
    "referralID": ("referrals", "1"),
    "meetingID": ("hub_meetings", "1"),
    "requestID": ("information_requests", "1"),
    "notificationID": ("encompass_notifications", "1"),
    "episodeID": ("missing_episodes", "1"),
    "flagID": ("raised_flags", "1"),
    "placeID": ("network_nodes", "kind = 'place'"),
    "groupID": ("network_nodes", "kind = 'peer_group'"),
    "nodeID": ("network_nodes", "kind IN ('place', 'peer_group')"),
    "linkID": ("network_links", "1"),
    "periodID": ("looked_after_periods", "1"),
    "placementID": ("placements", "1"),
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pools(database):
    connection = sqlite3.connect(database)
    try:
        found = {}
        for name, (table, where) in POOL_QUERIES.items():
            rows = connection.execute(f'SELECT id FROM "{table}" WHERE {where} ORDER BY id LIMIT 20').fetchall()
            found[name] = [str(row[0]).upper() for row in rows]
        return found
    finally:
        connection.close()


def sensitive_digest(database, work):
    """The change check is only worth its pass if it sees a change: one row edited in a copy must show."""
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    from fuzz_digest import digest
    copy = os.path.join(work, "copy.sqlite")
    shutil.copy(database, copy)
    before = digest(copy)
    connection = sqlite3.connect(copy)
    connection.execute("UPDATE agencies SET is_hub_member = 1 - is_hub_member WHERE rowid = (SELECT min(rowid) FROM agencies)")
    connection.commit()
    connection.close()
    changed = [table for table, value in digest(copy).items() if before.get(table) != value]
    if changed != ["agencies"]:
        sys.exit(f"the database digest did not see one edited agency (saw {changed})")
    print("the change check sees one edited row: agencies", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=int, default=300, help="the time budget for all roles together")
    parser.add_argument("--seed", type=int, default=20261203)
    args = parser.parse_args()
    if not os.path.exists(SCHEMATHESIS):
        sys.exit("schemathesis is not installed: run scripts/install-fuzz.sh")

    work = tempfile.mkdtemp(prefix="diogelu-fuzz-")
    database = os.path.join(work, "fuzz.sqlite")
    port = free_port()
    env = dict(os.environ, DIOGELU_DATABASE_PATH=database, DIOGELU_RESOURCES=os.path.join(ROOT, "Resources"),
               DIOGELU_BCRYPT_COST="8", PORT=str(port))
    subprocess.run([args.binary, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    tokens = {}
    for username, _ in PEOPLE:
        issued = subprocess.run([args.binary, "token", "issue", "--username", username, "--label", "fuzzing"],
                                env=env, check=True, capture_output=True, text=True)
        tokens[username] = issued.stdout.strip().splitlines()[-1]
    sensitive_digest(database, work)
    pools_file = os.path.join(work, "pools.json")
    with open(pools_file, "w") as f:
        json.dump(pools(database), f)

    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen([args.binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    failed = []
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/api/v1/openapi.json", timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        share = max(10, args.seconds // len(PEOPLE))
        hooks_env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "scripts"), SCHEMATHESIS_HOOKS="fuzz_hooks",
                         DIOGELU_FUZZ_DATABASE=database, DIOGELU_FUZZ_POOLS=pools_file)
        for index, (username, role) in enumerate(PEOPLE):
            print(f"--- {role} ({username}): {share} s, seed {args.seed + index}", flush=True)
            command = [
                SCHEMATHESIS, "--no-color", "run", base + "/api/v1/openapi.json",
                "--header", f"Authorization: Bearer {tokens[username]}",
                "--checks", ",".join(CHECKS),
                "--max-time", str(share), "--seed", str(args.seed + index), "--workers", "1",
                "--generation-deterministic", "--request-timeout", "30",
                "--suppress-health-check", "all", "--output-truncate", "false",
            ]
            # Run in the work directory: schemathesis keeps a cache where it runs.
            result = subprocess.run(command, env=hooks_env, capture_output=True, text=True, cwd=work)
            output = result.stdout + result.stderr
            lines = output.splitlines()
            summary = [line for line in lines if line.startswith("=") and " in " in line]
            cases = sorted({line.strip() for line in lines if re.match(r"\s*\d+ generated", line) or line.strip().startswith("Tested:")}, reverse=True)
            print("  ".join(cases), flush=True)
            print(summary[-1] if summary else output[-3000:], flush=True)
            if result.returncode != 0:
                failed.append(role)
                print(output, flush=True)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()

    verify = subprocess.run([args.binary, "audit", "verify"], env=env, capture_output=True, text=True)
    print(verify.stdout.strip().splitlines()[-1] if verify.stdout.strip() else verify.stderr, flush=True)
    if verify.returncode != 0:
        failed.append("audit verify")
    if failed:
        sys.exit("fuzzing failed for: " + ", ".join(failed) + f" (server log in {work}/serve.log)")
    print(f"fuzzing passed: {len(PEOPLE)} roles, no 5xx, no schema violation, no refused request changed the database")


if __name__ == "__main__":
    main()
