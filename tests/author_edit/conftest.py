from tests.console.conftest import fast_password_hashing  # noqa: F401 - pytest fixture
