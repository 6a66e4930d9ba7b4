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
        index = _rendered(chromium, url + "search/search_index.json", tmp_path)
    finally:
        server.shutdown()
        serving.join()
        server.server_close()
    assert mapping.count("<tr>") >= 1 + len(load_schema("article")["properties"])
    assert "<code>contentMeta/headline</code>" in mapping
    assert "date_published_offset_minutes" in parquet
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
