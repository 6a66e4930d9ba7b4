"""The canonical article: typed, immutable, and valid from the moment it exists.

Every invariant of ``schemas/article.schema.json`` is enforced here at construction, with
the schema's own patterns, so that a document the schema rejects cannot become an
`Article` and an `Article` always unstructures to a document the schema accepts.
Sequences are tuples (an article is hashable and cannot change under a reader's feet);
web addresses are normalised on the way in (see `newsschema.uri`).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, Literal, NewType, TypeVar

import attrs

from .errors import FieldError
from .limits import MAX_URI_CHARS
from .schemas import load_schema
from .times import Moment, check_aware, is_day, parse_datetime, parse_time
from .uri import is_uri, normalise_uri

__all__ = [
    "URI",
    "Agent",
    "AgentType",
    "Article",
    "Image",
    "Place",
    "Rights",
    "Subject",
    "derive_id",
    "is_language_tag",
    "is_qcode",
]

URI = NewType("URI", str)
"""An absolute ASCII URI; strict readers refuse any text that `normalise_uri` would change."""

AgentType = Literal["Person", "Organization"]
T = TypeVar("T")

_DEFS = load_schema("article")["$defs"]


def _pattern(definition: dict[str, Any]) -> re.Pattern[str]:
    return re.compile(definition["pattern"])


_TRIMMED_START = _pattern(_DEFS["trimmed_text"])
_TRIMMED_END = _pattern(_DEFS["trimmed_text"]["not"])
_LANGUAGE = _pattern(_DEFS["language_tag"])
_EMAIL = _pattern(_DEFS["email"])
_QCODE = _pattern(_DEFS["qcode"])
_COUNTRY = _pattern(_DEFS["country_code"])
_NAMESPACE = uuid.UUID("6f1c3a52-4e0b-5d1e-9a57-2b8c1d0e7f43")

Check = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _fail(attribute: attrs.Attribute[Any], message: str) -> FieldError:
    return FieldError(attribute.name, message)


def _full(pattern: re.Pattern[str], value: str) -> bool:
    """A schema pattern match with ECMA-262 meaning: `$` is the very end, never before a newline."""
    return "\n" not in value and pattern.match(value) is not None


# --- validators -------------------------------------------------------------------------


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _trimmed(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise _fail(attribute, f"must be text, not {type(value).__name__}")
    if not value:
        raise _fail(attribute, "must not be empty")
    if not _TRIMMED_START.match(value) or _untrimmed_end(value):
        raise _fail(attribute, "must not start or end with white space or a control character")


def _untrimmed_end(value: str) -> bool:
    """The schema's ``[…]$`` (one character of the class at the end), tried at the last
    character alone: a search would try every position of a long paragraph first. The
    same verdict, since a newline, the one character `$` may stand before, is itself in
    the class."""
    return _TRIMMED_END.match(value, len(value) - 1) is not None


def _optional(check: Check) -> Check:
    def optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return optional


def _matches(pattern: re.Pattern[str], what: str) -> Check:
    def matches(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not _full(pattern, value):
            raise _fail(attribute, f"{value!r} is not {what}")

    return matches


def _uri(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, str) and len(value) > MAX_URI_CHARS:
        raise _fail(
            attribute, f"is {len(value):,} characters; a URI here has at most {MAX_URI_CHARS:,}"
        )
    if not isinstance(value, str) or not is_uri(value):
        raise _fail(attribute, f"{value!r} is not an absolute URI")


def _int_between(low: int, high: int | None = None) -> Check:
    def between(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not _is_int(value):
            raise _fail(attribute, f"must be a whole number, not {value!r}")
        assert isinstance(value, int)
        if value < low or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"at least {low}"
            raise _fail(attribute, f"must be {bounds}, not {value}")

    return between


def _number_between(low: float, high: float) -> Check:
    def between(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(attribute, f"must be a number, not {value!r}")
        if not low <= value <= high:
            raise _fail(attribute, f"must be from {low:g} to {high:g}, not {value!r}")

    return between


def _moment(parse: Callable[[str], object], *, days: bool) -> Check:
    """An aware instant, or (with `days`) a day: what the text says, never midnight made
    up for a day. Only text the converter could not parse reaches the check as text."""
    what = "a date-time or a day" if days else "a date-time"

    def moment(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, str):
            try:
                parse(value)
            except ValueError as error:
                raise _fail(attribute, str(error)) from None
        if days and is_day(value):
            return
        if not isinstance(value, datetime):
            raise _fail(attribute, f"must be {what}, not {value!r}")
        try:
            check_aware(value)
        except ValueError as error:
            raise _fail(attribute, str(error)) from None

    return moment


_time_or_day = _moment(parse_time, days=True)
_instant = _moment(parse_datetime, days=False)
"""An embargo lifts at a moment, not on a date: an instant and never a day."""


def _each(check: Check, *, unique: bool = False) -> Check:
    def each(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for item in value:
            check(instance, attribute, item)
        if unique and len(set(value)) != len(value):
            seen: set[object] = set()
            for item in value:
                if item in seen:
                    raise _fail(attribute, f"{item!r} appears more than once")
                seen.add(item)

    return each


def _instances(kind: type, what: str | None = None) -> Check:
    def instances(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            expected = what or kind.__name__
            raise _fail(attribute, f"must be {expected}, not {type(value).__name__}")

    return instances


# --- converters -------------------------------------------------------------------------


# Converters are annotated with what a caller may pass: the attrs mypy plugin gives
# ``__init__`` those types, so ``Article(authors=[...], url="https://…")`` type-checks.
# Values of other types pass through unchanged for the validators to refuse by name.


def _to_uri(value: str) -> URI:
    if isinstance(value, str):
        try:
            return URI(normalise_uri(value))
        except ValueError:
            return URI(value)  # the validator reports it, with the field's name
    return value


def _to_optional_uri(value: str | None) -> URI | None:
    return None if value is None else _to_uri(value)


def _parsed(parse: Callable[[str], object], value: object) -> object:
    """Time text parsed; what cannot be parsed is left for the check to refuse with its
    reason (converters are named functions: the attrs mypy plugin reads only those)."""
    if isinstance(value, str):
        try:
            return parse(value)
        except ValueError:
            return value
    return value


def _to_time(value: object) -> object:
    return _parsed(parse_time, value)


def _to_optional_instant(value: object) -> object:
    return _parsed(parse_datetime, value)  # None stays None: it is no text


def _to_optional_time(value: object) -> object:
    return None if value is None else _to_time(value)


def _to_tuple(value: Iterable[T]) -> tuple[T, ...]:
    if isinstance(value, (str, bytes, dict)) or value is None:
        return value  # type: ignore[return-value]  # refused by the type check
    return tuple(value)


def _to_paragraphs(value: Iterable[str]) -> tuple[str, ...]:
    return _to_tuple(value)


def _to_texts(value: Iterable[str] | None) -> tuple[str, ...]:
    return () if value is None else _to_tuple(value)


def _to_agents(value: Iterable[Agent] | None) -> tuple[Agent, ...]:
    return () if value is None else _to_tuple(value)


def _to_subjects(value: Iterable[Subject] | None) -> tuple[Subject, ...]:
    return () if value is None else _to_tuple(value)


def _to_images(value: Iterable[Image] | None) -> tuple[Image, ...]:
    return () if value is None else _to_tuple(value)


def _none_if_empty(value: object) -> object:
    """A place or rights with nothing set says nothing: it is the same as none at all."""
    if isinstance(value, (Place, Rights)) and all(
        getattr(value, field.name) is None for field in attrs.fields(type(value))
    ):
        return None
    return value


def _default_person(value: AgentType | None) -> AgentType:
    return "Person" if value is None else value


# --- the model --------------------------------------------------------------------------


def _optional_text() -> Any:
    return attrs.field(default=None, validator=_optional(_trimmed))


def _listed(check: Check, *, unique: bool = False) -> list[Check]:
    return [_instances(tuple, "a list"), _each(check, unique=unique)]


@attrs.frozen(kw_only=True)
class Agent:
    """A person or organisation: an author, editor, publisher or source."""

    name: str = attrs.field(validator=_trimmed)
    type: AgentType = attrs.field(
        default="Person",
        converter=_default_person,
        validator=_matches(re.compile("^(Person|Organization)$"), "Person or Organization"),
    )
    role: str | None = _optional_text()
    url: URI | None = attrs.field(
        default=None, converter=_to_optional_uri, validator=_optional(_uri)
    )
    email: str | None = attrs.field(
        default=None, validator=_optional(_matches(_EMAIL, "an e-mail address"))
    )


@attrs.frozen(kw_only=True)
class Subject:
    """A controlled term, such as an IPTC Media Topic; at least one of its fields is set."""

    code: str | None = attrs.field(
        default=None, validator=_optional(_matches(_QCODE, "a QCode like medtop:20000446"))
    )
    name: str | None = _optional_text()
    uri: URI | None = attrs.field(
        default=None, converter=_to_optional_uri, validator=_optional(_uri)
    )

    def __attrs_post_init__(self) -> None:
        if self.code is None and self.name is None and self.uri is None:
            raise FieldError("", "a subject needs a code, a name or a uri")


@attrs.frozen(kw_only=True)
class Place:
    """Where the story happened."""

    name: str | None = _optional_text()
    country: str | None = attrs.field(
        default=None,
        validator=_optional(_matches(_COUNTRY, "an upper-case ISO 3166-1 alpha-2 code")),
    )
    latitude: float | None = attrs.field(
        default=None, validator=_optional(_number_between(-90, 90))
    )
    longitude: float | None = attrs.field(
        default=None, validator=_optional(_number_between(-180, 180))
    )


@attrs.frozen(kw_only=True)
class Image:
    """A picture that belongs to the article."""

    url: URI = attrs.field(converter=_to_uri, validator=_uri)
    caption: str | None = _optional_text()
    credit: str | None = _optional_text()
    width: int | None = attrs.field(default=None, validator=_optional(_int_between(1)))
    height: int | None = attrs.field(default=None, validator=_optional(_int_between(1)))


@attrs.frozen(kw_only=True)
class Rights:
    """Who owns the text and on what terms it may be used."""

    holder: str | None = _optional_text()
    notice: str | None = _optional_text()
    license: URI | None = attrs.field(
        default=None, converter=_to_optional_uri, validator=_optional(_uri)
    )
    year: int | None = attrs.field(default=None, validator=_optional(_int_between(1, 9999)))


def _body_paragraph(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise _fail(attribute, f"paragraphs must be text, not {type(value).__name__}")


@attrs.frozen(kw_only=True)
class Article:
    """One news article: the hub every format converts to and from."""

    id: URI = attrs.field(converter=_to_uri, validator=_uri)
    version: int = attrs.field(default=1, validator=_int_between(1))
    url: URI | None = attrs.field(
        default=None, converter=_to_optional_uri, validator=_optional(_uri)
    )
    headline: str = attrs.field(validator=_trimmed)
    subheadline: str | None = _optional_text()
    summary: str | None = _optional_text()
    body: tuple[str, ...] = attrs.field(
        converter=_to_paragraphs, validator=_listed(_body_paragraph)
    )
    language: str = attrs.field(validator=_matches(_LANGUAGE, "a BCP 47 language tag"))
    date_published: Moment = attrs.field(converter=_to_time, validator=_time_or_day)
    """An aware instant, or a day (a `datetime.date`) when the source gives no time of day."""
    date_modified: Moment | None = attrs.field(
        default=None, converter=_to_optional_time, validator=_optional(_time_or_day)
    )
    date_created: Moment | None = attrs.field(
        default=None, converter=_to_optional_time, validator=_optional(_time_or_day)
    )
    authors: tuple[Agent, ...] = attrs.field(
        factory=tuple, converter=_to_agents, validator=_listed(_instances(Agent))
    )
    editors: tuple[Agent, ...] = attrs.field(
        factory=tuple, converter=_to_agents, validator=_listed(_instances(Agent))
    )
    publisher: Agent | None = attrs.field(default=None, validator=_optional(_instances(Agent)))
    source: Agent | None = attrs.field(default=None, validator=_optional(_instances(Agent)))
    section: str | None = _optional_text()
    keywords: tuple[str, ...] = attrs.field(
        factory=tuple, converter=_to_texts, validator=_listed(_trimmed, unique=True)
    )
    subjects: tuple[Subject, ...] = attrs.field(
        factory=tuple, converter=_to_subjects, validator=_listed(_instances(Subject))
    )
    genre: str | None = _optional_text()
    dateline: str | None = _optional_text()
    location: Place | None = attrs.field(
        default=None, converter=_none_if_empty, validator=_optional(_instances(Place))
    )
    images: tuple[Image, ...] = attrs.field(
        factory=tuple, converter=_to_images, validator=_listed(_instances(Image))
    )
    rights: Rights | None = attrs.field(
        default=None, converter=_none_if_empty, validator=_optional(_instances(Rights))
    )
    free: bool | None = attrs.field(default=None, validator=_optional(_instances(bool)))
    urgency: int | None = attrs.field(default=None, validator=_optional(_int_between(1, 9)))
    slugline: str | None = _optional_text()
    """The agency's short working label for the story (``ALCOHOL-LAW``), not its headline."""
    embargoed: datetime | None = attrs.field(
        default=None, converter=_to_optional_instant, validator=_optional(_instant)
    )
    """The instant before which the story must not be published; None when it is free."""
    editorial_note: str | None = _optional_text()
    """A note from the desk to the editors who receive the story, never for readers."""


def is_language_tag(text: str) -> bool:
    """True for a tag the canonical schema accepts (well-formed BCP 47)."""
    return _full(_LANGUAGE, text)


def is_qcode(text: str) -> bool:
    """True for a QCode the canonical schema accepts, such as ``medtop:20000446``."""
    return _full(_QCODE, text)


def derive_id(publisher: str | None, date_published: Moment, headline: str) -> URI:
    """A stable ``urn:newsschema:`` id for an article whose source gives none.

    The same publisher, time and headline always give the same id, on any machine; an
    instant is compared in UTC, so the same moment written in two offsets agrees, and a
    day is its ``YYYY-MM-DD``.
    """
    if isinstance(date_published, datetime):
        when = repr(date_published.timestamp())
    else:
        when = date_published.isoformat()
    key = "\x1f".join((publisher or "", when, headline))
    return URI(f"urn:newsschema:{uuid.uuid5(_NAMESPACE, key)}")
