"""The portfolio in a real browser: a fresh server's first visitor on its address, and a click on a site's row."""

from __future__ import annotations

import pytest

from linkwijzer.cli import main
from tests.browser.conftest import ROOT, running_app, screenshot
from tests.history.cuts import as_of, month_end, read_ahrefs, write_ahrefs

pytestmark = pytest.mark.browser
SITE = "fietsenvandijk.nl"


@pytest.fixture(scope="module")
def fresh_app(tmp_path_factory):
    """A server no one has visited yet, with two monthly snapshots of the sample site in its history."""
    folder = tmp_path_factory.mktemp("portfolio")
    raw = read_ahrefs(ROOT / "sample_data" / "fietsenvandijk_ahrefs_backlinks.csv")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LINKWIJZER_HISTORY", str(folder / "history"))
        for month in ("2026-09", "2026-10"):
            path = write_ahrefs(as_of(raw, month), folder / f"{month}.csv")
            assert main(["snapshot", str(path), "--site", SITE, "--date", month_end(month)]) == 0
    with running_app(LINKWIJZER_DB=str(folder / "linkwijzer.sqlite3"), LINKWIJZER_HISTORY=str(folder / "history")) as url:
        yield url


def test_first_visit_on_the_portfolio_address_and_one_click_to_the_review(fresh_app, page):
    # No warm-up: the very first run of this server is a deep link, and it still gets the app's frame.
    page.goto(f"{fresh_app}/portfolio?lang=en")
    page.get_by_role("heading", name="Portfolio").wait_for()
    page.get_by_role("link", name="Review a profile").first.wait_for()  # the app's menu, so app.py ran
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.wait_for()
    screenshot(page, "portfolio-en-1400")
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + 35 + 17)  # the first row's selection box
    page.get_by_role("heading", name="Review a profile").wait_for()
    page.get_by_text(f"{SITE}-{month_end('2026-10')}.csv", exact=False).first.wait_for()
    page.get_by_role("heading", name="History").wait_for()
