"""A web server on 127.0.0.1 whose pages a test changes between fetches.

The application refuses local addresses; ``allow_local_fetches`` lets this
server through for one test by wrapping ``core.web.fetch.fetch_page`` with the
test-only ``allow_local=True``.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROSE = (
    "<p>Rescue teams worked through the night after the ferry caught fire off the northern "
    "coast, the harbour authority said in a statement on Tuesday morning.</p>"
    "<p>Officials said that {dead} people were killed and more than forty were taken to "
    "hospital in the port town, where relatives waited outside the main gate for news.</p>"
    "<p>The vessel had left the port with about three hundred passengers on board. The cause "
    "of the fire is being investigated, a spokesperson for the coast guard told reporters.</p>"
    "<p>Witnesses described thick smoke rising from the lower deck as passengers gathered on "
    "the upper deck and waited for the lifeboats to be lowered into the water.</p>"
)


def article_page(
    dead: str = "twelve", title: str = "Ferry fire off the northern coast", date: str = "2025-03-14"
) -> bytes:
    """A news page with enough prose to be read as an article; ``dead`` varies between versions."""
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title>"
        "<meta property='og:site_name' content='Harbour Ledger'>"
        f"<meta name='date' content='{date}'></head>"
        f"<body><article><h1>{title}</h1>{PROSE.format(dead=dead)}</article></body></html>"
    ).encode()


class PageServer:
    """Serves ``pages[path]`` (bytes) with status 200; any other path is a 404.

    A path in ``stalled`` is answered only once ``release`` is set (a hung site).
    """

    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {}
        self.hits: list[str] = []
        self.stalled: set[str] = set()
        self.release = threading.Event()
        pages, hits, stalled, release = self.pages, self.hits, self.stalled, self.release

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # http.server's name (pep8-naming allows do_*)
                hits.append(self.path)
                if self.path in stalled:
                    release.wait(30)
                body = pages.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def start(self) -> PageServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


@contextmanager
def page_server() -> Iterator[PageServer]:
    server = PageServer().start()
    try:
        yield server
    finally:
        server.stop()


def allow_local_fetches(monkeypatch) -> None:
    """Let fetches reach this machine for the rest of the test (never done by the app)."""
    import core.web.fetch

    real = core.web.fetch.fetch_page
    monkeypatch.setattr(core.web.fetch, "fetch_page", functools.partial(real, allow_local=True))
