"""A real SMTP server on loopback, in its own process (aiosmtpd), that keeps what it receives in a Maildir."""

from __future__ import annotations

import email
import email.policy
import mailbox
import re
import socket
import subprocess
import sys
import time
from email.message import Message
from urllib.parse import urlsplit

import pytest

from moderation.extensions import db
from moderation.models import Case
from tests.conftest import auth, free_port, review, run_worker, submit
from tests.console.conftest import fast_password_hashing  # noqa: F401 - pytest fixture


class SmtpServer:
    """``aiosmtpd`` started as a separate process; ``start``/``stop`` simulate a mail server going down and up."""

    def __init__(self, directory: str, port: int):
        self.directory = directory
        self.port = port
        self.url = f"smtp://127.0.0.1:{port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.port}",
             "-c", "aiosmtpd.handlers.Mailbox", self.directory],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("aiosmtpd did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None

    def messages(self) -> list[Message]:
        def parse(handle):
            return email.message_from_binary_file(handle, policy=email.policy.default)

        return sorted(mailbox.Maildir(self.directory, factory=parse, create=True), key=lambda m: m["Message-ID"])


@pytest.fixture
def smtp_server(tmp_path):
    server = SmtpServer(str(tmp_path / "maildir"), free_port())
    mailbox.Maildir(server.directory, create=True)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp_app(make_app, smtp_server):
    return make_app(
        SMTP_URL=smtp_server.url, MAIL_RETRY_INTERVALS=[1, 1, 1], MAIL_SWEEP_AFTER_S=0, PUBLIC_URL="http://shop.example"
    )


def run_mail_worker(app) -> None:
    """Work the ``mail`` queue to the end with a real rq worker (its maintenance moves due retries and sweeps)."""
    run_worker_on(app, ["mail"])


def run_worker_on(app, queues: list[str]) -> None:
    from moderation.worker import build_worker
    from tests.stubs import make_stub

    build_worker(app, make_stub, queues).work(burst=True)


def body_of(message: Message) -> str:
    return message.get_content()


def link_in(text: str, prefix: str) -> str:
    """The path and query of the first link in a mail whose path starts with ``prefix`` (``/mail/confirm/``)."""
    match = re.search(rf"https?://[^/\s]+{re.escape(prefix)}\S*", text)
    assert match, f"no {prefix} link in:\n{text}"
    parts = urlsplit(match.group(0))
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def reviewer(email: str = "lea@example.com", notify: bool = True, name: str = "Lea") -> dict:
    return {"name": name, "email": email, "notify": notify}


def open_case(app, client, **payload) -> int:
    """Submit a review through the API (scored by the worker) and return the id of its case."""
    response = submit(client, review(**payload))
    assert response.status_code == 202, response.get_json()
    run_worker(app)
    with app.app_context():
        return db.session.query(Case).filter_by(item_id=response.get_json()["id"]).one().id


def act(client, token: str, case_id: int, action: str, payload: dict | None = None):
    response = client.post(f"/api/v1/cases/{case_id}/{action}", json=payload, headers=auth(token))
    assert response.status_code in (200, 201), response.get_json()
    return response
