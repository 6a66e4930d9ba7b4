"""Hypothesis strategies for newsschema articles, for our tests and for yours.

Install the extra: ``pip install newsschema[testing]``. `articles()` builds valid
`Article`s with awkward text (Chinese, Arabic, emoji, control characters, spaces that
are not ASCII), extreme times and offsets; `canonical_documents()` gives their canonical
JSON; `mutated_documents()` breaks one rule at a time, for testing rejection paths.
"""

from __future__ import annotations

import functools
import json
import re
import string
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any, overload

import attrs
from cattrs import Converter

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as missing:  # pragma: no cover - the test suite has Hypothesis
    if missing.name != "hypothesis":
        raise
    raise ImportError(
        "newsschema.testing needs Hypothesis: pip install 'newsschema[testing]'"
    ) from None

from .canonical import make_converter
from .formats import BinaryFormatName, FormatName, TextFormatName
from .model import URI, Agent, Article, Image, Place, Rights, Subject
from .xmlparse import NOT_XML_TEXT

__all__ = [
    "TIME_OF_DAY",
    "agents",
    "articles",
    "canonical_documents",
    "csv_safe",
    "datetimes",
    "days",
    "documents",
    "json_values",
    "language_tags",
    "mutated_documents",
    "texts",
    "times",
    "uris",
    "writing_options",
    "xml_safe",
]

_NUL = re.compile("\x00")
_SPACES = " \t\n\u00a0\u3000\u2003"
# Full-width punctuation, Arabic, an emoji and a combining accent.
_AWKWARD = (
    "新乡疫情防控党员\uff0c\u3002\uff1a\u201c\u201d\uff08\uff09\u300a\u300b\u3001 العربية😀e\u0301"
)


def texts(*, min_size: int = 1, max_size: int = 40) -> st.SearchStrategy[str]:
    """Trimmed, non-empty text: any printable script, spaces and punctuation inside only."""
    inner = st.text(
        alphabet=st.one_of(
            st.characters(codec="utf-8"),  # UTF-8 has no lone surrogates
            st.sampled_from(_AWKWARD),
        ),
        min_size=min_size,
        max_size=max_size,
    )
    return inner.map(lambda s: s.strip(_SPACES + "".join(map(chr, range(0x21))))).filter(
        _is_trimmed
    )


def _is_trimmed(value: str) -> bool:
    # The model is the judge: a string it accepts as a headline is trimmed text.
    try:
        Agent(name=value)
    except ValueError:
        return False
    return True


def language_tags() -> st.SearchStrategy[str]:
    """Well-formed BCP 47 tags, common and unusual."""
    common = st.sampled_from(
        ["zh-CN", "zh-Hans-CN", "en-GB", "en", "de-DE", "es-419", "ar", "ja-JP", "yue-HK"]
    )
    letters = st.text(string.ascii_letters, min_size=2, max_size=3)
    region = st.one_of(st.text(string.ascii_uppercase, min_size=2, max_size=2), st.just(""))
    built = st.builds(lambda lang, reg: f"{lang}-{reg}" if reg else lang, letters, region)
    return st.one_of(common, built)


def datetimes() -> st.SearchStrategy[datetime]:
    """Aware datetimes from year 1 to 9999, with offsets from -23:59 to +23:59."""
    offsets = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
        lambda minutes: timezone(timedelta(minutes=minutes))
    )
    common = st.sampled_from([timezone(timedelta(hours=8)), timezone.utc])
    return st.datetimes(
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=common | offsets
    )


def days() -> st.SearchStrategy[date]:
    """Days with no time of day, from year 1 to 9999."""
    return st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


def times() -> st.SearchStrategy[datetime | date]:
    """What the article's times hold: mostly instants, sometimes a day."""
    return datetimes() | days()


TIME_OF_DAY = "12:00+08:00"
"""The time of day `documents` writes days at where a format needs an instant."""


def uris() -> st.SearchStrategy[URI]:
    """Absolute ASCII URIs: web addresses and URNs."""
    host = st.from_regex(r"[a-z][a-z0-9]{0,10}(\.[a-z]{2,6}){1,2}", fullmatch=True)
    path = st.lists(st.from_regex(r"[A-Za-z0-9._~-]{1,8}", fullmatch=True), max_size=3)
    web = st.builds(
        lambda scheme, h, p: URI(f"{scheme}://{h}/{'/'.join(p)}"),
        st.sampled_from(["http", "https"]),
        host,
        path,
    )
    urn = st.uuids().map(lambda u: URI(f"urn:newsschema:{u}"))
    return st.one_of(web, urn)


def agents() -> st.SearchStrategy[Agent]:
    return st.builds(
        Agent,
        name=texts(),
        type=st.sampled_from(["Person", "Organization"]),
        role=st.none() | st.sampled_from(["记者", "通讯员", "责编", "correspondent"]) | texts(),
        url=st.none() | uris(),
        email=st.none() | st.from_regex(r"[a-z0-9.]{1,10}@[a-z]{1,8}\.[a-z]{2,4}", fullmatch=True),
    )


def _subjects() -> st.SearchStrategy[Subject]:
    code = st.from_regex(r"(medtop|subj):[0-9]{8}", fullmatch=True)
    return st.builds(
        Subject, code=code, name=st.none() | texts(), uri=st.none() | uris()
    ) | st.builds(Subject, name=texts())


def _places() -> st.SearchStrategy[Place]:
    return st.builds(
        Place,
        name=st.none() | texts(),
        country=st.none() | st.from_regex(r"[A-Z]{2}", fullmatch=True),
        latitude=st.none() | st.floats(-90, 90) | st.integers(-90, 90),
        longitude=st.none() | st.floats(-180, 180),
    )


def _images() -> st.SearchStrategy[Image]:
    sizes = st.none() | st.integers(1, 10_000)
    return st.builds(
        Image,
        url=uris(),
        caption=st.none() | texts(),
        credit=st.none() | texts(),
        width=sizes,
        height=sizes,
    )


def _rights() -> st.SearchStrategy[Rights]:
    return st.builds(
        Rights,
        holder=st.none() | texts(),
        notice=st.none() | texts(),
        license=st.none() | uris(),
        year=st.none() | st.integers(1, 9999),
    )


def articles() -> st.SearchStrategy[Article]:
    """Valid articles, from the bare minimum to every field set."""
    optional = st.none
    return st.builds(
        Article,
        id=uris(),
        version=st.integers(1, 2**31),
        url=optional() | uris(),
        headline=texts(max_size=200),
        subheadline=optional() | texts(),
        summary=optional() | texts(max_size=200),
        body=st.lists(st.text(max_size=200), max_size=5),
        language=language_tags(),
        date_published=times(),
        date_modified=optional() | times(),
        date_created=optional() | times(),
        authors=st.lists(agents(), max_size=4),
        editors=st.lists(agents(), max_size=2),
        publisher=optional() | agents(),
        source=optional() | agents(),
        section=optional() | texts(),
        keywords=st.lists(texts(max_size=12), max_size=6, unique=True),
        subjects=st.lists(_subjects(), max_size=3),
        genre=optional() | texts(),
        dateline=optional() | texts(),
        location=optional() | _places(),
        images=st.lists(_images(), max_size=2),
        rights=optional() | _rights(),
        free=optional() | st.booleans(),
        urgency=optional() | st.integers(1, 9),
        slugline=optional() | texts(max_size=40),
        embargoed=optional() | datetimes(),
        editorial_note=optional() | texts(),
    )


def canonical_documents() -> st.SearchStrategy[dict[str, Any]]:
    """The canonical JSON of valid articles, as `json.loads` would give it."""
    converter = _converter()
    return articles().map(lambda a: json.loads(json.dumps(converter.unstructure(a))))


@functools.cache
def _converter() -> Converter:
    return make_converter()


def _replace(value: Any, characters: re.Pattern[str]) -> Any:
    if isinstance(value, str):
        return characters.sub("x", value)
    if isinstance(value, list):
        return [_replace(item, characters) for item in value]
    if isinstance(value, dict):
        return {key: _replace(item, characters) for key, item in value.items()}
    return value


def _with_replaced(article: Article, characters: re.Pattern[str]) -> Article:
    converter = _converter()
    document = _replace(converter.unstructure(article), characters)
    keywords = document.get("keywords")
    if keywords:
        document["keywords"] = list(dict.fromkeys(keywords))
    safe: Article = converter.structure(document, Article)
    return safe


def xml_safe(article: Article) -> Article:
    """`article` with the characters XML 1.0 cannot carry replaced by ``x``."""
    return _with_replaced(article, NOT_XML_TEXT)


def csv_safe(article: Article) -> Article:
    """`article` with U+0000, which a CSV text cell cannot carry, replaced by ``x``."""
    return _with_replaced(article, _NUL)


_SAFE: dict[str, Callable[[Article], Article]] = {"newsml": xml_safe, "csv": csv_safe}


@overload
def documents(format: TextFormatName) -> st.SearchStrategy[str]: ...


@overload
def documents(format: BinaryFormatName) -> st.SearchStrategy[bytes]: ...


def documents(format: FormatName) -> st.SearchStrategy[str | bytes]:
    """Valid documents in `format` (``article``, ``csv``, ``jsonld``, ``newsml``,
    ``ninjs``; ``parquet`` as bytes)."""
    from . import api  # late: the strategies module must stay importable on its own

    safe = _SAFE.get(format)
    source = articles().map(safe) if safe else articles()
    options = writing_options(format)
    return source.map(lambda article: api.write(article, format, **options))


def writing_options(format: str) -> dict[str, Any]:
    """The options that let `format` write any article `articles` builds: a time of day
    (`TIME_OF_DAY`) for a day where the format needs an instant."""
    from .formats import FORMATS

    writer = FORMATS[format].writer
    takes = writer.option_names() if writer is not None else ()
    return {"time_of_day": TIME_OF_DAY} if "time_of_day" in takes else {}


def json_values() -> st.SearchStrategy[Any]:
    """Any JSON value, for replacing a field with the wrong kind of thing."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(-(2**70), 2**70)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=10)
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=5,
    )


_BAD_VALUES: dict[str, list[Any]] = {
    "id": ["not a uri", "http://例子.com/", "", "http://x.com/%zz", "urn:x\n"],
    "version": [0, -1, 1.5, True, "1"],
    "headline": ["", " lead", "trail ", "\u3000全角", "x\n", 5],
    "body": ["one string", [1], [None], {"p": "x"}],
    "language": ["zh_CN", "", "en-", "english!", "en\n", "a-b-c-d-e-f-g-h-i"],
    "date_published": [
        "2022-04-22T14:36:26",
        "2022-04-22 14:36:26+08:00",
        "2021-02-29T00:00:00Z",
        "2016-12-31T23:59:60Z",
        "2022-04-22T14:36:26+08:00\n",
        "0000-01-01T00:00:00Z",
        "2022-04-22T14:36:26.1234567Z",
        1650609386,
        "2021-02-29",
        "2022-4-22",
        "2022-04-22\n",
        "20220422",
        "2022-04-22Z",
    ],
    "urgency": [0, 10, 5.5, "5", True],
    "embargoed": ["2022-04-22", "2022-04-22T14:36:26", "2022-04-22T14:36:26-00:00", 5],
    "slugline": ["", " lead", 5],
    "editorial_note": ["trail ", ["a note"]],
    "keywords": [["a", "a"], [" a"], [""], "a,b", [1]],
    "url": ["www.example.com", "http://x.com/a b", "http://例子.com/"],
    "free": ["yes", 1, 0],
    "authors": [[{}], [{"name": ""}], [{"name": "x", "type": "Robot"}], [{"name": "x", "zz": 1}]],
    "publisher": ["映象网", [], {"name": "x", "email": "not an email"}],
    "subjects": [[{}], [{"code": "no colon"}], [{"code": "a:b\n"}]],
    "location": [{"country": "cn"}, {"latitude": 91}, {"longitude": -181.5}, {"x": 1}],
    "images": [[{"caption": "no url"}], [{"url": "http://x.com/", "width": 0}]],
    "rights": [{"year": 0}, {"year": 10000}, {"license": "CC BY"}],
}
_REQUIRED = ("id", "headline", "body", "language", "date_published")


def mutated_documents() -> st.SearchStrategy[dict[str, Any]]:
    """Canonical documents with one thing wrong: the schema and the model must both refuse.

    URLs that merely need normalising are wrong here too: the canonical reader refuses
    what the model would normalise, so that the stored text is exactly the given text.
    """

    def with_bad_value(document: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
        return {**document, key: value}

    bad_value = st.sampled_from(sorted(_BAD_VALUES)).flatmap(
        lambda key: st.sampled_from(_BAD_VALUES[key]).map(lambda value: (key, value))
    )
    missing = st.sampled_from(_REQUIRED)
    unknown = st.text(min_size=1, max_size=8).filter(lambda k: k not in attrs.fields_dict(Article))
    mutate: list[Callable[[dict[str, Any]], st.SearchStrategy[dict[str, Any]]]] = [
        lambda d: bad_value.map(lambda kv: with_bad_value(d, *kv)),
        lambda d: missing.map(lambda key: {k: v for k, v in d.items() if k != key}),
        lambda d: st.tuples(unknown, json_values()).map(lambda kv: {**d, kv[0]: kv[1]}),
    ]
    return canonical_documents().flatmap(lambda d: st.sampled_from(mutate).flatmap(lambda m: m(d)))
