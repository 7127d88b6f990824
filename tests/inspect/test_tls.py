"""HTTPS through the guard: the socket goes to the checked IP, SNI and certificate check use the host name."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading

import pytest

from linkwijzer.inspect import FetchConfig, fetch
from linkwijzer.inspect import _guard

from .conftest import Server

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    """A throwaway certificate for pinned.test (openssl command) on a TLS server on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=pinned.test", "-addext", "subjectAltName=DNS:pinned.test",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    server = Server("127.0.0.1")  # the same fixture pages, over TLS
    server.sni = []  # the server names clients asked for
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: server.sni.append(name)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield server, cert
    server.shutdown()
    server.server_close()


@pytest.fixture
def trusted(monkeypatch, tls_server):
    server, cert = tls_server

    async def resolve(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    monkeypatch.setattr(_guard, "resolve", resolve)
    monkeypatch.setattr(_guard, "_ssl_context", lambda: ssl.create_default_context(cafile=str(cert)))
    server.sni.clear()
    return server


def test_https_connects_to_the_checked_ip_and_verifies_the_name(trusted) -> None:
    config = FetchConfig(total_timeout=5, allow_hosts=("pinned.test",))
    result = fetch(f"https://pinned.test:{trusted.port}/host-header", config)
    assert result.ok, result.message("en")
    assert f"<title>pinned.test:{trusted.port}</title>" in result.text
    assert trusted.sni == ["pinned.test"]


def test_a_certificate_for_another_name_is_not_accepted(trusted) -> None:
    config = FetchConfig(total_timeout=5, allow_hosts=("wrong.test",))
    result = fetch(f"https://wrong.test:{trusted.port}/page", config)
    assert result.error == "connect_failed" and "certificate" in result.detail["reason"].lower()
    assert trusted.sni == ["wrong.test"]
