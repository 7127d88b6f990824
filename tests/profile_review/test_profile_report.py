"""The profile report (HTML, Markdown) and the classified-links CSV, on the sample profiles and hostile input."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from markupsafe import escape

from linkwijzer.present import charts
from linkwijzer.i18n import text as _text
from linkwijzer.profile.importing.importer import ImportResult, import_files
from linkwijzer.profile.outputs.links_csv import PUBLIC, classified_links_csv
from linkwijzer.profile.outputs.report import _inline_svg, profile_report_html, profile_report_markdown
from linkwijzer.profile.review.run import ProfileReview, review_profile
from linkwijzer.profile.importing.samples import SAMPLES
from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.profile.signals.registry import SIGNAL_IDS

TODAY = date(2026, 3, 14)
SCRIPT = "</text><script>alert(1)</script>"
HOSTILE_FILE = '<img src=x onerror="alert(3)">.csv'


@cache
def sample(sample_id: str, lang: str) -> tuple[ImportResult, ProfileReview]:
    s = SAMPLES[sample_id]
    result = import_files([(p.name, p) for p in s.paths()], lang=lang)
    settings = s.settings()
    return result, review_profile(result.links, result.aggregates, settings, lang)


@cache
def hostile(lang: str) -> tuple[ImportResult, ProfileReview]:
    """A small profile whose anchors, titles, keyword and file name are all attacks."""
    rows = [('=HYPERLINK(""http://evil.example"",""klik"")', SCRIPT)] * 3 + [(SCRIPT, "Fietsen")] * 3 \
        + [("@SUM(1+1)", "Over fietsen"), ("mijnsite", "Over fietsen")]
    body = "Source URL,Target URL,Anchor text,Title,First seen\n" + "\n".join(
        f'https://s{i}.nl/p,https://mijnsite.nl/,"{a}","{t}",2025-0{1 + i}-01' for i, (a, t) in enumerate(rows))
    mapping = {"source_url": "Source URL", "target_url": "Target URL", "anchor": "Anchor text",
               "source_title": "Title", "first_seen": "First seen"}
    result = import_files([(HOSTILE_FILE, body.encode())], lang=lang, mappings={HOSTILE_FILE: mapping})
    settings = ProfileSettings(site="mijnsite.nl", brand=(SCRIPT,), keywords=(SCRIPT, "=cmd|' /C calc'!A0"),
                               topics=("fiets",))
    return result, review_profile(result.links, result.aggregates, settings, lang)


def text(lang: str, key: str, **params: object) -> str:
    """A locale text as it appears in the HTML (apostrophes and ampersands escaped)."""
    return str(escape(_text(lang, key, **params)))


def html_of(sample_id: str, lang: str) -> str:
    result, review = sample(sample_id, lang)
    return profile_report_html(review, lang, files=result.files, today=TODAY)


def visible_text(html: str) -> str:
    """The page without its style sheet and charts, whose CSS and SVG use braces and markup."""
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<svg.*?</svg>", "", html, flags=re.S)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_healthy_profile_reads_healthy(lang: str) -> None:
    html = html_of("healthy", lang)
    assert '<section class="verdict healthy"' in html
    assert text(lang, "review.outcome.healthy") in html and text(lang, "review.outcome_explained.healthy") in html
    assert text(lang, "profile_report.lacks.none") in html
    assert text(lang, "review.reassure.nofollow_mix") in html
    # Three conditions, none met; the heuristics note, which says tool scores play no part.
    assert html.count('class="not-met"') == 3 and 'class="met"' not in html
    assert text(lang, "review.heuristics.note") in html
    # The file it was built from: name, format and rows.
    assert "fietsenvandijk_ahrefs_backlinks.csv" in html and text(lang, "import.format.ahrefs") in html
    assert ("3.117" if lang == "nl" else "3,117") in html


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_overoptimised_profile_says_intervene_with_its_signals_and_charts(lang: str) -> None:
    result, review = sample("overoptimised", lang)
    html = html_of("overoptimised", lang)
    assert review.outcome == "intervene"
    assert '<section class="verdict intervene"' in html and text(lang, "review.outcome.intervene") in html
    for signal in review.signals:
        assert text(lang, f"{signal.id}.name") in html
        assert f'<span class="level {signal.level}">{text(lang, f"review.levels.{signal.level}")}</span>' in html
    assert {s.id for s in review.signals} == set(SIGNAL_IDS)
    for lack in review.lacks:
        assert text(lang, f"{lack}.lacks") in html
    # each reported signal's key chart (relevance, anchor mix, velocity, placement) and the follow mix
    assert html.count("<svg") == 5
    # Every chart's clip paths are its own: ids never repeat on one page.
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert "snelle-ebikes_semrush_refdomains.csv" in html and text(lang, "import.format.semrush_domains") in html


def test_languages_differ_and_no_text_is_missing() -> None:
    nl, en = html_of("overoptimised", "nl"), html_of("overoptimised", "en")
    assert '<html lang="nl">' in nl and '<html lang="en">' in en
    assert text("nl", "profile_report.title") in nl and text("en", "profile_report.title") in en
    assert text("en", "profile_report.title") not in nl
    for html in (nl, en):
        page = visible_text(html)
        assert "{" not in page and "}" not in page  # no unfilled placeholder, no template syntax
        assert "profile_report." not in page and "review." not in page  # no key shown instead of a text


def test_a_profile_without_dates_or_anchors_still_reports() -> None:
    result, review = sample("gsc", "en")
    html = profile_report_html(review, "en", files=result.files, today=TODAY)
    assert text("en", f"review.outcome.{review.outcome}") in html
    assert "<svg" not in visible_text(html)
    # GSC has no first-seen dates and no anchors per link: those charts are left out, not drawn empty.
    assert html.count("<svg") < 5
    assert profile_report_html(review, "en", today=TODAY).count(text("en", "profile_report.files.none")) == 1


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_user_and_file_text_is_escaped(lang: str) -> None:
    result, review = hostile(lang)
    html = profile_report_html(review, lang, site=SCRIPT, files=result.files, today=TODAY)
    assert "<script" not in html.lower() and "<img" not in html
    assert "&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html  # site, keyword, brand, anchor in why
    assert "&lt;img src=x onerror=&#34;alert(3)&#34;&gt;.csv" in html
    md = profile_report_markdown(review, lang, site=SCRIPT, files=result.files, today=TODAY)
    # Markdown shows a backslash-escaped "<" as the character itself: no "<" may stay bare.
    assert re.search(r"(?<!\\)<", md) is None and r"\<script\>" in md


def test_chart_svg_escapes_data_text_and_only_our_svg_is_inlined() -> None:
    top = pd.DataFrame({"anchor": [SCRIPT, '"><img src=x onerror=alert(2)>'], "class": ["exact", "other"],
                        "links": [5, 4], "domains": [5, 4]})
    domains = pd.DataFrame({"domain": [SCRIPT + ".nl", "ok.nl"], "links": [9, 3], "link_share": [0.75, 0.25],
                            "sitewide_links": [9, 0]})
    for chart in (charts.top_anchors_chart(top, "en"), charts.concentration_chart(domains, "en")):
        svg = str(_inline_svg(charts.to_svg(chart), 1))
        assert "<script" not in svg and "<img" not in svg and "&lt;script&gt;" in svg
    # Anything that would run in a browser is refused rather than inlined.
    for bad in ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
                '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
                '<a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'):
        with pytest.raises(ValueError):
            _inline_svg(bad, 1)


@pytest.mark.parametrize("lang,delimiter", [("nl", ";"), ("en", ",")])
def test_classified_csv_is_spreadsheet_safe(lang: str, delimiter: str) -> None:
    result, review = hostile(lang)
    data = classified_links_csv(review, lang)
    assert data.startswith("\ufeff".encode())
    body = data.decode("utf-8-sig")
    table = pd.read_csv(io.StringIO(body), sep=delimiter, dtype=str, keep_default_na=False)
    assert len(table) == review.links == 8
    anchors = table["anchor"].tolist()
    assert anchors.count("'=HYPERLINK(\"http://evil.example\",\"klik\")") == 3 and "'@SUM(1+1)" in anchors
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in table.to_numpy().ravel())


@pytest.mark.parametrize("lang,delimiter", [("nl", ";"), ("en", ",")])
def test_classified_csv_of_a_sample(lang: str, delimiter: str) -> None:
    _, review = sample("overoptimised", lang)
    body = classified_links_csv(review, lang).decode("utf-8-sig")
    table = pd.read_csv(io.StringIO(body), sep=delimiter, dtype=str, keep_default_na=False)
    assert len(table) == review.links
    # The public columns and their values are the same in both languages: ids and true/false.
    assert list(table.columns[:len(PUBLIC)]) == list(PUBLIC)
    assert "exact" in set(table["anchor_class"]) and "not_relevant" in set(table["relevance"])
    assert set(table["lost"]) == {"false"} and set(table["in_burst"]) <= {"true", "false"}
    assert set(table["placement"]) <= {"content", "content_list", "navigation", "header", "footer", "sidebar",
                                       "comments", "boilerplate", "unknown"}
    words = _text(lang, "columns.anchor_class")
    if lang == "nl":  # the Dutch file adds the judgments in words, for people
        assert _text("nl", "keyword_anchors.class.exact") in set(table[words])
        assert _text("nl", "irrelevant_sources.label.not_relevant") in set(table[_text("nl", "columns.relevance")])
        assert set(table[_text("nl", "columns.lost")]) == {"nee"}
    else:
        assert words not in table.columns


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not CHROMIUM, reason="Chromium is needed to print the report")
@pytest.mark.parametrize("sample_id", ["healthy", "overoptimised"])
def test_report_prints_on_at_most_two_a4_pages(sample_id: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(html_of(sample_id, "nl"), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", f"--print-to-pdf={pdf}", page.as_uri()],
                   capture_output=True, timeout=120, check=False)
    if not pdf.exists():
        pytest.skip("Chromium did not print")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))
    assert 1 <= pages <= 2
