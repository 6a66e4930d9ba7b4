"""A third-party format, installed as a package of its own, works like newsschema's own.

The package is the worked example of the documentation's "Adding a format" page, taken
from the page itself, built and installed with pip into a folder of its own (no network:
the build backend is the test environment's), and used from a child process that sees
that folder.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsschema

from .conftest import ROOT, SEED_ARTICLE

PAGE = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
pytestmark = pytest.mark.slow


def _page_block(language: str, containing: str) -> str:
    found = [b for b in re.findall(rf"```{language}\n(.*?)```", PAGE, re.DOTALL) if containing in b]
    assert len(found) == 1, containing
    return found[0]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the page's plug-in is installed into."""
    pytest.importorskip("hatchling", reason="the plug-in is built with hatchling")
    source = tmp_path_factory.mktemp("newsschema-markdown")
    (source / "pyproject.toml").write_text(_page_block("toml", "newsschema.formats"))
    (source / "newsschema_markdown.py").write_text(_page_block("python", "FORMAT = Format("))
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--no-build-isolation", "--no-index", "--target", str(target), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    return target


def _newsschema(
    installed: Path, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(installed)}
    return subprocess.run(
        [sys.executable, "-m", "newsschema", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=False,
    )


def test_an_installed_format_is_offered_and_converts_both_ways(installed: Path) -> None:
    help_text = _newsschema(installed, "convert", "--help").stdout
    assert "markdown" in " ".join(help_text.split())
    written = _newsschema(installed, "convert", str(SEED_ARTICLE), "--to", "markdown")
    assert written.returncode == 0, written.stderr
    (seed,) = newsschema.read(SEED_ARTICLE)
    assert written.stdout.startswith(f"# {seed.headline}\n\n_2022-04-22T14:36:26+08:00_\n\n")
    back = _newsschema(installed, "convert", "-", "--from", "markdown", "--to", "article",
                       stdin=written.stdout)  # fmt: skip
    assert back.returncode == 0, back.stderr
    article = json.loads(back.stdout)
    assert article["headline"] == seed.headline
    assert article["body"] == list(seed.body)
    assert article["date_published"] == "2022-04-22T14:36:26+08:00"


def test_an_installed_formats_options_are_typed_and_reach_it_from_the_command_line(
    installed: Path,
) -> None:
    starred = _newsschema(
        installed, "convert", str(SEED_ARTICLE), "--to", "markdown", "-O", "emphasis=*"
    )
    assert starred.returncode == 0, starred.stderr
    assert "\n\n*2022-04-22T14:36:26+08:00*\n\n" in starred.stdout
    refused = _newsschema(
        installed, "convert", str(SEED_ARTICLE), "--to", "markdown", "-O", "emphasis=~"
    )
    assert refused.returncode == 2
    assert "writing markdown" in refused.stderr
    not_taken = _newsschema(
        installed, "convert", str(SEED_ARTICLE), "--to", "csv", "-O", "emphasis=*"
    )
    assert not_taken.returncode == 2
    assert "it is for writing markdown" in not_taken.stderr


def test_an_installed_format_is_checked_like_the_others(installed: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("# A headline\n\n_not a time_\n\nA paragraph.\n", encoding="utf-8")
    done = _newsschema(installed, "validate", str(story))
    assert done.returncode == 1, done.stderr
    assert "story.md: input /0: 'not a time' is no time" in done.stdout
    good = tmp_path / "good.md"
    good.write_text("#  A headline\n\n_2022-04-22T14:36:26+08:00_\n\nA paragraph.\n")
    checked = _newsschema(installed, "validate", str(good))
    assert checked.returncode == 1  # the headline's leading space fails the model check
    assert "/headline" in checked.stdout
