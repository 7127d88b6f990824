"""The address guard: which hosts may be fetched, checked on the address each connection really uses."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
from functools import cache
from typing import Iterable

import httpcore
import httpx

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

# Refusal kinds, in the words the messages use (locales/*/fetch.toml, fetch.kind.*).
KINDS = ("metadata", "private", "shared", "loopback", "link_local", "multicast", "reserved", "unspecified")

# Cloud instance-metadata services hand out credentials to whoever asks from inside the
# machine: the classic prize of a server-side request forgery. Refused even when a host is on
# the allow-list (see `refusal`): no local test server needs them.
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254",  # AWS, Azure, GCP, OpenStack, DigitalOcean, ...
    "169.254.170.2",    # AWS ECS task metadata
    "100.100.100.200",  # Alibaba Cloud
    "192.0.0.192",      # Oracle Cloud (legacy endpoint)
    "fd00:ec2::254",    # AWS IMDS over IPv6
))
METADATA_NAMES = frozenset({"metadata.google.internal", "metadata.goog", "metadata", "instance-data",
                            "instance-data.ec2.internal"})

_V4 = [(kind, ipaddress.ip_network(net)) for kind, net in (
    ("unspecified", "0.0.0.0/32"),
    ("reserved", "0.0.0.0/8"),          # "this network"; Linux connects 0.x to the machine itself
    ("private", "10.0.0.0/8"),
    ("shared", "100.64.0.0/10"),        # carrier-grade NAT: a provider's internal network
    ("loopback", "127.0.0.0/8"),
    ("link_local", "169.254.0.0/16"),
    ("private", "172.16.0.0/12"),
    ("reserved", "192.0.0.0/24"),       # IETF protocol assignments
    ("reserved", "192.0.2.0/24"),       # documentation (TEST-NET-1)
    ("reserved", "192.88.99.0/24"),     # former 6to4 relay anycast
    ("private", "192.168.0.0/16"),
    ("reserved", "198.18.0.0/15"),      # benchmarking
    ("reserved", "198.51.100.0/24"),    # documentation (TEST-NET-2)
    ("reserved", "203.0.113.0/24"),     # documentation (TEST-NET-3)
    ("multicast", "224.0.0.0/4"),
    ("reserved", "240.0.0.0/4"),        # future use, and 255.255.255.255 broadcast
)]
_V6 = [(kind, ipaddress.ip_network(net)) for kind, net in (
    ("unspecified", "::/128"),
    ("loopback", "::1/128"),
    ("reserved", "64:ff9b:1::/48"),     # local-use NAT64: maps to any IPv4 of the operator's choice
    ("reserved", "100::/64"),           # discard-only
    ("reserved", "2001:2::/48"),        # benchmarking
    ("reserved", "2001:10::/28"),       # ORCHID
    ("reserved", "2001:20::/28"),       # ORCHIDv2
    ("reserved", "2001:db8::/32"),      # documentation
    ("reserved", "3fff::/20"),          # documentation
    ("multicast", "ff00::/8"),
    ("link_local", "fe80::/10"),
    ("private", "fec0::/10"),           # deprecated site-local, still routed inside some networks
    ("private", "fc00::/7"),            # unique local addresses
)]
_GLOBAL_UNICAST = ipaddress.ip_network("2000::/3")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_TEREDO = ipaddress.ip_network("2001::/32")


def check_address(host: str, ip: str | Address) -> str | None:
    """The reason to refuse connecting to ``ip`` for ``host`` (a kind from ``KINDS``), or None.

    Pure: no lookups, no connections, no allow-list (``refusal`` applies that).

    >>> check_address("example.com", "93.184.216.34") is None
    True
    >>> check_address("example.com", "::ffff:192.168.1.1"), check_address("x", "169.254.169.254")
    ('private', 'metadata')
    """
    address = ipaddress.ip_address(ip) if isinstance(ip, str) else ip
    if _host_name(host) in METADATA_NAMES:
        return "metadata"
    if isinstance(address, ipaddress.IPv6Address) and address.scope_id:
        address = ipaddress.IPv6Address(str(address).split("%", 1)[0])
    if address in METADATA_ADDRESSES:
        return "metadata"
    if isinstance(address, ipaddress.IPv4Address):
        return next((kind for kind, net in _V4 if address in net), None)
    # IPv6 forms that carry an IPv4 address reach that address: judge the IPv4 one.
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        return check_address(host, embedded)
    kind = next((kind for kind, net in _V6 if address in net), None)
    if kind is None and address not in _GLOBAL_UNICAST:
        kind = "reserved"  # nothing outside 2000::/3 is public internet
    return kind


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:      # ::ffff:a.b.c.d (dual-stack sockets)
        return address.ipv4_mapped
    if address in _NAT64:                    # 64:ff9b::a.b.c.d (NAT64 gateways)
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:        # 2002:aabb:ccdd:: (6to4)
        return address.sixtofour
    if address in _TEREDO and address.teredo is not None:
        return address.teredo[1]             # the Teredo client behind it
    return None


def allow_entry(text: str) -> str:
    """An allow-list entry as the guard compares it: ``host`` or ``host:port`` (``[v6]:port``), lower-case.

    >>> allow_entry(" LocalHost. "), allow_entry("127.0.0.1:8080"), allow_entry("[::1]:8080"), allow_entry("::1")
    ('localhost', '127.0.0.1:8080', '[::1]:8080', '::1')
    """
    text = text.strip().lower()
    if text.startswith("[") and "]:" in text:
        host, _, port = text[1:].partition("]:")
        return _with_port(_host_name(host), port)
    if text.count(":") == 1:
        host, _, port = text.partition(":")
        return _with_port(_host_name(host), port)
    return _host_name(text)


def _with_port(host: str, port: object) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def allowed(host: str, allow_hosts: Iterable[str], port: int | None = None) -> bool:
    """Whether ``host`` (a name or a literal IP, as written in the URL) is on the allow-list: by
    name on any port (``fetch`` keeps a redirect to the port first asked for), or as ``host:port``."""
    entries = {allow_entry(h) for h in allow_hosts}
    name = _host_name(host)
    return name in entries or (port is not None and _with_port(name, port) in entries)


def allowed_by_name_only(host: str, allow_hosts: Iterable[str], port: int) -> bool:
    """Allowed through a bare host entry, not a ``host:port`` one for this port."""
    entries = {allow_entry(h) for h in allow_hosts}
    name = _host_name(host)
    return name in entries and _with_port(name, port) not in entries


def refusal(host: str, addresses: Iterable[str], allow_hosts: Iterable[str] = (),
            port: int | None = None) -> tuple[str, str] | None:
    """(kind, address) of the first refused address among ALL that ``host`` resolved to, or None.

    One bad address is enough: the connection may pick any of them. An allow-listed host skips
    the check, except for cloud metadata.
    """
    exempt = allowed(host, allow_hosts, port)
    for address in addresses:
        kind = check_address(host, address)
        if kind is not None and (kind == "metadata" or not exempt):
            return kind, str(address)
    return None


def _host_name(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


class AddressRefused(Exception):
    """The guard refused a host; raised from the connection layer, before any connection."""

    def __init__(self, host: str, address: str, kind: str) -> None:
        super().__init__(f"{host} resolves to {address} ({kind})")
        self.host, self.address, self.kind = host, address, kind


class LookupFailed(Exception):
    """The host name does not resolve."""

    def __init__(self, host: str, reason: str) -> None:
        super().__init__(f"{host}: {reason}")
        self.host, self.reason = host, reason


async def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, in the order the system prefers (tests replace this)."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise LookupFailed(host, getattr(error, "strerror", None) or str(error)) from None
    return list(dict.fromkeys(info[4][0] for info in infos))


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Opens TCP connections only to addresses the guard approved, resolving once per connection.

    Why here and not before each request: the check and the connect must use the SAME lookup.
    Checking a name and then letting the socket layer resolve it again is open to DNS
    rebinding (first answer public, second answer 127.0.0.1 or 169.254.169.254). Here the name
    is resolved once, every address is checked, and the socket connects to those literal IPs;
    TLS still verifies the certificate and sends SNI for the host name, because httpcore passes
    the URL's host to ``start_tls``, not the IP. Pooled connections were checked when opened, so
    every redirect hop to a new host is checked and a hop to a known host reuses a checked one.
    """

    def __init__(self, allow_hosts: frozenset[str]) -> None:
        self._allow = allow_hosts
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None, socket_options=None) -> httpcore.AsyncNetworkStream:
        if _host_name(host) in METADATA_NAMES:  # refused by name: not even a DNS lookup for it
            raise AddressRefused(host, host, "metadata")
        try:
            addresses = await asyncio.wait_for(resolve(host, port), timeout)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"looking up {host} took more than {timeout} s") from None
        if not addresses:
            raise LookupFailed(host, "no addresses")
        refused = refusal(host, addresses, self._allow, port)
        if refused is not None:
            raise AddressRefused(host, refused[1], refused[0])
        failure: Exception | None = None
        for address in addresses:  # all approved; try them in the resolver's order
            try:
                return await self._inner.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                                     socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failure = error
        assert failure is not None
        raise failure

    async def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options=None):
        raise httpcore.ConnectError("unix sockets are never used for fetching")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


@cache
def _ssl_context() -> ssl.SSLContext:
    # Loading the CA bundle costs ~10 ms; one context serves every client (contexts are shareable).
    return httpx.create_ssl_context(trust_env=False)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with the connection pool on ``GuardedBackend``; no proxies, no env settings."""

    def __init__(self, allow_hosts: frozenset[str], max_connections: int) -> None:
        # trust_env=False: an HTTP(S)_PROXY in the environment would make the proxy, not this
        # guard, decide where connections go.
        super().__init__(verify=_ssl_context(), trust_env=False)
        # httpx has no public hook for the network backend; the transport keeps all its state in
        # `_pool`, so replace the pool with one of the same kind on the guarded backend
        # (tests/inspect/test_guard.py fails if a connection ever bypasses it).
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=_ssl_context(), max_connections=max_connections,
            max_keepalive_connections=max_connections, keepalive_expiry=5.0,
            network_backend=GuardedBackend(allow_hosts),
        )


__all__ = ["KINDS", "check_address", "allow_entry", "allowed", "allowed_by_name_only", "refusal", "AddressRefused", "LookupFailed", "resolve",
           "GuardedBackend", "GuardedTransport"]
