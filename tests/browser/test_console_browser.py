"""The web console in a real Chromium: sign in, import a schedule, assign a team, open a released outcome,
download the head's PDF, switch to Welsh, sign out; axe-core on every page (0 serious or critical).

Set SPP_WEB_SCREENSHOTS=docs/screenshots to save the README's screenshots of the year, a released outcome
and the head's page on the way. The tests run in order and share one browser and one server."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

SCHEDULE = (
    "host_school,start_date,end_date,focus,questions,lead,reviewers\n"
    "Oakfield Primary School,2027-01-12,2027-01-13,Writing in Year 6,How is editing taught?|Who gives feedback?,,\n"
)


def account(live: Any, role: str) -> dict[str, str]:
    return next(a for a in live[0].accounts if a["role"] == role)


def shoot(driver: Any, name: str) -> None:
    folder = os.environ.get("SPP_WEB_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1280, min(max(height + 40, 700), 1800))
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))
        driver.set_window_size(1280, 900)


def go(driver: Any, element: Any) -> None:
    """Click something that loads a new page, and wait until the new page has replaced the old one."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    # A mark on the old page's window, gone once a new document has loaded. Not staleness_of(<html>):
    # Chromium 156 answers a check on a node of a replaced document with "unknown error: Node with given
    # id does not belong to the document" rather than a stale-element error, which staleness_of re-raises.
    driver.execute_script("window.__sppOldPage = true;")
    element.click()

    def new_page_loaded(d: Any) -> bool:
        try:
            return bool(d.execute_script(
                "return window.__sppOldPage === undefined && document.readyState === 'complete';"))
        except WebDriverException:  # mid-navigation: ask again
            return False

    WebDriverWait(driver, 30).until(new_page_loaded)


def by(driver: Any, css: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, css)


def link(driver: Any, text: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.PARTIAL_LINK_TEXT, text)


def sign_in(driver: Any, live: Any, role: str) -> None:
    driver.get(live[0].url + "/web/sign-in")
    who = account(live, role)
    by(driver, "#username").send_keys(who["username"])
    by(driver, "#password").send_keys(who["password"])
    go(driver, by(driver, "form.stack button[type=submit]"))


def no_serious(axe: Any, driver: Any, name: str) -> None:
    bad = axe.check(driver, name)
    assert bad == [], (name, bad)


def test_sign_in(driver: Any, live: Any, axe: Any) -> None:
    driver.get(live[0].url + "/")
    assert "/web/sign-in" in driver.current_url
    no_serious(axe, driver, "sign-in")
    by(driver, "#username").send_keys(account(live, "partnership_lead")["username"])
    by(driver, "#password").send_keys("not the password")
    go(driver, by(driver, "form.stack button[type=submit]"))
    assert "not right" in by(driver, "#sign-in-error").text
    no_serious(axe, driver, "sign-in with an error")
    sign_in(driver, live, "partnership_lead")
    assert driver.current_url.endswith("/web/")
    assert "Partnership lead" in by(driver, "main").text
    no_serious(axe, driver, "home (partnership lead)")


def test_the_year_on_a_laptop_and_a_phone(driver: Any, live: Any, axe: Any) -> None:
    go(driver, link(driver, "The year"))
    table = by(driver, "#year").text
    assert "Hillcrest Junior School" in table and "No plan a week before the day" in table
    no_serious(axe, driver, "the year")
    shoot(driver, "web-year")
    driver.set_window_size(390, 844)  # a phone: the page itself never scrolls sideways
    try:
        assert driver.execute_script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")
        no_serious(axe, driver, "the year (phone width)")
    finally:
        driver.set_window_size(1280, 900)


def test_import_a_schedule(driver: Any, live: Any, axe: Any) -> None:
    csv_file = live[1] / "year.csv"
    csv_file.write_text(SCHEDULE, encoding="utf-8")
    go(driver, link(driver, "Import a schedule"))
    no_serious(axe, driver, "import")
    by(driver, "#schedule").send_keys(str(csv_file))
    go(driver, by(driver, "form.stack button[type=submit]"))
    assert "1 reviews to create" in by(driver, "#preview").text
    no_serious(axe, driver, "import preview")
    go(driver, by(driver, "#confirm-import"))
    assert "Writing in Year 6" in by(driver, "#year").text


def test_assign_a_team(driver: Any, live: Any, axe: Any) -> None:
    from selenium.webdriver.support.ui import Select

    go(driver, link(driver, "Administration"))
    no_serious(axe, driver, "administration: reviews")
    rows = driver.find_elements("css selector", "main table a")
    go(driver, rows[-1])  # the imported review (the latest dates)
    no_serious(axe, driver, "administration: a review")
    Select(by(driver, "#username")).select_by_value(account(live, "lead_reviewer")["username"])
    Select(by(driver, "#role")).select_by_value("lead_reviewer")
    go(driver, by(driver, "#assign"))
    assert "Lead reviewer" in by(driver, "#team").text
    # A colleague of the host school is refused: a conflict of interest, said plainly.
    Select(by(driver, "#username")).select_by_value(account(live, "improvement_champion")["username"])
    Select(by(driver, "#role")).select_by_value("improvement_champion")
    go(driver, by(driver, "#assign"))
    assert "conflict of interest" in by(driver, "#form-error").text
    no_serious(axe, driver, "administration: a refused assignment")
    go(driver, link(driver, "All reviews"))
    for page in ("Schools", "People", "Devices and sessions"):
        go(driver, link(driver, page))
        no_serious(axe, driver, f"administration: {page.lower()}")


def test_open_a_released_outcome(driver: Any, live: Any, axe: Any) -> None:
    go(driver, link(driver, "Your reviews"))
    go(driver, link(driver, "Hillcrest Junior School"))
    main = by(driver, "main").text
    assert "Released outcome" in main and "Plan reasoning in every year group" in main
    assert "Reviewer-only" not in main and "Number talk" not in main
    no_serious(axe, driver, "a released outcome")
    shoot(driver, "web-released-outcome")
    go(driver, link(driver, "Common themes"))
    assert "Maths fluency and reasoning" in by(driver, "main").text
    no_serious(axe, driver, "common themes")
    go(driver, link(driver, "Sessions and devices"))
    no_serious(axe, driver, "sessions and devices")


def test_sign_out(driver: Any, live: Any, axe: Any) -> None:
    go(driver, by(driver, "#sign-out"))
    assert "/web/sign-in" in driver.current_url
    driver.get(live[0].url + "/web/year")
    assert "/web/sign-in" in driver.current_url


def test_download_the_heads_pdf(driver: Any, live: Any, axe: Any) -> None:
    sign_in(driver, live, "headteacher")
    assert "Hillcrest Junior School" in by(driver, "main").text
    no_serious(axe, driver, "home (headteacher)")
    go(driver, link(driver, "Hillcrest Junior School"))
    no_serious(axe, driver, "the head's review page")
    shoot(driver, "web-head")
    by(driver, "#download-summary").click()
    target = driver.downloads / "feedback-summary.pdf"
    for _ in range(600):  # Chrome writes a .crdownload first, then renames it (a busy machine: slow)
        if target.exists() and target.stat().st_size > 0:
            break
        time.sleep(0.1)
    assert target.read_bytes()[:5] == b"%PDF-"


def test_switch_to_welsh(driver: Any, live: Any, axe: Any) -> None:
    go(driver, link(driver, "Cymraeg"))
    assert by(driver, "html").get_attribute("lang") == "cy"
    assert "Y canlyniad a ryddhawyd" in by(driver, "main").text
    no_serious(axe, driver, "the head's review page (Welsh)")
    go(driver, link(driver, "Eich adolygiadau"))
    assert "Eich rolau" in by(driver, "main").text
    go(driver, by(driver, "#sign-out"))
    assert "Mewngofnodi" in by(driver, "h1").text
    no_serious(axe, driver, "sign-in (Welsh)")
    go(driver, link(driver, "English"))
    assert by(driver, "html").get_attribute("lang") == "en"


def test_axe_would_catch_a_serious_violation(driver: Any, live: Any, axe: Any) -> None:
    """The accessibility check can fail: a planted image without alt text and a nameless button are found."""
    driver.execute_script("document.querySelector('main').insertAdjacentHTML('beforeend',"
                          " '<img src=\"/web/static/console.css\"><button></button>')")
    found = {v["id"] for v in axe.check(driver, "planted violations (expected)")}
    assert {"image-alt", "button-name"} <= found
    axe.results.pop("planted violations (expected)")
