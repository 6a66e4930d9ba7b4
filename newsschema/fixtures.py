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

from .api import write
from .formats import FORMATS, FormatName
from .model import URI, Agent, Article, Image, Place, Rights, Subject, derive_id
from .output import atomic_text
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


def _article(number: int, seed: int, choose: _Chooser) -> Article:
    language = _ORDER[number % len(_ORDER)]
    words = LANGUAGES[language]
    case = EDGE_CASES[number] if number < len(EDGE_CASES) else None
    # Cities in turn, not by chance: every 18 articles reach every time zone (-12:00 to +14:00).
    cities = words["cities"]
    city, country, latitude, longitude, minutes = cities[(number // len(_ORDER)) % len(cities)]
    zone = timezone(timedelta(minutes=minutes))
    start = datetime(2020, 1, 1, tzinfo=zone)
    when = start + timedelta(days=choose.number(0, 1800), minutes=choose.number(0, 1439))
    if case == "leap-day":
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
    publisher_name, publisher_url = words["publisher"]
    publisher = Agent(name=publisher_name, type="Organization", url=publisher_url)

    if case == "long-headline":
        headline = " ".join([headline] * 20)
    elif case == "one-word-headline":
        headline = choose.pick(words["topics"]).split()[-1]
    elif case == "emoji-and-combining":
        headline = f"{headline} 🎉🇨🇳 Cafe\u0301"
        body.append("Zoë noted: e\u0301 and é differ in bytes; 👩‍👩‍👧 is one grapheme.")
    elif case == "quotes-and-script":
        headline = f"\"{headline}\" </script><!-- 'x' -->"
        body.append('He wrote "</script><script>alert(1)</script>" in the comment box.')
    elif case == "formula-text":
        headline = f'=HYPERLINK("http://x.example") {headline}'
        body = ["+SUM(A1:A9)", "-2+3", "@cmd", *body]
    elif case == "many-authors":
        authors = [Agent(name=_name(words, choose), role=words["role"]) for _ in range(25)]
    elif case == "organisation-authors":
        authors = [
            Agent(name=publisher_name, type="Organization"),
            Agent(name="Reuters", type="Organization"),
        ]
    unique: dict[str, Agent] = {a.name: a for a in reversed(authors)}
    authors = [unique[name] for name in dict.fromkeys(a.name for a in authors)]

    published = when.replace(second=0)
    identity = derive_id(publisher_name, published, f"{seed}:{number}:{headline}")
    if case == "no-optional-fields":
        return Article(
            id=identity, headline=headline, body=body, language=language, date_published=published
        )
    every = case == "every-optional-field"

    def sometimes(probability: float) -> bool:
        return every or choose.chance(probability)

    editors = (Agent(name=_name(words, choose), role=words["editor_role"]),)
    image = Image(
        url=URI(f"{publisher_url}img/{number:04d}.jpg"),
        caption=headline[:80].strip() or None,
        credit=publisher_name,
        width=1200,
        height=675,
    )
    licence = URI("https://creativecommons.org/licenses/by/4.0/") if every else None
    return Article(
        id=identity,
        version=choose.number(1, 4),
        url=URI(f"{publisher_url}{published:%Y/%m/%d}/{number:04d}.html"),
        headline=headline,
        subheadline=_fill(choose.pick(words["headlines"]), words, choose, city)
        if sometimes(0.3)
        else None,
        summary=body[0] if sometimes(0.6) else None,
        body=body,
        language=language,
        date_published=published,
        date_modified=published + timedelta(hours=2) if sometimes(0.4) else None,
        date_created=published - timedelta(hours=1) if every else None,
        authors=tuple(authors),
        editors=editors if sometimes(0.5) else (),
        publisher=publisher,
        source=Agent(name=publisher_name, type="Organization") if sometimes(0.5) else None,
        section=section,
        keywords=tuple(choose.sample(words["keywords"], choose.number(2, 5))),
        subjects=(Subject(code=medtop, name=section),),
        genre="Current" if every else None,
        dateline=city if sometimes(0.5) else None,
        location=Place(name=city, country=country, latitude=latitude, longitude=longitude),
        images=(image,) if sometimes(0.5) else (),
        rights=Rights(
            holder=publisher_name,
            notice=f"© {published.year} {publisher_name}",
            license=licence,
            year=published.year,
        ),
        free=True if every else (choose.chance(0.5) if choose.chance(0.5) else None),
        urgency=choose.number(1, 9) if sometimes(0.3) else None,
    )


def generate(count: int, seed: int = 0) -> list[Article]:
    """`count` articles; the same `seed` always gives the same ones."""
    choose = _Chooser(seed)
    return [_article(number, seed, choose) for number in range(count)]


def write_fixtures(
    directory: Path, count: int, seed: int = 0, formats: Sequence[FormatName] = ()
) -> dict[str, Any]:
    """Each article in each format (all writable ones unless named), and ``manifest.json``.

    Every file is written atomically and the manifest last, so a run that fails (a full
    disk: `OutputError`) leaves whole files and no manifest claiming them.
    """
    writable = sorted(name for name, fmt in FORMATS.items() if fmt.writable)
    names = list(formats) or cast(list[FormatName], writable)  # plug-ins' names too
    entries = []
    for number, article in enumerate(generate(count, seed)):
        files: dict[str, str] = {}
        hashes: dict[str, str] = {}
        for name in names:
            file_name = f"{number:04d}-{article.language}{FORMATS[name].extensions[0]}"
            text = write(article, name)
            with atomic_text(directory / file_name) as out:
                out.write(text)
            data = text.encode("utf-8")
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
