#!/usr/bin/env python3
"""Nothing acknowledged is lost: the crash test.

Starts the built `diogelu` server, has several clients submit referrals through the
API, kills the server with SIGKILL while they are writing, starts it again, and checks
that every referral the server acknowledged (201) is there, whole, with its audit entry;
that nothing half-written is (no drafts or referrals without references); and that the
audit trail's hash chain is intact. Then it stops the server with SIGTERM under the same
load: the server must finish what is in flight, close every connection and exit 0 within
its grace, printing no assertion (a debug build checks that every SQLite connection is
closed), and what it acknowledged meanwhile must be whole too.

Usage: scripts/crash_test.py BINARY [--postgres URL] [--rounds N]
Prints one line per round and a closing 'N passed, N failed' line; exits non-zero on failure.
"""
import json, os, signal, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request

PORT = 18090
BASE = f"http://127.0.0.1:{PORT}"


def form(n):
    return {
        "child": {"given_name": f"Crash{n}", "surname": "Prawf", "date_of_birth": "2014-05-02", "sex": "female",
                  "address": "1 Ffordd Prawf, Newport", "postcode": "NP20 4UR"},
        "household": [{"name": "Mam Prawf", "relationship": "mother", "holds_parental_responsibility": True}],
        "concern": {"categories": ["neglect"], "description": f"Referral number {n} written by the crash test.",
                    "immediate_protection": "Safe at school."},
        "family_language": "welsh", "family_informed": True, "consent": {"status": "given"},
    }


def request(method, path, token, body=None, timeout=5):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method,
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as response:
        return response.status, json.loads(response.read() or b"{}")


def start(binary, env):
    log = open(env["_LOG"], "ab")
    process = subprocess.Popen([binary, "serve"], env={k: v for k, v in env.items() if k != "_LOG"},
                               stdout=log, stderr=subprocess.STDOUT)
    for _ in range(120):
        try:
            urllib.request.urlopen(BASE + "/sign-in", timeout=1)
            return process
        except Exception:
            time.sleep(0.25)
    raise SystemExit("the server did not start")


def command(binary, env, *args):
    out = subprocess.run([binary, *args], env={k: v for k, v in env.items() if k != "_LOG"},
                         capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def submit_under_load(binary, env, referrer, interrupt, clients=6, seconds=3.0):
    """Starts the server, has `clients` threads submit referrals for `seconds`, then calls
    `interrupt(server)`. Returns the acknowledged referrals and what `interrupt` returned."""
    server = start(binary, env)
    acknowledged, lock, stop = {}, threading.Lock(), threading.Event()

    def client(index):
        n = 0
        while not stop.is_set():
            n += 1
            number = index * 100000 + n
            try:
                status, body = request("POST", "/api/v1/referrals", referrer,
                                       {"kind": "marf", "submit": True, "form": form(number)})
                if status == 201:
                    with lock:
                        acknowledged[body["id"]] = (number, body["reference"])
            except Exception:
                if stop.is_set():
                    return
                time.sleep(0.05)

    threads = [threading.Thread(target=client, args=(i + 1 + len(ROUND_CLIENTS_USED),)) for i in range(clients)]
    ROUND_CLIENTS_USED.extend(range(clients))
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    outcome = interrupt(server)  # mid-load: requests are in flight
    stop.set()
    for thread in threads:
        thread.join()
    return acknowledged, outcome


# Client numbers already used in this database, so that each phase's referrals are told apart.
ROUND_CLIENTS_USED = []


def check_whole(binary, env, acknowledged, hub, referrer, auditor):
    """Restarts the server and lists what is wrong with the acknowledged referrals."""
    server = start(binary, env)
    try:
        problems = []
        for referral_id, (number, reference) in acknowledged.items():
            status, body = request("GET", f"/api/v1/referrals/{referral_id}", hub)
            child = body.get("form", {}).get("child", {})
            if status != 200 or body.get("reference") != reference or body.get("status") != "submitted" \
                    or child.get("given_name") != f"Crash{number}" or not body.get("decision_due_at"):
                problems.append(f"acknowledged referral {reference} is missing or not whole")
        _, queue = request("GET", "/api/v1/hub/queue?limit=5000", hub)
        in_queue = {item["id"] for item in queue["items"]}
        _, audit = request("GET", "/api/v1/audit?action=referral.submitted&limit=5000", auditor)
        audited = {entry["subject_id"] for entry in audit["entries"]}
        for referral_id in in_queue:
            if referral_id not in audited:
                problems.append(f"referral {referral_id} has no audit entry")
        missing = set(acknowledged) - in_queue
        if missing:
            problems.append(f"{len(missing)} acknowledged referrals are not in the hub queue")
        _, mine = request("GET", "/api/v1/referrals/mine?limit=1000", referrer)
        drafts = [item for item in mine["items"] if item["status"] == "draft"]
        if drafts:
            problems.append(f"{len(drafts)} half-written drafts were left behind")
        unacknowledged_but_whole = len(in_queue) - len(acknowledged)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()
    verify = subprocess.run([binary, "audit", "verify"], env={k: v for k, v in env.items() if k != "_LOG"},
                            capture_output=True, text=True)
    if verify.returncode != 0:
        problems.append("audit verify failed: " + verify.stdout + verify.stderr)
    return unacknowledged_but_whole, problems, verify.stdout.strip()


def killed(server):
    server.send_signal(signal.SIGKILL)
    server.wait()


def terminated(server):
    """SIGTERM: the server should finish what is in flight, close its connections and
    exit 0 within its 10 s grace (a little more for a loaded machine)."""
    started = time.monotonic()
    server.send_signal(signal.SIGTERM)
    try:
        status = server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
        status = None
    return status, time.monotonic() - started


def one_round(binary, env):
    subprocess.run([binary, "demo"], env={k: v for k, v in env.items() if k != "_LOG"}, capture_output=True, check=True)
    ROUND_CLIENTS_USED.clear()
    referrer = command(binary, env, "token", "issue", "--username", "tom.davies", "--label", "crash test")
    hub = command(binary, env, "token", "issue", "--username", "gareth.morgan", "--label", "crash test")
    auditor = command(binary, env, "token", "issue", "--username", "elin.williams", "--label", "crash test")
    acknowledged, _ = submit_under_load(binary, env, referrer, killed)
    extra, problems, verify = check_whole(binary, env, acknowledged, hub, referrer, auditor)

    # Then a graceful stop under the same load.
    log_start = os.path.getsize(env["_LOG"])
    during_stop, (status, seconds) = submit_under_load(binary, env, referrer, terminated)
    with open(env["_LOG"], "rb") as log:
        log.seek(log_start)
        stop_log = log.read().decode(errors="replace")
    if status != 0:
        problems.append(f"SIGTERM under load: the server exited with {status} after {seconds:.1f} s, not 0")
    if seconds > 15:
        problems.append(f"SIGTERM under load: the server took {seconds:.1f} s to stop")
    for sign in ("Assertion failed", "Fatal error", "not closed before deinitializing", "Program crashed"):
        if sign in stop_log:
            problems.append(f"SIGTERM under load: the server printed '{sign}'")
    acknowledged.update(during_stop)
    _, more_problems, verify = check_whole(binary, env, acknowledged, hub, referrer, auditor)
    problems += more_problems
    stopped = f"SIGTERM under load: exit {status} in {seconds:.1f} s, {len(during_stop)} more acknowledged, all whole"
    return len(acknowledged) - len(during_stop), extra, problems, verify, stopped


def main():
    args = sys.argv[1:]
    binary = os.path.abspath(args[0])
    postgres = args[args.index("--postgres") + 1] if "--postgres" in args else None
    rounds = int(args[args.index("--rounds") + 1]) if "--rounds" in args else 2
    passed = failed = 0
    for round_number in range(1, rounds + 1):
        work = tempfile.mkdtemp(prefix="diogelu-crash-")
        env = dict(os.environ, PORT=str(PORT), DIOGELU_BCRYPT_COST="4", LOG_LEVEL="error", _LOG=os.path.join(work, "server.log"))
        if postgres:
            subprocess.run(["psql", postgres, "-qc", "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"], check=True)
            env["DATABASE_URL"] = postgres
        else:
            env["DIOGELU_DATABASE_PATH"] = os.path.join(work, "crash.sqlite")
        acknowledged, extra, problems, verify, stopped = one_round(binary, env)
        engine = "PostgreSQL" if postgres else "SQLite"
        if problems or acknowledged == 0:
            failed += 1
            print(f"round {round_number} ({engine}): FAILED after {acknowledged} acknowledged: {problems or 'nothing was acknowledged'}")
        else:
            passed += 1
            print(f"round {round_number} ({engine}): {acknowledged} acknowledged referrals all whole after SIGKILL; "
                  f"{extra} more committed but unacknowledged, also whole; {stopped}; {verify}")
    print(f"crash recovery: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
