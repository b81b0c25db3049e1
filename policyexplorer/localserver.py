"""A quiet local HTTP server over a folder, for the browser tests, the benchmark and screenshots."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Files of a folder, without a log line per request (it would bury a build's own lines)."""

    def log_message(self, *args):
        pass


def serve(directory: Path) -> http.server.ThreadingHTTPServer:
    """Serve `directory` on 127.0.0.1 (any free port) from a daemon thread; call .shutdown() when done."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd
