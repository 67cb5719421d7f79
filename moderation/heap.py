"""Long-lived processes: what they load at start is set aside from Python's cyclic garbage collector.

A web process or a worker holds from its start on the objects of the modules it imported (Flask, SQLAlchemy and the
rest; a worker also torch and transformers), the content rules' word lists and language model, and in a worker the
model's Python side: about 195,000 objects the collector tracks in a web process, 530,000 with the model loaded.
They live as long as the process. The collector's full (oldest-generation) pass still walks every one of them,
holding the GIL, whenever enough new objects have survived. On 2 cores under 50 posting clients (bench/peer.py) such
a pass took 133-144 ms in a web process and 319-350 ms in the scoring worker while the posts ran. A pass that falls
while its process holds SQLite's write lock stalls every writer: the scoring worker's longest holds of the lock
(319-415 ms a run) were such passes, and with the heap frozen its longest were 68-83 ms (docs/benchmarks.md, twenty-
first session).

``gc.freeze()`` (the standard library's, since Python 3.7) moves every object alive at that moment into a
permanent generation that the collector ignores in all later collections. It is called once, after
the process has loaded what it keeps; what is created afterwards is collected as before. Objects frozen and
later dropped are freed by reference counting as usual; only a reference cycle among them is never reclaimed,
which for modules and models loaded once is no loss.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)


def freeze_startup_heap(process: str) -> None:
    """Collect once, then freeze everything alive, and log how many objects that is."""
    log.info("%s: %d objects loaded at start set aside from the garbage collector", process, _collect_and_freeze())


def freeze_after_first_job(process: str) -> None:
    """Once more after a worker's first job: what a job loads on first use and keeps (the hostility heads, the
    tokeniser's and SQLAlchemy's caches, a site's model) is long-lived too. Logs how many objects it adds."""
    added = _collect_and_freeze()
    log.info("%s: %d more objects, loaded by its first job, set aside from the garbage collector", process, added)


def _collect_and_freeze() -> int:
    """``gc.collect()`` then ``gc.freeze()``; how many objects this froze."""
    before = gc.get_freeze_count()
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count() - before
