"""Fetching a URL against servers on 127.0.0.1: certificates, deadline, size cap, Cancel.

No test here touches the internet. The servers are local, so each call passes
``allow_local=True``, which only tests do; the first tests check that the
application's own calls refuse local addresses.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from core.ingest.load import MAX_HTML_BYTES
from core.web.fetch import MAX_BYTES, FetchCancelled, FetchError, fetch_page

PAGE = b"<html><head><title>Fire</title></head><body><p>The ferry burned.</p></body></html>"


def fetch_html(url, **options):
    """(final URL, body, charset) of a page, the three things most tests look at."""
    page = fetch_page(url, **options)
    return page.final_url, page.body, page.charset


@contextmanager
def raw_server(handle: Callable[[socket.socket], None]) -> Iterator[int]:
    """A TCP server on 127.0.0.1 that runs ``handle(connection)`` per client; yields its port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()
    connections: list[socket.socket] = []

    def serve() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            connections.append(conn)
            threading.Thread(target=_quietly, args=(handle, conn, stop), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(2)
        for conn in connections:
            conn.close()
        listener.close()


def _quietly(handle, conn, stop) -> None:
    with contextlib.suppress(OSError):
        handle(conn, stop)


def _read_request(conn: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return
        data += chunk


def serve_page(body: bytes = PAGE, *, length: bool = True):
    def handle(conn, _stop):
        _read_request(conn)
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n"
        if length:
            head += b"Content-Length: %d\r\n" % len(body)
        conn.sendall(head + b"\r\n" + body)
        conn.close()

    return handle


def drip(conn, stop):
    """Headers at once, then one byte now and then, forever."""
    _read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>")
    while not stop.is_set():
        conn.sendall(b" ")
        time.sleep(0.05)


def silent(_conn, stop):
    """Accepts and never answers."""
    stop.wait(60)


def in_thread(call: Callable[[], object]) -> tuple[threading.Thread, list]:
    outcome: list = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # noqa: BLE001
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


# -- local addresses ----------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x",
        "http://localhost/x",
        "http://10.1.2.3/x",
        "http://[::1]/x",
        "http://169.254.169.254/latest/meta-data",
        "file:///etc/passwd",
        "ftp://example.org/x",
    ],
)
def test_local_and_non_web_addresses_are_refused(url):
    with pytest.raises(FetchError, match="local or private|only http"):
        fetch_html(url, deadline=5)


def test_a_local_page_loads_when_tests_allow_it():
    with raw_server(serve_page()) as port:
        url, body, charset = fetch_html(f"http://127.0.0.1:{port}/a", allow_local=True)
    assert (body, charset) == (PAGE, "utf-8")
    assert url.endswith("/a")


# -- certificates -------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def tls_page(cert: Path, key: Path):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    plain = serve_page()

    def handle(conn, stop):
        try:
            wrapped = context.wrap_socket(conn, server_side=True)
        except (ssl.SSLError, OSError):
            return  # the client refused our certificate
        plain(wrapped, stop)

    return handle


def test_an_invalid_certificate_is_an_error_naming_the_host(certificate):
    with raw_server(tls_page(*certificate)) as port, pytest.raises(FetchError) as caught:
        fetch_html(f"https://127.0.0.1:{port}/a", allow_local=True, deadline=10)
    message = str(caught.value)
    assert "certificate of 127.0.0.1 is not valid" in message
    assert "\n" not in message


def test_a_trusted_certificate_loads_the_page(certificate):
    cert, _key = certificate
    with raw_server(tls_page(*certificate)) as port:
        _url, body, _ = fetch_html(
            f"https://127.0.0.1:{port}/a", allow_local=True, cafile=str(cert), deadline=10
        )
    assert body == PAGE


# -- one deadline, a size cap, Cancel -----------------------------------------


@pytest.mark.parametrize("server", [drip, silent], ids=["slow-drip", "silent"])
def test_the_whole_download_has_one_deadline(server):
    with raw_server(server) as port:
        thread, outcome = in_thread(
            lambda: fetch_html(f"http://127.0.0.1:{port}/", allow_local=True, deadline=1)
        )
        thread.join(30)  # a bound for a hung test, not a speed figure
        assert not thread.is_alive(), "the deadline did not end the download"
    (error,) = outcome
    assert isinstance(error, FetchError) and "within 1 seconds" in str(error)


@pytest.mark.parametrize("length", [True, False], ids=["announced", "unannounced"])
def test_downloads_over_the_cap_are_refused(length):
    body = b"<html>" + b"x" * (300 * 1024) + b"</html>"
    with raw_server(serve_page(body, length=length)) as port:
        url = f"http://127.0.0.1:{port}/"
        with pytest.raises(FetchError, match="larger than"):
            fetch_html(url, allow_local=True, max_bytes=100 * 1024)


def test_download_cap_is_the_saved_page_cap():
    assert MAX_BYTES == MAX_HTML_BYTES


@pytest.mark.parametrize("server", [drip, silent], ids=["slow-drip", "silent"])
def test_cancel_stops_a_running_download(server):
    cancel = threading.Event()
    with raw_server(server) as port:
        thread, outcome = in_thread(
            lambda: fetch_html(
                f"http://127.0.0.1:{port}/", allow_local=True, deadline=120,
                cancelled=cancel.is_set,
            )
        )  # fmt: skip
        time.sleep(0.3)
        assert thread.is_alive()
        cancel.set()
        thread.join(10)  # a bound for a hung test, not a speed figure
        assert not thread.is_alive(), "Cancel did not stop the download"
    (error,) = outcome
    assert isinstance(error, FetchCancelled)


def test_fetch_page_reports_final_url_and_validators():
    """Last-Modified and ETag of the final answer are kept (they become the provenance)."""
    from core.web.fetch import fetch_page

    def handle(conn, _stop):
        _read_request(conn)
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Last-Modified: Mon, 30 Nov 2026 08:00:00 GMT\r\nETag: \"v1\x01\"\r\n"
            b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(PAGE) + PAGE
        )

    with raw_server(handle) as port:
        page = fetch_page(f"http://127.0.0.1:{port}/a", allow_local=True)
    assert page.final_url == f"http://127.0.0.1:{port}/a" and page.body == PAGE
    assert page.last_modified == "Mon, 30 Nov 2026 08:00:00 GMT"
    assert page.etag == '"v1 "'  # a control character in a header is never passed on
