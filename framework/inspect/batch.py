"""Check many pages at once: per-host limits and politeness, robots.txt, retries, cache, cancel."""

from __future__ import annotations

import asyncio
import random
import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Callable, Iterable

import httpx

from linkwijzer.inspect import _robots
from linkwijzer.inspect.fetch import FetchConfig, FetchResult, client, fetch_async, run_sync
from linkwijzer.profile.importing.urls import normalise_url
from linkwijzer.store.fetch_cache import CachedFetch, FetchCache

Progress = Callable[[int, int, FetchResult], None]
TRANSIENT_STATUS = frozenset({429, 502, 503, 504})
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: parse at least the first 500 KiB
# Errors that say something lasting about the page: cached. Others (timeouts, refusals that depend
# on this machine's allow-list, cancels, 5xx) are tried again on the next run.
CACHED_ERRORS = frozenset({None, "http_error", "not_html", "too_large", "too_many_redirects", "decode_failed",
                           "robots_disallowed"})
FLUSH_EVERY = 50


@dataclass
class _Host:
    """Per origin: how many requests may run, when the last one started, and its robots rules."""

    slots: asyncio.Semaphore
    gate: asyncio.Lock = field(default_factory=asyncio.Lock)
    last_start: float = float("-inf")
    robots: asyncio.Task | None = None


def check_many(urls: Iterable[str], *, config: FetchConfig | None = None, concurrency: int = 8, per_host: int = 2,
               delay: float = 0.5, respect_robots: bool = True, retries: int = 2, backoff: float = 1.0,
               max_retry_after: float = 60.0, progress: Progress | None = None,
               cancel: threading.Event | None = None, cache: FetchCache | None = None,
               max_age_days: float = 7) -> list[FetchResult]:
    """Fetch every URL; one result per URL in the same order (``cancelled`` for those not reached).

    ``delay`` seconds at least between two request starts on one host, at most ``per_host`` at
    once; transient failures (timeouts, connection errors, 429/502/503/504) are retried
    ``retries`` times after ``backoff`` × 2ⁿ seconds, or the server's Retry-After when it is at
    most ``max_retry_after``. With ``cache``, pages fetched within ``max_age_days`` come from the
    store and new results go into it as they arrive, so an interrupted run resumes. ``progress``
    is called in the caller's thread after each page; setting ``cancel`` stops within ~0.1 s.
    """
    if concurrency < 1 or per_host < 1 or retries < 0 or delay < 0 or backoff < 0:
        raise ValueError("concurrency and per_host must be at least 1; retries, delay and backoff not negative")
    batch = _Batch(list(urls), config or FetchConfig(), concurrency, per_host, delay, respect_robots, retries,
                   backoff, max_retry_after, progress, cancel, cache, timedelta(days=max_age_days))
    return run_sync(batch.run)


class _Batch:
    def __init__(self, urls, config, concurrency, per_host, delay, respect_robots, retries, backoff,
                 max_retry_after, progress, cancel, cache, max_age) -> None:
        self.urls, self.config, self.concurrency, self.per_host = urls, config, concurrency, per_host
        self.delay, self.respect_robots, self.retries, self.backoff = delay, respect_robots, retries, backoff
        self.max_retry_after, self.progress, self.cancel = max_retry_after, progress, cancel
        self.cache, self.max_age = cache, max_age
        self.results: list[FetchResult | None] = [None] * len(urls)
        self.done = 0
        self.unsaved: list[CachedFetch] = []
        # One fetch per distinct page: the indices of the input that share a normalised URL.
        self.jobs: dict[str, list[int]] = {}
        for index, url in enumerate(urls):
            self.jobs.setdefault(_key(url), []).append(index)

    async def run(self) -> list[FetchResult]:
        self.hosts: dict[str, _Host] = {}
        todo = await self._from_cache()
        self.slots = asyncio.Semaphore(self.concurrency)
        pending: dict[asyncio.Task, str] = {}
        # Finished tasks arrive here (None: cancel was set), one at a time: asyncio.wait over all
        # pending tasks would cost O(window) per page.
        finished: asyncio.Queue[asyncio.Task | None] = asyncio.Queue()
        watcher = asyncio.create_task(self._watch_cancel(finished)) if self.cancel is not None else None
        order = iter(_interleave(todo, {k: _origin(self.urls[self.jobs[k][0]]) for k in todo}))
        # A window of tasks rather than one per URL keeps memory flat for 100k URLs; interleaving
        # the hosts keeps that window from filling with one host's URLs that must wait their turn.
        window = self.concurrency * 4
        saving: asyncio.Task | None = None
        try:
            async with client(self.config, max_connections=self.concurrency + 4) as session:
                self.session = session
                while not self._cancelled():
                    while len(pending) < window and (key := next(order, None)) is not None:
                        task = asyncio.create_task(self._job(self.urls[self.jobs[key][0]]))
                        task.add_done_callback(finished.put_nowait)
                        pending[task] = key
                    if not pending:
                        break
                    task = await finished.get()
                    if task is None or task not in pending:
                        continue
                    self._record(pending.pop(task), task.result())
                    if len(self.unsaved) >= FLUSH_EVERY and (saving is None or saving.done()):
                        if saving is not None:
                            saving.result()  # a StoreError surfaces here rather than being lost
                        # Written (and compressed) on a thread while the fetching goes on.
                        saving = asyncio.create_task(self._flush())
                for task in [t for t in pending if t.done() and not t.cancelled()]:
                    self._record(pending.pop(task), task.result())  # finished before the cancel: keep
        finally:
            leftovers = [*pending, *(h.robots for h in self.hosts.values() if h.robots and not h.robots.done())]
            for task in leftovers + ([watcher] if watcher else []):
                task.cancel()
            await asyncio.gather(*leftovers, return_exceptions=True)
            if saving is not None:
                await saving
            await self._flush()
        return [r if r is not None else FetchResult(url=url, error="cancelled")
                for url, r in zip(self.urls, self.results)]

    async def _watch_cancel(self, finished: asyncio.Queue) -> None:
        # A threading.Event cannot wake an event loop; polling it every 50 ms is cheap and prompt.
        while not self.cancel.is_set():
            await asyncio.sleep(0.05)
        finished.put_nowait(None)

    def _cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()

    async def _from_cache(self) -> list[str]:
        if self.cache is None:
            return list(self.jobs)
        found = await asyncio.to_thread(self.cache.get_fetches, list(self.jobs), self.max_age)
        todo = []
        for key in self.jobs:
            row = found.get(key)
            if row is None or (row.error is None and row.body is None):
                todo.append(key)
            else:
                self._record(key, _from_row(row), save=False)
        return todo

    def _record(self, key: str, result: FetchResult, save: bool = True) -> None:
        for index in self.jobs[key]:
            self.results[index] = replace(result, url=self.urls[index])
            self.done += 1
            if self.progress is not None:
                self.progress(self.done, len(self.urls), self.results[index])
        if save and self.cache is not None and _lasting(result):
            self.unsaved.append(_to_row(key, result, self.config.max_bytes))

    async def _flush(self) -> None:
        if self.unsaved and self.cache is not None:
            rows, self.unsaved = self.unsaved, []
            await asyncio.to_thread(self.cache.put_fetches, rows)

    async def _job(self, url: str) -> FetchResult:
        origin = _origin(url)
        if not origin:  # not fetchable at all: fetch_async explains why, without a request
            return await fetch_async(self.session, url, self.config)
        host = self.hosts.get(origin)
        if host is None:
            host = self.hosts[origin] = _Host(asyncio.Semaphore(self.per_host))
        async with host.slots:
            if self.respect_robots:
                if host.robots is None:
                    host.robots = asyncio.create_task(self._robots(origin, host))
                rules, status = await asyncio.shield(host.robots)
                path = httpx.URL(url).raw_path.decode("ascii", "replace")
                # Off the event loop: a long rule list must not stall the other hosts' fetches.
                if not await asyncio.to_thread(rules.allows, path):
                    detail = {"host": httpx.URL(origin).host, "agent": _token(self.config.user_agent)}
                    if status:
                        detail.update(status=str(status), unavailable="yes")
                    return FetchResult(url=url, error="robots_disallowed", detail=detail)
            return await self._with_retries(url, host)

    async def _with_retries(self, url: str, host: _Host, **options) -> FetchResult:
        for attempt in range(self.retries + 1):
            await self._start(host)
            try:
                result = await fetch_async(self.session, url, self.config, **options)
            finally:
                self.slots.release()
            if attempt == self.retries or not _transient(result):
                return result
            wait = self.backoff * 2 ** attempt * (1 + random.random() / 10)  # jitter: hosts don't resync
            if result.retry_after is not None:
                if result.retry_after > self.max_retry_after:
                    return result  # the server asks for a longer pause than a batch can wait
                wait = max(wait, result.retry_after)
                # The server spoke for the whole host: hold back its other pages too.
                host.last_start = max(host.last_start, asyncio.get_running_loop().time() + wait - self.delay)
            await asyncio.sleep(wait)
        raise AssertionError("unreachable")

    async def _start(self, host: _Host) -> None:
        """Wait for this host's politeness delay and a global slot; the slot is released by the caller."""
        # The gate is held until the request really starts, so the recorded start is the true one
        # and two requests to one host never start less than `delay` apart.
        async with host.gate:
            loop = asyncio.get_running_loop()
            wait = host.last_start + self.delay - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            await self.slots.acquire()
            host.last_start = loop.time()

    async def _robots(self, origin: str, host: _Host) -> tuple[_robots.Robots, int | None]:
        """The rules for our agent, and the status when the file was unavailable (5xx/429)."""
        result = await self._with_retries(origin + "/robots.txt", host, html_only=False, max_bytes=ROBOTS_MAX_BYTES)
        agent = _token(self.config.user_agent)
        if result.error == "http_error":
            # RFC 9309: 4xx means there are no rules; a server error means "assume all disallowed".
            unavailable = result.status in TRANSIENT_STATUS or (result.status or 0) >= 500
            return (_robots.DISALLOW_ALL, result.status) if unavailable else (_robots.ALLOW_ALL, None)
        if result.text is None:
            # Unreachable host, refused address, ...: every page will report that error itself.
            return _robots.ALLOW_ALL, None
        return _robots.parse(result.text, agent), None


def _lasting(result: FetchResult) -> bool:
    """Whether a result says something lasting about the page, so the cache may keep it."""
    if result.error not in CACHED_ERRORS or result.detail.get("unavailable"):
        return False
    return result.status is None or not (result.status in TRANSIENT_STATUS or result.status >= 500)


def _transient(result: FetchResult) -> bool:
    return result.error in ("timeout", "connect_failed") or \
        (result.error == "http_error" and result.status in TRANSIENT_STATUS)


def _key(url: str) -> str:
    return normalise_url(str(url))


def _origin(url: str) -> str:
    """scheme://host[:port] of a fetchable URL, else "" (robots.txt and politeness go per origin)."""
    try:
        parsed = httpx.URL(str(url).strip())
    except (httpx.InvalidURL, TypeError, ValueError):
        return ""
    if parsed.scheme not in ("http", "https") or not parsed.host:
        return ""
    default = {"http": 80, "https": 443}[parsed.scheme]
    port = f":{parsed.port}" if parsed.port not in (None, default) else ""
    host = f"[{parsed.host}]" if ":" in parsed.host else parsed.host
    return f"{parsed.scheme}://{host}{port}"


def _interleave(keys: list[str], origin_of: dict[str, str]) -> list[str]:
    """Round-robin over hosts: a, b, c, a, b, c, ... instead of a, a, a, b, b, b."""
    by_host: dict[str, list[str]] = {}
    for key in keys:
        by_host.setdefault(origin_of[key], []).append(key)
    queues = list(by_host.values())
    out: list[str] = []
    for position in range(max((len(q) for q in queues), default=0)):
        out.extend(q[position] for q in queues if position < len(q))
    return out


def _token(user_agent: str) -> str:
    return user_agent.split("/", 1)[0].strip() or "Linkwijzer"


def _to_row(key: str, result: FetchResult, max_bytes: int) -> CachedFetch:
    body = result.text.encode("utf-8")[:max_bytes] if result.text is not None else None
    meta = {"redirects": result.redirects, "content_type": result.content_type, "charset": result.charset,
            "bytes_read": result.bytes_read, "elapsed": result.elapsed, "detail": result.detail}
    return CachedFetch(key=key, url=result.url, status=result.status, final_url=result.final_url,
                       error=result.error, fetched_at=datetime.now(UTC), body=body, meta=meta)


def _from_row(row: CachedFetch) -> FetchResult:
    meta = row.meta
    return FetchResult(
        url=row.url, final_url=row.final_url, status=row.status,
        redirects=[(str(u), int(s)) for u, s in meta.get("redirects", [])],
        content_type=meta.get("content_type"), charset=meta.get("charset"),
        text=row.body.decode("utf-8", errors="ignore") if row.body is not None else None,
        bytes_read=int(meta.get("bytes_read", 0)), elapsed=float(meta.get("elapsed", 0.0)), error=row.error,
        detail={str(k): str(v) for k, v in meta.get("detail", {}).items()}, from_cache=True,
    )


__all__ = ["check_many", "CACHED_ERRORS", "TRANSIENT_STATUS"]
