"""Realistic, valid, deterministic test articles in every format, for testing other systems.

The same seed gives the same bytes on any machine: choices come from one `random.Random`
seeded with it, used only through `random()`, whose sequence Python keeps stable. The
articles are built from `newsschema.wordlists`, in six languages and scripts, and the
first twelve of every set include the edge cases that break other systems: very long and
one-word headlines, emoji and combining characters, quotes and ``</script>``,
formula-looking text, no optional field at all, every optional field, many authors,
organisation authors, and a leap day.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar, cast

import attrs

from .api import write
from .formats import FORMATS, Format, FormatName
from .model import URI, Agent, Article, Image, Place, Rights, Subject, derive_id
from .output import atomic_bytes, atomic_text
from .wordlists import LANGUAGES

__all__ = ["EDGE_CASES", "generate", "write_fixtures"]

T = TypeVar("T")
EDGE_CASES = (
    "long-headline",
    "one-word-headline",
    "emoji-and-combining",
    "quotes-and-script",
    "formula-text",
    "no-optional-fields",
    "every-optional-field",
    "many-authors",
    "organisation-authors",
    "leap-day",
)
_ORDER = tuple(LANGUAGES)


class _Chooser:
    """Choices from one seeded generator, through `random()` alone (stable across Pythons)."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self._random.random() * len(items))]

    def number(self, low: int, high: int) -> int:
        return low + int(self._random.random() * (high - low + 1))

    def chance(self, probability: float) -> bool:
        return self._random.random() < probability

    def sample(self, items: Sequence[T], count: int) -> list[T]:
        pool = list(items)
        return [
            pool.pop(int(self._random.random() * len(pool))) for _ in range(min(count, len(pool)))
        ]


def _name(words: dict[str, Any], choose: _Chooser) -> str:
    family, given = choose.pick(words["family"]), choose.pick(words["given"])
    if words["family_first"]:  # Chinese and Japanese: family name first, no space
        return f"{family}{given}"
    return f"{given} {family}"


def _fill(template: str, words: dict[str, Any], choose: _Chooser, place: str) -> str:
    return template.format(
        place=place,
        person=_name(words, choose),
        number=choose.number(2, 90),
        topic=choose.pick(words["topics"]),
    )


@attrs.define
class _Draft:
    """What every generated article has, before its edge case and optional fields."""

    number: int
    language: str
    words: dict[str, Any]
    city: str
    country: str
    place: Place
    published: datetime
    section: str
    medtop: str
    headline: str
    body: list[str]
    authors: list[Agent]
    publisher: Agent


def _draft(number: int, choose: _Chooser) -> _Draft:
    language = _ORDER[number % len(_ORDER)]
    words = LANGUAGES[language]
    # Cities in turn, not by chance: every 18 articles reach every time zone (-12:00 to +14:00).
    cities = words["cities"]
    city, country, latitude, longitude, minutes = cities[(number // len(_ORDER)) % len(cities)]
    zone = timezone(timedelta(minutes=minutes))
    start = datetime(2020, 1, 1, tzinfo=zone)
    when = start + timedelta(days=choose.number(0, 1800), minutes=choose.number(0, 1439))
    if number < len(EDGE_CASES) and EDGE_CASES[number] == "leap-day":
        when = datetime(2024, 2, 29, 23, 30, tzinfo=zone)
    section, medtop = choose.pick(words["sections"])
    headline = _fill(choose.pick(words["headlines"]), words, choose, city)
    body = [
        _fill(choose.pick(words["sentences"]), words, choose, city)
        for _ in range(choose.number(2, 5))
    ]
    authors = [
        Agent(name=_name(words, choose), role=words["role"]) for _ in range(choose.number(1, 3))
    ]
    name, url = words["publisher"]
    place = Place(name=city, country=country, latitude=latitude, longitude=longitude)
    return _Draft(
        number, language, words, city, country, place, when.replace(second=0), section,
        medtop, headline, body, authors, Agent(name=name, type="Organization", url=url),
    )  # fmt: skip


def _edge_case(draft: _Draft, case: str | None, choose: _Chooser) -> None:
    """The draft bent into `case`; authors then named once each."""
    words, publisher = draft.words, draft.publisher.name
    if case == "long-headline":
        draft.headline = " ".join([draft.headline] * 20)
    elif case == "one-word-headline":
        draft.headline = choose.pick(words["topics"]).split()[-1]
    elif case == "emoji-and-combining":
        draft.headline = f"{draft.headline} 🎉🇨🇳 Cafe\u0301"
        draft.body.append("Zoë noted: e\u0301 and é differ in bytes; 👩‍👩‍👧 is one grapheme.")
    elif case == "quotes-and-script":
        draft.headline = f"\"{draft.headline}\" </script><!-- 'x' -->"
        draft.body.append('He wrote "</script><script>alert(1)</script>" in the comment box.')
    elif case == "formula-text":
        draft.headline = f'=HYPERLINK("http://x.example") {draft.headline}'
        draft.body = ["+SUM(A1:A9)", "-2+3", "@cmd", *draft.body]
    elif case == "many-authors":
        draft.authors = [Agent(name=_name(words, choose), role=words["role"]) for _ in range(25)]
    elif case == "organisation-authors":
        draft.authors = [
            Agent(name=publisher, type="Organization"),
            Agent(name="Reuters", type="Organization"),
        ]
    unique: dict[str, Agent] = {a.name: a for a in reversed(draft.authors)}
    draft.authors = [unique[name] for name in dict.fromkeys(a.name for a in draft.authors)]


def _article(number: int, seed: int, choose: _Chooser) -> Article:
    draft = _draft(number, choose)
    case = EDGE_CASES[number] if number < len(EDGE_CASES) else None
    _edge_case(draft, case, choose)
    identity = derive_id(draft.publisher.name, draft.published, f"{seed}:{number}:{draft.headline}")
    required: dict[str, Any] = {
        "id": identity,
        "headline": draft.headline,
        "body": draft.body,
        "language": draft.language,
        "date_published": draft.published,
    }
    if case == "no-optional-fields":
        return Article(**required)
    every = case == "every-optional-field"
    return Article(**required, **_optional(draft, every, choose))


def _optional(draft: _Draft, every: bool, choose: _Chooser) -> dict[str, Any]:
    """The optional fields, each present by chance (all of them with `every`); drawn in
    one fixed order, so that a seed gives the same articles on every run."""

    def sometimes(probability: float) -> bool:
        return every or choose.chance(probability)

    words, published, publisher = draft.words, draft.published, draft.publisher
    editors = (Agent(name=_name(words, choose), role=words["editor_role"]),)
    found: dict[str, Any] = {
        "version": choose.number(1, 4),
        "url": URI(f"{publisher.url}{published:%Y/%m/%d}/{draft.number:04d}.html"),
        "subheadline": _fill(choose.pick(words["headlines"]), words, choose, draft.city)
        if sometimes(0.3)
        else None,
        "summary": draft.body[0] if sometimes(0.6) else None,
        "date_modified": published + timedelta(hours=2) if sometimes(0.4) else None,
        "date_created": published - timedelta(hours=1) if every else None,
        "authors": tuple(draft.authors),
        "editors": editors if sometimes(0.5) else (),
        "publisher": publisher,
        "source": Agent(name=publisher.name, type="Organization") if sometimes(0.5) else None,
        "section": draft.section,
        "keywords": tuple(choose.sample(words["keywords"], choose.number(2, 5))),
        "subjects": (Subject(code=draft.medtop, name=draft.section),),
        "genre": "Current" if every else None,
        "dateline": draft.city if sometimes(0.5) else None,
        "location": draft.place,
        "images": (_image(draft),) if sometimes(0.5) else (),
        "rights": _rights(draft.publisher.name, published, every),
        "free": True if every else (choose.chance(0.5) if choose.chance(0.5) else None),
        "urgency": choose.number(1, 9) if sometimes(0.3) else None,
        "slugline": f"{draft.section}/{draft.city}" if sometimes(0.3) else None,
        "embargoed": published if every else None,  # lifts as the story is published
        "editorial_note": words["editorial_note"] if every else None,
    }
    return found


def _image(draft: _Draft) -> Image:
    return Image(
        url=URI(f"{draft.publisher.url}img/{draft.number:04d}.jpg"),
        caption=draft.headline[:80].strip() or None,
        credit=draft.publisher.name,
        width=1200,
        height=675,
    )


def _rights(holder: str, published: datetime, every: bool) -> Rights:
    licence = URI("https://creativecommons.org/licenses/by/4.0/") if every else None
    notice = f"© {published.year} {holder}"
    return Rights(holder=holder, notice=notice, license=licence, year=published.year)


def generate(count: int, seed: int = 0) -> list[Article]:
    """`count` articles; the same `seed` always gives the same ones."""
    choose = _Chooser(seed)
    return [_article(number, seed, choose) for number in range(count)]


def _binary(fmt: Format) -> bool:
    return fmt.writer is not None and fmt.writer.binary


def write_fixtures(
    directory: Path, count: int, seed: int = 0, formats: Sequence[FormatName] = ()
) -> dict[str, Any]:
    """Each article in each format (every writable text format unless named: a binary one,
    Parquet, is written when named), and ``manifest.json``.

    Every file is written atomically and the manifest last, so a run that fails (a full
    disk: `OutputError`) leaves whole files and no manifest claiming them.
    """
    writable = sorted(name for name, fmt in FORMATS.items() if fmt.writable and not _binary(fmt))
    names = list(formats) or cast(list[FormatName], writable)  # plug-ins' names too
    entries = []
    for number, article in enumerate(generate(count, seed)):
        files: dict[str, str] = {}
        hashes: dict[str, str] = {}
        for name in names:
            file_name = f"{number:04d}-{article.language}{FORMATS[name].extensions[0]}"
            written = write(article, name)
            data = written if isinstance(written, bytes) else written.encode("utf-8")
            with atomic_bytes(directory / file_name) as out:
                out.write(data)
            files[name] = file_name
            hashes[file_name] = hashlib.sha256(data).hexdigest()
        entries.append(
            {"id": article.id, "language": article.language, "files": files, "sha256": hashes}
        )
    manifest = {
        "generator": "newsschema",
        "seed": seed,
        "count": count,
        "formats": names,
        "articles": entries,
    }
    with atomic_text(directory / "manifest.json") as out:
        out.write(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest
