"""The documentation site's sources (mkdocs.yml, docs/): every page in the navigation
exists, every part of the README a page includes is marked out in the README, and every
example marked runnable runs (the site itself is built with ``mkdocs build --strict`` in
.ci/run)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

DOCS = ROOT / "docs"
_INCLUDE = re.compile(r'^--8<-- "([^":]+)(?::([\w-]+))?"$', re.M)


def _pages(entries: object) -> list[str]:
    """The page files of a navigation (entries are files, titled files, or sections)."""
    if isinstance(entries, str):
        return [entries]
    if isinstance(entries, list):
        return [page for entry in entries for page in _pages(entry)]
    assert isinstance(entries, dict)
    return [page for value in entries.values() for page in _pages(value)]


def _nav_pages() -> list[str]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return _pages(config["nav"])


def test_every_page_in_the_navigation_exists_and_every_page_is_in_it() -> None:
    pages = _nav_pages()
    assert sorted(pages) == sorted(p.relative_to(DOCS).as_posix() for p in DOCS.glob("**/*.md"))


def test_every_included_part_is_marked_in_its_file() -> None:
    included = [
        (name, section)
        for page in DOCS.glob("**/*.md")
        for name, section in _INCLUDE.findall(page.read_text(encoding="utf-8"))
    ]
    assert included
    for name, section in included:
        text = (ROOT / name).read_text(encoding="utf-8")
        if section:
            start = text.find(f"<!-- --8<-- [start:{section}] -->")
            end = text.find(f"<!-- --8<-- [end:{section}] -->")
            assert 0 <= start < end, (name, section)


_RUNNABLE = re.compile(r"^<!-- runnable[^>]*-->\n```python\n(.*?)^```", re.M | re.S)


def _examples() -> list[tuple[str, str]]:
    found = []
    for source in [ROOT / "README.md", *sorted(DOCS.glob("**/*.md"))]:
        text = source.read_text(encoding="utf-8")
        for number, match in enumerate(_RUNNABLE.finditer(text), start=1):
            found.append((f"{source.relative_to(ROOT)}#{number}", match[1]))
    return found


def test_the_examples_marked_runnable_are_found() -> None:
    assert len(_examples()) >= 2


@pytest.mark.parametrize(("where", "code"), _examples(), ids=[w for w, _ in _examples()])
def test_every_runnable_example_runs(
    where: str, code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    exec(compile(code, where, "exec"), {"__name__": "__example__"})
