"""The console's sign-in fixtures, shared with the security tests."""

from tests.console.conftest import as_ann, as_root, fast_password_hashing  # noqa: F401
