"""The app as its users meet it, in Chromium with a real export uploaded: work that survives, charts that
fit their column and read, one language at a time, and a screenshot of every page at three widths."""

import re

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

EXPORT = "semrush_backlink_audit_2026.csv"  # caldea.com: a real Semrush export of 13,250 links
NAV = {"nl": {"home": "Start", "check": "Eén link toetsen", "profile": "Profiel beoordelen",
              "compare": "Concurrenten", "workshop": "Workshop", "saved": "Bewaarde beoordelingen"},
       "en": {"home": "Home", "check": "Check one link", "profile": "Review a profile",
              "compare": "Competitors", "workshop": "Workshop", "saved": "Saved assessments"}}
VERDICT = {"nl": "Ingrijpen is zinvol", "en": "Intervening makes sense"}


def idle(page, wait: int = 800) -> None:
    page.wait_for_timeout(wait)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=120_000)
    page.wait_for_timeout(300)


def upload(page, exports, lang: str = "nl") -> None:
    page.locator("input[type=file]").first.set_input_files(str(exports / EXPORT))
    page.get_by_text(VERDICT[lang]).first.wait_for(timeout=120_000)
    idle(page)


PATHS = {"home": "", "check": "check", "profile": "profile", "compare": "compare", "workshop": "workshop",
         "saved": "saved"}


def go(page, lang: str, name: str) -> None:
    """Through the app's navigation; on a phone, whose navigation Streamlit folds away, by address."""
    link = page.get_by_role("link", name=NAV[lang][name]).first
    box = link.bounding_box() if link.count() else None
    if box and 0 <= box["x"] < page.viewport_size["width"] and box["width"] > 0:
        link.click()
    else:
        base = re.match(r"https?://[^/]+", page.url).group(0)
        page.goto(f"{base}/{PATHS[name]}?lang={lang}")
    idle(page, 1500)


def section(page, name: str):
    """A button of the signal picker (one section shown at a time)."""
    return page.locator(".st-key-review-section").get_by_role("radio", name=name, exact=True).first


def sections(page) -> list:
    return page.locator(".st-key-review-section").get_by_role("radio").all()


def switch_language(page, lang: str) -> None:
    page.get_by_role("radio", name=lang.upper(), exact=True).first.click()
    idle(page, 1500)


def test_an_upload_and_its_settings_survive_other_pages_and_the_language_switch(page, app_url, exports):
    page.goto(f"{app_url}/profile?lang=nl")
    page.get_by_role("heading", name="Profiel beoordelen").wait_for(timeout=60_000)
    upload(page, exports)
    brand = page.get_by_role("combobox", name="Merktermen")
    brand.click()
    page.keyboard.type("Caldea Spa")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # close the options list: while open it hides the rest from the page's roles
    idle(page, 1500)
    section(page, "Pieken in nieuwe links").click()
    idle(page)

    go(page, "nl", "check")
    go(page, "nl", "profile")
    page.get_by_text(VERDICT["nl"]).first.wait_for(timeout=120_000)
    page.get_by_text("Caldea Spa").first.wait_for(timeout=30_000)  # the brand term typed before is kept
    assert page.get_by_text(EXPORT).count() >= 1, "the uploaded file is still the one reviewed"
    assert page.get_by_text("Fietsen van Dijk").count() == 0, "no silent fall-back to the sample"

    switch_language(page, "en")
    page.get_by_text(VERDICT["en"]).first.wait_for(timeout=120_000)
    page.get_by_text("Caldea Spa").first.wait_for(timeout=30_000)  # the language switch keeps the settings
    assert page.get_by_text(EXPORT).count() >= 1
    page.get_by_role("heading", name=re.compile("^Bursts of new links")).first.wait_for(timeout=30_000)
    assert page.get_by_role("heading", name=re.compile("^Irrelevant sources")).count() == 0, \
        "the open section is kept across the language switch"


def chart_boxes(page) -> list[dict]:
    """Each visible chart's box, the box of the column (or main block) it sits in, and its drawn plot."""
    return page.evaluate("""() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')]
        .filter(el => el.offsetParent !== null && el.getBoundingClientRect().width > 0)
        .map(el => {
            const box = el.getBoundingClientRect();
            const holder = (el.closest('[data-testid=stColumn]') || el.closest('[data-testid=stMainBlockContainer]'))
                .getBoundingClientRect();
            const drawn = (el.querySelector('canvas, svg') || el).getBoundingClientRect();
            return {left: box.left, right: box.right, height: box.height, holder_left: holder.left,
                    holder_right: holder.right, drawn_right: drawn.right, drawn_height: drawn.height,
                    title: el.innerText.slice(0, 60)};
        })""")


@pytest.mark.parametrize("width", [1400, 1024])
def test_every_chart_fits_its_column_and_is_tall_enough(browser, app_url, exports, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.set_default_timeout(120_000)
    page = context.new_page()
    try:
        page.goto(f"{app_url}/profile?lang=nl")
        upload(page, exports)
        seen = []
        for button in sections(page):  # every signal's charts, one section at a time
            button.click()
            idle(page, 500)
            seen += chart_boxes(page)
        go(page, "nl", "compare")
        page.get_by_text("Linkkloof").first.wait_for(timeout=120_000)
        idle(page, 1500)
        seen += chart_boxes(page)
    finally:
        context.close()
    assert len(seen) >= 8, seen
    for box in seen:
        assert box["height"] >= 150, box
        assert box["drawn_height"] >= 140, box
        assert box["left"] >= box["holder_left"] - 1 and box["right"] <= box["holder_right"] + 1, box
        assert box["drawn_right"] <= box["holder_right"] + 1, box


# A word written as an id: two or more lower-case parts joined by "_" ("not_relevant", "new_domains").
RAW_ID = re.compile(r"(?<![\w./:@-])[a-z]+(?:_[a-z]+)+(?![\w./:@-])")


def words_shown(page) -> str:
    """The main block's text without Material icons (their names are ligatures, drawn as pictures)."""
    return page.evaluate("""() => {
        const walk = document.createTreeWalker(document.querySelector('[data-testid=stMain]'), NodeFilter.SHOW_TEXT);
        const parts = [];
        while (walk.nextNode()) {
            const parent = walk.currentNode.parentElement;
            if (parent && !getComputedStyle(parent).fontFamily.includes('Material')) parts.push(walk.currentNode.textContent);
        }
        return parts.join(' '); }""")


def test_the_dutch_pages_show_no_raw_ids(page, app_url, exports):
    page.goto(f"{app_url}/profile?lang=nl")
    upload(page, exports)
    shown = {}
    for button in sections(page):
        button.click()
        idle(page, 500)
        shown[f"profile/{button.inner_text()}"] = words_shown(page)
    for name in ("compare", "check", "workshop", "saved", "home"):
        go(page, "nl", name)
        if name == "compare":
            page.get_by_text("Linkkloof").first.wait_for(timeout=120_000)
        shown[name] = words_shown(page)
    found = {name: sorted({body[max(m.start() - 60, 0):m.end() + 20] for m in RAW_ID.finditer(body)})
             for name, body in shown.items()}
    assert not any(found.values()), found


@pytest.mark.parametrize("width", [1400, 1024, 390])
def test_a_screenshot_of_every_page_in_both_languages(browser, app_url, exports, width):
    """Screenshots to look at (tests/browser/screenshots/pages-*): the test fails only when a page errs."""
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 400 else 800})
    context.set_default_timeout(120_000)
    page = context.new_page()
    try:
        page.goto(f"{app_url}/profile?lang=nl")
        upload(page, exports)
        for lang in ("nl", "en"):
            if lang == "en":
                go(page, "nl", "profile")
                switch_language(page, "en")
            for name in ("profile", "home", "check", "compare", "workshop", "saved"):
                if name != "profile":
                    go(page, lang, name)
                if name == "compare":
                    page.get_by_text("Link gap" if lang == "en" else "Linkkloof").first.wait_for(timeout=120_000)
                    idle(page, 1500)
                assert page.locator("[data-testid=stException]").count() == 0, (lang, name)
                screenshot(page, f"pages-{name}-{lang}-{width}")
    finally:
        context.close()
