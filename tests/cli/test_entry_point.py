"""The `moderation` entry point: every command in one group, and no torch for `--help`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

COMMANDS = {
    "serve",
    "worker",
    "sweep",
    "site",
    "moderator",
    "token",
    "author",
    "import",
    "invite",
    "import-forum",
    "feed",
    "demo",
    "model",
    "rescore",
    "health",
    "webhook",
    "retention",
    "subject",
}


def test_help_lists_every_command_without_importing_torch(tmp_path):
    script = (
        "import sys\n"
        "from moderation.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
        "heavy = sorted(m for m in ('torch', 'transformers') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env.update({"PYTHONPATH": str(ROOT), "MODERATION_DATA_DIR": str(tmp_path)})
    result = subprocess.run([sys.executable, "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True,
                            timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout
    listed = {line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line.strip()}
    assert COMMANDS <= listed


def test_the_app_and_the_group_carry_the_same_commands(app):
    from moderation.cli import COMMANDS as registered
    from moderation.cli import cli

    assert {c.name for c in registered} == COMMANDS
    assert COMMANDS <= set(cli.commands) and COMMANDS <= set(app.cli.commands)


def test_model_commands_need_no_app():
    """`model eval` and `prepare-data` are plain click: the classifier side reads no database."""
    from click.testing import CliRunner

    from moderation.cli.model import model_group

    result = CliRunner().invoke(model_group, ["--help"])
    assert result.exit_code == 0 and {"train", "eval", "prepare-data"} <= set(model_group.commands)


def test_model_train_from_db_reads_the_platform_through_the_app(runner, world, tmp_path):
    """No labelled item yet: the command says so before any torch import."""
    result = runner.invoke(args=["model", "train", "--from-db", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "database: 0 labelled texts" in result.output
    assert "nothing to train on" in result.output
