"""Every message the code and the templates mark for translation has a French translation, with the same
placeholders (issue #20: "every UI string and reason translated, checked by a test that fails on an untranslated
message"). The messages are extracted from the source as `pybabel extract` does (babel.cfg), so a new `_()` in a
template or in Python fails here until moderation/translations/fr/LC_MESSAGES/messages.po has it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "moderation/translations/fr/LC_MESSAGES/messages.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdf]")


def extracted(tmp_path: Path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-c", "from babel.messages.frontend import main; main()",
         "extract", "-F", "babel.cfg", "-k", "_l", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    with pot.open("rb") as handle:
        return [m for m in read_po(handle) if m.id]


def singular(value) -> str:
    return value[0] if isinstance(value, (tuple, list)) else value


def all_strings(value) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


def test_every_marked_message_has_a_french_translation_with_the_same_placeholders(tmp_path):
    messages = extracted(tmp_path)
    assert len(messages) > 300  # the extraction really read the code and the templates
    with CATALOG.open("rb") as handle:
        french = read_po(handle, locale="fr")
    missing, broken = [], []
    for message in messages:
        translated = french.get(message.id, message.context)
        strings = translated.string if translated is not None else ""
        strings = list(strings) if isinstance(strings, (tuple, list)) else [strings]
        where = f"{message.locations[0][0]}:{message.locations[0][1]}" if message.locations else "?"
        if translated is None or translated.fuzzy or not all(strings):
            missing.append(f"{where}: {singular(message.id)!r}")
            continue
        wanted = set(PLACEHOLDER.findall(singular(message.id)))
        if any(set(PLACEHOLDER.findall(s)) != wanted for s in strings):
            broken.append(f"{where}: {singular(message.id)!r} -> {strings!r}")
    assert not missing, "untranslated (add them to messages.po, then pybabel compile):\n" + "\n".join(missing)
    assert not broken, "placeholders differ:\n" + "\n".join(broken)


def test_the_compiled_catalog_is_not_older_than_its_source():
    compiled = CATALOG.with_suffix(".mo")
    with CATALOG.open("rb") as handle:
        source = {singular(m.id): m.string for m in read_po(handle, locale="fr") if m.id and not m.fuzzy}
    from babel.messages.mofile import read_mo  # only this test reads a .mo

    with compiled.open("rb") as handle:
        built = {singular(m.id): m.string for m in read_mo(handle) if m.id}
    stale = [k for k, v in source.items() if all(all_strings(v)) and all_strings(built.get(k, "")) != all_strings(v)]
    assert not stale, "messages.mo is out of date (pybabel compile -f -d moderation/translations): " + repr(stale[:5])


def test_every_reason_state_and_status_code_has_a_label():
    """The console never shows a raw code (`personal_data`, `held`): each has a marked, hence translated, label."""
    from moderation.console.template_globals import (  # the console's labels
        ITEM_STATUS_LABELS,
        REASON_LABELS,
        STATE_LABELS,
    )
    from moderation.vocabulary import CaseState, ItemStatus, Reason

    assert set(Reason) <= set(REASON_LABELS), set(Reason) - set(REASON_LABELS)
    assert set(CaseState) <= set(STATE_LABELS), set(CaseState) - set(STATE_LABELS)
    assert set(ItemStatus) <= set(ITEM_STATUS_LABELS), set(ItemStatus) - set(ITEM_STATUS_LABELS)
    with CATALOG.open("rb") as handle:
        french = read_po(handle, locale="fr")
    for label in [*REASON_LABELS.values(), *STATE_LABELS.values(), *ITEM_STATUS_LABELS.values()]:
        entry = french.get(label._args[0])  # a lazy string keeps its msgid
        assert entry is not None and entry.string, label._args[0]
