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
    assert got["Fietsen van Dijk"] == ["navigation", "content"]  # the menu cell, then the bare text of the main cell
    assert got["Home"] == ["navigation"]
    assert got["mail Piet"] == got["Gastenboek"] == ["footer"]  # the row under the text


def test_table_layout_with_header_row_and_right_column():
    """No tag, role or class names a part: the shape of the tables does."""
    text = "<br><br>".join(s.format(link=pages.IN_TEXT) for s in pages.SENTENCES)
    html = f"""<html><body><table width="100%">
<tr><td colspan="3"><img src="logo.gif"> <a href="/">Fietsblog</a> | <a href="/nieuws">Nieuws</a> |
<a href="/tips">Tips</a> | <a href="/contact">Contact</a></td></tr>
<tr><td width="120"><a href="/a">Accu</a><br><a href="/b">Banden</a><br><a href="/c">Remmen</a></td>
<td><font size="2"><b>Onderhoud</b><br>{text}</font></td>
<td width="160"><b>Partners</b><br>Onze vrienden in de regio, al jaren trouw, de beste service van het land:
<a href="https://www.fietsenvandijk.nl/">Fietsen van Dijk</a></td></tr>
<tr><td colspan="3"><a href="/privacy">Privacy</a> - &copy; 2003</td></tr></table></body></html>"""
    got = by_anchor(html)
    assert got["Nieuws"] == got["Tips"] == ["navigation"]  # a row of links above the text
    assert got["Accu"] == got["Remmen"] == ["navigation"]  # a column of links before the text
    assert got["Fietsen van Dijk"] == ["content", "sidebar"]  # the text, then the column after it
    assert got["Privacy"] == ["footer"]


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


def test_model_file_names_every_feature_once():
    from linkwijzer.inspect._link_features import FEATURES
    from linkwijzer.inspect._placement_model import model

    assert len(model().weights) == len(FEATURES)


def test_model_file_with_a_missing_weight_is_refused(tmp_path, data_file):
    from linkwijzer.datafiles import DataFileError
    from linkwijzer.inspect import _placement_model

    broken = tmp_path / "placement_model.toml"
    broken.write_text(_placement_model.MODEL.read_text(encoding="utf-8").replace("\ncell =", "\ncel ="),
                      encoding="utf-8")
    load = data_file(_placement_model, "MODEL", broken, _placement_model.model)
    with pytest.raises(DataFileError, match="cell"):
        load()
