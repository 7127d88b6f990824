"""The single-link flow in a real browser: answer, see the verdict, share the URL, reopen it elsewhere."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def widget(page, key: str):
    return page.locator(f".st-key-{key.replace('.', '-')}").first


def choose(page, key: str, label: str) -> None:
    widget(page, key).get_by_role("radio", name=label, exact=True).click()
    page.wait_for_timeout(250)


def wait_idle(page) -> None:
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=15000)


def test_check_one_link_and_share(page, browser, app_url):
    page.goto(f"{app_url}/check?lang=en")
    page.get_by_role("heading", name="Check one link").wait_for(timeout=30000)
    for key in ("quick.without_search", "quick.story"):
        choose(page, key, "Yes")
    choose(page, "quick.without_seo", "No")
    page.get_by_text("2 of 3 answered yes").first.wait_for()
    for trait, answer in (("relevance", "Yes"), ("context", "Yes"), ("origin", "Yes"),
                          ("naturalness", "Partly"), ("contribution", "Partly")):
        choose(page, f"trait.{trait}", answer)
    page.get_by_text("→ Pursue", exact=True).wait_for()
    wait_idle(page)
    page.wait_for_function("location.search.includes('contribution=partly')", timeout=10000)
    screenshot(page, "check-one-link-en")

    shared = page.url
    query = parse_qs(urlparse(shared).query)
    assert query["lang"] == ["en"] and query["quick"] == ["yes,yes,no"]
    assert query["relevance"] == ["yes"] and query["contribution"] == ["partly"]

    # another machine: a fresh browser context with nothing but the link
    other = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    other.goto(shared)
    other.get_by_text("→ Pursue", exact=True).wait_for(timeout=30000)
    other.get_by_text("2 of 3 answered yes").first.wait_for()
    pressed = widget(other, "trait.naturalness").locator("[role=radio][aria-checked=true]")
    assert pressed.inner_text().strip() == "Partly"
    other.context.close()


def test_language_switch_survives_page_changes_and_reload(page, app_url):
    page.goto(f"{app_url}/?lang=en")
    page.get_by_role("heading", name="Linkwijzer").first.wait_for(timeout=30000)
    choose(page, "lang", "NL")
    page.get_by_text("Beoordeel backlinks op betekenis").wait_for()
    page.wait_for_function("location.search.includes('lang=nl')")
    page.get_by_role("link", name=re.compile("Eén link toetsen")).first.click()
    # the home page has a card with the same heading: wait for the check page's own address
    page.wait_for_function("location.pathname.endsWith('/check') && location.search.includes('lang=nl')")
    page.get_by_text("De eenminuuttoets").first.wait_for()
    page.reload()
    page.get_by_text("De eenminuuttoets").first.wait_for(timeout=30000)
    assert "lang=nl" in page.url
    screenshot(page, "check-one-link-nl")
