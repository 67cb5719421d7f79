"""1,000 webhook events with the receiver down for 30 s: none lost (issue #17).

    PYTHONPATH=. python bench/webhook_outage.py [--events 1000] [--down-s 30] [--wait-s 900]

Starts `moderation serve` on a throwaway data directory (stub scorer: this is about delivery), adds a signed
endpoint for ``item.created`` (`moderation webhook add … --allow-private`: the receiver is on loopback) and a
receiver on loopback that checks each ``Moderation-Signature`` (HMAC-SHA256 of ``"<t>.<body>"``, at most 5 min
old) and keeps the event ids. Reviews are posted through the site token, one event each; the receiver stops for
``--down-s`` seconds in the middle of the posting and starts again on the same port. The script then waits until
every event arrived (or ``--wait-s`` passes) and prints events made, delivered, lost, duplicates, bad signatures,
and how long after the receiver came back the last one arrived (the platform's own backoff: 60 s, 120 s, …).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve import ROOT, free_port, post_review, start_serve  # noqa: E402  (bench/serve.py: starts and reads `moderation serve`)

SECRET = "bench-webhook-secret-0123456789"


class Receiver:
    def __init__(self, port: int):
        self.port, self.server = port, None
        self.ids: list[str] = []
        self.bad = 0
        self.last_at = 0.0
        self.lock = threading.Lock()

    def handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                parts = dict(p.split("=", 1) for p in self.headers.get("Moderation-Signature", "").split(","))
                expected = hmac.new(SECRET.encode(), f"{parts.get('t')}.".encode() + body, hashlib.sha256).hexdigest()
                fresh = abs(time.time() - int(parts.get("t", 0))) < 300
                with receiver.lock:
                    if hmac.compare_digest(expected, parts.get("v1", "")) and fresh:
                        receiver.ids.append(json.loads(body)["id"])
                        receiver.last_at = time.monotonic()
                    else:
                        receiver.bad += 1
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        return Handler

    def start(self) -> None:
        ThreadingHTTPServer.allow_reuse_address = True
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), self.handler())
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def post(base: str, token: str, n: int) -> None:
    post_review(base, token, {"kind": "review", "rating": 5, "body": f"Webhook bench review {n}: a fine lamp.",
                              "author": {"name": f"Reader {n}"}})  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--down-s", type=float, default=30.0)
    parser.add_argument("--wait-s", type=float, default=900.0)
    parser.add_argument("--port", type=int, default=8768)
    args = parser.parse_args()

    receiver = Receiver(free_port())
    receiver.start()
    serve_args = argparse.Namespace(port=args.port, web_workers=2, web_threads=4, classifier="tests.stubs:make_stub")
    proc, base, token = start_serve(serve_args, {})
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
        env.update(MODERATION_DATA_DIR=proc.data_dir, PYTHONPATH=ROOT)
        url = f"http://127.0.0.1:{receiver.port}/hooks"
        subprocess.run([sys.executable, "-m", "moderation", "webhook", "add", "demo", url, "--secret", SECRET,
                        "--event", "item.created", "--allow-private"], env=env, cwd=ROOT, check=True)  # fmt: skip
        time.sleep(6)  # the web processes cache a site's endpoints for PUBLIC_CACHE_S (5 s)
        third = args.events // 3
        started = time.monotonic()
        for n in range(third):
            post(base, token, n)
        receiver.stop()
        down_at = time.monotonic()
        for n in range(third, args.events):
            post(base, token, n)
            if time.monotonic() - down_at >= args.down_s:
                break
        remaining = range(n + 1, args.events)
        time.sleep(max(0.0, args.down_s - (time.monotonic() - down_at)))
        receiver.start()
        up_at = time.monotonic()
        for n in remaining:
            post(base, token, n)
        print(
            f"{args.events} reviews posted in {time.monotonic() - started:.0f} s; receiver down {up_at - down_at:.0f} s"
        )
        while time.monotonic() - up_at < args.wait_s:
            with receiver.lock:
                if len(set(receiver.ids)) >= args.events:
                    break
            time.sleep(1)
        with receiver.lock:
            unique = len(set(receiver.ids))
            print(f"events made {args.events}, delivered {unique}, lost {args.events - unique}, "
                  f"duplicates {len(receiver.ids) - unique}, bad signatures {receiver.bad}")  # fmt: skip
            print(f"last event arrived {receiver.last_at - up_at:.0f} s after the receiver came back")
        print("target: 1,000 events with the receiver down for 30 s, nothing lost")
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=60)


if __name__ == "__main__":
    main()
