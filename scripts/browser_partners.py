"""The partners' side of the demo's working day, in the browser, by keyboard, in English
and in Welsh (issue 15): a health board nurse and the education service answer the hub's
requests for information; the school sees its Operation Encompass notices and says it has
seen one; a child protection social worker records Cerys Jones's strategy meeting from the
team queue, is refused beside the field first, and is brought back to the summary, from
which the team manager reaches the Section 47 enquiry it started; the quality assurance lead asks the
audit trail who looked at Cerys Jones, by name, and reads the answer in words.

Run by scripts/browser_test.py after the referral walks, on the same server and browser;
`bt` is that script's module (its catalogue lookup `t` and shared steps).
"""
import datetime

from selenium.webdriver.common.by import By


def sign_in(walk, username, lang):
    """Signs in from a sign-in page in `lang`, and stays in it whatever the account's own choice."""
    walk.ensure_language(lang)
    walk.sign_in(username, lang)
    walk.ensure_language(lang)


def rows(walk):
    return walk.driver.find_elements(By.CSS_SELECTOR, "table tbody tr")


def row_with(walk, text):
    found = [row for row in rows(walk) if text in row.text]
    walk.expect(len(found) == 1, f"{len(found)} rows name {text!r}")
    return found[0]


def answer_request(walk, bt, lang, username, child):
    """An answerer opens the request from the inbox, is told beside each field what is
    missing, answers, and is told the answer went to the hub."""
    t = bt.t
    sign_in(walk, username, lang)
    walk.menu(lang, "nav.requests")
    walk.expect_page(lang, "requests.title")
    line = row_with(walk, child)
    reference = line.find_elements(By.TAG_NAME, "td")[2].text.strip()
    walk.follow(child, within=line)
    walk.expect_page(lang, "request.title", reference)
    bt.expect_back_link(walk, lang, "back.requests", "/requests")
    walk.press(t(lang, "request.submit"))
    walk.expect_page(lang, "request.title", reference)
    summary = walk.driver.find_element(By.CSS_SELECTOR, ".error-summary")
    walk.expect_text(t(lang, "request.knowledge") + ": " + t(lang, "error.field.missing"), summary)
    walk.expect(walk.error_beside("knowledge") == t(lang, "error.field.missing"), "no message beside the question")
    walk.choose("knowledge", "currently_involved")
    known = {"en": "Health visitor saw Mabli and her mother on Monday; weight below the 9th centile.",
             "cy": "Mae'r gwasanaeth addysg yn cefnogi presenoldeb; colli 12 diwrnod y tymor hwn."}[lang]
    walk.type("what_is_known", known)
    walk.type("known_risks", {"en": "None known", "cy": "Dim yn hysbys"}[lang])
    walk.type_date("last_contact", datetime.date.today() - datetime.timedelta(days=2))
    walk.press(t(lang, "request.submit"))
    # Back at the inbox, told the answer went; the request is with the answered ones.
    walk.expect_page(lang, "requests.title")
    bt.expect_saved(walk, lang, "answered")
    walk.expect(not any(child in row.text for row in rows(walk)), f"{child} still waits for an answer")
    answered = walk.driver.find_element(By.XPATH, f"//h2[normalize-space()={bt.xpath_literal(t(lang, 'requests.answered'))}]"
                                        "/following-sibling::ul[1]")
    walk.follow(child, within=answered)
    walk.expect_page(lang, "request.title", reference)
    walk.expect_text(known)
    walk.expect_text(t(lang, "request.knowledge.currently_involved"))
    walk.sign_out()


def encompass(walk, bt, lang, mark_seen):
    """The school's notices: the unseen one first, named and dated; saying it was seen."""
    t = bt.t
    sign_in(walk, "owain.lewis", lang)
    walk.menu(lang, "nav.encompass")
    walk.expect_page(lang, "encompass.title")
    walk.expect_text(t(lang, "encompass.intro.school"))
    line = row_with(walk, "Dafydd ap Gwilym")
    walk.expect_text("Ysgol Gymraeg Bro Teyrnon", line)
    seen = row_with(walk, "Elis Thomas")
    walk.expect_text(t(lang, "encompass.status.seen"), seen)
    if mark_seen:
        walk.click_and_wait(line.find_element(By.XPATH, f".//button[normalize-space()={bt.xpath_literal(t(lang, 'encompass.mark_seen'))}]"))
        walk.expect_page(lang, "encompass.title")
        bt.expect_saved(walk, lang, "saved")
        line = row_with(walk, "Dafydd ap Gwilym")
        walk.expect(t(lang, "encompass.mark_seen") not in line.text, "the notice can still be marked seen")
        walk.expect(t(lang, "encompass.status.seen") in line.text or t(lang, "encompass.status.seen_late") in line.text,
                    f"the notice reads {line.text!r} after it was seen")
    walk.sign_out()


def follow_from_team_queue(walk, bt, lang, username, clock):
    """Signs in, opens the team queue and follows Cerys Jones's line for `clock` (a
    cp.clock key); returns that line's text."""
    t = bt.t
    sign_in(walk, username, lang)
    walk.menu(lang, "nav.team")
    walk.expect_page(lang, "team.title")
    line = [row for row in rows(walk) if "Cerys Jones" in row.text and t(lang, clock) in row.text]
    walk.expect(line, f"the team queue has no {t(lang, clock)!r} for Cerys Jones")
    text = line[0].text
    walk.follow(t(lang, clock), within=line[0])
    return text


def strategy_meeting(walk, bt, lang):
    """From the team queue to Cerys Jones's strategy meeting, recorded on its own page."""
    t = bt.t
    follow_from_team_queue(walk, bt, lang, "ffion.davies", "cp.clock.strategy_meeting")
    walk.expect_page(lang, "cp.meeting.title")
    walk.expect_text(t(lang, "cp.step.caption", "Cerys Jones"))
    form = walk.driver.find_element(By.XPATH, f"//form[.//button[normalize-space()={bt.xpath_literal(t(lang, 'cp.meeting.record'))}]]")
    prefix = form.get_attribute("id")
    walk.press(t(lang, "cp.meeting.record"))
    walk.expect_page(lang, "cp.meeting.title")
    walk.expect_text(t(lang, "form.error_summary"))
    walk.expect(walk.error_beside(f"{prefix}-held_at") is not None, "no message beside the date held")
    # Two hours ago, on UTC's clock read as London's (an hour or two behind it, so always
    # past): a fixed time of day would be in the future, and rightly refused, whenever the
    # walk runs before it (CI did, at 00:40).
    held = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=2)
    walk.type_date(f"{prefix}-held_at", held.date())
    walk.type_time(f"{prefix}-held_time", held.hour, held.minute)
    for box in walk.driver.find_elements(By.CSS_SELECTOR, f'input[type=checkbox][id^="{prefix}-attended-"]'):
        walk.tick(box.get_attribute("id"))
    walk.choose(f"{prefix}-outcome", "section_47_enquiry")
    bt.expect_back_link(walk, lang, "cp.back_to_summary", "/child-protection")
    walk.press(t(lang, "cp.meeting.record"))
    # Saved, and back at her summary, where the enquiry the meeting started is a step.
    walk.expect_heading(lang, "Cerys Jones")
    bt.expect_saved(walk, lang, "step_recorded")
    walk.expect_text(t(lang, "cp.caption"))
    steps = walk.driver.find_element(By.CSS_SELECTOR, ".steps")
    walk.expect_text(t(lang, "cp.enquiries"), steps)
    walk.sign_out()


def section_47_from_summary(walk, bt, lang):
    """The team manager goes from the team queue's overdue action for Cerys Jones to her
    summary, and on to the Section 47 enquiry the meeting started, with a way back."""
    t = bt.t
    line = follow_from_team_queue(walk, bt, lang, "huw.jenkins", "cp.clock.action")
    walk.expect(t(lang, "deadline.status.overdue") in line, "the agreed action is not marked overdue")
    # An agreed action may belong to more than one step: it leads to her summary.
    walk.expect_heading(lang, "Cerys Jones")
    bt.expect_back_link(walk, lang, "cp.back_to_record", "/children/" + walk.driver.current_url.split("/children/")[1].split("/")[0])
    walk.follow(t(lang, "cp.enquiries"), within=walk.driver.find_element(By.CSS_SELECTOR, ".steps"))
    walk.expect_page(lang, "cp.enquiries")
    bt.expect_back_link(walk, lang, "cp.back_to_summary", "/child-protection")
    walk.sign_out()


def audit_search(walk, bt, lang):
    """"Who looked at Cerys Jones?", asked by name; the answer names people and says why in words."""
    t = bt.t
    sign_in(walk, "elin.williams", lang)
    walk.menu(lang, "nav.audit")
    walk.expect_page(lang, "audit.title")
    walk.type("child", "Cerys Jones")
    walk.press(t(lang, "audit.filter.submit"))
    walk.expect_page(lang, "audit.title")
    found = rows(walk)
    walk.expect(found, "the trail has nothing about Cerys Jones")
    for row in found:
        cells = [cell.text.strip() for cell in row.find_elements(By.TAG_NAME, "td")]
        walk.expect(any("Cerys Jones" in cell for cell in cells), f"a row does not name the child: {cells}")
        walk.expect(not any("=" in cell or "_" in cell for cell in cells), f"a row shows raw keys: {cells}")
    walk.expect(any("Ffion Davies" in row.text for row in found), "the social worker's reading is not listed")
    walk.sign_out()


def partner_walks(walk, bt):
    answer_request(walk, bt, "en", "nia.roberts", "Mabli Davies")
    answer_request(walk, bt, "cy", "carys.jenkins", "Jac Evans")
    encompass(walk, bt, "en", mark_seen=False)
    strategy_meeting(walk, bt, "cy")
    section_47_from_summary(walk, bt, "en")
    audit_search(walk, bt, "en")
    audit_search(walk, bt, "cy")
    encompass(walk, bt, "cy", mark_seen=True)
