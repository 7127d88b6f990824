"""Inspecting one link and verifying a profile against a real local site."""

import json

import pandas as pd
import pytest

from linkwijzer.cli.commands import main
from linkwijzer.inspect.inspection import inspect_link
from linkwijzer.inspect.verify import verify_links

from .conftest import TARGET


def test_a_link_in_running_text_suggests_context_yes(site):
    found = inspect_link(f"{site}/blog/fietsdiefstal", "fietsenvandijk.nl", brand=("Fietsen van Dijk",), lang="en")
    assert found.ok and found.reading.found
    link = found.reading.found[0]
    assert link.placement == "content" and link.anchor == "Fietsen van Dijk"
    assert "tweede slot" in link.context
    suggestions = found.suggestions()
    assert suggestions["context"] == "yes" and suggestions["naturalness"] == "yes"


def test_a_link_page_footer_link_suggests_caution(site):
    found = inspect_link(f"{site}/linkpagina", TARGET, keywords=("e-bike kopen",), lang="en", compare_target=False)
    link = found.reading.found[0]
    assert link.rel >= {"sponsored", "nofollow"} and link.placement == "footer"
    suggestions = found.suggestions()
    assert suggestions["context"] == "no"
    assert suggestions["naturalness"] == "no"
    assert suggestions.get("origin") in ("no", "partly")
    assert found.reading.robots.noindex


def test_a_page_without_the_link_says_so(site):
    found = inspect_link(f"{site}/zonder-link", "fietsenvandijk.nl", lang="nl")
    assert found.ok and not found.reading.found
    assert found.suggestions() == {}


def test_an_unreachable_page_is_a_clear_result_not_an_exception(site):
    found = inspect_link(f"{site}/bestaat-niet", "fietsenvandijk.nl", lang="en")
    assert not found.ok and found.fetched.error == "http_error" and "404" in found.fetched.message("en")


def test_cli_inspect_json(site, capsys):
    assert main(["inspect", f"{site}/blog/fietsdiefstal", "--target", "fietsenvandijk.nl", "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"status", "final_url", "found", "links", "outbound_links", "title", "lang", "robots", "evidence"} <= data.keys()
    assert data["status"] == 200 and data["found"] is True
    assert data["links"][0]["placement"] == "content" and set(data["links"][0]) == {"href", "anchor", "rel", "placement", "context"}


def test_cli_inspect_all_links_in_document_order(site, capsys):
    assert main(["inspect", f"{site}/blog/fietsdiefstal", "--all-links", "--json"]) == 0
    links = json.loads(capsys.readouterr().out)["links"]
    assert [link["index"] for link in links] == list(range(len(links)))
    assert links[0]["href"] == "/" and links[0]["url"] == f"{site}/"
    assert {"index", "href", "url", "anchor", "rel", "placement"} == set(links[0])


def test_cli_refused_url_exits_2_with_one_line(capsys, monkeypatch):
    monkeypatch.setenv("LINKWIJZER_ALLOW_HOSTS", "127.0.0.1")
    assert main(["inspect", "http://127.0.0.2:9/", "--target", "x.nl", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "loopback" in err


def test_verify_fills_placement_and_marks_lost_links(site):
    rows = [("blog/fietsdiefstal", "unknown", None), ("linkpagina", "unknown", False),
            ("zonder-link", "content", False), ("weg", "unknown", False)]
    links = pd.DataFrame({
        "source_url": [f"{site}/{path}" for path, _, _ in rows],
        "source_domain": [f"d{i}.nl" for i in range(len(rows))],
        "target_url": [TARGET] * len(rows),
        "placement": pd.Categorical([p for _, p, _ in rows]),
        "nofollow": pd.array([n for _, _, n in rows], dtype="boolean"),
    })
    checked = verify_links(links, "fietsenvandijk.nl", sample=None, concurrency=2)
    status = dict(zip([path for path, _, _ in rows], checked.links["live_status"].astype(str)))
    assert status == {"blog/fietsdiefstal": "present", "linkpagina": "now_nofollow", "zonder-link": "removed",
                      "weg": "page_gone"}
    placement = dict(zip([path for path, _, _ in rows], checked.links["placement"].astype(str)))
    assert placement["blog/fietsdiefstal"] == "content" and placement["linkpagina"] == "footer"
    assert checked.links.loc[0, "nofollow"] is False or checked.links.loc[0, "nofollow"] == False  # noqa: E712
    assert checked.counts["present"] == 1 and checked.checked_pages == 4


@pytest.mark.parametrize("sample,expected", [(1, 1), (3, 3), (None, 4)])
def test_verify_can_check_a_sample(site, sample, expected):
    links = pd.DataFrame({"source_url": [f"{site}/p{i}" for i in range(4)], "source_domain": [f"d{i}.nl" for i in range(4)],
                          "placement": pd.Categorical(["unknown"] * 4)})
    checked = verify_links(links, "fietsenvandijk.nl", sample=sample, concurrency=2)
    assert checked.checked_pages == expected
    assert (checked.links["live_status"] != "not_checked").sum() == expected


def check_page(tmp_path, monkeypatch, source: str):
    """The check page in AppTest with a linking page filled in through the URL, and "Inspect page" clicked."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("LINKWIJZER_DB", str(tmp_path / "db.sqlite3"))
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=60)
    at.query_params.update({"lang": "en", "source": source, "target": "https://www.fietsenvandijk.nl/"})
    at.run()
    at.switch_page("pages/check_link.py")
    at.run()
    next(b for b in at.button if b.label == "Inspect page").click()
    return at


def test_check_page_inspects_and_applies_suggestions(site, tmp_path, monkeypatch):
    at = check_page(tmp_path, monkeypatch, f"{site}/blog/fietsdiefstal")
    at.run()
    assert not at.exception, at.exception
    shown = "\n".join(m.value for m in at.markdown)
    assert "**Context** → Yes" in shown
    next(b for b in at.button if b.label.startswith("Use the suggestions")).click()
    at.run()
    assert at.button_group(key="trait.context").value == "yes"


def test_check_page_explains_an_unreachable_page(site, tmp_path, monkeypatch):
    at = check_page(tmp_path, monkeypatch, f"{site}/weg")
    at.run()
    assert not at.exception
    assert any("404" in w.value for w in at.warning)


def test_profile_page_checks_live_and_the_review_uses_it(site, tmp_path, monkeypatch):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("LINKWIJZER_DB", str(tmp_path / "db.sqlite3"))
    rows = ["Bron URL,Doel URL,Ankertekst,Eerst gezien"]
    rows += [f"{site}/{path},{TARGET},Fietsen van Dijk,2025-0{i + 1}-01"
             for i, path in enumerate(["blog/fietsdiefstal", "linkpagina", "zonder-link", "weg"])]
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/profile.py")
    at.run()
    at.file_uploader(key="profile.uploads").set_value([("links.csv", "\n".join(rows).encode(), "text/csv")])
    at.run()
    at.text_input(key="review.site").set_value("fietsenvandijk.nl")
    at.run()
    next(b for b in at.button if b.label == "Check now").click()
    at.run()
    assert not at.exception, at.exception
    table = next(d.value for d in at.dataframe if "Status" in d.value.columns)
    counts = dict(zip(table["Status"], table["Links"]))
    assert counts["Link is there"] == 1 and counts["Link removed"] == 1 and counts["Page no longer exists"] == 1
    assert counts["Now nofollow"] == 1


def test_cli_verify_goes_on_past_a_hostile_page_and_writes_its_file(site, tmp_path, capsys):
    export = tmp_path / "links.csv"
    rows = ["Bron URL,Doel URL,Ankertekst"] + [f"{site}/{path},{TARGET},Fietsen van Dijk"
                                                for path in ("blog/fietsdiefstal", "stacked-encodings", "zonder-link")]
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "live.csv"
    code = main(["verify", str(export), "--target", "fietsenvandijk.nl", "--out", str(out), "--lang", "en"])
    assert code == 0, capsys.readouterr()
    written = pd.read_csv(out)
    assert len(written) == 3, written
    assert "Traceback" not in capsys.readouterr().err
