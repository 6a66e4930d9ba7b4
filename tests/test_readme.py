"""The README tells the truth: its Python example runs, and its commands are the ones CI runs."""

from __future__ import annotations

import re

import pytest

from newsschema.formats import FORMATS

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    (example,) = blocks("python")
    exec(compile(example, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert '"headline": "新乡市平原示范区:汇聚群防能量"' in printed
    assert "2022-04-22 14:36:26+08:00" in printed
    assert "input /id is required" in printed


def test_ci_runs_the_readme_commands() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'readme_command "Run the main job"' in script
    assert 'readme_command "Run the tests"' in script
    shell = blocks("sh")
    assert any("pytest" in block for block in shell)


def test_main_command_runs_the_seed_page_through_every_writable_format() -> None:
    (command,) = [b for b in blocks("sh") if "newsschema convert" in b]
    assert "fixtures/seed/hnr-2022-04-22-xinxiang.txt" in command
    loop = re.search(r"for f in ([a-z ]+); do", command)
    assert loop is not None
    writable = sorted(name for name, fmt in FORMATS.items() if fmt.writable)
    assert sorted(loop[1].split()) == writable
