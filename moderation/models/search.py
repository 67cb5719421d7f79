"""The ``search_text`` columns follow the text they fold, whichever path writes it (API, import, console, erasure).

On the mapper rather than in each service, like the session-ending listener of ``core``: a path added later is
covered too. A bulk ``UPDATE`` statement bypasses mapper events; none rewrites these texts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect

from ..extensions import db
from ..folding import fold_fields
from .core import Author, Item, Subject

# Per table, the columns folded into its search_text, in order.
SEARCHED: dict[type[db.Model], tuple[str, ...]] = {
    Item: ("title", "body"),
    Author: ("name", "email"),
    Subject: ("external_id", "title"),
}


def _fold_on_insert(mapper: Any, connection: Any, target: Any) -> None:
    target.search_text = fold_fields(*(getattr(target, name) for name in SEARCHED[type(target)]))


def _fold_on_update(mapper: Any, connection: Any, target: Any) -> None:
    names = SEARCHED[type(target)]
    state = inspect(target)
    if any(state.attrs[name].history.has_changes() for name in names):
        target.search_text = fold_fields(*(getattr(target, name) for name in names))


for _model in SEARCHED:
    event.listen(_model, "before_insert", _fold_on_insert)
    event.listen(_model, "before_update", _fold_on_update)
