"""Placement on hand-made pages: semantic HTML5, class-named divs and an old table layout."""

from __future__ import annotations

import pytest

from linkwijzer.inspect.read import PLACEMENTS, read_page
from tests.inspect_read import pages

URL = "https://blog.example.nl/onderhoud"


def by_anchor(html: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for link in read_page(html, URL).links:
        out.setdefault(link.anchor, []).append(link.placement)
    return out


def test_html5_parts():
    got = by_anchor(pages.html5())
    assert got["Nieuws"] == ["navigation"]
    assert got["Fietsblog"] == ["header"]
    assert got["Fietsen van Dijk"] == ["navigation", "content", "footer"]
    assert got["de accugids van de Fietsersbond"] == ["content_list"]
    assert got["mijn site over van alles"] == ["comments"]
    assert got["Tien tips voor de winter"] == ["sidebar"]
    assert got["Privacy"] == ["footer"]
    # inside the article but not its text: share buttons and related posts
    for anchor in ("Deel", "Tweet", "Remmen afstellen"):
        assert got[anchor][0] not in ("content", "content_list")


def test_div_layout_by_class_names():
    got = by_anchor(pages.div_layout())
    assert got["Fietsen van Dijk"] == ["content", "sidebar", "footer"]
    assert got["Nieuws"] == ["navigation"]
    assert got["deze site met aanbiedingen"] == ["comments"]
    for anchor in ("e-bike", "meer over Anna"):  # tag list and author box inside the post
        assert got[anchor][0] not in ("content", "content_list")


def test_table_layout():
    got = by_anchor(pages.table_layout())
    assert got["Fietsen van Dijk"][1] == "content"  # in the bare text of the main cell
    assert got["Fietsen van Dijk"][0] not in ("content", "content_list")  # the menu cell
    assert got["Home"][0] not in ("content", "content_list")
    assert got["mail Piet"][0] not in ("content", "content_list")


def test_article_split_around_an_ad_is_one_text():
    half = "".join(f"<p>{s.format(link='de monteur')}</p>" for s in pages.SENTENCES)
    html = (f"<body><nav><a href='/'>Home</a></nav><article><div class='body-part'>{half}"
            f"<p>Lees het advies van <a href='https://x.nl/'>de fietsenmaker</a>, zo simpel is het.</p></div>"
            f"<div class='ad-slot'><a href='https://ads.example/'>Advertentie</a></div>"
            f"<div class='body-part'>{half}<p>En ook <a href='https://y.nl/'>deze winkel</a> weet ervan, "
            f"zegt hij.</p></div><div class='body-part'>{half}</div></article></body>")
    got = by_anchor(html)
    assert got["de fietsenmaker"] == ["content"] and got["deze winkel"] == ["content"]
    assert got["Advertentie"][0] not in ("content", "content_list")


def test_follow_buttons_and_mail_links_in_text_are_not_text():
    html = pages.html5(extra="").replace(
        "</article>", "<p>Volg ons op <a href='https://facebook.com/x'>Facebook</a> of mail "
                      "<a href='mailto:r@example.nl'>de redactie</a>, dan hoor je meer.</p></article>")
    got = by_anchor(html)
    assert got["Facebook"][0] not in ("content", "content_list")
    assert got["de redactie"][0] not in ("content", "content_list")


def test_tiny_page_text_in_body():
    got = by_anchor("<p>Wij lieten de accu testen bij <a href='https://a.nl'>Fietsen van Dijk</a> in Utrecht.</p>")
    assert got["Fietsen van Dijk"] == ["content"]


@pytest.mark.parametrize("html", ["", "<html></html>", "<a href=x>x</a>", "<nav><a href=/>y</a></nav>",
                                  "<frameset><frame src='a.html'></frameset>"])
def test_placements_are_known_values(html):
    assert all(link.placement in PLACEMENTS for link in read_page(html, URL).links)
