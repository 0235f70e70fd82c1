"""Schemathesis hooks for scripts/fuzz_api.py (loaded through SCHEMATHESIS_HOOKS).

Three things the stock checks cannot know:

1. A refused request changes nothing. Before every call the database's content is
   digested (scripts/fuzz_digest.py); after an answer of 400 or above it is digested
   again, and any table that differs fails the case.
2. Real identifiers. Path parameters are drawn from the demo partnership's records as
   well as at random, so that the pass reaches past "not found".
3. Rules a JSON schema cannot state. A 422 whose every error is one of DOMAIN_RULES
   (a rule across fields, across time, across records or the record's state) is the
   server keeping the rule, not refusing valid data; any other 422 for schema-valid data
   still fails, as the stock positive_data_acceptance check would.
"""

import json
import os
import re

import schemathesis
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import positive_data_acceptance as stock_positive_data_acceptance

from fuzz_digest import digest

DATABASE = os.environ["DIOGELU_FUZZ_DATABASE"]
POOLS = json.load(open(os.environ["DIOGELU_FUZZ_POOLS"])) if os.environ.get("DIOGELU_FUZZ_POOLS") else {}


# (operation, field, code), each a regular expression: a rule the server keeps that a
# schema cannot say, because it spans fields, time, other records or the record's state.
DOMAIN_RULES = [
    # A period's start comes before its end.
    (r"^GET /api/v1/measures/", r"^until$", r"^error\.measures\.period$"),
    # A performance range gives its first and last days, in order, at most three years
    # apart; a measure is broken down only by what it counts (issue 17, item 2).
    (r"^GET /api/v1/performance", r"^to$", r"^error\.performance\.(range|range_too_long)$"),
    (r"^GET /api/v1/performance/\{measure\}$", r"^by$", r"^error\.field\.not_one_of$"),
    # A meeting is arranged within the last week or the next year, not in 1900 or 7545.
    # It is closed once it has been held, with someone recorded present, and only once:
    # the demo's planned meeting is still to come (issue 15, item 4).
    (r"meetings/\{meetingID\}/close$", r"^(meeting|attendance)$", r"^error\.meeting\.(not_yet_held|no_attendance|closed)$"),
    (r"meetings", r"^starts_at$", r"^error\.meeting\.starts_out_of_range$"),
    # A search needs a real term; outside the hub a name needs a date of birth (issue 14, item 6).
    (r"^GET /api/v1/children$", r"^q$", r"^error\.search\.(no_real_term|name_needs_date_of_birth)$"),
    # Submitting names what the draft still lacks: that depends on the draft, not the request.
    (r"/submit$", r".", r"."),
    # A missing episode's steps in their order and against its times (MissingError names
    # them all); a warning that follows from the record is not raised by hand, a CAWN names
    # its adult, and a warning ends once.
    (r"/children/\{childID\}/missing", r".", r"^error\.missing\."),
    (r"/children/\{childID\}/flags", r".", r"^error\.flag\."),
    # An agreed level that differs from the computed one needs its reason; sightings fall
    # between birth and the assessment; a MACE meeting decides only what is on its agenda,
    # while open, and closes once held and attended.
    (r"/(exploitation|mace)", r".", r"^error\.(exploitation|mace)\."),
    (r"/(exploitation|mace)", r"^action_(owner|description)$", r"^error\.field\.missing$"),
    # A network's links in words that fit what they join, once, and ended once after they
    # began; an unsafe check says what it found (NetworkError names them all). A care
    # record's periods do not overlap, a placement falls in one, and each ends once after
    # it began (CareError names them all).
    (r"/(network|places|groups|adults)", r".", r"^error\.network\."),
    (r"/children/\{childID\}/care", r".", r"^error\.care\."),
    # A case goes to a worker of the team chosen, moves with a reason, and not to where it is.
    (r"/children/\{childID\}/allocation$", r".", r"^error\.allocation\."),
    # The child protection process: each step in its order (ChildProtectionError names them all).
    (r"/children/\{childID\}/", r".", r"^error\.cp\."),
    # A record named in the body that does not exist, or that the reader may not name.
    (r".", r".", r"^error\.field\.not_an_identifier$"),
    (r"/(merges|unmerge)$", r"^merged_child_id$", r"^error\.merge\."),
    # Names and usernames are unique.
    (r".", r".", r"^error\.[a-z]+\.[a-z]+_taken$"),
    # An answer cannot be due before the request is sent; dates of birth and events are not in the future.
    (r"/requests$", r"^due_at$", r"^error\.request\.due_in_past$"),
    # An agency that knows the child says what it knows and which risks: a rule across
    # fields (what the knowledge answer was), which the schema cannot say.
    (r"/requests/\{requestID\}/answer$", r"^(what_is_known|known_risks)$", r"^error\.request\.(what_is_known|known_risks)$"),
    (r".", r".", r"^error\.field\.date_in_future$"),
    # Who asks matters: a person issues their own tokens, and no one changes their own roles.
    (r"^POST /api/v1/tokens$", r"^user_id$", r"^error\.token\.person_issues_own$"),
    (r"^PUT /api/v1/users/", r"^roles$", r"^error\.user\.own_roles$"),
    # A hub manager names someone else to open a sealed record: naming oneself is the
    # break-glass route, audited as such (the stateful phase finds its own account's id).
    (r"/access-grants$", r"^user_id$", r"^error\.grant\.to_oneself$"),
    # Text is measured without the white space at either end, which minLength cannot say.
    (r".", r".", r"^error\.field\.too_short$"),
]

# Refusals that name no field: the problem's type says which rule.
DOMAIN_PROBLEMS = [
    # Early intervention follows police notices only: it depends on the referral's kind.
    r"/problems/decision\.earlyInterventionIsForPoliceNotices$",
    # A manager signs off another's decision, not their own.
    r"/problems/decision\.cannotSignOffOwnDecision$",
]


_before = {}


@schemathesis.hook
def before_call(context, case, kwargs):
    _before[id(case)] = digest(DATABASE)


@schemathesis.check
def refused_request_changes_nothing(ctx, response, case):
    before = _before.pop(id(case), None)
    if before is None or response.status_code < 400:
        return None
    after = digest(DATABASE)
    changed = sorted(table for table in set(before) | set(after) if before.get(table) != after.get(table))
    if changed:
        raise AssertionError(f"A refused request ({response.status_code}) changed the database: {', '.join(changed)}")
    return None


def _label(case):
    return f"{case.operation.method.upper()} {case.operation.path}"


def _is_domain_rule(label, error):
    return any(re.search(operation, label) and re.search(field, str(error.get("field", "")))
               and re.search(code, str(error.get("code", ""))) for operation, field, code in DOMAIN_RULES)


@schemathesis.check
def positive_data_acceptance_beyond_domain_rules(ctx, response, case):
    if response.status_code == 422:
        try:
            problem = json.loads(response.text)
        except ValueError:
            problem = {}
        errors = problem.get("errors") or []
        # A referral made and submitted at once is refused what it lacks, as a submission is.
        submitted = case.operation.path == "/api/v1/referrals" and isinstance(case.body, dict) and case.body.get("submit") is True
        if errors and submitted:
            return None
        if errors and all(_is_domain_rule(_label(case), error) for error in errors):
            return None
        if not errors and any(re.search(pattern, str(problem.get("type", ""))) for pattern in DOMAIN_PROBLEMS):
            return None
    return stock_positive_data_acceptance(ctx, response, case)


@schemathesis.hook
def flatmap_path_parameters(context, path_parameters):
    """Each identifier in the path as generated, or one of the demo's records of its kind."""
    if not path_parameters:
        return st.just(path_parameters)
    choices = {}
    for name, value in path_parameters.items():
        pool = POOLS.get(name, [])
        choices[name] = st.sampled_from([value] + pool) if pool else st.just(value)
    return st.fixed_dictionaries(choices)
