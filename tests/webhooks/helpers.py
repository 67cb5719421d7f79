"""A real webhook receiver on loopback, and the verification function from docs/webhooks.md."""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from moderation.extensions import db
from moderation.services import webhooks
from moderation.services.accounts import get_site
from moderation.worker import build_worker
from tests.stubs import make_stub

DOC = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"
SECRET = "whsec_test_" + "s" * 24


def doc_verifier():
    """``verify_moderation_signature`` exactly as the docs print it (the first Python block)."""
    code = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S).group(1)
    namespace: dict = {}
    exec(compile(code, str(DOC), "exec"), namespace)  # noqa: S102 - our own documentation, run to prove it works
    return namespace["verify_moderation_signature"]


class Receiver:
    """An http.server on 127.0.0.1 that checks each request's signature and answers the next scripted status."""

    def __init__(self, statuses: list[int], secret: str = SECRET, headers: dict[str, str] | None = None):
        self.statuses = list(statuses)
        self.received: list[dict] = []
        verify = doc_verifier()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                signature = self.headers.get("Moderation-Signature", "")
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                receiver.received.append(
                    {
                        "path": self.path,
                        "host": self.headers.get("Host"),
                        "body": body,
                        "signature": signature,
                        "verified": verify(secret, signature, body),
                        "status": status,
                    }
                )
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, host: str = "127.0.0.1", path: str = "/hooks") -> str:
        return f"http://{host}:{self.port}{path}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def add_endpoint(app, url: str, events=(), allow_private=True, site="shop") -> int:
    with app.app_context():
        endpoint = webhooks.add_endpoint(get_site(site), url, SECRET, list(events), allow_private)
        db.session.commit()
        return endpoint.id


def work_webhooks(app) -> None:
    """Work the webhooks queue to the end with a real rq SimpleWorker (its maintenance sweeps due deliveries)."""
    build_worker(app, make_stub, queues=[app.config["WEBHOOK_QUEUE"]]).work(burst=True)
