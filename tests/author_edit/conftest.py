from tests.console.conftest import as_ann, as_root, fast_password_hashing  # noqa: F401 - pytest fixtures
from tests.widget.conftest import context, live, page, serve  # noqa: F401 - pytest fixtures
