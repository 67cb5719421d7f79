"""The widget's browser fixtures, shared with tests/widget."""

from tests.widget.conftest import context, live, page, serve  # noqa: F401  (fixtures)
