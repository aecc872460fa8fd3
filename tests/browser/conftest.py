"""A real Chromium (Debian's chromium + chromium-driver, driven by Selenium) on a live `spp-server serve`
with the demo data; axe-core (npm) injected into pages for the accessibility checks.

Skips cleanly when chromium, chromedriver, selenium or axe-core is missing. axe.min.js is looked for in
$SPP_AXE_JS, then build/axe/node_modules/axe-core/ (where .ci/run installs it with npm).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.server.live import LiveServer, start_live_server

ROOT = Path(__file__).resolve().parents[2]
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


def axe_path() -> Path | None:
    for candidate in (os.environ.get("SPP_AXE_JS"), ROOT / "build/axe/node_modules/axe-core/axe.min.js"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def _skip_reason() -> str | None:
    if not BROWSER or not DRIVER:
        return "chromium and chromium-driver are not installed"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    if axe_path() is None:
        return "axe-core is not installed (npm install --prefix build/axe axe-core)"
    return None


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Path]]:
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("browser")
    with start_live_server(folder) as server:
        yield server, folder


@pytest.fixture(scope="module")
def driver(live: tuple[LiveServer, Path]) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = live[1] / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = BROWSER
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-GB"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False,
                                              "intl.accept_languages": "en-GB,en"})
    browser = webdriver.Chrome(service=Service(DRIVER), options=options)
    browser.implicitly_wait(15)  # a shared, busy machine; not a timing assertion
    browser.downloads = downloads  # type: ignore[attr-defined]
    try:
        yield browser
    finally:
        browser.quit()


class Axe:
    """Runs axe-core (WCAG 2.0-2.2 A and AA rules) on the current page; collects results per page."""

    def __init__(self, source: str):
        self.source = source
        self.results: dict[str, list[dict[str, Any]]] = {}

    def check(self, driver: Any, name: str) -> list[dict[str, Any]]:
        driver.execute_script(self.source)
        violations = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
            " 'wcag22aa', 'best-practice']}}).then(r => done(r.violations.map(v => ({id: v.id,"
            " impact: v.impact, nodes: v.nodes.length, help: v.help}))));")
        self.results[name] = violations
        return [v for v in violations if v["impact"] in ("serious", "critical")]


@pytest.fixture(scope="module")
def axe(live: tuple[LiveServer, Path]) -> Iterator[Axe]:
    path = axe_path()
    assert path is not None
    checker = Axe(path.read_text(encoding="utf-8"))
    yield checker
    report = live[1] / "axe-results.json"
    report.write_text(json.dumps(checker.results, indent=2))
    print(f"\naxe-core on {len(checker.results)} pages: "
          + ", ".join(f"{k}: {len(v)} ({sum(1 for x in v if x['impact'] in ('serious', 'critical'))} serious)"
                      for k, v in checker.results.items()))
