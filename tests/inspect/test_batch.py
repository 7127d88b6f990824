"""check_many against the real loopback server: order, robots.txt, retries, politeness, cache, cancel."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest

from linkwijzer.inspect import FetchConfig, check_many
from linkwijzer.store.fetch_cache import FetchCache as Store

FAST = dict(delay=0, per_host=8, backoff=0.05)


def test_results_in_input_order_with_progress(server, config) -> None:
    urls = [server.url(f"/batch/{i}") for i in range(10)] + ["not a url", server.url("/missing"), server.url("/pdf")]
    calls = []
    results = check_many(urls, config=config, progress=lambda done, total, r: calls.append((done, total, r.url)),
                         **FAST)
    assert [r.url for r in results] == urls
    assert all(r.ok for r in results[:10])
    assert [r.error for r in results[10:]] == ["invalid_url", "http_error", "not_html"]
    assert [(d, t) for d, t, _ in calls] == [(i, len(urls)) for i in range(1, len(urls) + 1)]
    assert sorted(u for _, _, u in calls) == sorted(urls)
    assert server.hits["/robots.txt"] == 1  # once per host, however many pages


def test_robots_txt_is_obeyed_for_our_agent(server, config) -> None:
    urls = [server.url("/page"), server.url("/private/page")]
    ok, blocked = check_many(urls, config=config, **FAST)
    assert ok.ok and blocked.error == "robots_disallowed"
    assert "/private/page" not in server.paths()
    assert "Linkwijzer" in blocked.message("en") and "127.0.0.1" in blocked.message("nl")
    _, fetched = check_many(urls, config=config, respect_robots=False, **FAST)
    assert fetched.ok  # single checks and respect_robots=False read it


def test_an_agent_without_its_own_group_falls_under_star(server) -> None:
    config = FetchConfig(user_agent="OtherBot/1.0", total_timeout=3)
    (result,) = check_many([server.url("/page")], config=config, **FAST)
    assert result.error == "robots_disallowed" and server.paths() == ["/robots.txt"]


def test_429_with_retry_after_then_success(server, config) -> None:
    started = time.perf_counter()
    (result,) = check_many([server.url("/retry-429?id=a")], config=config, respect_robots=False, **FAST)
    assert result.ok and server.hits["/retry-429?id=a"] == 2
    assert time.perf_counter() - started >= 1.0  # waited as the server asked


def test_retry_after_beyond_the_cap_is_not_waited_for(server, config) -> None:
    (result,) = check_many([server.url("/retry-429?id=b")], config=config, respect_robots=False,
                           max_retry_after=0.5, **FAST)
    assert (result.error, result.status) == ("http_error", 429) and server.hits["/retry-429?id=b"] == 1


def test_flapping_503_is_retried_with_backoff(server, config) -> None:
    (result,) = check_many([server.url("/flap-503?id=a")], config=config, respect_robots=False, retries=2, **FAST)
    assert result.ok and server.hits["/flap-503?id=a"] == 3
    (result,) = check_many([server.url("/flap-503?id=b")], config=config, respect_robots=False, retries=1, **FAST)
    assert (result.error, result.status) == ("http_error", 503) and server.hits["/flap-503?id=b"] == 2


def test_timeouts_are_retried_but_404_is_not(server, config) -> None:
    slow, missing = check_many([server.url("/slow"), server.url("/missing")], config=config, respect_robots=False,
                               retries=1, **FAST)
    assert (slow.error, missing.error) == ("timeout", "http_error")
    assert (server.hits["/slow"], server.hits["/missing"]) == (2, 1)


def test_politeness_delay_between_starts_on_one_host(server, config) -> None:
    urls = [server.url(f"/batch/{i}") for i in range(4)]
    check_many(urls, config=config, delay=0.3, per_host=2, respect_robots=False)
    starts = [t for t, _ in server.started]
    assert len(starts) == 4
    assert min(b - a for a, b in zip(starts, starts[1:])) >= 0.28


@pytest.mark.parametrize(("per_host", "most"), [(2, 2), (6, 6)])
def test_per_host_limit(server, config, per_host, most) -> None:
    urls = [server.url(f"/hold?id={i}") for i in range(6)]
    results = check_many(urls, config=config, concurrency=8, per_host=per_host, delay=0, respect_robots=False)
    assert all(r.ok for r in results) and server.most_active == most


def test_duplicates_are_fetched_once(server, config) -> None:
    urls = [server.url("/page"), server.url("/page?utm_source=mail"), server.url("/page#top")]
    results = check_many(urls, config=config, respect_robots=False, **FAST)
    assert [r.url for r in results] == urls and all(r.ok for r in results)
    assert server.paths() == ["/page"]


def test_refused_hosts_in_a_batch_are_never_contacted(server, other, config) -> None:
    (result,) = check_many([f"http://127.0.0.2:{other.port}/page"], config=config, **FAST)
    assert (result.error, result.detail["address"]) == ("refused_address", "127.0.0.2")
    assert other.connections == 0  # neither robots.txt nor the page


def test_second_run_comes_from_the_cache(server, config, tmp_path: Path) -> None:
    store = Store(tmp_path / "cache.sqlite3")
    urls = [server.url("/batch/1"), server.url("/redirect/2"), server.url("/missing"), server.url("/png"),
            server.url("/private/page"), server.url("/cp1252-as-utf8")]
    first = check_many(urls, config=config, cache=store, **FAST)
    assert server.requests
    server.requests.clear()
    progress = []
    second = check_many(urls, config=config, cache=Store(tmp_path / "cache.sqlite3"), **FAST,
                        progress=lambda d, t, r: progress.append(d))
    assert server.requests == []  # not even robots.txt
    assert progress == list(range(1, len(urls) + 1))
    assert all(r.from_cache for r in second)
    for a, b in zip(first, second):
        assert (a.url, a.final_url, a.status, a.redirects, a.error, a.detail, a.text, a.charset, a.content_type) == \
               (b.url, b.final_url, b.status, b.redirects, b.error, b.detail, b.text, b.charset, b.content_type)
    check_many(urls[:1], config=config, cache=store, max_age_days=0, **FAST)
    assert server.paths() == ["/robots.txt", "/batch/1"]  # too old: fetched again


def test_transient_failures_are_not_cached(server, config, tmp_path: Path) -> None:
    store = Store(tmp_path / "cache.sqlite3")
    for _ in range(2):
        (result,) = check_many([server.url("/always-503")], config=config, cache=store, retries=0,
                               respect_robots=False, **FAST)
        assert result.status == 503 and not result.from_cache
    assert server.hits["/always-503"] == 2


def test_cancel_stops_promptly_and_returns_what_was_done(server, config) -> None:
    cancel = threading.Event()
    urls = [server.url(f"/hold?id={i}&s=0.3") for i in range(30)]
    done = []

    def progress(count, total, result):
        done.append(result.url)
        cancel.set()  # stop after the first page

    started = time.perf_counter()
    results = check_many(urls, config=config, concurrency=2, per_host=2, delay=0, respect_robots=False,
                         progress=progress, cancel=cancel)
    assert time.perf_counter() - started < 1.2
    finished = [r for r in results if r.error != "cancelled"]
    assert 1 <= len(finished) <= 2 and [r.url for r in finished][0] in done
    assert len(results) == 30 and results[-1].message("nl") and results[-1].error == "cancelled"


def test_cancel_from_another_thread(server, config) -> None:
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.perf_counter()
    results = check_many([server.url(f"/hold?id={i}&s=2") for i in range(4)], config=config, cancel=cancel,
                         respect_robots=False, **FAST)
    assert time.perf_counter() - started < 1.0
    assert {r.error for r in results} == {"cancelled"}


def test_callable_inside_a_running_event_loop(server, config) -> None:
    async def notebook_cell():
        return check_many([server.url("/page")], config=config, **FAST)

    (result,) = asyncio.run(notebook_cell())
    assert result.ok


def test_a_failing_progress_callback_stops_the_batch(server, config) -> None:
    def progress(done, total, result):
        raise RuntimeError("the page was closed")

    with pytest.raises(RuntimeError, match="closed"):
        check_many([server.url(f"/batch/{i}") for i in range(5)], config=config, progress=progress, **FAST)


def test_arguments_are_checked() -> None:
    with pytest.raises(ValueError):
        check_many([], concurrency=0)
    assert check_many([]) == []
