"""Outbound HTTP to addresses a site configured (webhook endpoints, followed feeds, forum exports by URL): the
SSRF guard. A URL must be http(s) with a host whose every address is public unless an admin allowed private ones
for it; the connection is pinned to an address checked before connecting, so a DNS answer that changes between
the check and the connection cannot point it inside the network."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urlsplit

from .errors import ServiceError


class RefusedTarget(Exception):
    """The URL points somewhere a webhook may not go (a private address without ``allow_private``, a bad scheme)."""


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    # is_global is False for loopback, RFC 1918, link-local, ULA, CGNAT, documentation and reserved ranges.
    return ip.is_global and not ip.is_multicast


def resolve(url: str, allow_private: bool) -> tuple[str, str, int, list[str]]:
    """Check ``url`` and resolve its host; every address must be public unless ``allow_private``.

    Returns:
        (scheme, host, port, addresses to connect to).

    Raises:
        RefusedTarget: not http(s), no host, or a non-public address without ``allow_private``.
        OSError: the host does not resolve.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RefusedTarget("only http:// and https:// URLs with a host")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    private = [a for a in addresses if not is_public(a)]
    if private and not allow_private:
        raise RefusedTarget(f"{parts.hostname} resolves to a private address ({private[0]}); allow_private is off")
    return parts.scheme, parts.hostname, port, addresses


class PinnedConnection(http.client.HTTPConnection):
    """Plain HTTP to an address checked beforehand; the Host header keeps the URL's name."""

    def __init__(self, host: str, port: int, address: str, connect_timeout: float, read_timeout: float):
        super().__init__(host, port, timeout=read_timeout)
        self.address, self.connect_timeout, self.read_timeout = address, connect_timeout, read_timeout

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.connect_timeout)
        self.sock.settimeout(self.read_timeout)


class PinnedTLSConnection(http.client.HTTPSConnection):
    """HTTPS to an address checked beforehand; the certificate is verified against the URL's name."""

    def __init__(self, host: str, port: int, address: str, connect_timeout: float, read_timeout: float):
        super().__init__(host, port, timeout=read_timeout, context=ssl.create_default_context())
        self.address, self.connect_timeout, self.read_timeout = address, connect_timeout, read_timeout

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.connect_timeout)
        sock.settimeout(self.read_timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def check_url(url: str, allow_private: bool) -> str:
    """Refuse at once what a delivery would refuse for sure: a bad scheme, a literal private address."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > 2000:
        raise ServiceError("invalid_url", "the URL must be http:// or https:// with a host", field="url", status=422)
    try:
        literal = ipaddress.ip_address(parts.hostname)
    except ValueError:
        return url  # a name: checked on every delivery, where its current addresses are known
    if not allow_private and not is_public(str(literal)):
        raise ServiceError("private_url", f"{literal} is a private address: allow it explicitly", "url", 422)
    return url
