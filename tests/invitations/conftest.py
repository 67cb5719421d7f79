from tests.console.conftest import fast_password_hashing  # noqa: F401 - pytest fixture
from tests.mail.conftest import smtp_app, smtp_server  # noqa: F401 - pytest fixtures
from tests.widget.conftest import context, live, page, serve  # noqa: E402, F401 - pytest fixtures for the browser test
