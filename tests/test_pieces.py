"""Cutting inputs for a cluster: every record in exactly one piece, whatever the cut,
and each piece's issues placed where a reading of the whole file places them."""

from __future__ import annotations

import atexit
import csv
import io
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import newsschema
from newsschema.batch import Reading
from newsschema.fixtures import generate
from newsschema.pieces import Offsets, Piece, count, cut, text_of

_CELL = st.text(alphabet='ab,"\n\r 中', max_size=8)


def _records_of(piece: Piece) -> list[str]:
    data, header_lines = text_of(piece)
    text = data.decode("utf-8")
    if piece.path.endswith(".jsonl"):
        return [line for line in text.splitlines() if line.strip()]
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [json.dumps(row) for row in rows[1 if header_lines or piece.start == 0 else 0 :]]


@settings(max_examples=60, deadline=None)
@given(
    lines=st.lists(st.one_of(st.just(""), st.text(alphabet="{}ab 中", min_size=1)), max_size=30),
    blocksize=st.integers(min_value=1, max_value=64),
)
def test_json_lines_pieces_hold_every_line_once(lines: list[str], blocksize: int) -> None:
    path = Path(_temporary_file("\n".join(lines), ".jsonl"))
    pieces = cut(str(path), blocksize)
    found = [record for piece in pieces for record in _records_of(piece)]
    assert found == [line for line in lines if line.strip()]
    counts = [count(piece) for piece in pieces]
    assert sum(records for _, records in counts) == len(found)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(st.lists(_CELL, min_size=2, max_size=2), max_size=20),
    blocksize=st.integers(min_value=1, max_value=64),
)
def test_csv_pieces_never_cut_a_quoted_new_line(rows: list[list[str]], blocksize: int) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", "headline"])
    writer.writerows(rows)
    path = Path(_temporary_file(out.getvalue(), ".csv"))
    pieces = cut(str(path), blocksize)
    found = [record for piece in pieces for record in _records_of(piece)]
    assert found == [json.dumps(row) for row in rows]
    assert sum(count(piece)[1] for piece in pieces) == len(rows)


def _temporary_file(text: str, suffix: str) -> str:
    """A file holding `text`, in a folder of this process's that goes when it ends."""
    path = _FOLDER / f"{len(list(_FOLDER.iterdir()))}{suffix}"
    path.write_text(text, encoding="utf-8", newline="")
    return str(path)


_FOLDER = Path(tempfile.mkdtemp(prefix="newsschema-pieces-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)


def _whole_and_pieced(path: Path, blocksize: int) -> tuple[list[object], list[object]]:
    from newsschema.dask import _piece_outcomes

    whole = [i for o in newsschema.outcomes(path, warnings=False) for i in o.issues]
    pieces = cut(str(path), blocksize)
    offsets = Offsets.before_each([count(piece) for piece in pieces])
    pieced = [
        issue
        for piece, before in zip(pieces, offsets, strict=True)
        for outcome in _piece_outcomes(piece, before, None, Reading(), verdict_only=False)
        for issue in outcome.issues
    ]
    return whole, pieced


def test_issues_in_pieces_are_placed_as_in_the_whole_file(tmp_path: Path) -> None:
    articles = newsschema.write(generate(40, seed=4), "article").splitlines()
    articles[5] = articles[5].replace('"headline": "', '"headline": " ')  # untrimmed
    articles[33] = "{not json"
    source = tmp_path / "some.jsonl"
    source.write_text("\n".join(articles[:20]) + "\n\n" + "\n".join(articles[20:]) + "\n")
    whole, pieced = _whole_and_pieced(source, 4000)
    assert len(cut(str(source), 4000)) > 5
    assert [(i.line, i.record) for i in whole] == [(6, 5), (35, 33)]
    assert pieced == whole
    rows = list(csv.reader(io.StringIO(newsschema.write(generate(40, seed=4), "csv"))))
    rows[13][rows[0].index("headline")] = " untrimmed"
    rows[31][rows[0].index("language")] = "not a tag"
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    table = tmp_path / "some.csv"
    table.write_text(out.getvalue(), encoding="utf-8", newline="")
    whole, pieced = _whole_and_pieced(table, 4000)
    assert [(i.path.split(",")[0], i.record) for i in whole] == [("row 14", 12), ("row 32", 30)]
    assert pieced == whole
