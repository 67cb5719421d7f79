from __future__ import annotations

import pytest

from tests.external.helpers import FeedServer


@pytest.fixture
def feed_server():
    started: list[FeedServer] = []

    def start(routes) -> FeedServer:
        server = FeedServer(routes)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


from tests.console.conftest import fast_password_hashing  # noqa: E402, F401  (the console's sign-ins, fast)
