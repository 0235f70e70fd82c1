"""Issue 17's dashboard in the browser, by keyboard, in English and in Welsh: a leader
opens the performance framework from the home page, chooses the reporting year, opens a
measure and breaks it down by team, and downloads the figures as CSV with the same
session (a byte order mark first, the header in the page's language).

Run by scripts/browser_test.py after the exploitation walks; `bt` is that script's module.
"""
import urllib.request

from selenium.webdriver.common.by import By

from browser_partners import sign_in


def download(walk, href):
    """The file a link gives, fetched with the browser's own session."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in walk.driver.get_cookies())
    request = urllib.request.Request(href, headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers.get("Content-Type", ""), response.read()


def dashboard(walk, bt, lang):
    t = bt.t
    sign_in(walk, "gareth.morgan", lang)
    walk.menu(lang, "nav.home")
    walk.follow(t(lang, "home.task.performance"))
    walk.expect_page(lang, "performance.title")
    walk.select("period-length", "year")
    walk.press(t(lang, "performance.show"))
    walk.expect_page(lang, "performance.title")
    showing = walk.driver.find_element(By.ID, "performance-showing").text
    walk.expect(("–" in showing) and ("April" in showing if lang == "en" else "Ebrill" in showing),
                f"the reporting year is not what the page shows: {showing!r}")
    charts = walk.driver.find_elements(By.CSS_SELECTOR, "section.measure svg.chart")
    walk.expect(len(charts) >= 10, f"{len(charts)} charts on the dashboard")
    title = t(lang, "measure.initial-conferences-on-time.title")
    walk.follow(title)
    walk.expect_heading(lang, title)
    walk.select("period-by", "team")
    walk.press(t(lang, "performance.show"))
    walk.expect_heading(lang, title)
    walk.expect_text(t(lang, "performance.breakdown_title", t(lang, "performance.by.team")))
    walk.follow(t(lang, "performance.back"))
    walk.expect_page(lang, "performance.title")
    link = walk.driver.find_element(By.XPATH, f"//a[normalize-space()={bt.xpath_literal(t(lang, 'performance.csv'))}]")
    kind, body = download(walk, link.get_attribute("href"))
    walk.expect(kind.startswith("text/csv"), f"the download is {kind!r}, not CSV")
    walk.expect(body.startswith(b"\xef\xbb\xbf"), "the CSV has no byte order mark")
    header = body[3:].decode("utf-8").split("\r\n", 1)[0]
    walk.expect(header.startswith(t(lang, "csv.measure") + ","), f"the CSV's header is not in the page's language: {header!r}")
    walk.expect(title in body.decode("utf-8"), "the CSV does not hold the measure the page shows")
    walk.sign_out()


def performance_walks(walk, bt):
    dashboard(walk, bt, "en")
    dashboard(walk, bt, "cy")
