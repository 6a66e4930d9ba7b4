"""Inputs cut into pieces a worker reads alone: whole files, and byte ranges of the files
that hold one record a line (JSON Lines) or a row (CSV), never cutting a record.

A JSON Lines range starts after the first new line at or past its first byte (the line
it falls in belongs to the range before) and ends with the line that its last byte falls
in; no one needs to look at the file to cut it. A CSV record may hold new lines inside
quotes, so CSV ranges are cut where a new line ends a record: after an even number of
quotes from the top of the file, counted in one pass. A piece's records and lines are
numbered from its own start; `Offsets` adds what the pieces before it hold, so that
issues name the record and line of the file, as a reading of the whole file does.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import attrs

from .errors import Issue
from .storage import open_bytes, size

__all__ = ["Offsets", "Piece", "count", "cut", "text_of"]

_CHUNK = 1 << 20


@attrs.frozen
class Piece:
    """One worker's share of one input: a whole file (`end` None and `start` 0), or the
    records of a byte range of it."""

    path: str
    start: int = 0
    end: int | None = None
    layout: str = "whole"
    """``whole``, ``lines`` (JSON Lines) or ``rows`` (CSV, whose header every piece reads)."""

    @property
    def whole(self) -> bool:
        """Whether the piece is its whole file, read as a file is read alone."""
        return self.start == 0 and self.end is None


def cut(path: str, blocksize: int) -> list[Piece]:
    """`path` as pieces of about `blocksize` bytes, or whole when its layout cannot be cut."""
    name = path.lower()
    layout = "lines" if name.endswith(".jsonl") else "rows" if name.endswith(".csv") else "whole"
    try:
        length = size(path)
    except (OSError, ValueError):
        return [Piece(path)]  # the reader says why it cannot be read
    if layout == "whole" or length <= blocksize:
        return [Piece(path, layout=layout)]
    if layout == "lines":
        starts = list(range(0, length, blocksize))
    else:
        starts = _row_starts(path, blocksize)
    ends: list[int | None] = [*starts[1:], None]
    return [Piece(path, start, end, layout) for start, end in zip(starts, ends, strict=True)]


def _row_starts(path: str, blocksize: int) -> list[int]:
    """Where CSV records begin, about `blocksize` bytes apart: the first after each mark
    whose new line follows an even count of quotes. The header is read by every piece."""
    starts = [0]
    quotes = 0
    target = blocksize
    offset = 0
    with open_bytes(path) as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            for match in re.finditer(b"\n", chunk):
                at = offset + match.end()
                if at < target:
                    continue
                even = (quotes + chunk.count(b'"', 0, match.start())) % 2 == 0
                if even:
                    starts.append(at)
                    target = at + blocksize
            quotes += chunk.count(b'"')
            offset += len(chunk)
    return [start for start in starts if start < offset] or [0]


def _range_bytes(piece: Piece) -> tuple[bytes, bytes]:
    """The header line (CSV pieces past the first) and the bytes of the piece's records."""
    with open_bytes(piece.path) as handle:
        header = handle.readline() if piece.layout == "rows" and piece.start > 0 else b""
        handle.seek(piece.start)
        if piece.layout == "lines" and piece.start > 0:
            handle.seek(piece.start - 1)
            handle.readline()  # the line the range starts in belongs to the range before
        begin = handle.tell()
        if piece.end is None:
            return header, handle.read()
        body = handle.read(max(piece.end - begin, 0))
        if piece.layout == "lines" and body and not body.endswith(b"\n"):
            body += handle.readline()  # the line the range ends in is the range's own
        return header, body


def text_of(piece: Piece) -> tuple[bytes, int]:
    """The bytes a reader reads for the piece (the header first, for a CSV piece past the
    first), and how many lines of them are that header (0 or 1)."""
    header, body = _range_bytes(piece)
    return header + body, 1 if header else 0


def _records_in(body: bytes, layout: str) -> int:
    if layout == "lines":
        return sum(1 for line in io.BytesIO(body) if line.strip())
    return body.count(b"\n") - _newlines_in_quotes(body)


def _newlines_in_quotes(body: bytes) -> int:
    """New lines inside quoted CSV cells: they end no record."""
    inside = 0
    for number, part in enumerate(body.split(b'"')):
        if number % 2:
            inside += part.count(b"\n")
    return inside


def count(piece: Piece) -> tuple[int, int]:
    """The lines and records of a range piece (a CSV header not counted for pieces past
    the first: the first piece's is the file's own line 1, and no record)."""
    _, body = _range_bytes(piece)
    records = _records_in(body, piece.layout)
    if piece.layout == "rows" and piece.start == 0:
        records -= 1  # the header
    if body and not body.endswith(b"\n"):
        records += 1 if piece.layout == "rows" else 0
    return body.count(b"\n") + (1 if body and not body.endswith(b"\n") else 0), records


@attrs.frozen
class Offsets:
    """What the pieces of a file before this one hold: lines and records."""

    lines: int = 0
    records: int = 0

    @classmethod
    def before_each(cls, counts: Sequence[tuple[int, int]]) -> list[Offsets]:
        found, lines, records = [], 0, 0
        for piece_lines, piece_records in counts:
            found.append(cls(lines, records))
            lines, records = lines + piece_lines, records + piece_records
        return found

    def place(self, issue: Issue, header_lines: int) -> Issue:
        """`issue`, found in a piece, as a reading of the whole file places it."""
        if not (self.lines or self.records):
            return issue
        line = None if issue.line is None else issue.line - header_lines + self.lines
        record = None if issue.record is None else issue.record + self.records
        return attrs.evolve(issue, line=line, record=record, path=self._row(issue.path))

    def _row(self, path: str) -> str:
        """A CSV row's name (``row 7, column headline``) counted from the file's top."""
        match = re.match(r"row (\d+)", path)
        if match is None:
            return path
        return f"row {int(match[1]) + self.records}{path[match.end() :]}"
