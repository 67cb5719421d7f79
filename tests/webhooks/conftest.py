from __future__ import annotations

import pytest

from tests.webhooks.helpers import Receiver


@pytest.fixture
def receiver_factory():
    started: list[Receiver] = []

    def start(statuses, **kwargs) -> Receiver:
        receiver = Receiver(statuses, **kwargs)
        started.append(receiver)
        return receiver

    yield start
    for receiver in started:
        receiver.stop()
