"""The widget's fixtures (a live server with the demo site, a Chromium page) and the mail tests' SMTP server."""

from tests.mail.conftest import smtp_app, smtp_server  # noqa: F401 - pytest fixtures
from tests.widget.conftest import context, live, page, serve  # noqa: F401 - pytest fixtures
