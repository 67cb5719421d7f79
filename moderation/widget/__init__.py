"""The embeddable widget: its script, the helpful-vote endpoint, and the /demo pages.

``bp`` has no URL prefix: it serves ``/widget.js`` (what integrators paste), ``/widget/<chunk>.js``
(the posting form, loaded on demand), ``/api/v1/sites/<site>/items/<id>/helpful`` and ``/demo``.
Its demo data loads with ``moderation demo load`` (``moderation/cli/data.py``).
"""

from . import assets, author_links, charter, demo, invitation_page, mail_links, votes  # noqa: F401  (routes register on import)
from .blueprint import bp

__all__ = ["bp"]
