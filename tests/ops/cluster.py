"""A production-shaped cluster on this machine for the scale-out tests: gunicorn, N rq worker processes,
PostgreSQL and Redis; and the load generator (concurrent keep-alive clients) that feeds it."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
NEGATIVE = ["Nul, cassé au bout de deux jours", "Horrible service, déçu", "Worst purchase, broken on arrival"]
POSITIVE = ["Super produit, je recommande", "Great quality, love it", "Parfait, livraison rapide"]
NEUTRAL = ["Reçu hier, à voir à l'usage", "Taille normale", "Colour as on the picture"]


class Cluster:
    """Processes started by a test, stopped (and their logs kept under ``base``) by ``stop``."""

    def __init__(self, base: Path, database_url: str, redis_url: str, *, web_workers: int = 2, stub_delay_s=0.02):
        self.base = base
        self.database_url = database_url
        self.redis_url = redis_url
        self.web_workers = web_workers
        self.web_port = free_port()
        self.stub_log_dir = base / "stub"
        self.stub_log_dir.mkdir(parents=True, exist_ok=True)
        self.metrics_dir = base / "prometheus"
        self.metrics_dir.mkdir(exist_ok=True)
        self.env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "MODERATION_DATABASE_URL": database_url,
            "MODERATION_REDIS_URL": redis_url,
            "MODERATION_DATA_DIR": str(base / "data"),
            "MODERATION_SECRET_KEY": "scale-test-secret-" + "k" * 32,
            "MODERATION_SUBMIT_RATE_LIMIT": "1000000 per minute",
            "MODERATION_SWEEP_AFTER_S": "3",
            "MODERATION_HEARTBEAT_MAX_AGE_S": "30",
            "MODERATION_LOG_LEVEL": "INFO",
            "MODERATION_TEST_STUB_LOG_DIR": str(self.stub_log_dir),
            "MODERATION_TEST_STUB_DELAY_S": str(stub_delay_s),
        }
        for name in ("MODERATION_TEST_DATABASE_URL", "MODERATION_TEST_REDIS_URL", "PROMETHEUS_MULTIPROC_DIR"):
            self.env.pop(name, None)
        self.web: subprocess.Popen | None = None
        self.workers: dict[str, subprocess.Popen] = {}
        self.worker_ports: dict[str, int] = {}
        self.killed: set[str] = set()
        self._logs: list = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def _log(self, name: str):
        fh = open(self.base / f"{name}.log", "ab")
        self._logs.append(fh)
        return fh

    def start_web(self) -> None:
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "python:moderation.gunicorn_conf",
            "--bind",
            f"127.0.0.1:{self.web_port}",
            "--workers",
            str(self.web_workers),
            "moderation:create_app()",
        ]
        env = {**self.env, "PROMETHEUS_MULTIPROC_DIR": str(self.metrics_dir)}
        log = self._log("web")
        self.web = subprocess.Popen(command, env=env, cwd=self.base, stdout=log, stderr=log)

    def start_worker(self, name: str) -> None:
        port = free_port()
        command = [
            sys.executable,
            "-m",
            "moderation",
            "worker",
            "--classifier",
            "tests.stubs:make_stub",
            "--maintenance-interval",
            "2",
            "--metrics-port",
            str(port),
            "--name",
            name,
        ]
        log = self._log(name)
        self.workers[name] = subprocess.Popen(command, env=self.env, cwd=self.base, stdout=log, stderr=log)
        self.worker_ports[name] = port

    def wait_ready(self, n_workers: int, timeout_s: float = 60) -> dict:
        """Until /readyz says ready with ``n_workers`` live workers (gunicorn and the classifiers are up)."""
        deadline = time.monotonic() + timeout_s
        last: object = None
        while time.monotonic() < deadline:
            self.check_alive()
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=5) as response:
                    body = json.loads(response.read())
                    if len(body["checks"]["workers"]) >= n_workers:
                        return body
                    last = body
            except Exception as exc:  # not listening yet, or 503 until the workers report
                last = exc
            time.sleep(0.3)
        raise AssertionError(f"cluster not ready in {timeout_s}s: {last}; logs in {self.base}")

    def check_alive(self) -> None:
        for name, proc in [("web", self.web), *self.workers.items()]:
            if proc is not None and proc.poll() is not None and name not in self.killed:
                raise AssertionError(f"{name} exited with {proc.returncode}; see {self.base / (name + '.log')}")

    def kill_worker(self, name: str) -> None:
        self.killed.add(name)
        self.workers[name].send_signal(signal.SIGKILL)
        self.workers[name].wait(10)

    def kill_worker_mid_batch(self, name: str, timeout_s: float = 20) -> bool:
        """SIGKILL ``name`` right after it hands a batch to the model (its batch is claimed, not committed).

        Returns whether that moment was caught; if not within ``timeout_s``, it is killed anyway.
        """
        log = self.stub_log_dir / f"scored-{self.workers[name].pid}.txt"
        size = log.stat().st_size if log.exists() else 0
        deadline = time.monotonic() + timeout_s
        caught = False
        while time.monotonic() < deadline:
            if log.exists() and log.stat().st_size != size:
                caught = True
                break
            time.sleep(0.001)
        self.kill_worker(name)
        return caught

    def scrape(self, url: str) -> dict[str, float]:
        """Samples of a /metrics page, summed over label sets: {"name{label=value,...}": value, "name": total}."""
        with urllib.request.urlopen(url, timeout=10) as response:
            text = response.read().decode()
        samples: dict[str, float] = {}
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
                samples[f"{sample.name}{{{labels}}}"] = sample.value
                samples[sample.name] = samples.get(sample.name, 0.0) + sample.value
        return samples

    def scrape_web(self) -> dict[str, float]:
        return self.scrape(self.url + "/metrics")

    def scrape_worker(self, name: str) -> dict[str, float]:
        return self.scrape(f"http://127.0.0.1:{self.worker_ports[name]}/metrics")

    def predicted_per_process(self) -> list[int]:
        return [len(p.read_text().splitlines()) for p in sorted(self.stub_log_dir.glob("scored-*.txt"))]

    def stop(self) -> None:
        procs = [p for p in [*self.workers.values(), self.web] if p is not None]
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for fh in self._logs:
            fh.close()


@dataclass
class LoadReport:
    accepted_ids: list[int] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    reconnects: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> str:
        return f"{self.seconds:.1f} s / {len(self.accepted_ids) / max(self.seconds, 1e-9):.0f} items/s"


class LoadGenerator:
    """``clients`` threads, each on one keep-alive HTTP connection, submitting ``total`` reviews as a server
    integration (site token, no Origin). ``progress()`` tells how many were answered so far; ``pause()`` and
    ``resume()`` hold the clients between two requests (the paused time is not counted in the rate)."""

    def __init__(self, url: str, site: str, token: str, total: int, clients: int = 4, subjects: int = 50):
        self.host, _, port = url.removeprefix("http://").partition(":")
        self.port = int(port)
        self.site, self.token, self.total, self.clients, self.subjects = site, token, total, clients, subjects
        self.report = LoadReport()
        self._lock = threading.Lock()
        self._done = 0
        self._threads: list[threading.Thread] = []
        self._started = 0.0
        self._paused_s = 0.0
        self._go = threading.Event()
        self._go.set()
        self._in_flight = 0

    def progress(self) -> int:
        return self._done

    def payload(self, k: int) -> dict:
        rating = 1 + k % 5
        texts = NEGATIVE if rating <= 2 else POSITIVE if rating >= 4 else NEUTRAL
        return {
            "kind": "review",
            "rating": rating,
            "title": f"Avis {k}",
            "body": f"{texts[k % 3]} (#{k})",
            "author": {"name": f"Client {k % 997}"},
        }

    def _client(self, index: int) -> None:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        for k in range(index, self.total, self.clients):
            path = f"/api/v1/sites/{self.site}/subjects/sku-{k % self.subjects}/items"
            body = json.dumps(self.payload(k))
            while True:  # counted in flight only while not paused (pause() clears under the same lock)
                self._go.wait()
                with self._lock:
                    if self._go.is_set():
                        self._in_flight += 1
                        break
            for attempt in range(3):
                try:
                    conn.request("POST", path, body=body, headers={**headers, "X-Request-ID": f"load-{k}"})
                    response = conn.getresponse()
                    data = response.read()
                    break
                except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as exc:
                    # gunicorn recycles a worker (max_requests) by closing its keep-alive connections: the
                    # request was not read. A retry could only duplicate an item if it had been, and the
                    # test's SQL count (items == accepted) would catch that.
                    conn.close()
                    conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                    with self._lock:
                        self.report.reconnects += 1
                    if attempt == 2:
                        with self._lock:
                            self.report.errors.append(f"#{k}: {type(exc).__name__}: {exc}")
                        data, response = None, None
            with self._lock:
                self._done += 1
                self._in_flight -= 1
                if response is None:
                    continue
                self.report.statuses[response.status] = self.report.statuses.get(response.status, 0) + 1
                if response.status == 202:
                    self.report.accepted_ids.append(json.loads(data)["id"])
                elif len(self.report.errors) < 20:
                    self.report.errors.append(f"#{k}: {response.status} {data[:200]!r}")
        conn.close()

    def start(self) -> None:
        self._started = time.monotonic()
        self._threads = [threading.Thread(target=self._client, args=(i,), daemon=True) for i in range(self.clients)]
        for thread in self._threads:
            thread.start()

    def pause(self) -> int:
        """Stop sending and wait for the requests in flight; returns how many were answered."""
        with self._lock:
            self._go.clear()
        self._pause_started = time.monotonic()
        while self._in_flight:
            time.sleep(0.01)
        return self._done

    def resume(self) -> None:
        self._paused_s += time.monotonic() - self._pause_started
        self._go.set()

    def wait_for(self, answered: int, timeout_s: float = 300) -> None:
        deadline = time.monotonic() + timeout_s
        while self._done < answered and time.monotonic() < deadline and any(t.is_alive() for t in self._threads):
            time.sleep(0.05)

    def join(self, timeout_s: float = 300) -> LoadReport:
        for thread in self._threads:
            thread.join(timeout_s)
        assert not any(t.is_alive() for t in self._threads), "load clients did not finish"
        self.report.seconds = time.monotonic() - self._started - self._paused_s
        return self.report
