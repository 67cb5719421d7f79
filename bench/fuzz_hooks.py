"""schemathesis hooks for ``bench/api_fuzz.py`` (loaded through ``SCHEMATHESIS_HOOKS``).

The passes pin the path's ``site`` to the seeded site (``"path.site" = "shop"``). In the coverage phase
schemathesis 4.32 still makes negative cases for that parameter (a slug longer than ``maxLength``, …), then
applies the pin over them: the request that goes out carries ``shop``, valid, while the case is still labelled
"schema-violating". A 2xx to it is then reported as ST201 "schema-violating request accepted", though the server
never saw anything invalid. Those cases are dropped here; negative cases on every other part of the request stay.
"""

from __future__ import annotations

import schemathesis
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import CoveragePhaseData

PINNED_PATH_PARAMETERS = {"site"}


@schemathesis.hook
def filter_case(context, case) -> bool:
    meta = case.meta
    if meta is None or not meta.generation.mode.is_negative or not isinstance(meta.phase.data, CoveragePhaseData):
        return True
    data = meta.phase.data
    negated = {(data.parameter_location, data.parameter)}
    negated |= {(m.parameter_location, m.parameter) for m in data.mutations}
    return not any(where == ParameterLocation.PATH and name in PINNED_PATH_PARAMETERS for where, name in negated)
