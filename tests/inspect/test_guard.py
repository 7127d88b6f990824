"""The address guard: the refusal matrix on the pure check (never connected to), then the guard in use on loopback."""

from __future__ import annotations

import socket

import pytest

from linkwijzer.inspect import FetchConfig, check_address, fetch
from linkwijzer.inspect import _guard
from linkwijzer.inspect._guard import KINDS, allowed, refusal

REFUSED = [
    ("10.0.0.1", "private"),
    ("172.16.5.4", "private"),
    ("172.31.255.255", "private"),
    ("192.168.1.1", "private"),
    ("127.0.0.1", "loopback"),
    ("127.0.0.2", "loopback"),
    ("169.254.169.254", "metadata"),
    ("169.254.170.2", "metadata"),
    ("100.100.100.200", "metadata"),
    ("169.254.1.1", "link_local"),
    ("100.64.0.1", "shared"),
    ("0.0.0.0", "unspecified"),
    ("0.1.2.3", "reserved"),
    ("224.0.0.1", "multicast"),
    ("239.255.255.250", "multicast"),
    ("240.0.0.1", "reserved"),
    ("255.255.255.255", "reserved"),
    ("192.0.2.1", "reserved"),
    ("198.18.0.1", "reserved"),
    ("::", "unspecified"),
    ("::1", "loopback"),
    ("fe80::1", "link_local"),
    ("fe80::1%1", "link_local"),
    ("fc00::1", "private"),
    ("fd12:3456::1", "private"),
    ("fd00:ec2::254", "metadata"),
    ("ff02::1", "multicast"),
    ("2001:db8::1", "reserved"),
    ("::ffff:10.0.0.1", "private"),           # IPv4-mapped
    ("::ffff:127.0.0.1", "loopback"),
    ("::ffff:169.254.169.254", "metadata"),
    ("64:ff9b::a00:1", "private"),            # NAT64 of 10.0.0.1
    ("64:ff9b::7f00:1", "loopback"),          # NAT64 of 127.0.0.1
    ("64:ff9b::a9fe:a9fe", "metadata"),       # NAT64 of 169.254.169.254
    ("64:ff9b:1::1", "reserved"),             # local-use NAT64
    ("2002:a00:1::1", "private"),             # 6to4 of 10.0.0.1
    ("::10.0.0.1", "reserved"),               # deprecated IPv4-compatible form
    ("100::1", "reserved"),
]
ALLOWED = ["93.184.216.34", "8.8.8.8", "1.1.1.1", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34",
           "64:ff9b::5db8:d822", "2002:5db8:d822::1", "172.32.0.1", "100.128.0.1"]


@pytest.mark.parametrize(("ip", "kind"), REFUSED)
def test_refused_addresses(ip: str, kind: str) -> None:
    assert check_address("example.com", ip) == kind
    assert kind in KINDS


@pytest.mark.parametrize("ip", ALLOWED)
def test_public_addresses_pass(ip: str) -> None:
    assert check_address("example.com", ip) is None


@pytest.mark.parametrize("name", ["metadata.google.internal", "METADATA.google.internal.", "metadata.goog",
                                  "instance-data"])
def test_metadata_names_are_refused_whatever_they_resolve_to(name: str) -> None:
    assert check_address(name, "93.184.216.34") == "metadata"


def test_one_bad_address_among_many_refuses_the_host() -> None:
    assert refusal("example.com", ["93.184.216.34", "2606:2800:220:1::1", "10.0.0.1"]) == ("private", "10.0.0.1")
    assert refusal("example.com", ["93.184.216.34", "8.8.8.8"]) is None


def test_allow_list_exempts_hosts_by_name_or_literal_but_never_metadata() -> None:
    assert refusal("localhost", ["127.0.0.1", "::1"], {"localhost"}) is None
    assert refusal("127.0.0.1", ["127.0.0.1"], {"127.0.0.1"}) is None
    assert refusal("[::1]", ["::1"], {"::1"}) is None
    # Allowing one loopback address does not allow the next one.
    assert refusal("127.0.0.2", ["127.0.0.2"], {"127.0.0.1", "localhost"}) == ("loopback", "127.0.0.2")
    assert refusal("metadata.google.internal", ["169.254.169.254"], {"metadata.google.internal"})[0] == "metadata"
    assert refusal("169.254.169.254", ["169.254.169.254"], {"169.254.169.254"})[0] == "metadata"
    assert allowed("LocalHost.", {"localhost"}) and not allowed("localhost.example", {"localhost"})


def test_allow_list_comes_from_the_environment_and_the_parameter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINKWIJZER_ALLOW_HOSTS", " 127.0.0.1 , LocalHost,,")
    assert FetchConfig(allow_hosts=("Test.Local",)).allow_hosts == {"127.0.0.1", "localhost", "test.local"}
    monkeypatch.delenv("LINKWIJZER_ALLOW_HOSTS")
    assert FetchConfig().allow_hosts == frozenset()
    with pytest.raises(TypeError):
        FetchConfig(allow_hosts="localhost")


def test_loopback_server_is_refused_without_the_allow_list(monkeypatch, server, config) -> None:
    monkeypatch.delenv("LINKWIJZER_ALLOW_HOSTS")
    result = fetch(server.url("/page"), FetchConfig(total_timeout=3))
    assert (result.error, result.detail["kind"], result.detail["address"]) == \
        ("refused_address", "loopback", "127.0.0.1")
    assert server.connections == 0
    assert "127.0.0.1" in result.message("nl") and "loopback" in result.message("en")


def test_redirect_to_loopback_not_on_the_list_is_refused_before_connecting(server, other, config) -> None:
    result = fetch(server.url("/to-other-loopback"), config)
    assert result.error == "redirect_refused"
    assert result.detail["reason_kind"] == "loopback" and result.detail["reason_address"] == "127.0.0.2"
    assert result.redirects == [(server.url("/to-other-loopback"), 302)]
    assert other.connections == 0 and other.paths() == []
    assert "127.0.0.2" in result.message("en") and "doorverwijzing" in result.message("nl")


def test_connections_go_to_the_address_the_guard_checked(monkeypatch, server) -> None:
    """The name is resolved once, by the guard, and the socket gets that IP: no second lookup to rebind."""
    lookups = []

    async def resolve(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]

    monkeypatch.setattr(_guard, "resolve", resolve)
    config = FetchConfig(total_timeout=3, allow_hosts=("rebind.test",))
    result = fetch(f"http://rebind.test:{server.port}/host-header", config)
    assert result.ok, result.message("en")
    assert lookups == ["rebind.test"]
    assert f"<title>rebind.test:{server.port}</title>" in result.text  # Host header kept, IP connected


def test_a_name_resolving_to_a_refused_address_never_connects(monkeypatch, server) -> None:
    async def resolve(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]  # e.g. a public name rebound to loopback

    monkeypatch.setattr(_guard, "resolve", resolve)
    result = fetch(f"http://rebound.test:{server.port}/page", FetchConfig(total_timeout=3))
    assert (result.error, result.detail["host"], result.detail["kind"]) == \
        ("refused_address", "rebound.test", "loopback")
    assert server.connections == 0


def test_metadata_host_names_are_refused_without_a_lookup(monkeypatch) -> None:
    async def resolve(host: str, port: int) -> list[str]:
        raise AssertionError("no lookup for a metadata name")

    monkeypatch.setattr(_guard, "resolve", resolve)
    result = fetch("http://metadata.google.internal/computeMetadata/v1/", FetchConfig(total_timeout=3))
    assert (result.error, result.detail["kind"]) == ("refused_address", "metadata")
    assert "metadata" in result.message("en")


def test_literal_ip_notations_are_judged_by_the_address_they_mean(monkeypatch, server) -> None:
    monkeypatch.delenv("LINKWIJZER_ALLOW_HOSTS")
    for host in ("2130706433", "127.1", "0x7f.1"):  # all 127.0.0.1 to the resolver
        # Only notations the resolver reads as numbers: these tests never send a DNS query.
        socket.getaddrinfo(host, 80, flags=socket.AI_NUMERICHOST)
        result = fetch(f"http://{host}:{server.port}/page", FetchConfig(total_timeout=3))
        assert (result.error, result.detail.get("address")) == ("refused_address", "127.0.0.1"), host
    assert server.connections == 0


def test_a_bare_allowed_host_is_allowed_only_on_the_port_first_asked_for(server, other, monkeypatch) -> None:
    """A redirect to another port of 127.0.0.1 (the 127.0.0.2 server's port number: closed here) is
    refused before any connection, unless that host:port is listed."""
    from linkwijzer.inspect import FetchConfig, fetch

    refused = fetch(server.url("/to-other-port"), FetchConfig(total_timeout=3))
    assert refused.error == "redirect_refused" and refused.detail["reason_kind"] == "loopback_port", refused
    assert "LINKWIJZER_ALLOW_HOSTS" in refused.message("en")
    # listed with its port, the same hop is followed (and fails only because nothing answers there)
    monkeypatch.setenv("LINKWIJZER_ALLOW_HOSTS", f"127.0.0.1,127.0.0.1:{other.port}")
    followed = fetch(server.url("/to-other-port"), FetchConfig(total_timeout=3))
    assert followed.error != "redirect_refused", followed


def test_allow_entries_with_ports(monkeypatch) -> None:
    from linkwijzer.inspect import FetchConfig
    from linkwijzer.inspect._guard import allowed

    monkeypatch.setenv("LINKWIJZER_ALLOW_HOSTS", "127.0.0.1:8080,[::1]:9000,LocalHost")
    hosts = FetchConfig().allow_hosts
    assert hosts == {"127.0.0.1:8080", "[::1]:9000", "localhost"}
    assert allowed("127.0.0.1", hosts, 8080) and not allowed("127.0.0.1", hosts, 8081)
    assert allowed("[::1]", hosts, 9000) and not allowed("::1", hosts, 80)
    assert allowed("localhost", hosts, 1234)
