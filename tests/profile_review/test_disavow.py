"""The Google disavow file: format, validation, merging with the user's own file, and the caution."""

from __future__ import annotations

from datetime import date

import pytest

from linkwijzer.i18n import text
from linkwijzer.profile.outputs.disavow import (
    LINE_LIMIT,
    OWN,
    caution,
    disavow_text,
    normalise_domain,
    parse_disavow,
)

TODAY = date(2026, 3, 14)
EXISTING = (
    "\ufeff# Opgeschoond door ons bureau, 2024\r\n"
    "domain:Spam-Netwerk.nl\r\n"
    "\r\n"
    "https://blog.spam-netwerk.nl/artikel-1\r\n"
    "https://other.example.org/page?x=1\r\n"
    "DOMAIN:spam-netwerk.NL\r\n"          # the same domain again, other case
    "https://other.example.org/page?x=1\r\n"  # the same URL again
    "dit is geen geldige regel\r\n"
    "domain:\r\n"
    "   \r\n"
    "domain:xn--bcher-kva.de\r\n"
)


def google_lines(body: str) -> list[str]:
    """Every line must be a comment, a domain: line or a URL — anything else Google refuses."""
    lines = body.split("\n")
    assert lines[-1] == "" and "\r" not in body and "\ufeff" not in body
    for line in lines[:-1]:
        assert line.startswith(("#", "domain:", "http://", "https://")), line
    return lines[:-1]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_selected_domains_become_domain_lines_with_their_reason(lang: str) -> None:
    body = disavow_text(["linkfarm.nl", "https://www.Artikelbank.co.uk/p/12?ref=x", "blog.clones24.nl"],
                        {"linkfarm.nl": "sitewide footer link on 400 pages",
                         "https://www.Artikelbank.co.uk/p/12?ref=x": "article directory"},
                        lang=lang, today=TODAY)
    lines = google_lines(body)
    assert lines[0] == OWN + text(lang, "profile_report.disavow.header", date="2026-03-14")
    assert [x for x in lines if x.startswith("domain:")] == [
        "domain:linkfarm.nl", "domain:artikelbank.co.uk", "domain:clones24.nl"]
    # The reason sits right above its domain; a domain without one says the user chose it.
    assert lines[lines.index("domain:linkfarm.nl") - 1] == "# sitewide footer link on 400 pages"
    assert lines[lines.index("domain:artikelbank.co.uk") - 1] == "# article directory"
    assert lines[lines.index("domain:clones24.nl") - 1] == "# " + text(lang, "profile_report.disavow.no_reason")
    assert text(lang, "profile_report.disavow.review") in body


def test_domains_are_reduced_and_deduplicated_case_insensitively() -> None:
    body = disavow_text(["Spam.NL", "spam.nl", "https://www.spam.nl/x", "domain:nieuws.spam.nl", "*.spam.nl"],
                        {"Spam.NL": "a", "spam.nl": "b", "https://www.spam.nl/x": "a"}, lang="en", today=TODAY)
    lines = google_lines(body)
    assert lines.count("domain:spam.nl") == 1 and sum(x.startswith("domain:") for x in lines) == 1
    assert lines[lines.index("domain:spam.nl") - 1] == "# a; b"


def test_a_reason_cannot_smuggle_in_a_line() -> None:
    body = disavow_text(["linkfarm.nl"], {"linkfarm.nl": "bad\ndomain:google.com\r\nhttps://x.nl/\u2028y\x00z"},
                        lang="en", today=TODAY)
    lines = google_lines(body)
    assert [x for x in lines if not x.startswith("#")] == ["domain:linkfarm.nl"]
    assert "# bad domain:google.com https://x.nl/ y z" in lines


@pytest.mark.parametrize("entry", ["", "   ", "localhost", "a b.nl", "example.con", "co.uk", "http://", "-x-.nl",
                                   "domain:", "nl"])
def test_invalid_entries_are_refused(entry: str) -> None:
    with pytest.raises(ValueError):
        normalise_domain(entry, "en")


def test_refusal_names_every_bad_entry_and_makes_no_file() -> None:
    with pytest.raises(ValueError) as raised:
        disavow_text(["ok.nl", "", "nep domein.nl", "192.168.1.20"], {}, lang="en", today=TODAY)
    message = str(raised.value)
    assert message.startswith("The disavow file was not made")
    assert text("en", "profile_report.disavow.error.empty") in message
    assert "'nep domein.nl'" in message and "'192.168.1.20' is an IP address" in message
    with pytest.raises(ValueError, match="minstens één domein"):
        disavow_text([], {}, lang="nl")


def test_parse_tolerates_bom_crlf_blank_and_junk_lines() -> None:
    parsed = parse_disavow(EXISTING)
    domains, urls, comments = parsed
    assert domains == ["spam-netwerk.nl", "xn--bcher-kva.de"]
    assert urls == ["https://blog.spam-netwerk.nl/artikel-1", "https://other.example.org/page?x=1"]
    assert comments == ["Opgeschoond door ons bureau, 2024"]
    assert parsed.junk == [(8, "dit is geen geldige regel"), (9, "domain:")]
    # Bytes as uploaded work the same, and nothing at all is no error.
    assert tuple(parse_disavow(EXISTING.encode("utf-8"))) == tuple(parsed)
    assert tuple(parse_disavow("")) == ([], [], [])


def test_merge_keeps_the_users_file_and_adds_only_what_is_new() -> None:
    body = disavow_text(["spam-netwerk.nl", "www.bücher.de", "nieuw-netwerk.nl"],
                        {"nieuw-netwerk.nl": "same title on 40 domains"}, EXISTING, lang="en", today=TODAY)
    lines = google_lines(body)
    # The user's comment, URLs (once each) and domains stay, in their order.
    assert "# Opgeschoond door ons bureau, 2024" in lines
    assert lines.count("https://other.example.org/page?x=1") == 1
    assert lines.count("https://blog.spam-netwerk.nl/artikel-1") == 1
    assert [x for x in lines if x.startswith("domain:")] == [
        "domain:spam-netwerk.nl", "domain:xn--bcher-kva.de", "domain:nieuw-netwerk.nl"]
    # Domains already present (also as IDNA) are named, not added twice.
    assert OWN + text("en", "profile_report.disavow.already", domains="spam-netwerk.nl, bücher.de") in lines
    # The URL under a disavowed domain may stay, and the file says so.
    assert OWN + text("en", "profile_report.disavow.covered_urls", count=1) in lines
    # Junk is kept visibly, as a comment, so the file stays valid and nothing is lost.
    assert "# " + text("en", "profile_report.disavow.junk", line="dit is geen geldige regel") in lines
    assert lines[lines.index("domain:nieuw-netwerk.nl") - 1] == "# same title on 40 domains"


def test_merging_again_does_not_pile_up_headers_or_entries() -> None:
    first = disavow_text(["nieuw-netwerk.nl"], {}, EXISTING, lang="nl", today=TODAY)
    second = disavow_text(["nieuw-netwerk.nl", "ander.nl"], {}, first, lang="nl", today=date(2026, 4, 1))
    lines = google_lines(second)
    assert sum(x.startswith(OWN + "Disavow-bestand gemaakt") for x in lines) == 1
    assert "2026-04-01" in lines[0]
    assert lines.count("domain:nieuw-netwerk.nl") == 1 and lines.count("domain:ander.nl") == 1
    domains, urls, _ = parse_disavow(second)
    assert domains == ["spam-netwerk.nl", "xn--bcher-kva.de", "nieuw-netwerk.nl", "ander.nl"]
    assert parse_disavow(second).junk == []


def test_a_subdomain_line_does_not_cover_the_whole_domain() -> None:
    body = disavow_text(["blogspot-achtig.nl"], {}, "domain:blog.blogspot-achtig.nl\n", lang="en", today=TODAY)
    assert google_lines(body).count("domain:blogspot-achtig.nl") == 1
    body = disavow_text(["blog.voorbeeld.nl"], {}, "domain:voorbeeld.nl\n", lang="en", today=TODAY)
    assert google_lines(body).count("domain:voorbeeld.nl") == 1


def test_googles_size_limit_is_enforced() -> None:
    existing = "\n".join(f"https://spam.example/p{i}" for i in range(LINE_LIMIT))
    with pytest.raises(ValueError, match="100,000"):
        disavow_text(["nieuw.nl"], {}, existing, lang="en", today=TODAY)


def test_caution_states_googles_conditions_and_the_articles_caution() -> None:
    nl, en = caution("nl"), caution("en")
    assert nl != en and "{" not in nl + en
    assert "manual action" in en and "handmatige actie" in nl
    assert "patterns" in en and "patronen" in nl
    assert "lacks" in en and "mist" in nl
    assert "replaces" in en and "vervangt" in nl
