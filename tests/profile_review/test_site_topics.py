"""Topic suggestions learned from the site's own home page, fetched through the guarded fetcher from a
real HTTP server on 127.0.0.1 (allowed by the test setting), and read without brand or button words."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.profile.review.site_topics import learn_topics, topics_of_page

HOME = ("<html><head><title>Bakkerij De Korenaar | Brood, meelsoorten en taarten</title>"
        "<meta name='description' content='Ambachtelijk brood en broodtrommels voor de lunch, bakken met kinderen'>"
        "</head><body><nav><a href='/'>Home</a><a href='/brood'>Brood</a><a href='/contact'>Contact</a></nav>"
        "<h1>Vers brood van De Korenaar</h1><h2>Meelsoorten</h2><h2>Lees meer</h2></body></html>")


class Home(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body = HOME.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site(monkeypatch):
    monkeypatch.setenv("LINKWIJZER_ALLOW_HOSTS", "127.0.0.1")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Home)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_the_home_page_says_what_the_site_is_about(site):
    learned = learn_topics(site, ProfileSettings(site="dekorenaar.nl", brand=("De Korenaar",)), "nl")
    assert not learned.problem
    assert learned.topics[:2] == ["brood", "meelsoorten"]
    assert {"bakkerij", "taarten"} <= set(learned.topics)
    assert not {"korenaar", "home", "contact", "lees", "meer"} & set(learned.topics)


def test_an_unreadable_site_says_why_and_suggests_nothing(monkeypatch):
    monkeypatch.setenv("LINKWIJZER_ALLOW_HOSTS", "127.0.0.1")
    with ThreadingHTTPServer(("127.0.0.1", 0), Home) as closed:
        port = closed.server_address[1]  # bound, never served: the connection is refused
    learned = learn_topics(f"http://127.0.0.1:{port}/", ProfileSettings(site="dekorenaar.nl"), "en")
    assert learned.topics == [] and learned.problem


def test_words_of_the_page_not_its_markup():
    topics = topics_of_page("<title>Spa &amp; wellness in Andorra</title><h1>Thermal spa</h1><script>var x</script>",
                            ProfileSettings(site="caldea.com"))
    assert topics[0] == "spa" and {"wellness", "andorra", "thermal"} <= set(topics)
    assert "var" not in topics and "amp" not in topics  # script and entity text are no topics
