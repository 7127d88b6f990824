"""A workshop in a real browser: three prospects in presenter mode with the keyboard, then the session report."""

import re

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

PROSPECTS = [  # name, keys pressed for the 3 quick questions and the 5 traits (1 = yes, 2 = no / partly ...)
    ("Lokale krant", "111" + "11111"),
    ("Ledenlijst vereniging", "121" + "22122"),
    ("Gokblog", "222" + "33333"),
]
SOURCE = "https://{slug}.example/artikel"


def question(page) -> str:
    return page.locator("[data-testid=stMarkdownContainer] h1").first.inner_text()


def idle(page) -> None:
    """Wait until no rerun is running: a key pressed mid-rerun can reach a listener that is being replaced."""
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=30000)


def press(page, key: str, expect_change: bool = True) -> None:
    idle(page)
    before = question(page)
    page.keyboard.press(key)
    if expect_change:
        page.wait_for_function("b => document.querySelector('[data-testid=stMarkdownContainer] h1')?.innerText !== b",
                               arg=before, timeout=15000)
    page.wait_for_timeout(300)


def test_workshop_with_keyboard_and_session_report(page, app_url, tmp_path):
    page.goto(f"{app_url}/check?lang=en&present=1")
    page.get_by_text("Step 1 of 11").wait_for(timeout=30000)
    page.get_by_role("button", name=re.compile("Next")).first.click()  # past the link's details
    page.get_by_text("Step 2 of 11").wait_for()
    first = question(page)
    page.locator("[data-testid=stMarkdownContainer] h1").first.click()  # focus the page, not the address bar
    press(page, "1")  # answer "Yes" with the number key: moves on
    press(page, "ArrowLeft")  # back
    assert question(page) == first
    press(page, "ArrowRight")  # next
    press(page, "ArrowLeft")
    screenshot(page, "workshop-presenter-question")

    for number, (name, keys) in enumerate(PROSPECTS):
        if number:
            page.get_by_role("button", name=re.compile("Next prospect")).click()
        else:
            press(page, "ArrowLeft")  # back to the first step
        page.get_by_text("Step 1 of 11").wait_for()
        # the first step: the link's details, typed in, then on with the keyboard
        # each field committed (Enter) and its rerun finished before the next: typing during a
        # rerun can reach a field that is being drawn again
        for label, value in (("Linking page (URL)", SOURCE.format(slug=name.split()[0].lower())), ("Anchor text", name)):
            page.get_by_label(label).fill(value)
            page.get_by_label(label).press("Enter")
            page.wait_for_timeout(300)
            idle(page)
        page.locator("[data-testid=stMarkdownContainer] h1").first.click()
        press(page, "ArrowRight")
        for key in keys:
            press(page, key)
        page.get_by_text("Step 10 of 11").wait_for()
        press(page, "ArrowRight")
        page.get_by_text("Step 11 of 11").wait_for()
        field = page.get_by_label("Name of this prospect")
        field.fill(name)
        page.get_by_role("button", name=re.compile("Add to workshop")).click()
        page.get_by_text(f"'{name}' is in the workshop").wait_for()
        if number == 0:
            screenshot(page, "workshop-presenter-verdict")

    page.get_by_role("link", name=re.compile("Workshop")).first.click()
    page.get_by_role("heading", name="Workshop").first.wait_for()
    for name, _ in PROSPECTS:
        page.get_by_text(name).first.wait_for()
    screenshot(page, "workshop-table")
    with page.expect_download(timeout=90_000) as download:
        page.get_by_role("button", name=re.compile("Session report \\(HTML")).click()
    path = tmp_path / "session.html"
    download.value.save_as(path)
    html = path.read_text(encoding="utf-8")
    assert all(name in html for name, _ in PROSPECTS)
    # the details typed in presenter mode reach the report: no "not given" for these prospects
    assert all(SOURCE.format(slug=name.split()[0].lower()) in html for name, _ in PROSPECTS)
    assert "<script" not in html
