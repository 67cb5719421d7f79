"""scripts/install: without a GPU its plan holds no CUDA package; a second run only checks.

The plan test asks pip for a real dry run against the indexes this machine is configured with (on CI: a local
CPU wheel of torch and PyPI), into a venv path that does not exist: `--plan` creates and changes nothing. The
other tests drive the script against a fake venv whose `python` records what it is asked, so they take seconds.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALL = ROOT / "scripts" / "install"
CUDA_NAME = re.compile(r"^(nvidia-|cuda-|triton|pytorch-triton)")


def has_nvidia_gpu() -> bool:
    gpus = Path("/proc/driver/nvidia/gpus")
    if gpus.is_dir() and any(gpus.iterdir()):
        return True
    try:
        out = subprocess.run(["nvidia-smi", "-L"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return out.startswith("GPU ")


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env.update(extra)
    return env


def run_install(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(INSTALL), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.timeout(300)
def test_plan_without_gpu_installs_no_cuda_package(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    # Without a GPU the default (auto) is the CPU build; on a machine with one, ask for it.
    env = clean_env(MODERATION_VENV=str(venv), **({"MODERATION_TORCH": "cpu"} if has_nvidia_gpu() else {}))
    result = run_install("--plan", env=env, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert not venv.exists(), "--plan must not create the venv"

    assert re.search(r"^torch: cpu \(", out, re.M), out
    commands = out.split("commands:\n", 1)[1].split("would install", 1)[0]
    assert re.search(r"-m pip install .*torch==2\.13\.0 -e \.$", commands, re.M), commands

    packages = dict(re.findall(r"^  ([a-z0-9][a-z0-9.-]*)==(\S+)", out.split("would install", 1)[1], re.M))
    assert "moderation" in packages and "flask" in packages, out
    assert packages["torch"].startswith("2.13.0"), out
    cuda = sorted(name for name in packages if CUDA_NAME.match(name))
    assert cuda == [], f"the plan would install CUDA packages: {cuda}\n{out}"
    assert not re.search(r"\+(cu|rocm)", packages["torch"]), out
    assert "CUDA packages: none" in out


def fake_venv(tmp_path: Path) -> tuple[Path, Path]:
    """A venv whose python logs its arguments: `-m pip …` succeeds, `-c` with a print answers a torch version."""
    venv, log = tmp_path / "venv", tmp_path / "calls.log"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text(
        "#!/bin/bash\n"
        f'echo "$*" >> {log}\n'
        'if [ "$1" = -c ]; then case $2 in *print*) echo 2.13.0+cpu ;; esac; fi\n'
        "exit 0\n"
    )
    (venv / "bin" / "moderation").write_text("#!/bin/sh\n")
    for exe in ("python", "moderation"):
        (venv / "bin" / exe).chmod(0o755)
    return venv, log


def pip_installs(log: Path) -> list[str]:
    return [line for line in log.read_text().splitlines() if line.startswith("-m pip install")]


def test_second_run_only_checks(tmp_path: Path) -> None:
    venv, log = fake_venv(tmp_path)
    env = clean_env(MODERATION_VENV=str(venv), MODERATION_TORCH="skip")

    first = run_install(env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    installs = pip_installs(log)
    # skip: the torch already there is named at its own version, so pip keeps it.
    assert len(installs) == 1 and "torch==2.13.0+cpu -e ." in installs[0], installs
    assert (venv / ".moderation-install").exists()

    second = run_install(env=env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert pip_installs(log) == installs, "a second run must not call pip"
    assert second.stdout.strip().endswith("reinstalls)") and second.stderr == ""
    assert len(second.stdout.splitlines()) == 1

    # --dev needs more than a plain install: it installs; afterwards a plain run is satisfied by it.
    dev = run_install("--dev", env=env)
    assert dev.returncode == 0, dev.stdout + dev.stderr
    assert len(pip_installs(log)) == 2 and pip_installs(log)[-1].endswith("-e .[dev]")
    assert run_install(env=env).returncode == 0
    assert len(pip_installs(log)) == 2

    # Another torch choice is another install.
    cpu = run_install(env={**env, "MODERATION_TORCH": "cuda"})
    assert cpu.returncode == 0, cpu.stdout + cpu.stderr
    assert len(pip_installs(log)) == 3 and "torch==2.13.0 -e ." in pip_installs(log)[-1]

    forced = run_install("--force", env={**env, "MODERATION_TORCH": "cuda"})
    assert forced.returncode == 0 and len(pip_installs(log)) == 4


def test_rejects_an_unknown_torch_choice(tmp_path: Path) -> None:
    venv, _ = fake_venv(tmp_path)
    result = run_install(env=clean_env(MODERATION_VENV=str(venv), MODERATION_TORCH="rocm"))
    assert result.returncode != 0 and "MODERATION_TORCH must be" in result.stderr


def report(*packages: tuple[str, str]) -> dict:
    return {
        "install": [
            {"metadata": {"name": n, "version": v}, "download_info": {"url": f"https://files.example/{n}.whl"}}
            for n, v in packages
        ]
    }


@pytest.mark.parametrize(
    ("packages", "cuda"),
    [
        ([("torch", "2.13.0+cpu"), ("sympy", "1.14.0")], False),
        ([("torch", "2.13.0"), ("nvidia-cublas-cu12", "12.8.4.1"), ("triton", "3.5.0")], True),
        ([("torch", "2.13.0"), ("cuda-toolkit", "13.0.0")], True),
        ([("torch", "2.13.0+cu128")], True),
        ([("Pytorch_Triton", "3.5.0")], True),
    ],
)
def test_pip_report_flags_cuda_packages(tmp_path: Path, packages: list[tuple[str, str]], cuda: bool) -> None:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report(*packages)))
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "pip_report.py"), str(path), "--cpu"], capture_output=True, text=True
    )
    assert result.returncode == (3 if cuda else 0), result.stdout
    assert ("CUDA packages: none" in result.stdout) is not cuda
