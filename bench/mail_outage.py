"""A mail server down for 60 s loses no mail (issue #14): `moderation serve` with a real SMTP server on loopback.

    PYTHONPATH=. python bench/mail_outage.py [--before 20] [--during 60] [--down-s 60] [--wait-s 600]

Starts aiosmtpd (its own process, a Maildir) and `moderation serve` on a throwaway data directory with
``MODERATION_SMTP_URL`` pointing at it (stub scorer: this is about mail, not the model). Each review is posted
through the site token with ``author.notify`` and a new e-mail address, so each one makes exactly one mail (the
double opt-in confirmation). ``--before`` reviews are posted while the server is up; then the server stops for
``--down-s`` seconds while ``--during`` more are posted, spread over the outage; then it starts again. The script
waits until the Maildir holds every mail (or ``--wait-s`` passes) and prints how many were written, delivered,
lost and duplicated, and how long after the restart the last one arrived (retries back off: 10, 30, 60 s…, and
the worker's sweep re-enqueues an unsent mail after ``MAIL_SWEEP_AFTER_S``).
"""

from __future__ import annotations

import argparse
import email
import email.policy
import mailbox
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve import free_port, post_review, start_serve  # noqa: E402  (bench/serve.py: starts and reads `moderation serve`)


class Smtp:
    def __init__(self, directory: str, port: int):
        self.directory, self.port, self.proc = directory, port, None
        mailbox.Maildir(directory, create=True)

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.port}",
             "-c", "aiosmtpd.handlers.Mailbox", self.directory],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("aiosmtpd did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)

    def recipients(self) -> list[str]:
        box = mailbox.Maildir(
            self.directory, factory=lambda f: email.message_from_binary_file(f, policy=email.policy.default)
        )
        return [str(message["To"]) for message in box]


def post(base: str, token: str, n: int) -> None:
    post_review(base, token, {
        "kind": "review", "rating": 4, "body": f"Outage bench review {n}: bright enough for my desk.",
        "author": {"name": f"Reader {n}", "email": f"reader{n}@bench.example", "notify": True},
    })  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=int, default=20, help="reviews posted while the mail server is up")
    parser.add_argument("--during", type=int, default=60, help="reviews posted while it is down")
    parser.add_argument("--down-s", type=float, default=60.0)
    parser.add_argument("--wait-s", type=float, default=600.0)
    parser.add_argument("--port", type=int, default=8767)
    args = parser.parse_args()

    smtp = Smtp(os.path.join(tempfile.mkdtemp(prefix="moderation-bench-mail-"), "maildir"), free_port())
    smtp.start()
    serve_args = argparse.Namespace(port=args.port, web_workers=2, web_threads=4, classifier="tests.stubs:make_stub")
    proc, base, token = start_serve(serve_args, {"MODERATION_SMTP_URL": f"smtp://127.0.0.1:{smtp.port}"})
    try:
        expected = {f"reader{n}@bench.example" for n in range(args.before + args.during)}
        for n in range(args.before):
            post(base, token, n)
        smtp.stop()
        down_at = time.monotonic()
        for n in range(args.before, args.before + args.during):
            post(base, token, n)
            time.sleep(args.down_s / max(1, args.during))
        time.sleep(max(0.0, args.down_s - (time.monotonic() - down_at)))
        smtp.start()
        up_at = time.monotonic()
        print(f"mail server down {up_at - down_at:.0f} s; {args.during} of {len(expected)} reviews posted meanwhile")
        last_new, seen = up_at, 0
        while time.monotonic() - up_at < args.wait_s:
            got = smtp.recipients()
            if len(got) != seen:
                seen, last_new = len(got), time.monotonic()
            if expected <= set(got):
                break
            time.sleep(1)
        got = smtp.recipients()
        ours = [to for to in got if to in expected]
        lost = len(expected - set(ours))
        print(f"mails written {len(expected)}, delivered {len(set(ours))}, lost {lost}, "
              f"duplicates {len(ours) - len(set(ours))}")  # fmt: skip
        print(f"last mail arrived {last_new - up_at:.0f} s after the server came back (retries back off)")
        print("target: a mail server down for 60 s loses no mail (0 lost)")
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=60)
        if smtp.proc and smtp.proc.poll() is None:
            smtp.stop()


if __name__ == "__main__":
    main()
