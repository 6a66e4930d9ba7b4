"""The documentation site's sources (mkdocs.yml, docs/): every page in the navigation
exists, every part of the README a page includes is marked out in the README, and every
example marked runnable runs (the site itself is built with ``mkdocs build --strict`` in
.ci/run)."""

from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from newsschema import fieldmap
from newsschema.formats import FORMATS
from newsschema.plugins import BUILT_IN
from newsschema.schemas import load_schema

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


def nav_pages() -> list[str]:
    """The page files of mkdocs.yml's navigation, in its order."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return _pages(config["nav"])


def test_every_page_in_the_navigation_exists_and_every_page_is_in_it() -> None:
    pages = nav_pages()
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


_RUNNABLE = re.compile(r"^<!-- runnable[^>]*-->\n```(python|sh)\n(.*?)^```", re.M | re.S)


def _examples() -> list[tuple[str, str, str]]:
    """Every block marked runnable: where it is, its language, its code."""
    found = []
    for source in [ROOT / "README.md", *sorted(DOCS.glob("**/*.md"))]:
        text = source.read_text(encoding="utf-8")
        for number, match in enumerate(_RUNNABLE.finditer(text), start=1):
            found.append((f"{source.relative_to(ROOT)}#{number}", match[1], match[2]))
    return found


EXAMPLES = _examples()


def test_the_examples_marked_runnable_are_found() -> None:
    languages = [language for _, language, _ in EXAMPLES]
    assert languages.count("python") >= 3
    assert languages.count("sh") >= 1


@pytest.mark.parametrize(("where", "language", "code"), EXAMPLES, ids=[w for w, *_ in EXAMPLES])
def test_every_runnable_example_runs(
    where: str, language: str, code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python in this interpreter; shell in bash, in a folder holding ``articles/`` (the
    seed page in every text format), with this environment's ``newsschema`` first on
    the PATH."""
    monkeypatch.chdir(tmp_path)
    if language == "python":
        exec(compile(code, where, "exec"), {"__name__": "__example__"})
        return
    articles = tmp_path / "articles"
    articles.mkdir()
    for seed in (ROOT / "fixtures" / "seed").iterdir():
        if seed.suffix not in (".txt", ".parquet"):
            shutil.copy(seed, articles / seed.name)
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    done = subprocess.run(
        ["bash", "-c", code], capture_output=True, text=True, env={**os.environ, "PATH": path}
    )
    assert done.returncode == 0, (where, done.stdout, done.stderr)


def test_the_quickstarts_python_example_prints_what_its_comments_say(
    capsys: pytest.CaptureFixture[str],
) -> None:
    quickstart = (DOCS / "index.md").read_text(encoding="utf-8")
    (example,) = [code for _, _, code in EXAMPLES if "newsschema.read(canonical)" in code]
    assert example in quickstart
    exec(compile(example, "docs/index.md", "exec"), {})
    printed = capsys.readouterr().out
    assert '"headline": "新乡市平原示范区:汇聚群防能量"' in printed
    assert "2022-04-22 14:36:26+08:00" in printed
    assert "input /id is required" in printed


def _section(page: str, heading: str) -> str:
    text = (DOCS / page).read_text(encoding="utf-8")
    return text.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


def test_every_format_has_its_page_with_its_generated_parts() -> None:
    for name in BUILT_IN:
        page = (DOCS / "formats" / f"{name}.md").read_text(encoding="utf-8")
        assert f"<!-- format:{name} -->" in page, name
        assert f"<!-- format-reference:{name} -->" in page, name
        assert "\n## What is dropped\n" in page, name


def test_each_format_page_says_why_it_drops_each_field_it_drops() -> None:
    """The fields the field mapping finds no place for (asked of the writers) are each
    named, with a reason, on the format's page; a format that drops none says so."""
    rows = fieldmap.rows()  # every writer asked once
    for fmt in fieldmap.FORMATS:
        dropped = _section(f"formats/{fmt}.md", "## What is dropped")
        missing = [row.field for row in rows if not row.places[fmt]]
        for field in missing:
            assert re.search(rf"^- `{field}` — \w", dropped, re.M), (fmt, field)
        if not missing:
            assert dropped.strip().startswith("Nothing"), fmt


def test_every_test_the_security_page_names_exists() -> None:
    named = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", (DOCS / "security.md").read_text())
    assert len(named) >= 10
    for module, test in named:
        source = (ROOT / module).read_text(encoding="utf-8")
        assert not test or re.search(rf"^def {test}\(", source, re.M), (module, test)


@pytest.mark.slow
def test_the_built_site_renders_its_tables_in_chromium(tmp_path: Path) -> None:
    """The site as a reader gets it: built, served over HTTP, opened in headless Chromium
    (Debian's ``chromium``; skipped where it is not installed)."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("no chromium on PATH (Debian: apt-get install chromium)")
    pytest.importorskip("mkdocs")
    site = tmp_path / "site"
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    quiet = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(build, cwd=ROOT, check=True, capture_output=True, env=quiet)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    serving = threading.Thread(target=server.serve_forever)
    serving.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        mapping = _rendered(chromium, url + "field-mapping/", tmp_path)
        parquet = _rendered(chromium, url + "formats/parquet/", tmp_path)
        formats = _rendered(chromium, url + "formats/", tmp_path)
        ci = _rendered(chromium, url + "ci/", tmp_path)
        index = _rendered(chromium, url + "search/search_index.json", tmp_path)
    finally:
        server.shutdown()
        serving.join()
        server.server_close()
    assert mapping.count("<tr>") >= 1 + len(load_schema("article")["properties"])
    assert "<code>contentMeta/headline</code>" in mapping
    assert "date_published_offset_minutes" in parquet
    for name, fmt in FORMATS.items():  # the formats' table: a row each, with its files
        assert re.search(rf"<tr>\s*<td><a href=\"{name}/\"><code>{name}</code></a></td>", formats)
        assert f"<td><code>{fmt.extensions[0]}</code>" in formats, name
    # the reports, made by running validate when the site was built, one per tab
    shown = html.unescape(re.sub(r"<[^>]+>", "", ci))  # the text, highlighting taken off
    assert "::error file=articles/bad.jsonld,line=5,col=20::" in shown
    assert '<testcase classname="newsschema.jsonld" name="articles/bad.jsonld"' in shown
    assert '"failed": 1' in shown
    assert "1 passed, 1 failed" in shown
    titles = {doc["title"] for doc in json.loads(html.unescape(_pre(index)))["docs"]}
    for name in ("CSV", "JSON-LD (schema.org)", "NewsML-G2 (IPTC)", "ninjs (IPTC)", "Parquet"):
        assert name in titles, name


def _rendered(chromium: str, url: str, profile: Path) -> str:
    """The page's DOM once Chromium has run its scripts."""
    command = [
        chromium,
        "--headless",
        "--no-sandbox",  # CI runs as root, where Chromium's sandbox will not start
        "--disable-gpu",
        f"--user-data-dir={profile / 'chromium'}",
        "--dump-dom",
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def _pre(dom: str) -> str:
    """The text of a JSON file as Chromium shows it: in a ``<pre>``."""
    match = re.search(r"<pre[^>]*>(.*?)</pre>", dom, re.S)
    assert match is not None, dom[:500]
    return match[1]


_DIRECTIVE = re.compile(
    r"^::: ([\w.]+)\n    options:\n      members:\n((?:        - \w+\n)+)", re.M
)


def test_the_api_page_documents_every_public_name() -> None:
    """Each name of ``newsschema.__all__`` is a member of a module the API page renders."""
    import importlib

    import newsschema

    page = (DOCS / "api.md").read_text(encoding="utf-8")
    documented = {
        id(getattr(importlib.import_module(module), member))
        for module, members in _DIRECTIVE.findall(page)
        for member in re.findall(r"- (\w+)", members)
    }
    for name in newsschema.__all__:
        if name != "__version__":
            assert id(getattr(newsschema, name)) in documented, name
