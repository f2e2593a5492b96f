"""Download one web page: verified TLS, public addresses only, one deadline, a size cap.

Fetching an article from a URL must not let anyone on the network path
substitute it (certificates are always verified, with no insecure retry),
must not reach into the user's own network (local, private and link-local
addresses are refused, each redirect and each resolved address checked, and
the connection made to the address that was checked), and must end: the whole
download has one deadline, a size cap counted while reading, and a cancel that
takes effect at once. A watchdog thread enforces the last two by shutting the
socket down, which wakes a read blocked on a silent server.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from core.errors import IngestError

#: Seconds for the whole download, redirects included: slow sites finish well within it.
DEADLINE_SECONDS = 30.0
#: The largest page downloaded (the same cap as a saved page: core.ingest.load.MAX_HTML_BYTES).
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_WATCH_INTERVAL = 0.05
_USER_AGENT = "Mozilla/5.0 (compatible; FactDiff article fetch)"
_REDIRECTS = (301, 302, 303, 307, 308)


class FetchedPage(NamedTuple):
    """A downloaded page and what the server said about it (kept as the article's provenance)."""

    final_url: str
    body: bytes
    charset: str
    last_modified: str = ""
    etag: str = ""


class FetchError(IngestError):
    """The page could not be downloaded; the message says why in one line."""


class FetchCancelled(Exception):
    """The user cancelled the download."""


class _Watch:
    """Ends a blocked socket operation when the deadline passes or the user cancels."""

    def __init__(self, deadline: float, cancelled: Callable[[], bool]) -> None:
        self.deadline = deadline
        self.cancelled = cancelled
        self.reason = ""  # "cancelled" or "deadline" once tripped
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fetch-watch", daemon=True)
        self._thread.start()

    def guard(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._sock = sock
            if self.reason and sock is not None:
                _shut(sock)

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def check(self) -> None:
        if self.cancelled():
            self.reason = self.reason or "cancelled"
        elif self.remaining() <= 0:
            self.reason = self.reason or "deadline"
        if self.reason == "cancelled":
            raise FetchCancelled
        if self.reason == "deadline":
            raise _Deadline

    def stop(self) -> None:
        self._done.set()

    def _run(self) -> None:
        while not self._done.wait(_WATCH_INTERVAL):
            if self.cancelled():
                self._trip("cancelled")
            elif self.remaining() <= 0:
                self._trip("deadline")
            if self.reason:
                return

    def _trip(self, reason: str) -> None:
        with self._lock:
            self.reason = reason
            if self._sock is not None:
                _shut(self._sock)


class _Deadline(Exception):
    pass


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def fetch_page(
    url: str,
    *,
    cancelled: Callable[[], bool] | None = None,
    deadline: float = DEADLINE_SECONDS,
    max_bytes: int = MAX_BYTES,
    allow_local: bool = False,
    cafile: str | None = None,
) -> FetchedPage:
    """The page at ``url``: final URL, body, charset and the final answer's
    ``Last-Modified`` and ``ETag``.

    Raises FetchError with a one-line reason, FetchCancelled when ``cancelled()``
    turns true. ``allow_local`` and ``cafile`` exist for tests against a server
    on this machine; the application never sets them.
    """
    watch = _Watch(time.monotonic() + deadline, cancelled or (lambda: False))
    try:
        return _follow(url, watch, max_bytes, allow_local, cafile)
    except _Deadline:
        raise FetchError(
            f"Could not download {url}: no complete answer within {deadline:g} seconds"
        ) from None
    finally:
        watch.stop()


def _follow(
    url: str, watch: _Watch, max_bytes: int, allow_local: bool, cafile: str | None
) -> FetchedPage:
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        status, location, page = _get(current, watch, max_bytes, allow_local, cafile)
        if status in _REDIRECTS and location:
            current = urljoin(current, location)
            continue
        if status != 200:
            raise FetchError(f"Could not download {url}: the site answered HTTP {status}")
        return page._replace(final_url=current)
    raise FetchError(f"Could not download {url}: more than {MAX_REDIRECTS} redirects")


def _get(
    url: str, watch: _Watch, max_bytes: int, allow_local: bool, cafile: str | None
) -> tuple[int, str, FetchedPage]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"Could not download {url}: only http:// and https:// pages are fetched")
    host = parts.hostname
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = _public_address(url, host, port, watch, allow_local)
    sock = _connect(url, address, watch)
    try:
        if parts.scheme == "https":
            sock = _tls(url, sock, host, watch, cafile)
        return _exchange(url, sock, parts, watch, max_bytes)
    finally:
        watch.guard(None)
        sock.close()


def _public_address(
    url: str, host: str, port: int, watch: _Watch, allow_local: bool
) -> tuple[int, tuple]:
    """Resolve ``host`` (in a thread, so the deadline and Cancel apply) and vet every address."""
    found: list = []
    failure: list[BaseException] = []

    def resolve() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            failure.append(exc)

    resolver = threading.Thread(target=resolve, name="fetch-dns", daemon=True)
    resolver.start()
    while resolver.is_alive():
        watch.check()
        resolver.join(_WATCH_INTERVAL)
    if failure or not found:
        raise FetchError(f"Could not download {url}: you may be offline ({host} was not found)")
    addresses = [(info[0], info[4]) for info in found]
    if not allow_local:
        for _family, sockaddr in addresses:
            if not _is_public(sockaddr[0]):
                raise FetchError(
                    f"Could not download {url}: {host} is a local or private address; "
                    "only public web pages are fetched"
                )
    return addresses[0]


def _is_public(ip: str) -> bool:
    address = ipaddress.ip_address(ip.split("%", 1)[0])
    mapped = getattr(address, "ipv4_mapped", None)
    return bool((mapped or address).is_global)


def _connect(url: str, address: tuple[int, tuple], watch: _Watch) -> socket.socket:
    family, sockaddr = address
    sock = socket.socket(family, socket.SOCK_STREAM)
    watch.guard(sock)
    sock.settimeout(max(0.01, watch.remaining()))
    try:
        sock.connect(sockaddr)
    except OSError as exc:
        sock.close()
        watch.check()
        raise FetchError(
            f"Could not download {url}: you may be offline, or the site refused the "
            f"connection ({exc.strerror or exc})"
        ) from None
    return sock


def _tls(
    url: str, sock: socket.socket, host: str, watch: _Watch, cafile: str | None
) -> ssl.SSLSocket:
    """Wrap in TLS with the certificate and the host name verified; never retried insecurely."""
    context = ssl.create_default_context(cafile=cafile or _default_cafile())
    try:
        wrapped = context.wrap_socket(sock, server_hostname=host)
    except ssl.SSLCertVerificationError as exc:
        sock.close()
        reason = exc.verify_message or "it could not be verified"
        raise FetchError(
            f"Could not download {url}: the certificate of {host} is not valid ({reason}); "
            "someone may be impersonating the site"
        ) from None
    except (ssl.SSLError, OSError) as exc:
        sock.close()
        watch.check()
        raise FetchError(
            f"Could not download {url}: no secure connection to {host} ({exc})"
        ) from None
    watch.guard(wrapped)
    return wrapped


def _default_cafile() -> str | None:
    try:
        import certifi
    except ImportError:  # pragma: no cover - installed with trafilatura
        return None
    return certifi.where()


def _exchange(
    url: str, sock: socket.socket, parts, watch: _Watch, max_bytes: int
) -> tuple[int, str, FetchedPage]:
    connection = http.client.HTTPConnection(parts.hostname, parts.port)
    connection.sock = sock
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request(
            "GET",
            target,
            headers={
                "User-Agent": _USER_AGENT,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "identity",
                "Connection": "close",
            },
        )
        response = connection.getresponse()
        empty = FetchedPage(url, b"", "")
        if response.status in _REDIRECTS:
            return response.status, response.getheader("Location") or "", empty
        if response.status != 200:
            return response.status, "", empty
        _check_length(url, response.getheader("Content-Length"), max_bytes)
        body = _read_capped(url, response, watch, max_bytes)
        return 200, "", FetchedPage(
            url, body, response.headers.get_content_charset() or "",
            _header(response, "Last-Modified"), _header(response, "ETag"),
        )  # fmt: skip
    except (OSError, http.client.HTTPException) as exc:
        watch.check()
        raise FetchError(f"Could not download {url}: the connection failed ({exc})") from None


def _check_length(url: str, header: str | None, max_bytes: int) -> None:
    with contextlib.suppress(TypeError, ValueError):
        if int(header) > max_bytes:  # type: ignore[arg-type]
            raise FetchError(_too_large(url, max_bytes))


def _read_capped(url: str, response, watch: _Watch, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        watch.check()
        chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        watch.check()
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise FetchError(_too_large(url, max_bytes))
        chunks.append(chunk)


def _too_large(url: str, max_bytes: int) -> str:
    return (
        f"Could not download {url}: the page is larger than {max_bytes // 2**20} MB "
        "(is this really one article?)"
    )


def _header(response, name: str) -> str:
    """A response header as one printable line (it is shown in reports), or ""."""
    value = response.getheader(name) or ""
    return " ".join("".join(c if c.isprintable() else " " for c in value).split())[:512]
