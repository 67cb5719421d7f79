"""A real HTTP server on loopback serving feeds and exports, with ETag and conditional GET, recording each request."""

from __future__ import annotations

import hashlib
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DATA = os.path.join(os.path.dirname(__file__), "data")


def data_path(name: str) -> str:
    return os.path.join(DATA, name)


def read_data(name: str) -> bytes:
    with open(data_path(name), "rb") as fh:
        return fh.read()


class FeedServer:
    """Serves ``routes`` ({path: (content type, body)}, or ("redirect", location)); answers 304 when If-None-Match
    names the body's ETag.

    ``requests`` records (path, If-None-Match sent, status answered).
    """

    def __init__(self, routes: dict[str, tuple[str, bytes]]):
        self.routes = dict(routes)
        self.requests: list[tuple[str, str | None, int]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                route = server.routes.get(self.path)
                sent = self.headers.get("If-None-Match")
                if route is None:
                    status, body, headers = 404, b"", {}
                elif route[0] == "redirect":
                    status, body, headers = 302, b"", {"Location": route[1].decode()}
                else:
                    content_type, body = route
                    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                    headers = {"Content-Type": content_type, "ETag": etag}
                    status = 304 if sent == etag else 200
                    if status == 304:
                        body = b""
                server.requests.append((self.path, sent, status))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)
