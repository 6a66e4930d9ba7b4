"""MkDocs hooks: the parts of pages generated when the site is built, from the code and
from the README (which holds each format's notes until they move here)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs

_ROOT = Path(__file__).resolve().parent.parent
_FIELD_MAPPING = "<!-- field-mapping -->"
_FORMAT = re.compile(r"<!-- format:(\w+) -->")
_SEED = _ROOT / "fixtures" / "seed" / "hnr-2022-04-22-xinxiang"
_LANGUAGES = {"json": "json", "xml": "xml", "csv": "text", "text": "text"}


def _readme_rows(header: str) -> dict[str, list[str]]:
    """The cells of the README table whose header row starts with `header`, by the
    format names in its first cell."""
    lines = (_ROOT / "README.md").read_text(encoding="utf-8").splitlines()
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


def format_page(name: str) -> str:
    from newsschema.formats import FORMATS

    fmt = FORMATS[name]
    files = ", ".join(f"`{ext}`" for ext in fmt.extensions)
    row = _readme_rows("| format | files |").get(name, [])
    notes = row[4] if len(row) > 4 else fmt.description
    valid = _readme_rows("| format | the standard is |").get(name, [])
    standard = valid[1] if len(valid) > 1 else "—"
    if len(valid) > 2 and valid[2] != "—":
        standard += f" ({valid[2]})"
    return "\n\n".join(
        [
            f"*{fmt.description}.* Files: {files}. Read: {'yes' if fmt.readable else 'no'}; "
            f"written: {'yes' if fmt.writable else 'no'}.",
            notes,
            f"**What decides validity:** {standard}.",
            "## Writer options\n\n" + _options(name),
            "## Example: the seed page\n\n" + _example(name),
        ]
    )


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """The field mapping table, asked of the writers (`newsschema.fieldmap`), and each
    format's page."""
    if _FIELD_MAPPING in markdown:
        from newsschema.fieldmap import markdown as field_mapping

        markdown = markdown.replace(_FIELD_MAPPING, field_mapping())
    return _FORMAT.sub(lambda match: format_page(match[1]), markdown)
