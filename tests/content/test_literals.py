"""``phases.literals.Alternation`` finds exactly what the one big alternation finds, on every text of the labelled
set, for every alternation the rules build with it."""

import importlib
import json
import re
from pathlib import Path

import pytest

from moderation.content.normalise import normalise
from moderation.content.phases.literals import Alternation, needed

# The package exports functions of the same names as these modules: import the modules themselves.
goading, hate, menace, threats = (
    importlib.import_module(f"moderation.content.phases.{name}") for name in ("goading", "hate", "menace", "threats")
)

ROWS = Path(__file__).resolve().parent.parent / "data" / "content_rules.jsonl"
TEXTS = [json.loads(line)["text"] for line in ROWS.read_text(encoding="utf-8").splitlines() if line.strip()]
ALTERNATIONS = {
    "threats": threats._THREAT,
    "menace": menace._MENACE,
    "hate": hate.hate_pattern(),
    "coded": hate._CODED_RE,
    **{f"goading{i}": shape for i, (shape, _) in enumerate(goading._SHAPES) if isinstance(shape, Alternation)},
}
# And every other alternation a phase module keeps at its top level.
for _path in sorted((Path(__file__).resolve().parents[2] / "moderation" / "content" / "phases").glob("*.py")):
    _module = importlib.import_module(f"moderation.content.phases.{_path.stem}")
    for _name, _value in vars(_module).items():
        if isinstance(_value, Alternation) and all(_value is not known for known in ALTERNATIONS.values()):
            ALTERNATIONS[f"{_path.stem}.{_name}"] = _value


@pytest.mark.parametrize("name", sorted(ALTERNATIONS))
def test_the_same_matches_as_the_whole_alternation(name):
    alternation = ALTERNATIONS[name]
    whole = re.compile(alternation.pattern)
    for text in TEXTS:
        for view in (normalise(text).words.text, normalise(text).base.text):
            expected = [(m.start(), m.end()) for m in whole.finditer(view)]
            assert [(m.start(), m.end()) for m in alternation.finditer(view)] == expected, view


def test_a_branch_runs_only_where_its_word_is():
    alternation = Alternation([r"\bi will kill you\b", r"\bje vais te tuer\b"])
    assert needed(re.compile(r"\bi will kill you\b"))
    assert alternation.live("this lamp is lovely") == []
    assert [m.group(0) for m in alternation.finditer("ok je vais te tuer")] == ["je vais te tuer"]


def test_without_the_private_parser_every_branch_runs_and_finds_the_same(monkeypatch):
    from moderation.content.phases import literals

    monkeypatch.setattr(literals, "sre_parse", None)
    alternation = Alternation([r"\bi will kill you\b", r"\bje vais te tuer\b"])
    assert alternation.live("this lamp is lovely") == [0, 1]
    text = "je vais te tuer, i will kill you"
    assert [m.group(0) for m in alternation.finditer(text)] == ["je vais te tuer", "i will kill you"]
