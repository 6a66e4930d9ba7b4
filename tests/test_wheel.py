"""A wheel installed into a fresh virtual environment can validate: schemas ship inside it."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT, SEED_ARTICLE

CHECK = """
import json, sys, newsschema
from newsschema.schemas import schema_dir
where = schema_dir()
assert "site-packages" in str(where), where
text = open(sys.argv[1], encoding="utf-8").read()
assert newsschema.validate(text) == []
issues = newsschema.validate(text.replace('"version": 1', '"version": 0'))
assert [i.path for i in issues] == ["/version"], issues
print("ok", where)
"""


@pytest.mark.slow
def test_installed_wheel_validates(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
    )
    (wheel,) = wheels.glob("newsschema-*.whl")
    environment = tmp_path / "env"
    venv.create(environment, with_pip=True)
    bin_dir = environment / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"  # not the checkout, so nothing is found by accident
    elsewhere.mkdir()
    done = subprocess.run(
        [str(python), "-c", CHECK, str(SEED_ARTICLE)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok ")
    cli = subprocess.run(
        [str(bin_dir / "newsschema"), "validate", str(SEED_ARTICLE)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 0, cli.stderr
    assert cli.stdout.strip().endswith("1 passed, 0 failed")
