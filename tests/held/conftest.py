"""The console's fixtures (live server), shared with tests/console."""

from tests.console.conftest import fast_password_hashing, live_server  # noqa: F401 - pytest fixtures
