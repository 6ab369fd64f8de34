from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sotsji-2020-09.txt"
SHARED = ROOT.parent / "shared"


def kroniek_cmd() -> list[str]:
    exe = shutil.which("kroniek", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "kroniek.cli"]


@pytest.fixture
def run_kroniek():
    """Run the real `kroniek` command in a subprocess."""

    def run(*args: str, cwd: str | Path | None = None, timeout: float = 300, input: str | None = None):
        env = dict(os.environ, PYTHONIOENCODING="utf-8")
        return subprocess.run(
            [*kroniek_cmd(), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=timeout, env=env,
            input=input,
        )

    return run


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE
