"""MkDocs hooks: the parts of pages generated when the site is built, from the code itself
— the formats' table, each format page's facts, validity, options and example, the field
mapping, and the reports `validate` writes — so that none of them can drift from it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs

_ROOT = Path(__file__).resolve().parent.parent
_FIELD_MAPPING = "<!-- field-mapping -->"
_FORMATS_TABLE = "<!-- formats-table -->"
_FORMAT = re.compile(r"<!-- format:(\w+) -->")
_REFERENCE = re.compile(r"<!-- format-reference:(\w+) -->")
_REPORT = re.compile(r"^( *)<!-- report:(\w+) -->$", re.M)
_SEED = _ROOT / "fixtures" / "seed" / "hnr-2022-04-22-xinxiang"
_LANGUAGES = {"json": "json", "xml": "xml", "csv": "text", "text": "text"}


def _table_rows(page: str, header: str) -> dict[str, list[str]]:
    """The cells of the table in docs/`page` whose header row starts with `header`, by the
    format names in its first cell."""
    lines = (_ROOT / "docs" / page).read_text(encoding="utf-8").splitlines()
    start = next(at for at, line in enumerate(lines) if line.startswith(header))
    found: dict[str, list[str]] = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        for name in re.findall(r"`(\w+)`", cells[0]):
            found[name] = cells
    return found


def _options(name: str) -> str:
    from newsschema.formats import FORMATS

    writer = FORMATS[name].writer
    if writer is None or not attrs.fields(writer.options):
        return "None."
    rows = ["| option | type | default |", "|---|---|---|"]
    for field in attrs.fields(writer.options):
        kind = getattr(field.type, "__name__", None) or str(field.type)
        rows.append(f"| `{field.name}` | `{kind}` | `{field.default!r}` |")
    return "\n".join(rows)


def _example(name: str) -> str:
    from newsschema.formats import FORMATS

    fmt = FORMATS[name]
    if fmt.writer is not None and fmt.writer.binary:
        from newsschema.formats.parquet import column_table

        rows = ["| column | Arrow type | holds |", "|---|---|---|"]
        rows += [f"| `{c}` | `{t}` | {what} |" for c, t, what in column_table()]
        return "The columns of every file (`column_table()`):\n\n" + "\n".join(rows)
    seed = _SEED.with_suffix(fmt.extensions[0])
    if not seed.exists():
        seed = _SEED.with_suffix(".txt")
    language = _LANGUAGES.get(fmt.syntax, "text")
    text = seed.read_text(encoding="utf-8")
    return f"`fixtures/seed/{seed.name}`:\n\n```{language}\n{text.rstrip()}\n```"


def formats_table() -> str:
    """A row per format: its page, files, whether it is read and written, what it is."""
    from newsschema.formats import FORMATS

    rows = ["| format | files | read | write | what it is |", "|---|---|---|---|---|"]
    for name, fmt in FORMATS.items():
        has_page = (_ROOT / "docs" / "formats" / f"{name}.md").exists()
        title = f"[`{name}`]({name}.md)" if has_page else f"`{name}`"
        files = ", ".join(f"`{ext}`" for ext in fmt.extensions)
        read, written = ("yes" if ok else "—" for ok in (fmt.readable, fmt.writable))
        rows.append(f"| {title} | {files} | {read} | {written} | {fmt.description} |")
    return "\n".join(rows)


def format_summary(name: str) -> str:
    """The line that opens a format's page: what it is, its files, read or written."""
    from newsschema.formats import FORMATS

    fmt = FORMATS[name]
    files = ", ".join(f"`{ext}`" for ext in fmt.extensions)
    read, written = ("yes" if ok else "no" for ok in (fmt.readable, fmt.writable))
    return f"*{fmt.description}.* Files: {files}. Read: {read}; written: {written}."


def format_reference(name: str) -> str:
    """The end of a format's page: what decides validity, the writer's options, the
    seed page in the format."""
    valid = _table_rows("valid.md", "| format | the standard is |").get(name, [])
    standard = valid[1] if len(valid) > 1 else "—"
    if len(valid) > 2 and valid[2] != "—":
        standard += f"; version: {valid[2]}"
    return "\n\n".join(
        [
            f"## What decides validity\n\n{standard}. See [What valid means](../valid.md).",
            "## Writer options\n\n" + _options(name),
            "## Example: the seed page\n\n" + _example(name),
        ]
    )


def _report_folder(folder: Path) -> None:
    """The folder the reports on the CI page are made from: one valid article, one not."""
    import json

    articles = folder / "articles"
    articles.mkdir()
    seed = _SEED.with_suffix(".json").read_text(encoding="utf-8")
    (articles / "good.json").write_text(seed, encoding="utf-8")
    broken = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "新乡市平原示范区:汇聚群防能量",
        "datePublished": "next Tuesday",
        "inLanguage": "zh-CN",
    }
    (articles / "bad.jsonld").write_text(
        json.dumps(broken, indent=2, ensure_ascii=False), encoding="utf-8"
    )


def report(kind: str) -> str:
    """What `newsschema validate articles/ --report KIND` writes, run now."""
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        _report_folder(Path(folder))
        command = [sys.executable, "-m", "newsschema", "validate", "articles/", "--report", kind]
        done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"validate --report {kind} exited {done.returncode}: {done.stderr}")
    language = {"json": "json", "junit": "xml"}.get(kind, "text")
    return f"```{language}\n{done.stdout.rstrip()}\n```"


def _indented(text: str, indent: str) -> str:
    return "\n".join(indent + line if line else line for line in text.splitlines())


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """The generated parts of every page, put where their markers are."""
    if _FIELD_MAPPING in markdown:
        from newsschema.fieldmap import markdown as field_mapping

        markdown = markdown.replace(_FIELD_MAPPING, field_mapping())
    if _FORMATS_TABLE in markdown:
        markdown = markdown.replace(_FORMATS_TABLE, formats_table())
    markdown = _FORMAT.sub(lambda match: format_summary(match[1]), markdown)
    markdown = _REFERENCE.sub(lambda match: format_reference(match[1]), markdown)
    return _REPORT.sub(lambda match: _indented(report(match[2]), match[1]), markdown)
