"""The GitHub Action (action.yml): its metadata keeps the rules GitHub enforces, every
input it declares is used and every input it uses is declared, inputs never reach a
script as code, and its validation step, run here by bash, reports and fails as
``newsschema validate --report github`` does."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import FIXTURES, ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
_EXPRESSION = re.compile(r"\$\{\{\s*inputs\.([A-Za-z_][\w-]*)\s*\}\}")
_INVALID = ROOT / "tests" / "data" / "article" / "invalid" / "bad-language-tag.json"


def _steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = ACTION["runs"]["steps"]
    return steps


def test_the_metadata_has_what_github_requires() -> None:
    assert {"name", "description", "runs"} <= set(ACTION)
    assert ACTION["runs"]["using"] == "composite"
    for step in _steps():
        assert "run" in step or "uses" in step, step
        if "run" in step:
            assert step.get("shell") == "bash", step["name"]  # composite steps name a shell
    for name, declared in ACTION["inputs"].items():
        assert declared.get("description"), name
        assert isinstance(declared.get("default", ""), str), name


def test_every_input_used_is_declared_and_every_declared_input_used() -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = set(_EXPRESSION.findall(text))
    assert used == set(ACTION["inputs"]) == {"files", "format", "strict", "version"}


def test_no_input_is_pasted_into_a_script() -> None:
    """``${{ inputs.x }}`` inside ``run:`` is substituted before bash reads it: a file name
    like ``$(curl …)`` would run. Inputs go through the environment instead."""
    for step in _steps():
        assert not _EXPRESSION.search(step.get("run", "")), step["name"]


def _validate_step(tmp_path: Path, files: str, **inputs: str) -> subprocess.CompletedProcess[str]:
    """The action's validation step, run by bash with this environment's newsschema."""
    (step,) = [step for step in _steps() if step["name"] == "Validate"]
    script = tmp_path / "validate.sh"
    script.write_text(step["run"], encoding="utf-8")
    command = shutil.which("newsschema") or str(Path(sys.executable).parent / "newsschema")
    environment = {
        **os.environ,
        "PATH": f"{Path(command).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "NEWSSCHEMA_FILES": files,
        "NEWSSCHEMA_FORMAT": inputs.get("format", ""),
        "NEWSSCHEMA_STRICT": inputs.get("strict", "true"),
    }
    return subprocess.run(
        ["bash", str(script)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=environment,
    )


def test_the_step_passes_valid_files_and_annotates_invalid_ones(tmp_path: Path) -> None:
    seed = FIXTURES / "seed"
    passed = _validate_step(tmp_path, f"{seed}/*.json {seed}/*.xml")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    failed = _validate_step(tmp_path, str(_INVALID), format="article")
    assert failed.returncode == 1
    assert re.search(r"^::error file=.*bad-language-tag\.json,line=\d+", failed.stdout, re.M)


def test_strict_false_checks_readability_alone(tmp_path: Path) -> None:
    """A JSON-LD block with a term schema.org does not have: readable, not standard."""
    seed = json.loads((FIXTURES / "seed" / "hnr-2022-04-22-xinxiang.jsonld").read_text("utf-8"))
    odd = tmp_path / "odd.jsonld"
    odd.write_text(json.dumps({**seed, "notASchemaOrgTerm": 1}), encoding="utf-8")
    strict = _validate_step(tmp_path, str(odd))
    assert strict.returncode == 1
    assert "is not a schema.org" in strict.stdout
    assert _validate_step(tmp_path, str(odd), strict="false").returncode == 0
    wrong = _validate_step(tmp_path, str(odd), strict="yes please")
    assert wrong.returncode == 2
    assert "::error::strict must be true or false" in wrong.stdout


@pytest.mark.parametrize("hostile", ["$(touch pwned)", "`touch pwned`", "; touch pwned"])
def test_a_hostile_input_stays_text(tmp_path: Path, hostile: str) -> None:
    done = _validate_step(tmp_path, hostile, format=hostile)
    assert done.returncode == 2  # click: no such format
    assert not (ROOT / "pwned").exists()
    assert not (tmp_path / "pwned").exists()
