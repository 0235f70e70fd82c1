#!/usr/bin/env python3
"""A referral from a teacher's form to the hub's decision to the teacher's feedback, in a
real browser, in English and in Welsh.

Starts the built `diogelu` server with the demo loaded on a free loopback port and its own
new database (an SQLite file in a temporary folder, or with --postgres a new database on
that server, dropped afterwards), then drives headless Chromium through Selenium as
people would: by the links, the language switch, the fields and the buttons on the pages.

English: the designated safeguarding person at Ysgol Gymraeg Bro Teyrnon (owain.lewis)
signs in and fills in the multi-agency referral form; a date of birth in the future is
refused beside its field and nothing is saved; "check your answers" shows the quality
score and what would raise it, and acting on it raises it; the referral is sent and the
confirmation gives its reference. A hub social worker (sian.pritchard) finds it in the
hub queue, starts a record for the child from it, and records a strategy discussion
with reasons. The teacher sees "Decided" and the outcome under My referrals.

Welsh: the same teacher chooses Cymraeg on the sign-in page and with the switch, refers a
second child; a bad postcode is refused on its own page, beside the field, in Welsh; an
address left out keeps the referral from being sent ("check your answers" says why, in
Welsh, and links to the field); the hub records an assessment of care and
support needs on which the agencies disagree, so the hub manager (gareth.morgan) signs it
off; the teacher sees both outcomes in Welsh. Every heading, label and message looked for
comes from the catalogues in Resources/Localisation, and no page may show a catalogue key.

The partners' side of the working day (scripts/browser_partners.py): the health board and
the education service answer requests for information, the school sees its Operation
Encompass notices and marks one seen, a child protection social worker records a strategy
meeting from the team queue and the team manager follows it to the Section 47 enquiry, and
the quality assurance lead asks the audit trail who looked at a child, by name, in both
languages.

Two-factor sign-in: the hub social worker and the hub manager must set it up at their
first sign-in (she in English, he in Welsh): a wrong code is refused beside the field, the
code computed from the key on the page (RFC 6238, as a phone's app would) is accepted, and
ten recovery codes are shown once. Her second sign-in, in Welsh, asks for a fresh code;
her last signs in with a recovery code, and her account page says so, with nine left.

Keyboard only: no step uses the mouse. Every link, button and field the walk uses is
reached with one press of Tab from the stop before it in the page's tab order (so it is in
the tab order, in its place), and worked as a keyboard works it: Enter on links and
buttons, Space on boxes, the arrow keys through radio groups and lists, typing in fields.

Accessibility, measured: every page the walk comes to (by its address, a link or a
button: `go` and `click_and_wait` end in the check), in English and in Welsh, is checked by
axe-core, as the PyPI package axe-selenium-python bundles it, with the rules of WCAG 2.0,
2.1 and 2.2 at levels A and AA (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa). A page
of the same pattern, language and shape as one already checked (the sign-in page, again)
is not checked again; any other state of it is. Violations axe calls serious or critical
are kept once for each rule, page and language, with a few of the elements at fault. At the
end it prints "axe-core VERSION: N pages checked in English and Welsh, 0 serious or
critical violations"; any violation is printed with its rule, help, page, language and
elements, and fails the walk. The check is never skipped: without axe-selenium-python (or
with an axe-core older than 4.5, which knows no WCAG 2.2 rule) the walk fails at once.

Usage: scripts/browser_test.py BINARY [--postgres URL] [--verbose]
Needs Chromium, chromedriver, Selenium 4 and axe-selenium-python 3: scripts/install-browser.sh
installs them. The server is given this tree's Resources (templates, styles, catalogues),
or those DIOGELU_RESOURCES names, and the walk reads the same catalogues.
--verbose prints each page as it is reached, and what axe-core found there;
DIOGELU_CHROMEDRIVER_LOG=FILE keeps chromedriver's own log. On failure a screenshot, the
page's HTML and the server's log are kept in a folder whose path is printed. Exits non-zero
on failure.
"""
import argparse, base64, datetime, hashlib, hmac, json, os, re, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".build-browser-venv")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
# The templates, styles and catalogues the server is given and the walk reads: this tree's,
# unless DIOGELU_RESOURCES names others.
RESOURCES = os.path.abspath(os.environ.get("DIOGELU_RESOURCES") or os.path.join(ROOT, "Resources"))

try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
    import axe_selenium_python
except ImportError as missing:
    # scripts/install-browser.sh puts Selenium and axe-selenium-python in a virtual
    # environment where Debian's Python will not take them: carry on there.
    if os.path.exists(VENV_PYTHON) and os.path.realpath(sys.prefix) != os.path.realpath(VENV):
        os.execv(VENV_PYTHON, [VENV_PYTHON, os.path.abspath(__file__), *sys.argv[1:]])
    # A checker that cannot run fails the walk: it is never skipped.
    what = "axe-selenium-python (axe-core, the accessibility check)" if missing.name == "axe_selenium_python" else "Selenium"
    sys.exit(f"{what} is not installed ({missing}): run scripts/install-browser.sh. "
             "The browser walk does not run without it.")

import browser_partners  # noqa: E402 (after Selenium is known to be there)
import browser_exploitation  # noqa: E402
import browser_performance  # noqa: E402

WAIT = 15  # seconds for a page to come

# The page's tab order as the browser keeps it: elements with a positive tabindex first,
# then the rest in the order of the page; hidden, disabled and closed-away ones left out;
# a group of radio buttons is one stop, at its chosen button or else its first.
# arguments[0] is the element to reach: returns [the stop before it or null, the stop
# itself] (the stop is the group's, for a radio button).
TAB_STOPS = """
    const target = arguments[0];
    const focusable = [...document.querySelectorAll(
        'a[href], button, input, select, textarea, summary, [tabindex]')].filter(element =>
        !element.disabled && element.tabIndex >= 0 && element.type !== 'hidden'
        && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden');
    const ordered = [...focusable.filter(e => e.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex),
                     ...focusable.filter(e => e.tabIndex === 0)];
    // A browser groups radio buttons by name within their form: several forms on a page
    // (one per MACE agenda item) each have their own group of the same name.
    const forms = [...document.forms];
    const groupOf = e => e.type === 'radio' && e.name ? (e.form ? 'form' + forms.indexOf(e.form) : 'page') + '|' + e.name : null;
    const stops = [], seen = new Map();
    for (const element of ordered) {
        const group = groupOf(element);
        if (!group) { stops.push(element); continue; }
        const members = ordered.filter(other => groupOf(other) === group);
        const stop = members.find(m => m.checked) || members[0];
        if (!seen.has(group)) { seen.set(group, stop); stops.push(stop); }
    }
    const stop = groupOf(target) ? seen.get(groupOf(target)) : target;
    const at = stops.indexOf(stop);
    return [at > 0 ? stops[at - 1] : null, at >= 0 ? stop : null];
"""


def load_catalogues():
    folder = os.path.join(RESOURCES, "Localisation")
    return {language: json.load(open(os.path.join(folder, f"{language}.json"), encoding="utf-8")) for language in ("en", "cy")}


CATALOGUES = load_catalogues()


def t(language, key, *arguments):
    """The catalogue's text, with {0}, {1} … filled as the server fills them."""
    text = CATALOGUES[language][key]
    for index, argument in enumerate(arguments):
        text = text.replace("{%d}" % index, str(argument))
    return text


def current_step():
    return int(time.time()) // 30


def totp(key, step):
    """RFC 6238's code for `step`, as an authenticator app computes it."""
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    mac = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    number = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


class WalkFailed(Exception):
    pass


def xpath_literal(text):
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"


# MARK: The server

def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`diogelu serve --demo` on its own port and database."""

    def __init__(self, binary, work, postgres):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(work, "serve.log")
        self.postgres_admin, self.database = None, None
        env = dict(os.environ, HOST="127.0.0.1", PORT=str(self.port), DIOGELU_BCRYPT_COST="8",
                   DIOGELU_RESOURCES=RESOURCES)
        # Cookies stay Secure, as in production: browsers keep them from http://127.0.0.1.
        env.pop("DIOGELU_SECURE_COOKIES", None)
        env.pop("DATABASE_URL", None)
        if postgres:
            self.postgres_admin, url = self.new_database(postgres)
            env["DATABASE_URL"] = url
            self.engine = "PostgreSQL"
        else:
            env["DIOGELU_DATABASE_PATH"] = os.path.join(work, "browser.sqlite")
            self.engine = "SQLite"
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen([binary, "serve", "--demo"], env=env, cwd=ROOT,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.passwords = self.wait_until_ready()
        # Each person's authenticator, as their phone would keep it: the key set up at
        # their first sign-in, the last time step whose code they typed, their recovery codes.
        self.authenticators = {}

    def new_database(self, url):
        """A database of this run's own on the given server, so that nothing else's data
        is touched and nothing of a previous run is found."""
        self.database = f"diogelu_browser_{os.getpid()}_{int(time.time())}"
        parts = urllib.parse.urlsplit(url)
        mine = urllib.parse.urlunsplit(parts._replace(path="/" + self.database))
        made = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qc", f'CREATE DATABASE "{self.database}"'],
                              capture_output=True, text=True)
        if made.returncode != 0:
            raise WalkFailed(f"could not create the database {self.database}: {made.stderr.strip()}")
        return url, mine

    def wait_until_ready(self):
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise WalkFailed(f"the server stopped with status {self.process.returncode}:\n{self.read_log()[-3000:]}")
            try:
                urllib.request.urlopen(self.base + "/sign-in", timeout=2)
                break
            except Exception:
                time.sleep(0.25)
        else:
            raise WalkFailed("the server did not answer within 120 s")
        # The demo accounts and their passwords, printed once: "  username  password  Name, Agency [roles]"
        passwords = dict(re.findall(r"^  ([a-z.]+)\s+([a-z]+(?:-[a-z]+){3}-\d+)\s", self.read_log(), re.MULTILINE))
        if "owain.lewis" not in passwords:
            raise WalkFailed("the server printed no demo passwords")
        return passwords

    def read_log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as log:
            return log.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        if self.postgres_admin:
            subprocess.run(["psql", self.postgres_admin, "-qc", f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)'],
                           capture_output=True)


# MARK: Accessibility

class Accessibility:
    """axe-core, as axe-selenium-python bundles it, run on the pages the walk reaches.

    Only WCAG 2.0, 2.1 and 2.2 A and AA rules are run, and only violations that axe calls
    serious or critical are kept: once for each rule, page (its path, without the query)
    and language, with a few of the elements that break it."""

    TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    IMPACTS = ("serious", "critical")
    EXAMPLES = 3  # elements kept for each violation

    # Runs in the page: axe.run with the rules of those tags, and back only what is kept.
    RUN = """
        const [tags, impacts, examples, done] = arguments;
        axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
            .then(results => done({violations: results.violations
                .filter(rule => impacts.includes(rule.impact))
                .map(rule => ({id: rule.id, impact: rule.impact, help: rule.help, helpUrl: rule.helpUrl,
                               count: rule.nodes.length,
                               nodes: rule.nodes.slice(0, examples).map(node => ({
                                   target: node.target.join(" "), html: node.html,
                                   summary: node.failureSummary || ""}))}))}))
            .catch(error => done({error: String(error && error.stack || error)}));
    """

    def __init__(self, driver, verbose=False):
        self.driver, self.verbose = driver, verbose
        path = os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js")
        try:
            with open(path, encoding="utf-8") as script:
                self.script = script.read()
        except OSError as problem:
            raise WalkFailed(f"axe-core's script is missing from axe-selenium-python ({problem}): "
                             "run scripts/install-browser.sh")
        found = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", self.script[:200])
        # WCAG 2.2's rules (the tag wcag22aa) came with axe-core 4.5: an older one would
        # pass pages it cannot judge.
        if not found or tuple(map(int, found.groups()[:2])) < (4, 5):
            raise WalkFailed(f"axe-core {found.group(0) if found else '(no version)'} knows no WCAG 2.2 rules: "
                             "run scripts/install-browser.sh for axe-selenium-python 3 or later")
        self.version = ".".join(found.groups())
        self.checked = []  # (path, language) of each page checked
        self.violations = {}  # (rule, path, language) -> what axe said
        self.seconds = 0.0  # spent injecting and running axe-core
        self.shapes, self.repeats = set(), 0  # pages checked, and pages seen again

    # The page's shape, hashed: every element's tag, id, class, type and role, and whether it
    # holds text, but not the text.
    # Two pages of one pattern and language with the same shape (the sign-in page, seen ten
    # times) are checked once; another state of the page (an error, a form now shown) is not
    # the same shape, so it is checked too.
    SHAPE = """
        let hash = 2166136261;
        for (const element of document.querySelectorAll("*")) {
            const text = element.childElementCount === 0 && element.textContent.trim() !== "";
            const part = [element.tagName, element.id, element.getAttribute("class"),
                          element.getAttribute("type"), element.getAttribute("role"), text].join("|") + ";";
            for (let i = 0; i < part.length; i++) hash = Math.imul(hash ^ part.charCodeAt(i), 16777619);
        }
        return (hash >>> 0).toString(16);
    """

    @staticmethod
    def pattern(path):
        """The path with its ids and numbers as placeholders: /referrals/:id/section/child."""
        return re.sub(r"/(?:[0-9a-f]{8}-[0-9a-f-]{27}|\d+|DIO-[\w-]+)(?=/|$)", "/:id", path, flags=re.IGNORECASE)

    def check(self, language):
        """Runs axe-core on the page in the browser now, unless a page of the same pattern,
        language and shape has been checked; keeps what it finds."""
        path = urllib.parse.urlsplit(self.driver.current_url).path
        started = time.time()
        shape = (self.pattern(path), language, self.driver.execute_script(self.SHAPE))
        if shape in self.shapes:
            self.repeats += 1
            self.seconds += time.time() - started
            if self.verbose:
                print(f"      axe-core: {path} ({language}) as checked before")
            return
        self.shapes.add(shape)
        if not self.driver.execute_script("return typeof axe === 'object' && typeof axe.run === 'function'"):
            self.driver.execute_script(self.script)
        injected = time.time()
        result = self.driver.execute_async_script(self.RUN, self.TAGS, list(self.IMPACTS), self.EXAMPLES)
        if not isinstance(result, dict) or "error" in result:
            raise WalkFailed(f"axe-core could not check {path}: {(result or {}).get('error', result)}")
        self.checked.append((path, language))
        self.seconds += time.time() - started
        for rule in result["violations"]:
            self.violations.setdefault((rule["id"], path, language), rule)
        if self.verbose:
            found = ", ".join(rule["id"] for rule in result["violations"]) or "no serious or critical violation"
            print(f"      axe-core: {path} ({language}) {found} ({injected - started:.2f} s to load, "
                  f"{time.time() - injected:.2f} s to check)")

    def summary(self):
        languages = sorted({language for _, language in self.checked}, key=("en", "cy").index)
        named = " and ".join({"en": "English", "cy": "Welsh"}[language] for language in languages) or "no language"
        count = len(self.violations)
        return (f"axe-core {self.version}: {len(self.checked)} pages checked in {named}, "
                f"{count} serious or critical violation{'' if count == 1 else 's'} "
                f"({self.repeats} pages seen again not checked again; {self.seconds:.1f} s)")

    def report(self):
        lines = []
        for (rule_id, path, language), rule in sorted(self.violations.items()):
            lines.append(f"  {rule['impact']} {rule_id} on {path} ({language}), {rule['count']} element(s): "
                         f"{rule['help']} ({rule['helpUrl']})")
            for node in rule["nodes"]:
                lines.append(f"      {node['target']}: {node['html'][:200]}")
                for reason in node["summary"].splitlines()[1:3]:
                    lines.append(f"        {reason.strip()}")
        return "\n".join(lines)


# MARK: The browser

def chromium():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1366,1600", "--lang=en-GB", "--disable-extensions", "--no-first-run"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-GB,en"})
    binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver_path = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    if not binary or not os.path.exists(driver_path):
        raise WalkFailed("Chromium or chromedriver is missing: run scripts/install-browser.sh")
    options.binary_location = binary
    # The paths are given, so Selenium never tries to download a browser or a driver.
    log = os.environ.get("DIOGELU_CHROMEDRIVER_LOG")
    service = Service(executable_path=driver_path, service_args=["--verbose"] if log else [], log_output=log)
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(WAIT * 2)
    return driver


class Walk:
    """One browser, and what a person does with it."""

    def __init__(self, driver, server, verbose=False):
        self.driver, self.server = driver, server
        self.pages, self.verbose, self.started = 0, verbose, time.time()
        self.pages_in = {"en": 0, "cy": 0}
        self.accessibility = Accessibility(driver, verbose)

    # Reading the page

    @property
    def language(self):
        return self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")

    def heading(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text.strip()

    def body(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def fail(self, message):
        raise WalkFailed(f"{message}\n  on {self.driver.current_url}")

    def expect(self, condition, message):
        if not condition:
            self.fail(message)

    def expect_page(self, language, key, *arguments):
        """Asserts the page is in `language` with the catalogue's heading `key`; counts it."""
        self.expect_heading(language, t(language, key, *arguments))

    def expect_heading(self, language, expected):
        """Asserts the page is in `language` with the heading `expected` (a child's name, say); counts it."""
        try:
            WebDriverWait(self.driver, WAIT).until(lambda d: self.heading() == expected)
        except TimeoutException:
            self.fail(f"expected the heading {expected!r}, found {self.heading()!r}")
        self.expect(self.language == language, f"the page is in {self.language!r}, not {language!r}")
        self.expect(t(language, "service.tagline") in self.body(), "the masthead is not in the page's language")
        # A key missing from the catalogue, or one passed where a text was meant, shows as the key.
        source, body = self.driver.page_source, self.body()
        leaked = [key for key in CATALOGUES["en"] if key in body or f">{key}<" in source or f" {key}<" in source]
        self.expect(not leaked, f"the page shows catalogue keys: {leaked}")
        self.expect_one_line_menu()
        self.expect_date_fields(language)
        if self.driver.execute_script("return window.__diogeluCounted === true"):
            return  # the same page, looked at again
        self.driver.execute_script("window.__diogeluCounted = true")
        self.pages += 1
        self.pages_in[language] += 1
        if self.verbose:
            print(f"  {self.pages:3d} {time.time() - self.started:6.1f}s {language} {expected}  {self.driver.current_url}")

    def expect_one_line_menu(self):
        """Issue 15, item 13: on a 1366 px screen the menu is one line, in either language,
        and marks one item, at most, as the current page."""
        lines, current = self.driver.execute_script(
            "const items = [...document.querySelectorAll('.navigation li')];"
            "return [new Set(items.map(i => i.offsetTop)).size,"
            " document.querySelectorAll('.navigation [aria-current=\"page\"]').length];")
        self.expect(lines <= 1, f"the menu wraps onto {lines} lines")
        self.expect(current <= 1, f"{current} menu items are marked as the current page")

    def expect_date_fields(self, language):
        """Issue 15, item 7: every date, time and date-and-time field is styled as the other
        fields are (not the browser's 21 px control), and has a hint of its own, above it and
        not running into it, giving the one example every page gives."""
        fields = self.driver.execute_script("""
            return [...document.querySelectorAll('input[type=date], input[type=time], input[type=datetime-local]')]
              .filter(input => input.offsetParent !== null)
              .map(input => {
                const hint = document.getElementById((input.getAttribute('aria-describedby') || '').split(' ')[0]);
                const box = input.getBoundingClientRect(), text = document.querySelector('input[type=text]');
                return {id: input.id, type: input.type, height: box.height,
                        border: getComputedStyle(input).borderTopWidth,
                        hint: hint ? hint.textContent.trim() : null,
                        hintAbove: hint ? hint.getBoundingClientRect().bottom <= box.top : false};
              });""")
        examples = {"date": t(language, "hint.date").split()[-1], "time": t(language, "hint.time").split()[-1],
                    "datetime-local": t(language, "hint.date_time").split()[-2]}
        for field in fields:
            where = f"the {field['type']} field {field['id']!r}"
            self.expect(field["height"] >= 36 and field["border"] == "2px", f"{where} is unstyled "
                        f"({field['height']:.0f} px high, border {field['border']})")
            self.expect(field["hint"] is not None, f"{where} has no hint")
            example = examples[field["type"]]
            # A date of birth gives an example in the past; its form is the same.
            self.expect(re.search(re.sub(r"\d", r"\\d", example), field["hint"]) is not None,
                        f"{where}'s hint {field['hint']!r} does not give the example every date gives ({example})")
            self.expect(field["hintAbove"], f"{where} runs into its hint")

    def expect_text(self, text, where=None):
        within = where.text if where is not None else self.body()
        self.expect(text in within, f"{text!r} is not on the page")

    def expect_no_text(self, text):
        self.expect(text not in self.body(), f"{text!r} should not be on the page")

    # Moving about

    def go(self, path):
        self.driver.get(self.server.base + path)
        self.reached()

    # Keyboard only (issue 15): no step of the walk uses the mouse. Each link, button and
    # field is reached with the Tab key and worked with the keys a person without a mouse
    # uses (Enter, Space, the arrows, typing), so a flow the keyboard cannot do fails.

    def tab_to(self, element):
        """Reaches `element` with one press of Tab from the stop before it in the page's tab
        order: focus is put on that stop, Tab is pressed, and focus must land on the element
        (or, for a radio button, on its group). So every element the walk uses is in the tab
        order, in its place, and can be reached from the top of the page."""
        before, stop = self.driver.execute_script(TAB_STOPS, element)
        what = element.get_attribute("id") or element.text.strip()[:40] or element.tag_name
        self.expect(stop is not None, f"{what!r} is not in the tab order: it cannot be reached without a mouse")
        if before is None:
            self.driver.execute_script("arguments[0].focus()", stop)
        else:
            self.driver.execute_script("arguments[0].focus()", before)
            self.driver.switch_to.active_element.send_keys(Keys.TAB)
            # A date or time control takes Tab through its own parts (day, month, year, hour,
            # minute, am or pm) first.
            for _ in range(6):
                if self.driver.switch_to.active_element != before:
                    break
                self.driver.switch_to.active_element.send_keys(Keys.TAB)
        landed = self.driver.switch_to.active_element
        self.expect(landed == stop, f"Tab went to {landed.get_attribute('outerHTML')[:120]!r}, not to {what!r}")
        return landed

    def activate(self, element):
        """Enter on a link or a button, as a keyboard does."""
        self.tab_to(element).send_keys(Keys.ENTER)

    def click_and_wait(self, element):
        """Follows a link or presses a button that loads a new page, with the keyboard, and
        waits until the new page is there: the old page is marked, and the mark is gone once
        another document has loaded."""
        self.driver.execute_script("window.__diogeluOldPage = true")
        self.activate(element)

        def loaded(driver):
            try:
                return driver.execute_script(
                    "return !window.__diogeluOldPage && document.readyState === 'complete'")
            except WebDriverException:  # between two documents
                return False
        try:
            WebDriverWait(self.driver, WAIT).until(loaded)
        except TimeoutException:
            self.fail("no new page came after the click")
        self.reached()

    def reached(self):
        """Every page the walk comes to, by a link, a button or its address, is checked by
        axe-core (go and click_and_wait end here)."""
        self.accessibility.check(self.language)

    def button(self, text):
        found = self.driver.find_elements(By.XPATH, f"//button[normalize-space()={xpath_literal(text)}]")
        self.expect(found, f"no button {text!r}")
        return found[0]

    def link(self, text, within=None):
        found = (within or self.driver).find_elements(By.XPATH, f".//a[normalize-space()={xpath_literal(text)}]")
        self.expect(found, f"no link {text!r}")
        return found[0]

    def press(self, text):
        self.click_and_wait(self.button(text))

    def follow(self, text, within=None):
        self.click_and_wait(self.link(text, within))

    def menu(self, language, key):
        """A link in the main menu, by its catalogue label."""
        navigation = self.driver.find_element(By.CSS_SELECTOR, "nav.navigation")
        self.follow(t(language, key), within=navigation)

    def switch_language(self):
        """The switch at the top of every page: names the other language in that language,
        and keeps you on the same page."""
        before_language, before_path = self.language, urllib.parse.urlsplit(self.driver.current_url).path
        # A link before signing in; signed in, a form's button (a GET changes no saved preference).
        switch = self.driver.find_element(By.CSS_SELECTOR, ".masthead__language")
        other = "en" if before_language == "cy" else "cy"
        self.expect(switch.text.strip() == t(before_language, "language.switch"),
                    f"the language switch says {switch.text!r}")
        self.expect(switch.get_attribute("lang") == other, "the switch does not say which language it is in")
        self.click_and_wait(switch)
        self.expect(self.language == other, f"the switch left the page in {self.language!r}")
        after_path = urllib.parse.urlsplit(self.driver.current_url).path
        self.expect(after_path == before_path, f"the switch moved from {before_path} to {after_path}")

    def ensure_language(self, language):
        if self.language != language:
            self.switch_language()

    # Filling in

    def field(self, name):
        return self.driver.find_element(By.ID, name)

    def type(self, name, text):
        element = self.tab_to(self.field(name))
        element.clear()
        element.send_keys(text)
        self.expect(element.get_attribute("value") == text, f"{name} holds {element.get_attribute('value')!r} after typing")

    def date_order(self):
        """The order in which the browser's date fields take day, month and year: its own
        locale's (Debian's chromium carries only en-US, which is month first)."""
        if not hasattr(self, "_date_order"):
            parts = self.driver.execute_script(
                "return new Intl.DateTimeFormat().formatToParts(new Date(2001, 1, 3)).map(p => p.type)")
            self._date_order = [part for part in parts if part in ("day", "month", "year")]
        return self._date_order

    def type_date(self, name, day):
        """Types a date into a date field as a person does, digit by digit in the field's order."""
        element = self.tab_to(self.field(name))
        element.clear()
        formats = {"day": "%d", "month": "%m", "year": "%Y"}
        element.send_keys(day.strftime("".join(formats[part] for part in self.date_order())))
        self.expect(element.get_attribute("value") == day.isoformat(),
                    f"{name} holds {element.get_attribute('value')!r} after typing {day.isoformat()}")

    def type_time(self, name, hour, minute):
        """Types a time into a time field as a person does: in the browser's own clock, with
        "a" or "p" where it is a twelve-hour one (Debian's chromium, en-US)."""
        element = self.tab_to(self.field(name))
        twelve = self.driver.execute_script(
            "return new Intl.DateTimeFormat(undefined, {hour: 'numeric', minute: 'numeric'})"
            ".formatToParts(new Date(2001, 1, 3, 15, 30)).some(p => p.type === 'dayPeriod')")
        keys = (f"{(hour % 12) or 12:02d}{minute:02d}{'A' if hour < 12 else 'P'}" if twelve else f"{hour:02d}{minute:02d}")
        element.send_keys(keys)
        self.expect(element.get_attribute("value") == f"{hour:02d}:{minute:02d}",
                    f"{name} holds {element.get_attribute('value')!r} after typing {hour:02d}:{minute:02d}")

    def choose(self, name, value):
        """A radio button or a box to tick, by the field's name and the option's value."""
        element = self.field(f"{name}-{value}")
        if element.get_attribute("type") == "radio":
            # Tab lands on the group; the arrows move through it, choosing as they go.
            focused = self.tab_to(element)
            for _ in range(len(self.driver.find_elements(By.NAME, element.get_attribute("name")))):
                if focused == element:
                    break
                focused.send_keys(Keys.ARROW_DOWN)
                focused = self.driver.switch_to.active_element
            self.expect(focused == element, f"the arrow keys do not reach {name} = {value}")
            if not element.is_selected():
                element.send_keys(Keys.SPACE)
        elif not element.is_selected():
            self.tab_to(element).send_keys(Keys.SPACE)
        self.expect(element.is_selected(), f"{name} = {value} is not chosen")

    def tick(self, name, ticked=True):
        element = self.field(name)
        if element.is_selected() != ticked:
            self.tab_to(element).send_keys(Keys.SPACE)
        self.expect(element.is_selected() == ticked, f"{name} is not {'ticked' if ticked else 'clear'}")

    def select(self, name, value):
        """Chooses in a list with the arrow keys, from what it shows now."""
        element = self.tab_to(self.field(name))
        options = Select(element).options
        values = [option.get_attribute("value") for option in options]
        self.expect(value in values, f"{name} offers no {value!r}")
        now = next((i for i, option in enumerate(options) if option.is_selected()), 0)
        step = Keys.ARROW_DOWN if values.index(value) > now else Keys.ARROW_UP
        for _ in range(abs(values.index(value) - now)):
            element.send_keys(step)
        self.expect(element.get_attribute("value") == value, f"{name} holds {element.get_attribute('value')!r}, not {value!r}")

    def label(self, name):
        return self.driver.find_element(By.CSS_SELECTOR, f'label[for="{name}"]').text.strip()

    def error_beside(self, name):
        """The message shown with a field (inside the field's own block)."""
        found = self.driver.find_elements(By.CSS_SELECTOR, f'[id="field-{name}"] .error-message, [id="{name}-error"]')
        return found[0].text.strip() if found else None

    # Accounts

    def sign_in(self, username, language, recovery_code=False):
        self.expect_page(language, "signin.title")
        self.expect(self.label("username") == t(language, "signin.username"), "the username has no label")
        self.type("username", username)
        self.tab_to(self.field("password")).send_keys(self.server.passwords[username])
        self.press(t(language, "signin.submit"))
        path = urllib.parse.urlsplit(self.driver.current_url).path
        if path == "/sign-in/set-up":
            self.set_up_two_factor(username, language)
        elif path == "/sign-in/code":
            self.enter_code(username, language, recovery_code)
        self.expect("/sign-in" not in self.driver.current_url, f"{username} could not sign in")

    def set_up_two_factor(self, username, language):
        """First sign-in of a role that needs two-factor sign-in: add the key shown to
        the "phone", type its code, keep the recovery codes, go on."""
        self.expect_page(language, "two_factor.set_up.title")
        key = self.driver.find_element(By.ID, "two-factor-key").text.replace(" ", "")
        link = self.driver.find_element(By.CSS_SELECTOR, 'a[href^="otpauth://"]').get_attribute("href")
        self.expect(f"secret={key}" in link, "the authenticator link does not carry the key shown")
        self.type("code", "000000")
        self.press(t(language, "two_factor.set_up.submit"))
        self.expect_page(language, "two_factor.set_up.title")
        self.expect_text(t(language, "error.two_factor.wrong_code"))
        step = current_step()
        self.type("code", totp(key, step))
        self.press(t(language, "two_factor.set_up.submit"))
        self.expect_page(language, "two_factor.codes.title")
        codes = [element.text for element in self.driver.find_elements(By.CSS_SELECTOR, "#recovery-codes code")]
        self.expect(len(codes) == 10 and len(set(codes)) == 10, f"expected ten recovery codes, found {codes}")
        self.server.authenticators[username] = {"key": key, "step": step, "codes": codes}
        self.click_and_wait(self.driver.find_element(By.ID, "continue"))

    def enter_code(self, username, language, recovery_code):
        self.expect_page(language, "two_factor.code.title")
        phone = self.server.authenticators[username]
        if recovery_code:
            self.type("code", phone["codes"].pop(0).lower())
        else:
            # A code signs in once: when the last one typed is still the app's, wait for
            # the next, as a person would (at most one 30-second step).
            while current_step() <= phone["step"]:
                time.sleep(0.5)
            phone["step"] = current_step()
            self.type("code", totp(phone["key"], phone["step"]))
        self.press(t(language, "two_factor.code.submit"))

    def sign_out(self):
        language = self.language
        self.press(t(language, "layout.sign_out"))
        self.expect_page(language, "signin.title")


# MARK: The referral

ENGLISH_CHILD = {
    "given": "Gwenllian", "surname": "Parry", "dob": datetime.date(2016, 4, 12), "sex": "female",
    "address": "8 Heol y Bryn, Newport", "postcode": "NP20 6AB", "nhs": "401 023 2137",
    "school": "Ysgol Gymraeg Bro Teyrnon, Year 5; attendance 96% this term",
    "household": [("Sara Parry", "mother", datetime.date(1988, 2, 10), True, True),
                  ("Dylan Parry", "father", datetime.date(1986, 7, 23), True, False),
                  ("Cai Parry", "sibling", datetime.date(2019, 9, 1), False, True)],
    "significant_others": "Her grandmother, Nain Eirlys, collects Gwenllian from school on Fridays.",
    "category": "physical_abuse",
    "description": ("This morning (Tuesday) at 8:50am in the Year 5 classroom Gwenllian showed her teacher, "
                    "Mrs Hughes, a fresh bruise on her upper arm the size of a thumb print. She said her "
                    "mother's boyfriend grabbed her on Monday evening at home when she would not go to bed."),
    "own_words": "He grabbed my arm really hard and said I was a pest",
    "safe_now": "In school until 3:15pm; her mother usually collects her.",
    "action": "Spoke to Gwenllian using TED questions, recorded what she said, told the headteacher.",
    "family_language": "bilingual", "informed": "false", "consent": "not_sought",
    "consent_reason": "Telling the family before the hub decides could put Gwenllian at greater risk.",
    "agencies": "GP (Dr Anil Shah); school nurse",
    "phone": "01633 000123",
}

WELSH_CHILD = {
    "given": "Heledd", "surname": "Prosser", "dob": datetime.date(2013, 11, 5), "sex": "female",
    "address": "5 Stryd y Felin, Caerleon", "postcode": "NP18 3QQ", "nhs": "485 777 3457",
    "school": "Ysgol Gymraeg Bro Teyrnon, Blwyddyn 8; presenoldeb 88%",
    "household": [("Mererid Prosser", "mother", datetime.date(1985, 5, 30), True, True),
                  ("Ifan Prosser", "sibling", datetime.date(2017, 1, 15), False, True)],
    "significant_others": "",
    "category": "neglect",
    "description": ("Ddydd Llun a dydd Mawrth yr wythnos hon daeth Heledd i'r ysgol heb gôt yn y glaw, yn "
                    "llwglyd ac yn yr un dillad budr. Dywedodd wrth ei hathrawes ddosbarth fod ei mam yn "
                    "cysgu drwy'r dydd ac nad oes bwyd yn y tŷ ers dydd Sadwrn."),
    "own_words": "Does dim bwyd adre a Mam yn cysgu drwy'r amser",
    "safe_now": "Yn yr ysgol tan 3:30yp; mae'n cerdded adre gyda'i brawd.",
    "action": "Rhoi brecwast iddi; siarad â'r pennaeth.",
    "family_language": "welsh", "informed": "true", "consent": "given", "consent_reason": "",
    "agencies": "Meddyg teulu",
    "phone": "",
}


def fill_child(walk, child, communication_needs=True):
    walk.type("child.given_name", child["given"])
    walk.type("child.surname", child["surname"])
    walk.type_date("child.date_of_birth", child["dob"])
    walk.choose("child.sex", child["sex"])
    walk.type("child.address", child["address"])
    walk.type("child.postcode", child["postcode"])
    walk.type("child.nhs_number", child["nhs"])
    if communication_needs:
        walk.type("child.communication_needs", "None known")
    walk.type("child.school_and_attendance", child["school"])


def fill_household(walk, child):
    for row, (name, relationship, born, responsibility, lives_with) in enumerate(child["household"]):
        walk.type(f"household.{row}.name", name)
        walk.select(f"household.{row}.relationship", relationship)
        walk.type_date(f"household.{row}.date_of_birth", born)
        walk.tick(f"household.{row}.holds_parental_responsibility", responsibility)
        walk.tick(f"household.{row}.lives_with_child", lives_with)
    if child["significant_others"]:
        walk.type("significant_others", child["significant_others"])


def fill_concern(walk, child):
    walk.choose("concern.categories", child["category"])
    walk.type("concern.description", child["description"])
    walk.type("concern.childs_own_words", child["own_words"])
    walk.type("concern.immediate_protection", child["safe_now"])
    walk.type("concern.action_already_taken", child["action"])


def fill_family(walk, child):
    walk.choose("family_language", child["family_language"])
    walk.choose("family_informed", child["informed"])
    walk.choose("consent", child["consent"])
    if child["consent_reason"]:
        walk.type("consent_reason", child["consent_reason"])
    walk.type("agencies_involved", child["agencies"])
    if child["phone"]:
        walk.type("referrer_phone", child["phone"])


def start_referral(walk, lang):
    walk.menu(lang, "nav.referrals")
    walk.expect_page(lang, "referrals.mine.title")
    walk.follow(t(lang, "referral.new.title"))
    walk.expect_page(lang, "referral.new.title")
    walk.expect_text(t(lang, "referral.new.emergency"))
    walk.press(t(lang, "referral.new.start_marf"))
    walk.expect_page(lang, "referral.section.child")
    walk.expect_text(t(lang, "referral.kind.marf"))
    walk.expect(walk.label("child.given_name") == t(lang, "referral.field.child.given_name"), "the first name's label")


def next_section(walk, lang, key):
    walk.press(t(lang, "referral.continue"))
    walk.expect_page(lang, key)


def refused_beside(walk, lang, field, message_key, kept):
    """The page came back with the message at the top and beside the field, and what was typed."""
    walk.expect_page(lang, "referral.section.child")
    summary = walk.driver.find_element(By.CSS_SELECTOR, ".error-summary")
    walk.expect_text(t(lang, "form.error_summary"), summary)
    message = t(lang, message_key)
    # Issue 15, item 3: the summary's line names the field by the label the form shows.
    label = t(lang, "referral.field." + ".".join(part for part in field.split(".") if not part.isdigit()))
    link = walk.link(f"{label}: {message}", within=summary)
    walk.expect(link.get_attribute("href").endswith("#" + field), "the error summary does not link to the field")
    walk.expect(walk.error_beside(field) == message, f"beside {field}: {walk.error_beside(field)!r}")
    # Following the link leaves the field's label in view above it, not scrolled away.
    walk.activate(link)
    top = walk.driver.execute_script(
        "const l = document.querySelector(`label[for='${arguments[0]}']`); return l ? l.getBoundingClientRect().top : -1;", field)
    walk.expect(top >= 0, f"the label of {field} has scrolled out of view ({top})")
    for name, value in kept.items():
        walk.expect(walk.field(name).get_attribute("value") == value, f"{name} was not kept after the error")


def draft_on_my_referrals(walk, lang, link_text):
    """My referrals lists the draft as a draft, not sent; its link goes back into the form."""
    walk.menu(lang, "nav.referrals")
    walk.expect_page(lang, "referrals.mine.title")
    rows = [row for row in walk.driver.find_elements(By.CSS_SELECTOR, "table tbody tr") if link_text in row.text]
    walk.expect(len(rows) == 1, f"My referrals does not list the draft {link_text!r} once")
    walk.expect(rows[0].find_elements(By.TAG_NAME, "td")[2].text.strip() == t(lang, "referral.status.draft"),
                "the referral is not a draft")
    walk.follow(link_text, within=rows[0])
    walk.expect_page(lang, "referral.section.child")


def check_answers(walk, lang, child):
    walk.expect_page(lang, "referral.check.title")
    answers = {row.find_element(By.TAG_NAME, "dt").text.strip(): row.find_element(By.TAG_NAME, "dd").text.strip()
               for row in walk.driver.find_elements(By.CSS_SELECTOR, ".summary-list__row")}
    walk.expect(answers.get(t(lang, "referral.field.child.given_name")) == child["given"], "the first name is not shown")
    walk.expect(answers.get(t(lang, "referral.field.child.surname")) == child["surname"], "the last name is not shown")
    walk.expect(answers.get(t(lang, "referral.field.concern.childs_own_words")) == child["own_words"],
                "the child's own words are not shown")
    # Each section has a "Change" link that says which section to a screen reader.
    for section in ("child", "household", "concern", "family"):
        link = walk.driver.find_element(By.XPATH, f"//a[contains(@href, '/section/{section}')]")
        hidden = link.find_elements(By.CSS_SELECTOR, ".visually-hidden")
        walk.expect(len(hidden) == 1 and hidden[0].get_attribute("textContent").strip() == t(lang, f"referral.section.{section}"),
                    f"the link to change {section} does not name the section")
        spoken = " ".join(link.get_attribute("textContent").split())
        walk.expect(spoken == t(lang, "referral.check.change") + " " + t(lang, f"referral.section.{section}"),
                    f"the link to change {section} is read out as {spoken!r}")
    quality = walk.driver.find_element(By.CSS_SELECTOR, ".quality")
    score_text = quality.find_element(By.TAG_NAME, "h2").text
    score = re.search(r"\d+", score_text)
    walk.expect(score and score_text == t(lang, "referral.quality.title", score.group()), f"the quality score reads {score_text!r}")
    return int(score.group()), quality


def send(walk, lang):
    walk.expect_text(t(lang, "referral.check.send_explain"))
    walk.press(t(lang, "referral.check.submit"))
    walk.expect_page(lang, "referral.submitted.title")
    reference = walk.driver.find_element(By.CSS_SELECTOR, ".reference").text.strip()
    walk.expect(re.fullmatch(r"DIO-\S+", reference), f"the reference reads {reference!r}")
    walk.expect_text(t(lang, "referral.submitted.reference"))
    walk.expect_text(t(lang, "referral.submitted.next"))
    walk.expect_text(t(lang, "referral.status.submitted"))
    return reference


def queue_row(walk, lang, reference, name):
    walk.menu(lang, "nav.hub")
    walk.expect_page(lang, "hub.title")
    rows = [row for row in walk.driver.find_elements(By.CSS_SELECTOR, "table tbody tr") if reference in row.text]
    walk.expect(len(rows) == 1, f"the hub queue does not show {reference} once")
    walk.expect_text(name, rows[0])
    return rows[0]


def expect_saved(walk, lang, case):
    """Issue 15, item 11: the page after a save says what was saved, in the reader's language."""
    banners = walk.driver.find_elements(By.CSS_SELECTOR, ".banner--saved")
    walk.expect([b.text.strip() for b in banners] == [t(lang, "saved." + case)],
                f"expected the banner {t(lang, 'saved.' + case)!r}, found {[b.text for b in banners]}")


def summary_value(walk, lang, key):
    """The value of the summary row labelled with the catalogue's `key`."""
    for row in walk.driver.find_elements(By.CSS_SELECTOR, ".summary-list__row"):
        if row.find_element(By.TAG_NAME, "dt").text.strip() == t(lang, key):
            return row.find_element(By.TAG_NAME, "dd").text.strip()
    walk.fail(f"no row {t(lang, key)!r}")


def expect_back_link(walk, lang, key, path):
    """Issue 15, item 13: a page reached from a list leads back to it."""
    back = walk.driver.find_elements(By.CSS_SELECTOR, "a.back-link")
    walk.expect(len(back) == 1 and back[0].text.strip() == t(lang, key) and urllib.parse.urlsplit(
                    back[0].get_attribute("href")).path.endswith(path),
                f"no way back to {path}: {[link.text for link in back]}")


def open_from_queue(walk, lang, reference, name):
    row = queue_row(walk, lang, reference, name)
    walk.follow(name, within=row)
    walk.expect_page(lang, "referral.page.heading", reference, name)
    expect_back_link(walk, lang, "back.hub", "/hub")


def hub_action(walk, lang, key):
    """Issue 15, item 8: the hub's actions are listed at the top of the referral, each on
    its own page headed by the action, with a way back to the referral."""
    referral = urllib.parse.urlparse(walk.driver.current_url).path
    actions = walk.driver.find_element(By.CSS_SELECTOR, ".actions")
    walk.follow(t(lang, key), within=actions)
    walk.expect_page(lang, key)
    expect_back_link(walk, lang, "back.referral", referral)


def status_of(walk, lang):
    return summary_value(walk, lang, "referral.page.status")


def my_referral_line(walk, lang, reference):
    walk.menu(lang, "nav.referrals")
    walk.expect_page(lang, "referrals.mine.title")
    rows = [row for row in walk.driver.find_elements(By.CSS_SELECTOR, "table tbody tr") if reference in row.text]
    walk.expect(len(rows) == 1, f"My referrals does not show {reference} once")
    cells = rows[0].find_elements(By.TAG_NAME, "td")
    return [cell.text.strip() for cell in cells], rows[0]


# MARK: The two walks

def english_walk(walk):
    lang, child = "en", ENGLISH_CHILD
    name = f"{child['given']} {child['surname']}"
    walk.go("/")
    walk.sign_in("owain.lewis", "en")
    walk.ensure_language("en")  # Owain's own choice in the demo is Welsh
    walk.expect_page(lang, "home.title")

    start_referral(walk, lang)
    # A date of birth in the future is refused beside its field, and nothing is saved.
    fill_child(walk, child, communication_needs=False)
    walk.type_date("child.date_of_birth", datetime.date.today() + datetime.timedelta(days=30))
    walk.press(t(lang, "referral.continue"))
    refused_beside(walk, lang, "child.date_of_birth", "error.field.date_in_future",
                   {"child.given_name": child["given"], "child.postcode": child["postcode"]})
    # Nothing from the refused page was saved: the draft still names no child, and its
    # first page is empty when opened again.
    draft_on_my_referrals(walk, lang, t(lang, "referrals.mine.unnamed"))
    walk.expect(walk.field("child.given_name").get_attribute("value") == "", "the refused page was saved")
    fill_child(walk, child, communication_needs=False)
    next_section(walk, lang, "referral.section.household")
    walk.expect_text(t(lang, "referral.household.member"))
    fill_household(walk, child)
    next_section(walk, lang, "referral.section.concern")
    fill_concern(walk, child)
    next_section(walk, lang, "referral.section.family")
    fill_family(walk, child)
    walk.press(t(lang, "referral.continue"))

    # Before sending: the score, and what would raise it (the communication needs left out).
    score, quality = check_answers(walk, lang, child)
    walk.expect(score < 100, f"the score is {score} with an answer missing")
    walk.expect_text(t(lang, "referral.quality.improve"), quality)
    walk.expect_text(t(lang, "referral.quality.rule.communicationNeeds"), quality)
    walk.expect_text(t(lang, "referral.quality.explain"), quality)
    walk.expect_text("Sara Parry")
    walk.expect_text(t(lang, "referral.answer.holds_pr"))
    # Acting on it: change the child's page, then back to check your answers.
    change = walk.driver.find_element(By.XPATH, "//a[contains(@href, '/section/child')]")
    walk.click_and_wait(change)
    walk.expect_page(lang, "referral.section.child")
    walk.type("child.communication_needs", "None known")
    next_section(walk, lang, "referral.section.household")
    walk.follow(t(lang, "referral.check.title"), within=walk.driver.find_element(By.CSS_SELECTOR, "nav.steps"))
    raised, quality = check_answers(walk, lang, child)
    walk.expect(raised > score, f"the score went from {score} to {raised} after adding what it asked for")
    walk.expect_no_text(t(lang, "referral.quality.rule.communicationNeeds"))
    reference = send(walk, lang)
    walk.sign_out()

    # The hub: the queue, the record, the decision.
    walk.sign_in("sian.pritchard", lang)
    walk.ensure_language("en")  # Siân's own choice in the demo is Welsh
    row = queue_row(walk, lang, reference, name)
    # The high-risk notice with a child present leads a practitioner's queue, its risk said
    # (issue 15, item 9); a decision waiting for the manager's sign-off is not theirs to act
    # on, and sits below the referrals that are.
    waiting = t(lang, "referral.status.awaiting_sign_off")
    rows = walk.driver.find_elements(By.CSS_SELECTOR, "table tbody tr")
    signing_off = [waiting in r.text for r in rows]
    walk.expect(any(signing_off), "the demo has no decision waiting for sign-off")
    walk.expect(signing_off == sorted(signing_off), "a decision waiting for the manager sits above the practitioner's work")
    first = rows[0]
    walk.expect_text("Tyler Williams", first)
    walk.expect_text(t(lang, "priority.high"), first)
    walk.expect_text(t(lang, "ppn.type.domestic_abuse"), first)
    walk.expect_text(child["dob"].strftime("%-d %B %Y"), row)
    walk.expect_text("Ysgol Gymraeg Bro Teyrnon", row)
    walk.expect(re.search(r"due in|overdue by", row.text), "the queue does not say when the decision is due")
    walk.follow(name, within=row)
    walk.expect_page(lang, "referral.page.heading", reference, name)
    expect_back_link(walk, lang, "back.hub", "/hub")
    walk.expect_text(child["own_words"])
    walk.expect_text(t(lang, "match.title"))
    walk.press(t(lang, "match.create"))
    walk.expect_page(lang, "referral.page.heading", reference, name)
    expect_saved(walk, lang, "record_created")
    walk.expect_no_text(t(lang, "match.title"))
    walk.expect(walk.link(name).get_attribute("href").split("/")[-2] == "children", "no link to the new record")
    hub_action(walk, lang, "referral.decide.title")
    # No reasons: refused on the decision's own page, and the decision not recorded.
    walk.choose("outcome", "strategy_discussion")
    walk.press(t(lang, "referral.decide.submit"))
    walk.expect_page(lang, "referral.decide.title")
    walk.expect_text(t(lang, "form.error_summary"))
    # Item 3: the summary names the field; the message stands beside it too.
    summary = walk.driver.find_element(By.CSS_SELECTOR, ".error-summary")
    walk.expect_text(t(lang, "referral.decide.reasons") + ": " + t(lang, "error.field.missing"), summary)
    walk.expect(walk.error_beside("reasons") == t(lang, "error.field.missing"), "no message beside the reasons")
    walk.expect(status_of(walk, lang) == t(lang, "referral.status.submitted"), "decided without reasons")
    walk.choose("outcome", "strategy_discussion")
    reasons = "Disclosure of physical harm by an adult in the household; bruise seen by school staff."
    walk.type("reasons", reasons)
    walk.press(t(lang, "referral.decide.submit"))
    walk.expect_page(lang, "referral.page.heading", reference, name)
    walk.expect(status_of(walk, lang) == t(lang, "referral.status.decided"), "the referral is not decided")
    expect_saved(walk, lang, "decided")
    walk.expect_text(t(lang, "decision.outcome.strategy_discussion") + " – Siân Pritchard")
    # The hub reads its own decision as the outcome; the referrer's message is labelled as such.
    outcome = summary_value(walk, lang, "referral.page.outcome")
    walk.expect(t(lang, "decision.outcome.strategy_discussion") in outcome and reasons in outcome, f"the outcome reads {outcome!r}")
    walk.expect(summary_value(walk, lang, "referral.page.referrer_told") == t(lang, "feedback.childrens_services_acting"),
                "the referrer's message is not labelled as what the referrer was told")
    # The child's record tells what the hub decided and why, not the referrer's message (item 2).
    walk.follow(name)
    walk.expect_text(t(lang, "chronology.decision", t(lang, "decision.outcome.strategy_discussion")))
    walk.expect_text(reasons)
    walk.menu(lang, "nav.hub")
    walk.expect_page(lang, "hub.title")
    walk.expect_no_text(reference)
    # Item 13: on the meetings page "Hub meetings" alone is marked current, not "Hub queue" too.
    walk.menu(lang, "nav.meetings")
    current = walk.driver.find_elements(By.CSS_SELECTOR, ".navigation [aria-current='page']")
    walk.expect([item.text for item in current] == [t(lang, "nav.meetings")], f"current: {[i.text for i in current]}")
    walk.sign_out()

    # The teacher's feedback.
    walk.sign_in("owain.lewis", lang)
    walk.expect_page(lang, "home.title")
    cells, _ = my_referral_line(walk, lang, reference)
    walk.expect(cells[0] == name, f"My referrals names {cells[0]!r}")
    walk.expect(cells[2] == t(lang, "referral.status.decided"), f"My referrals says {cells[2]!r}")
    walk.expect(cells[3] == t(lang, "feedback.childrens_services_acting"), f"the outcome reads {cells[3]!r}")
    walk.expect_no_text(t(lang, "decision.outcome.strategy_discussion"))  # the hub's own wording stays at the hub
    walk.sign_out()
    return reference


def welsh_walk(walk, english_reference):
    lang, child = "cy", WELSH_CHILD
    name = f"{child['given']} {child['surname']}"
    walk.go("/sign-in")
    walk.expect_page("en", "signin.title")
    walk.switch_language()
    walk.sign_in("owain.lewis", lang)
    walk.ensure_language(lang)  # Owain chose English in the English walk, and that is remembered
    walk.expect_page(lang, "home.title")

    start_referral(walk, lang)
    fill_child(walk, child)
    # A postcode that cannot be right is refused on its own page, the message beside the
    # field and what was typed kept.
    walk.type("child.postcode", "NP18 ZZ9")
    walk.press(t(lang, "referral.continue"))
    walk.expect_page(lang, "referral.section.child")
    postcode_message = t(lang, "error.identifier.postcode")
    walk.expect_text(postcode_message)
    walk.expect(walk.field("child.postcode").get_attribute("value") == "NP18 ZZ9", "the postcode typed was not kept")
    walk.type("child.postcode", child["postcode"])
    # A question left unanswered is kept in the draft, but the referral cannot be sent:
    # "check your answers" names it, links to the field, and offers no way to send.
    walk.type("child.address", "")
    next_section(walk, lang, "referral.section.household")
    fill_household(walk, child)
    walk.tick("no_other_household_members")
    next_section(walk, lang, "referral.section.concern")
    walk.expect(walk.driver.find_element(By.CSS_SELECTOR, '[id="concern.categories"] legend').text.strip()
                == t(lang, "referral.field.concern.categories"), "the concern's legend is not in Welsh")
    fill_concern(walk, child)
    next_section(walk, lang, "referral.section.family")
    fill_family(walk, child)
    walk.press(t(lang, "referral.continue"))
    walk.expect_page(lang, "referral.check.title")
    problems = [box for box in walk.driver.find_elements(By.CSS_SELECTOR, ".error-summary")
                if t(lang, "referral.check.problems") in box.text]
    walk.expect(problems, "check your answers does not say what stops the referral being sent")
    # Named by the question's label (item 3), and said once.
    message = t(lang, "referral.field.child.address") + ": " + t(lang, "error.field.missing")
    walk.expect(problems[0].text.strip().splitlines()[1:] == [message], f"the problems listed: {problems[0].text!r}")
    link = walk.link(message, within=problems[0])
    walk.expect(link.get_attribute("href").endswith("/section/child#child.address"), "the problem does not link to the field")
    walk.expect(not walk.driver.find_elements(By.XPATH, f"//button[normalize-space()={xpath_literal(t(lang, 'referral.check.submit'))}]"),
                "a referral with a question unanswered can be sent")
    walk.expect_no_text(t(lang, "referral.check.send_title"))
    # Not sent: still a draft under My referrals, which leads back to it.
    draft_on_my_referrals(walk, lang, name)
    walk.follow(t(lang, "referral.check.title"), within=walk.driver.find_element(By.CSS_SELECTOR, "nav.steps"))
    walk.expect_page(lang, "referral.check.title")
    walk.click_and_wait(walk.link(message))
    walk.expect_page(lang, "referral.section.child")
    walk.type("child.address", child["address"])
    next_section(walk, lang, "referral.section.household")
    walk.follow(t(lang, "referral.check.title"), within=walk.driver.find_element(By.CSS_SELECTOR, "nav.steps"))
    score, quality = check_answers(walk, lang, child)
    walk.expect_text(t(lang, "referral.quality.explain"), quality)
    walk.expect_text(t(lang, "consent.given"))
    walk.expect_text(t(lang, "family_language.welsh"))
    reference = send(walk, lang)
    walk.sign_out()

    # The hub decides; the agencies disagree, so the manager must sign it off.
    walk.sign_in("sian.pritchard", lang)
    walk.ensure_language(lang)
    open_from_queue(walk, lang, reference, name)
    walk.expect_text(child["own_words"])
    walk.expect_text(t(lang, "match.title"))
    walk.press(t(lang, "match.create"))
    walk.expect_page(lang, "referral.page.heading", reference, name)
    hub_action(walk, lang, "referral.decide.title")
    walk.choose("outcome", "care_and_support_assessment")
    walk.type("reasons", "Esgeulustod parhaus; angen asesiad o anghenion gofal a chymorth y teulu.")
    walk.tick("agencies_disagree")
    walk.press(t(lang, "referral.decide.submit"))
    walk.expect_page(lang, "referral.page.heading", reference, name)
    walk.expect(status_of(walk, lang) == t(lang, "referral.status.awaiting_sign_off"), "no manager was asked")
    walk.expect_text(t(lang, "referral.page.sign_off_needed"))
    walk.expect_text(t(lang, "signoff.reason.agency_disagreement"))
    walk.expect_no_text(t(lang, "referral.sign_off.title"))  # not for the one who decided
    row = queue_row(walk, lang, reference, name)
    walk.expect_text(t(lang, "referral.status.awaiting_sign_off"), row)
    walk.sign_out()

    walk.sign_in("gareth.morgan", lang)
    walk.ensure_language(lang)  # Gareth's own choice is English
    # To the manager who signs off, the decisions waiting for them come first (item 9).
    queue_row(walk, lang, reference, name)
    first = walk.driver.find_elements(By.CSS_SELECTOR, "table tbody tr")[0]
    walk.expect_text(t(lang, "referral.status.awaiting_sign_off"), first)
    open_from_queue(walk, lang, reference, name)
    walk.expect_text(t(lang, "referral.sign_off.title"))
    walk.expect_text(t(lang, "decision.outcome.care_and_support_assessment") + " – Siân Pritchard")
    # The sign-off is listed with the actions at the top, never below the request form.
    text = walk.body()
    walk.expect(text.index(t(lang, "referral.sign_off.title")) < text.index(t(lang, "referral.requests.title")),
                "the sign-off is not listed above the requests for information")
    hub_action(walk, lang, "referral.sign_off.title")
    walk.expect_text(t(lang, "decision.outcome.care_and_support_assessment") + " – Siân Pritchard")
    walk.choose("agreed", "true")
    walk.type("sign_off_reason", "Wedi siarad â'r ysgol a'r meddyg teulu: mae angen asesiad.")
    walk.press(t(lang, "referral.sign_off.submit"))
    walk.expect_page(lang, "referral.page.heading", reference, name)
    walk.expect(status_of(walk, lang) == t(lang, "referral.status.decided"), "the sign-off did not decide it")
    expect_saved(walk, lang, "signed_off")
    walk.expect_text("Gareth Morgan")
    walk.expect_text(t(lang, "feedback.childrens_services_acting"))
    walk.sign_out()

    walk.sign_in("owain.lewis", lang)
    walk.expect_page(lang, "home.title")
    for ref, child_name in ((reference, name), (english_reference, f"{ENGLISH_CHILD['given']} {ENGLISH_CHILD['surname']}")):
        cells, row = my_referral_line(walk, lang, ref)
        walk.expect(cells[0] == child_name, f"My referrals names {cells[0]!r}")
        walk.expect(t(lang, "referral.kind.marf") in cells[1], "the kind of referral is not in Welsh")
        walk.expect(cells[2] == t(lang, "referral.status.decided"), f"My referrals says {cells[2]!r}")
        walk.expect(cells[3] == t(lang, "feedback.childrens_services_acting"), f"the outcome reads {cells[3]!r}")
    walk.follow(name)
    walk.expect_page(lang, "referral.page.heading", reference, name)
    walk.expect_text(t(lang, "referral.page.outcome"))
    walk.expect_text(t(lang, "feedback.childrens_services_acting"))
    walk.expect_no_text(t(lang, "referral.decide.title"))
    walk.sign_out()

    # A lost phone: a recovery code signs the hub social worker in once, and says so.
    walk.sign_in("sian.pritchard", lang, recovery_code=True)
    walk.expect_page(lang, "two_factor.account.title")
    walk.expect_text(t(lang, "two_factor.account.recovery_used"))
    walk.expect_text(t(lang, "two_factor.account.codes_left", 9))
    walk.sign_out()


def keep_evidence(driver, server, work, error):
    folder = tempfile.mkdtemp(prefix="diogelu-browser-failure-")
    try:
        driver.save_screenshot(os.path.join(folder, "page.png"))
        with open(os.path.join(folder, "page.html"), "w", encoding="utf-8") as page:
            page.write(driver.page_source)
        with open(os.path.join(folder, "url.txt"), "w") as url:
            url.write(driver.current_url + "\n")
    except Exception as problem:  # the browser may be the thing that failed
        print(f"could not keep the page: {problem}", file=sys.stderr)
    if server:
        shutil.copy(server.log_path, os.path.join(folder, "serve.log"))
    with open(os.path.join(folder, "error.txt"), "w") as out:
        out.write(str(error) + "\n")
    return folder


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--postgres", metavar="URL", help="run on a new database on this PostgreSQL server")
    parser.add_argument("--verbose", action="store_true", help="print each page as it is reached")
    parser.add_argument("--only", metavar="WALKS", default="english,welsh,partners,exploitation,performance",
                        help="the walks to take, comma-separated (the Welsh walk takes the English one with it)")
    arguments = parser.parse_args()
    walks = set(arguments.only.split(","))
    binary = os.path.abspath(arguments.binary)
    work = tempfile.mkdtemp(prefix="diogelu-browser-")
    started = time.time()
    server = driver = walk = None
    engine = "PostgreSQL" if arguments.postgres else "SQLite"
    try:
        server = Server(binary, work, arguments.postgres)
        driver = chromium()
        walk = Walk(driver, server, arguments.verbose)
        if walks & {"english", "welsh"}:
            english_reference = english_walk(walk)
            if "welsh" in walks:
                welsh_walk(walk, english_reference)
        if not walks & {"english", "welsh"}:
            walk.go("/")  # the sign-in page the walks after these start from
        if "partners" in walks:
            browser_partners.partner_walks(walk, sys.modules[__name__])
        if "exploitation" in walks:
            browser_exploitation.exploitation_walks(walk, sys.modules[__name__])
        if "performance" in walks:
            browser_performance.performance_walks(walk, sys.modules[__name__])
        accessibility = walk.accessibility
        print(accessibility.summary())
        if accessibility.violations:
            print(f"Browser walk FAILED on {engine}: axe-core found serious or critical violations "
                  f"of WCAG 2.2 AA:\n{accessibility.report()}", file=sys.stderr)
            status = 1
        else:
            print(f"Browser walk passed on {engine}: English and Welsh, {walk.pages} pages "
                  f"({walk.pages_in['en']} English, {walk.pages_in['cy']} Welsh) in {time.time() - started:.1f} s")
            status = 0
    except Exception as error:
        if walk and walk.accessibility.violations:
            print(f"{walk.accessibility.summary()} before the walk stopped:\n{walk.accessibility.report()}", file=sys.stderr)
        folder = keep_evidence(driver, server, work, error) if driver else tempfile.mkdtemp(prefix="diogelu-browser-failure-")
        if not driver and server:
            shutil.copy(server.log_path, os.path.join(folder, "serve.log"))
        print(f"Browser walk FAILED on {engine}: {type(error).__name__}: {error}", file=sys.stderr)
        if arguments.verbose:
            import traceback
            traceback.print_exc()
        if server and server.process.poll() is None:
            try:
                urllib.request.urlopen(server.base + "/sign-in", timeout=5)
                print("The server still answers", file=sys.stderr)
            except Exception as problem:
                print(f"The server no longer answers: {problem}", file=sys.stderr)
        if server and server.process.poll() is not None:
            print(f"The server had stopped (status {server.process.returncode}): see serve.log", file=sys.stderr)
        print(f"Screenshot, page and server log kept in {folder}", file=sys.stderr)
        status = 1
    finally:
        if driver:
            driver.quit()
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
