"""Fetch one page safely: guarded addresses, manual redirects, size and time caps, charset handling."""

from __future__ import annotations

import asyncio
import importlib.util
import os
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from importlib import metadata
from typing import Awaitable, Callable, TypeVar

import httpx

from linkwijzer.i18n import text
from linkwijzer.inspect._body import ENCODINGS, HTML_TYPES, Undecodable, decode_html, decoders, looks_like_html
from linkwijzer.inspect import _guard
from linkwijzer.inspect._guard import AddressRefused, GuardedTransport, LookupFailed, allow_entry, allowed_by_name_only

# httpcore 1.0 tries `import sniffio` each time it sets up a lock (several times per request);
# without sniffio installed every try searches sys.path again, ~1/3 of the batch check's CPU.
# A None entry makes that failed import instant, exactly as if it had failed: same outcome.
if importlib.util.find_spec("sniffio") is None:
    sys.modules.setdefault("sniffio", None)

ENV_ALLOW = "LINKWIJZER_ALLOW_HOSTS"
ERRORS = ("invalid_url", "scheme", "refused_address", "dns_failed", "connect_failed", "timeout", "too_large",
          "too_many_redirects", "redirect_refused", "not_html", "http_error", "decode_failed",
          "robots_disallowed", "cancelled")
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Host names (and IPv4 in any notation) label by label, or an IPv6 literal.
_HOST = re.compile(r"^(?:[a-z0-9_][a-z0-9_-]{0,62}(?:\.|$))+$|^(?=.*:)[0-9a-f:.]+$", re.IGNORECASE)
T = TypeVar("T")


def _user_agent() -> str:
    # Names the tool and its version so a site owner can see who reads their page; the project
    # address comes from the package metadata ([project.urls]) once it has one.
    try:
        meta = metadata.metadata("linkwijzer")
        version = meta["Version"]
        home = next((u.split(",", 1)[1].strip() for u in meta.get_all("Project-URL") or [] if "," in u), "")
    except metadata.PackageNotFoundError:
        version, home = "0", ""
    return f"Linkwijzer/{version} (backlink review tool{'; +' + home if home else ''}; contact in README)"


USER_AGENT = _user_agent()


def env_allow_hosts() -> frozenset[str]:
    """The hosts in ``$LINKWIJZER_ALLOW_HOSTS`` (comma-separated), lower-case."""
    raw = os.environ.get(ENV_ALLOW, "")
    return frozenset(allow_entry(h) for h in raw.split(",") if h.strip())


@dataclass(frozen=True)
class FetchConfig:
    """How to fetch: timeouts in seconds, caps, the User-Agent and the hosts exempt from the guard.

    >>> FetchConfig(total_timeout=5, allow_hosts=("LocalHost",)).allow_hosts >= {"localhost"}
    True
    """

    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    """Longest wait for any single read of the response."""
    total_timeout: float = 20.0
    """Cap on the whole fetch, redirects included: stops a body that drips in slowly."""
    max_bytes: int = 5_000_000
    """Cap on the body, counted after decompression (a gzip bomb stops here too)."""
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    allow_hosts: frozenset[str] = frozenset()
    """Hosts (names or literal IPs as written in URLs) the address guard lets through, merged
    with ``$LINKWIJZER_ALLOW_HOSTS`` when the config is made. Cloud metadata stays refused."""

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be a positive number of seconds")
        if self.max_bytes < 1 or self.max_redirects < 0:
            raise ValueError("max_bytes must be at least 1 and max_redirects at least 0")
        if isinstance(self.allow_hosts, str):
            raise TypeError("allow_hosts is a collection of hosts, not one string")
        explicit = {allow_entry(h) for h in self.allow_hosts if h.strip()}
        object.__setattr__(self, "allow_hosts", frozenset(explicit) | env_allow_hosts())


@dataclass(frozen=True)
class FetchResult:
    """What happened when fetching one URL. ``error`` is None when the page was read as HTML."""

    url: str
    """The URL as asked for."""
    final_url: str | None = None
    """The URL the page came from after redirects (None when no request was made)."""
    status: int | None = None
    """HTTP status of the last response; also set for ``not_html`` and ``http_error``."""
    redirects: list[tuple[str, int]] = field(default_factory=list)
    """Every hop as (URL that answered with a redirect, its status)."""
    content_type: str | None = None
    charset: str | None = None
    """The charset the text was decoded with (declared, or detected when the declaration was wrong)."""
    text: str | None = None
    """The page as text; for ``too_large`` the part before the cap, for other errors None."""
    bytes_read: int = 0
    """Body bytes received over the network, before decompression."""
    elapsed: float = 0.0
    error: str | None = None
    """One of ``ERRORS``, or None."""
    detail: dict[str, str] = field(default_factory=dict)
    """The facts the error message names (host, address, status, ...)."""
    retry_after: float | None = None
    """Seconds the server asked to wait (Retry-After on 429/503)."""
    from_cache: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None

    def message(self, lang: str) -> str:
        """The error as one clear sentence in ``lang``; empty when there is no error."""
        return "" if self.error is None else error_message(self.error, self.detail, lang)


def error_message(code: str, detail: dict[str, str], lang: str) -> str:
    """The text of an error code with its details, in ``lang``."""
    params = dict(detail)
    key = code
    if code == "refused_address":
        params["kind"] = text(lang, f"fetch.kind.{detail['kind']}")
        key = "refused_ip" if detail.get("host", "").strip("[]") == detail.get("address") else code
    elif code == "redirect_refused":
        inner = {k[7:]: v for k, v in detail.items() if k.startswith("reason_")}
        params = {"url": detail["url"], "reason": error_message(detail["reason"], inner, lang)}
    elif code == "timeout":
        params["phase"] = text(lang, f"fetch.phase.{detail['phase']}")
    elif code == "too_large":
        params["limit"] = _size(int(detail["limit"]), lang)
    elif code == "too_many_redirects" and detail.get("loop"):
        key = "redirect_loop"
    elif code == "http_error":
        status = detail["status"]
        meaning = f"fetch.http.{status}" if status in ("401", "403", "404", "410", "429", "503") \
            else f"fetch.http.{status[0]}xx"
        params["meaning"] = text(lang, meaning)
    elif code == "robots_disallowed" and detail.get("unavailable"):
        key = "robots_unavailable"
    params = {k: v for k, v in params.items() if k not in ("loop", "unavailable")}
    return text(lang, f"fetch.error.{key}", **params)


def _size(count: int, lang: str) -> str:
    value, unit = (count / 1e6, "MB") if count >= 1e6 else (count / 1e3, "kB") if count >= 1e3 else (count, "bytes")
    shown = f"{value:.1f}".rstrip("0").rstrip(".") if unit != "bytes" else str(value)
    return f"{shown.replace('.', ',') if lang == 'nl' else shown} {unit}"


def fetch(url: str, config: FetchConfig | None = None) -> FetchResult:
    """Fetch one page. Never raises for network or content problems: see ``FetchResult.error``."""
    config = config or FetchConfig()

    async def once() -> FetchResult:
        async with client(config) as session:
            return await fetch_async(session, url, config)

    return run_sync(once)


def client(config: FetchConfig, max_connections: int = 10) -> httpx.AsyncClient:
    """An AsyncClient whose connections all pass the address guard; redirects are left to us."""
    timeout = httpx.Timeout(connect=config.connect_timeout, read=config.read_timeout,
                            write=config.read_timeout, pool=config.total_timeout)
    headers = {"User-Agent": config.user_agent, "Accept-Encoding": ENCODINGS,
               "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"}
    return httpx.AsyncClient(transport=GuardedTransport(config.allow_hosts, max_connections), headers=headers,
                             timeout=timeout, follow_redirects=False, trust_env=False)


async def fetch_async(session: httpx.AsyncClient, url: str, config: FetchConfig, *,
                      html_only: bool = True, max_bytes: int | None = None) -> FetchResult:
    """``fetch`` on a shared client (batch mode); ``html_only=False`` reads any type (robots.txt)."""
    started = time.perf_counter()
    redirects: list[tuple[str, int]] = []
    current = str(url).strip()

    def failed(code: str, **detail: object) -> FetchResult:
        return FetchResult(url=url, final_url=current if redirects or code not in ("invalid_url", "scheme") else None,
                           redirects=redirects, error=code, elapsed=time.perf_counter() - started,
                           detail={k: str(v) for k, v in detail.items()})

    try:
        target = httpx.URL(current)
    except (httpx.InvalidURL, TypeError, ValueError):
        return failed("invalid_url", url=current)
    if target.scheme and target.scheme not in ("http", "https"):
        return failed("scheme", url=current, scheme=target.scheme)
    if not target.scheme or not _HOST.match(target.raw_host.decode("ascii", "replace")):
        return failed("invalid_url", url=current)  # also: no lookup is ever made for a malformed name
    seen = {str(target)}
    first = target
    try:
        async with asyncio.timeout(config.total_timeout):
            while True:
                current = str(target)
                async with session.stream("GET", target) as response:
                    if response.status_code in REDIRECTS and response.headers.get("location"):
                        redirects.append((current, response.status_code))
                        location = response.headers["location"]
                        try:
                            target = target.join(location)
                        except (httpx.InvalidURL, ValueError):
                            target = None
                        if target is None or not _HOST.match(target.raw_host.decode("ascii", "replace")):
                            return failed("redirect_refused", url=location, reason="invalid_url",
                                          reason_url=location)
                        if target.scheme not in ("http", "https"):
                            return failed("redirect_refused", url=str(target), reason="scheme",
                                          reason_url=str(target), reason_scheme=target.scheme)
                        if await _other_port_of_an_allowed_host(target, first, config.allow_hosts):
                            return failed("redirect_refused", url=str(target), reason="refused_address",
                                          reason_host=f"{target.host}:{_port(target)}",
                                          reason_address=target.host, reason_kind="loopback_port")
                        if len(redirects) > config.max_redirects or str(target) in seen:
                            loop = str(target) in seen
                            return failed("too_many_redirects", max=config.max_redirects, url=str(target),
                                          **({"loop": "yes"} if loop else {}))
                        seen.add(str(target))
                        continue
                    result = await _read(response, url, config, html_only, max_bytes or config.max_bytes)
                    return _finish(result, redirects, started)
    except AddressRefused as refused:
        if redirects:
            return failed("redirect_refused", url=current, reason="refused_address", reason_host=refused.host,
                          reason_address=refused.address, reason_kind=refused.kind)
        return failed("refused_address", host=refused.host, address=refused.address, kind=refused.kind)
    except LookupFailed as lookup:
        return failed("dns_failed", host=lookup.host)
    except TimeoutError:  # asyncio.timeout: the total cap
        return failed("timeout", host=target.host, phase="total", seconds=_seconds(config.total_timeout))
    except httpx.TimeoutException as timeout:
        phase, limit = ("connect", config.connect_timeout) if isinstance(timeout, httpx.ConnectTimeout) \
            else ("read", config.read_timeout)
        return failed("timeout", host=target.host, phase=phase, seconds=_seconds(limit))
    except (httpx.TransportError, httpx.InvalidURL) as error:
        return failed("connect_failed", host=target.host, reason=str(error) or type(error).__name__)


async def _read(response: httpx.Response, url: str, config: FetchConfig, html_only: bool,
                limit: int) -> FetchResult:
    status = response.status_code
    mime, _, params = response.headers.get("content-type", "").partition(";")
    mime = mime.strip().lower()
    charset = next((v.strip().strip("\"'") for k, _, v in (p.partition("=") for p in params.split(";"))
                    if k.strip().lower() == "charset"), None)
    base = FetchResult(url=url, final_url=str(response.url), status=status, content_type=mime or None)
    if status >= 400:
        return _replace(base, error="http_error", detail={"status": str(status)},
                        retry_after=_retry_after(response.headers.get("retry-after")))
    if html_only and mime and mime not in HTML_TYPES:
        return _replace(base, error="not_html", detail={"content_type": mime, "status": str(status)})
    try:
        body, received, truncated = await _body(response, limit)
    except Undecodable as error:
        return _replace(base, error="decode_failed", detail={"reason": str(error)})
    if html_only and not mime and not looks_like_html(body[:2048]):
        return _replace(base, bytes_read=received, error="not_html",
                        detail={"content_type": "?", "status": str(status)})
    decoded, used = decode_html(body, charset, truncated)
    result = _replace(base, text=decoded, charset=used, bytes_read=received)
    if truncated:
        result = _replace(result, error="too_large", detail={"limit": str(limit)})
    return result


async def _body(response: httpx.Response, limit: int) -> tuple[bytes, int, bool]:
    """(body up to ``limit`` decoded bytes, bytes received, whether it was cut off)."""
    chain = decoders(response.headers.get("content-encoding", ""))
    parts: list[bytes] = []
    size = received = 0
    async for chunk in response.aiter_raw():
        received += len(chunk)
        for piece in _through(chain, chunk):
            if size + len(piece) > limit:
                parts.append(piece[: limit - size])
                return b"".join(parts), received, True
            parts.append(piece)
            size += len(piece)
        if received > limit:  # compressed data beyond the cap can only inflate further
            return b"".join(parts), received, True
    return b"".join(parts), received, False


def _through(chain: list, data: bytes):
    """``data`` through every decoder in turn, piece by piece (a loop, not recursion: the chain is capped anyway)."""
    pieces = iter([data])
    for decoder in chain:
        pieces = _fed(decoder, pieces)
    yield from pieces


def _fed(decoder, pieces):
    for piece in pieces:
        yield from decoder.feed(piece)


def _port(url: httpx.URL) -> int:
    return url.port or (443 if url.scheme == "https" else 80)


async def _other_port_of_an_allowed_host(target: httpx.URL, first: httpx.URL, allow_hosts) -> bool:
    """A redirect to a port of an allow-listed host other than the one first asked for, where only the
    bare name (not ``host:port``) is listed and the host is one the guard would otherwise refuse."""
    port = _port(target)
    if not allowed_by_name_only(target.host, allow_hosts, port):
        return False
    if port == _port(first):
        return False
    try:
        addresses = await _guard.resolve(target.host, port)  # looked up through the module: tests replace it
    except LookupFailed:
        return False  # the connection attempt reports it
    return _guard.refusal(target.host, addresses) is not None


def _finish(result: FetchResult, redirects: list[tuple[str, int]], started: float) -> FetchResult:
    return _replace(result, redirects=redirects, elapsed=time.perf_counter() - started)


def _replace(result: FetchResult, **changes: object) -> FetchResult:
    return FetchResult(**{**result.__dict__, **changes})


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return None


def _seconds(value: float) -> str:
    return f"{value:g}"


def run_sync(make: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine from sync code (Streamlit, the CLI), also when a loop already runs here."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    # A running loop in this thread (a notebook): asyncio.run would refuse, so use a fresh thread.
    with ThreadPoolExecutor(1, thread_name_prefix="linkwijzer-fetch") as pool:
        return pool.submit(lambda: asyncio.run(make())).result()


__all__ = ["FetchConfig", "FetchResult", "fetch", "fetch_async", "client", "error_message", "run_sync",
           "ERRORS", "ENV_ALLOW", "USER_AGENT", "env_allow_hosts"]
