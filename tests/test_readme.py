"""The README tells the truth and no more: an overview, the two commands CI runs, and a
link to every part of the documentation site, whose text it does not repeat."""

from __future__ import annotations

import re

from newsschema.formats import FORMATS

from .conftest import ROOT
from .test_docs import nav_pages

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"
_WHOLE_INCLUDE = re.compile(r'\A(?:#[^\n]*\n+)?--8<-- "([^":]+)"\s*\Z')


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_ci_runs_the_readme_commands() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'readme_command "Run the main job"' in script
    assert 'readme_command "Run the tests"' in script
    shell = blocks("sh")
    assert len(shell) == 2  # the two commands a newcomer copies, and no third
    assert any("pytest" in block for block in shell)


def test_main_command_runs_the_seed_page_through_every_writable_text_format() -> None:
    """Every format whose output a terminal can show: a binary one (Parquet) is refused
    on a terminal, and its seed file is checked by tests/test_fixtures.py."""
    (command,) = [b for b in blocks("sh") if "newsschema convert fixtures/seed/" in b]
    assert "fixtures/seed/hnr-2022-04-22-xinxiang.txt" in command
    loop = re.search(r"for f in ([a-z ]+); do", command)
    assert loop is not None
    writable = sorted(
        name for name, fmt in FORMATS.items() if fmt.writer is not None and not fmt.writer.binary
    )
    assert sorted(loop[1].split()) == writable


def _linked_as(page: str) -> str:
    """How the README links a page of the site: the page, or the file a page that is
    one whole include shows (the changelog, the benchmarks)."""
    whole = _WHOLE_INCLUDE.match((DOCS / page).read_text(encoding="utf-8"))
    return whole[1] if whole else f"docs/{page}"


def test_the_readme_links_every_page_of_the_site() -> None:
    links = set(re.findall(r"\]\(([^)#]+)\)", README))
    for page in nav_pages():
        assert _linked_as(page) in links, page
    for link in links - {"LICENSE"}:
        assert link.startswith("http") or (ROOT / link).is_file(), link


def _paragraphs(text: str) -> list[str]:
    """Prose paragraphs, white space folded: what a copy would repeat."""
    found = []
    for paragraph in re.split(r"\n\s*\n", text):
        flat = " ".join(paragraph.split())
        if len(flat) >= 60 and not flat.startswith(("<!--", "```", "|", "#")):
            found.append(flat)
    return found


def test_the_readme_repeats_no_page_of_the_site() -> None:
    """The site holds the text; the README has its sections only: the overview, the two
    commands (which the Quickstart includes from it) and the links."""
    assert re.findall(r"^## (.+)$", README, re.M) == ["The two commands", "Documentation"]
    site = " ".join(
        " ".join(page.read_text(encoding="utf-8").split()) for page in DOCS.glob("**/*.md")
    )
    commands = README.split("<!-- --8<-- [start:commands] -->")[1].split("<!-- --8<-- [end")[0]
    for paragraph in _paragraphs(README.replace(commands, "")):
        for sentence in re.split(r"(?<=[.:;])\s", paragraph):
            if len(sentence) >= 60:
                assert sentence not in site, sentence
