from tests.console.conftest import as_ann, as_root, fast_password_hashing, live_server  # noqa: F401 - pytest fixtures
