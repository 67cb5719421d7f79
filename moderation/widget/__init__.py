"""The embeddable widget: its script, the helpful-vote endpoint, and the /demo pages.

``bp`` has no URL prefix: it serves ``/widget.js`` (what integrators paste), ``/widget/<chunk>.js``
(the posting form, loaded on demand), ``/api/v1/sites/<site>/items/<id>/helpful`` and ``/demo``.
Its CLI group is ``demo`` (``moderation demo load``).
"""

from flask import Blueprint

bp = Blueprint("widget", __name__, cli_group="demo")
bp.cli.help = "The widget demo: the 'demo' site and its sample reviews and article thread."

from . import assets, demo, votes  # noqa: E402,F401  (routes register on import)
