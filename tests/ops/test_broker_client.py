"""One Redis client per app, whichever thread asks first (``broker.get_redis``)."""

from __future__ import annotations

import threading
import time

from moderation import broker
from moderation.broker import get_redis


def test_threads_that_ask_at_once_share_one_client(app, monkeypatch):
    # gunicorn's threads all ask on their first requests. Two clients, one replacing the other, was a 500 after a
    # committed submission: the replaced client, no longer referenced, closed its pool on garbage collection while
    # another thread's pipeline was connecting through it (redis-py: "'NoneType' object has no attribute
    # 'readline'").
    build = broker.redis_from_url

    def slow_build(*args, **kwargs):  # a client takes a while to build: the window two threads could both enter
        time.sleep(0.01)
        return build(*args, **kwargs)

    monkeypatch.setattr(broker, "redis_from_url", slow_build)
    for _ in range(5):
        app.extensions.pop("moderation.redis", None)
        clients = ask_at_once(app, 16)
        assert len({id(client) for client in clients}) == 1
        assert clients[0] is app.extensions["moderation.redis"]


def ask_at_once(app, threads: int) -> list:
    start = threading.Barrier(threads)
    clients: list = []

    def ask():
        start.wait()
        clients.append(get_redis(app))

    running = [threading.Thread(target=ask) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    return clients
