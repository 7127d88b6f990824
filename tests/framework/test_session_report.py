"""The session report: worked prospects and a sample profile review in one document, both languages, hostile text."""

from __future__ import annotations

import doctest
import re
import shutil
import subprocess
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from markupsafe import escape

import linkwijzer.present.session_report as session_report
from linkwijzer.i18n import catalogue
from linkwijzer.i18n import text as _text
from linkwijzer.profile.importing.importer import ImportResult, import_files
from linkwijzer.profile.review.run import ProfileReview, review_profile
from linkwijzer.profile.importing.samples import SAMPLES
from linkwijzer.questionnaire.assessment import Assessment
from linkwijzer.questionnaire.examples import EXAMPLES
from linkwijzer.questionnaire.verdict import Answers, assess
from linkwijzer.present.session_report import Prospect, session_report_html, session_report_markdown
from linkwijzer.store.assessments import Store

TODAY = date(2026, 3, 14)
SCRIPT = "<script>alert(1)</script>"
LABELS = {"local_news": "Utrechts Nieuwsblad", "partner_list": "Ondernemersvereniging Oost",
          "paid_casino_post": "Gokbonusblog"}
PROSPECTS = [Prospect(LABELS[key], "Gesprek met de redactie loopt." if key == "local_news" else "", example)
             for key, example in EXAMPLES.items()]
# Two more outcomes than the worked examples have: neutral without a booster, and too little known.
ACCEPT = Prospect("Fietsforum", "", Assessment(answers=Answers(
    quick=("yes", "yes", "no"),
    traits={"relevance": "partly", "context": "partly", "origin": "yes", "naturalness": "yes",
            "contribution": "partly"})))
UNKNOWN = Prospect("Nog uitzoeken", "", Assessment(answers=Answers(quick=("no", "no", None),
                                                                   traits={"relevance": "yes"})))


@cache
def sample(lang: str, sample_id: str = "overoptimised") -> tuple[ImportResult, ProfileReview]:
    s = SAMPLES[sample_id]
    result = import_files([(p.name, p) for p in s.paths()], lang=lang)
    settings = s.settings()
    return result, review_profile(result.links, result.aggregates, settings, lang)


def full_html(lang: str, prospects: list = PROSPECTS) -> str:
    result, review = sample(lang)
    return session_report_html(prospects, review, lang, files=result.files, today=TODAY)


def text(lang: str, key: str, **params: object) -> str:
    """A locale text as it appears in the HTML (apostrophes and ampersands escaped)."""
    return str(escape(_text(lang, key, **params)))


def part(html: str, name: str) -> str:
    """One part of the document: from its opening tag to the next part (or the footer)."""
    start = html.index(f'<div class="part part-{name}')
    ends = [i for i in (html.find('<div class="part ', start + 1), html.find("<footer", start)) if i > 0]
    return html[start:min(ends)]


def visible_text(html: str) -> str:
    """The page without its style sheets and charts, whose CSS and SVG use braces and markup."""
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<svg.*?</svg>", "", html, flags=re.S)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_cover_and_prospects_side_by_side(lang: str) -> None:
    html = full_html(lang)
    assert f'<html lang="{lang}">' in html
    assert "<h1>Workshop snelle-ebikes.nl</h1>" in html  # the title defaults to the reviewed site
    assert ("14 maart 2026" if lang == "nl" else "14 March 2026") in html
    assert text(lang, "session_report.cover.language_name") in html
    table = part(html, "prospects").split('<div class="prospects">')[0]
    for item in PROSPECTS:
        verdict = assess(item.assessment.answers, lang)
        assert item.label in table and item.assessment.source_url in table
        for key in (f"questionnaire.outcomes.{verdict.outcome}", f"questionnaire.decisions.{verdict.decision}"):
            assert text(lang, key) in table
        assert str(escape(verdict.rule_reason)) in table
    # A compact block per prospect: five traits, boosters, reassurances, the pattern note.
    blocks = part(html, "prospects").split('<article class="prospect">')[1:]
    assert len(blocks) == 3 and all(b.count('<td class="answer-') == 5 for b in blocks)
    assert "Gesprek met de redactie loopt." in blocks[0]
    assert text(lang, "questionnaire.boosters.traffic") in blocks[1]
    assert text(lang, "questionnaire.reassurances.small_site") in blocks[1]
    assert str(escape(assess(EXAMPLES["paid_casino_post"].answers, lang).pattern_note)) in blocks[2]
    assert EXAMPLES["paid_casino_post"].anchor in blocks[2]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_profile_review_is_part_two_with_its_charts(lang: str) -> None:
    _, review = sample(lang)
    profile = part(full_html(lang), "profile")
    assert review.outcome == "intervene" and '<section class="verdict intervene"' in profile
    assert text(lang, "review.outcome.intervene") in profile
    for key in [f"{x}.lacks" for x in review.lacks] + [f"review.reassure.{x}" for x in review.reassurances] \
            + [f"{s.id}.name" for s in review.signals] + [f"review.conditions.{c}" for c in
                                                                         review.verdict.conditions]:
        assert text(lang, key) in profile
    assert profile.count("<svg") == 5  # velocity, anchor mix, relevance, follow mix, placement
    ids = re.findall(r'\sid="([^"]+)"', full_html(lang))
    assert len(ids) == len(set(ids))  # each chart's clip paths are its own
    assert "snelle-ebikes_semrush_refdomains.csv" in profile and text(lang, "review.heuristics.note") in profile


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_next_steps_follow_from_the_prospects_and_what_the_profile_lacks(lang: str) -> None:
    _, review = sample(lang)
    steps = part(full_html(lang, PROSPECTS + [ACCEPT, UNKNOWN]), "next")
    groups = re.findall(r"<p><strong>(.*?)</strong></p>\s*<ul>(.*?)</ul>", steps, flags=re.S)
    found = {what: re.findall(r"<li>(.*?)</li>", items) for what, items in groups}
    assert found == {
        text(lang, "session_report.next.pursue"): ["Utrechts Nieuwsblad", "Ondernemersvereniging Oost"],
        text(lang, "session_report.next.accept"): ["Fietsforum"],
        text(lang, "session_report.next.find_out"): ["Nog uitzoeken"],
        text(lang, "session_report.next.skip"): ["Gokbonusblog"],
    }
    assert assess(UNKNOWN.assessment.answers).outcome == "insufficient"
    # Each lack, with the prospects to pursue or accept whose matching trait is a clear "yes".
    assert "irrelevant_sources" in review.lacks and "keyword_anchors" in review.lacks
    relevant = text(lang, "irrelevant_sources.lacks")
    brought_by = text(lang, "session_report.next.brought_by", labels="Utrechts Nieuwsblad")
    assert f'{relevant}<span class="small">{brought_by}</span>' in steps
    labels = "Utrechts Nieuwsblad, Ondernemersvereniging Oost, Fietsforum"
    assert text(lang, "session_report.next.brought_by", labels=labels) in steps
    assert "Nog uitzoeken" not in steps.split(text(lang, "session_report.next.lacks"))[1]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_without_a_review_or_prospects_the_report_says_so(lang: str) -> None:
    html = session_report_html(PROSPECTS, None, lang, today=TODAY)
    assert text(lang, "session_report.profile.none") in part(html, "profile") and "<svg" not in html
    assert text(lang, "session_report.next.no_profile") in part(html, "next") and '<div class="part part-next">' in html
    assert f"<h1>{text(lang, 'session_report.default_title_no_site')}</h1>" in html
    empty = session_report_html([], None, lang, title="Fietsen van Dijk", today=TODAY)
    assert text(lang, "session_report.prospects.none") in empty and "<table class=\"side-by-side\">" not in empty
    assert text(lang, "session_report.next.no_prospects") in empty and "<h1>Fietsen van Dijk</h1>" in empty
    md = session_report_markdown([], None, lang, today=TODAY)
    assert _text(lang, "session_report.prospects.none") in md and _text(lang, "session_report.profile.none") in md


def test_saved_assessments_and_bare_assessments_are_prospects(tmp_path: Path) -> None:
    store = Store(tmp_path / "linkwijzer.sqlite3")
    ids = [store.save(EXAMPLES["local_news"], "Nieuwsblad (bewaard)", "Bel maandag", "nl"),
           store.save(EXAMPLES["paid_casino_post"], "Casinoblog (bewaard)", lang="en")]
    prospects = store.get_many(ids) + [EXAMPLES["partner_list"], Prospect("", "", EXAMPLES["partner_list"])]
    html = session_report_html(prospects, None, "en", today=TODAY)
    assert "Nieuwsblad (bewaard)" in html and "Bel maandag" in html and "Casinoblog (bewaard)" in html
    # Without a label a prospect is named by its place in the session.
    assert "3. Prospect 3" in html and "4. Prospect 4" in html
    # The report's language decides the texts, whatever language an assessment was saved in.
    table = part(html, "prospects").split('<div class="prospects">')[0]
    assert text("en", "questionnaire.outcomes.good") in table and _text("nl", "questionnaire.outcomes.good") not in table


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_user_text_is_escaped(lang: str) -> None:
    _, review = sample(lang)
    hostile = Assessment(answers=EXAMPLES["local_news"].answers, source_url="javascript:alert(document.cookie)",
                         target_url='https://x.nl/"><img src=x onerror=alert(2)>', anchor=f"| {SCRIPT} |")
    prospects = [Prospect(SCRIPT, "# Kop\n<b>vet</b> & [link](javascript:alert(3))", hostile)]
    files = [{"name": '<img src=x onerror="alert(4)">.csv', "format": "generic", "rows": 3}]
    html = session_report_html(prospects, review, lang, title=SCRIPT, site=f"{SCRIPT}.nl", files=files, today=TODAY)
    assert "<script" not in html.lower() and "<img" not in html and "<b>vet" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;vet&lt;/b&gt; &amp; [link]" in html
    assert "&lt;img src=x onerror=&#34;alert(4)&#34;&gt;.csv" in html
    # URLs are text, never links: the only hrefs are the charts' own "#" references.
    assert "javascript:alert(document.cookie)" in html
    assert set(re.findall(r'href="(.)', html)) <= {"#"}
    md = session_report_markdown(prospects, review, lang, title=SCRIPT, site=f"{SCRIPT}.nl", files=files, today=TODAY)
    assert re.search(r"(?<!\\)<", md) is None and r"\<script\>" in md
    assert "\\# Kop" in md and "\\[link\\](javascript:alert(3))" in md
    # A "|" in a label or anchor cannot add a column to the side-by-side table.
    row = next(line for line in md.splitlines() if line.startswith("| 1. "))
    assert len(re.findall(r"(?<!\\)\|", row)) == 6


def test_both_languages_complete_and_no_placeholder_left() -> None:
    renders = {lang: [full_html(lang, PROSPECTS + [ACCEPT, UNKNOWN]),
                      session_report_markdown(PROSPECTS, sample(lang)[1], lang, today=TODAY),
                      session_report_html([], None, lang, today=TODAY),
                      session_report_html([ACCEPT], sample(lang, "healthy")[1], lang, today=TODAY)]
               for lang in ("nl", "en")}
    assert _text("en", "session_report.title") not in renders["nl"][0]
    for lang, pages in renders.items():
        for page in pages:
            shown = visible_text(page)
            assert "{" not in shown and "}" not in shown  # no unfilled placeholder, no template syntax
            assert "session_report." not in shown and "questionnaire." not in shown and "review." not in shown
        # Every text of the session report is used (the months on their own, one per cover).
        together = "".join(str(escape(p)) + p for p in pages)
        unused = [key for key, value in catalogue(lang).items() if key.startswith("session_report.")
                  and ".months." not in key and "{" not in value and value not in together]
        assert unused == [], f"{lang}: texts never shown: {unused}"
    for month in range(1, 13):
        first = session_report_markdown([], None, "nl", today=date(2026, month, 1))
        assert f"1 {_text('nl', 'session_report.months.' + session_report.MONTHS[month - 1])} 2026" in first


def test_markdown_reads_as_one_document() -> None:
    _, review = sample("nl")
    md = session_report_markdown(PROSPECTS, review, "nl", today=TODAY)
    headings = [line for line in md.splitlines() if line.startswith("# ")]
    assert headings == ["# Workshop snelle-ebikes.nl", "# 1. Prospects naast elkaar", "# 2. Het backlinkprofiel",
                        "# Volgende stappen"]
    assert "<svg" not in md and md.count("| Relevantie |") == 3
    assert md.endswith(_text("nl", "report.no_scores") + "\n")


def test_module_examples_run_and_public_names() -> None:
    failures, tried = doctest.testmod(session_report)
    assert tried and not failures
    assert session_report.__all__ == ["Prospect", "session_report_html", "session_report_markdown"]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def printed_pages(html: str, folder: Path) -> int:
    page, pdf = folder / "session.html", folder / "session.pdf"
    page.write_text(html, encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", f"--print-to-pdf={pdf}", page.as_uri()],
                   capture_output=True, timeout=120, check=False)
    if not pdf.exists():
        pytest.skip("Chromium did not print")
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


@pytest.mark.skipif(not CHROMIUM, reason="Chromium is needed to print the report")
def test_prints_on_a4_with_each_part_on_new_pages(tmp_path: Path) -> None:
    # Measured: cover and prospects 1 page, profile review 2, next steps 1. Without a review,
    # part 2 starts page 2 and the next steps follow it there.
    assert printed_pages(full_html("nl"), tmp_path) == 4
    assert printed_pages(session_report_html(PROSPECTS, None, "nl", today=TODAY), tmp_path) == 2
