"""The profile review in a real browser: the chosen profile survives a visit to another page, and a
comparison on the compare page feeds the profile verdict's third condition (one shared state)."""

import pytest

pytestmark = pytest.mark.browser


def nav(page, label: str) -> None:
    page.get_by_role("link", name=label).first.click()
    page.wait_for_timeout(500)


def condition_line(page) -> str:
    line = page.get_by_text("deviates from direct competitors").first
    line.wait_for(timeout=60_000)
    return line.inner_text()


def test_comparing_feeds_the_profile_verdict_and_the_profile_survives_navigation(page, app_url):
    page.goto(f"{app_url}/profile?lang=en&sample=overoptimised")
    page.get_by_text("Intervening makes sense").first.wait_for(timeout=90_000)
    assert "no competitor files given" in condition_line(page)
    nav(page, "Competitors")
    page.get_by_text("Link gap").first.wait_for(timeout=90_000)
    nav(page, "Review a profile")
    page.get_by_text("Intervening makes sense").first.wait_for(timeout=90_000)
    line = condition_line(page)
    assert "no competitor files given" not in line
    # The over-optimised sample deviates from the sample competitors: the box is ticked.
    box = page.locator("[data-testid=stMarkdownContainer]", has_text="deviates from direct competitors").first
    assert "check_box_outline_blank" not in box.inner_html()
