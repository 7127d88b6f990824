"""Which links point to the user's site or page: scheme, www, trailing slash, default port, relative links."""

from __future__ import annotations

import pytest

from linkwijzer.inspect.read import read_page

PAGE = "https://www.fietsenvandijk.nl/blog/accu"
LINKS = [
    "https://fietsenvandijk.nl/onderhoud",  # 0
    "http://www.fietsenvandijk.nl/onderhoud/",  # 1
    "https://WWW.FietsenVanDijk.nl:443/onderhoud#prijzen",  # 2
    "//fietsenvandijk.nl/onderhoud?utm_source=blog",  # 3 protocol-relative, tracking
    "/onderhoud",  # 4 relative, on the page's own site
    "https://fietsenvandijk.nl/",  # 5 home page
    "https://shop.fietsenvandijk.nl/onderhoud",  # 6 subdomain
    "https://fietsenvandijk.nl.evil.example/onderhoud",  # 7 look-alike
    "https://notfietsenvandijk.nl/onderhoud",  # 8 look-alike
    "https://fietsenvandijk.nl:8080/onderhoud",  # 9 another port: another site
    "https://fietsenvandijk.nl/onderhoud/fietsen",  # 10 a deeper page
    "mailto:info@fietsenvandijk.nl",  # 11
]
HTML = "".join(f'<p>Zie <a href="{href}">link {i}</a> voor meer.</p>' for i, href in enumerate(LINKS))


def found(target: str, page: str = PAGE) -> list[int]:
    return [link.index for link in read_page(HTML, page, target=target).found]


@pytest.mark.parametrize("target", ["fietsenvandijk.nl", "www.fietsenvandijk.nl", "https://fietsenvandijk.nl",
                                    "http://www.fietsenvandijk.nl/", "FietsenVanDijk.NL"])
def test_a_domain_matches_any_page_on_the_site(target):
    assert found(target) == [0, 1, 2, 3, 4, 5, 6, 9, 10]


@pytest.mark.parametrize("target", ["https://fietsenvandijk.nl/onderhoud", "fietsenvandijk.nl/onderhoud/",
                                    "http://www.fietsenvandijk.nl:80/onderhoud", "https://fietsenvandijk.nl/onderhoud#x"])
def test_a_url_matches_that_page_only(target):
    assert found(target) == [0, 1, 2, 3, 4]


def test_relative_links_only_count_on_the_targets_own_site():
    assert found("fietsenvandijk.nl/onderhoud", page="https://blog.example.nl/post") == [0, 1, 2, 3]


def test_no_target_finds_nothing():
    reading = read_page(HTML, PAGE)
    assert reading.found == [] and reading.target == ""
