"""The cattrs converter between `Article` and canonical JSON, and its errors as `Issue`s.

Structuring is strict where cattrs is lenient by default: no text from numbers, no
numbers from booleans, no tuples from strings, no unknown keys, and URIs must already be
canonical. That keeps the model's verdict on a document identical to the schema's.
Unset optional fields are left out of the output; ``null`` is accepted for them on input.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from typing import Any, TypeVar, cast, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.cols import is_sequence, list_structure_factory
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from .errors import DataError, FieldError, Issue, Stage
from .model import URI, Agent, AgentType, Article, Image, Place, Rights, Subject
from .times import Moment, format_time, parse_datetime, parse_time
from .uri import normalise_uri

__all__ = [
    "configure_converter",
    "issues_from_error",
    "make_converter",
    "pointer",
    "structure_valid",
]

T = TypeVar("T")

# Parts before the whole: a generated hook captures the hooks of its fields when it is built.
_MODELS = (Agent, Subject, Place, Image, Rights, Article)


def make_converter() -> Converter:
    """A converter for the canonical article; build it once and pass it around."""
    converter = Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(converter)
    return converter


def configure_converter(converter: Converter) -> None:
    """Teach `converter` the canonical article's rules (see the module docstring)."""
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(URI, _structure_uri)
    converter.register_structure_hook(Moment, _structure_time)
    converter.register_structure_hook(Moment | None, _structure_optional_time)
    converter.register_structure_hook(datetime | None, _structure_optional_instant)
    converter.register_structure_hook_func(lambda kind: kind == AgentType, _structure_text_as_is)
    converter.register_unstructure_hook(datetime, format_time)
    converter.register_unstructure_hook(date, format_time)
    converter.register_structure_hook_factory(_is_tuple, _tuple_structure_factory)
    for model in _MODELS:
        structure = make_dict_structure_fn(model, converter)
        converter.register_structure_hook(model, _require_object(structure))
        overrides: dict[str, Any] = (
            {"version": override(omit_if_default=False)} if model is Article else {}
        )
        converter.register_unstructure_hook(
            model,
            make_dict_unstructure_fn(model, converter, _cattrs_omit_if_default=True, **overrides),
        )


# --- strict primitives ------------------------------------------------------------------


def _kind(value: object) -> str:
    return {dict: "an object", list: "an array", type(None): "null", bool: "a boolean"}.get(
        type(value), f"a {type(value).__name__}"
    )


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise DataError(f"expected text, got {_kind(value)}")
    return value


def _structure_text_as_is(value: object, _: object) -> object:
    """Agent type: the model's own validator explains bad values better than cattrs."""
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise DataError(f"expected a whole number, got {_kind(value)}")
    return value


def _structure_float(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise DataError(f"expected a number, got {_kind(value)}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise DataError(f"expected true or false, got {_kind(value)}")
    return value


def _structure_uri(value: object, _: type) -> URI:
    text = _structure_str(value, str)
    try:
        canonical = normalise_uri(text)
    except ValueError as error:
        raise DataError(f"{text!r} is not a URI: {error}") from None
    if canonical != text:
        raise DataError(f"{text!r} is not an ASCII URI; written canonically it is {canonical!r}")
    return URI(text)


def _structure_time(value: object, _: object) -> Moment:
    return parse_time(_structure_str(value, str))


def _structure_optional_time(value: object, _: object) -> Moment | None:
    return None if value is None else _structure_time(value, Moment)


def _structure_optional_instant(value: object, _: object) -> datetime | None:
    return None if value is None else parse_datetime(_structure_str(value, str))


def _is_tuple(kind: Any) -> bool:
    return get_origin(kind) is tuple and is_sequence(kind)


def _tuple_structure_factory(kind: Any, converter: Converter) -> Callable[[Any, Any], Any]:
    (item, _ellipsis) = get_args(kind)
    as_list = list_structure_factory(list[item], converter)  # type: ignore[valid-type]

    def structure(value: object, _: object) -> tuple[Any, ...] | None:
        if value is None:
            return None  # the model decides: "unset" for optional lists, an error for body
        if not isinstance(value, list):
            raise DataError(f"expected an array, got {_kind(value)}")
        return tuple(as_list(value, list[item]))  # type: ignore[valid-type]

    return structure


def _require_object(structure: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def structure_object(value: object, kind: Any) -> Any:
        if not isinstance(value, Mapping):
            raise DataError(f"expected an object, got {_kind(value)}")
        return structure(value, kind)

    return structure_object


# --- errors as issues -------------------------------------------------------------------


def pointer(*parts: str | int) -> str:
    """An RFC 6901 JSON Pointer from its reference tokens."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def tokens(json_pointer: str) -> tuple[str, ...]:
    """The reference tokens of an RFC 6901 JSON Pointer (`pointer`'s inverse)."""
    if not json_pointer:
        return ()
    steps = json_pointer.split("/")[1:]
    return tuple(s.replace("~1", "/").replace("~0", "~") for s in steps)


def issues_from_error(
    error: BaseException, *, format: str, stage: Stage = "input", base: str = ""
) -> list[Issue]:
    """Every problem inside a cattrs/attrs structuring error, each with its JSON Pointer."""
    return [
        Issue(stage=stage, format=format, path=path, message=message, pointer=tokens(path))
        for path, message in _walk(error, base)
    ]


def _walk(error: BaseException, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield path + pointer(key), f"unknown key {key!r}"
    elif isinstance(error, BaseValidationError):
        for inner in error.exceptions:
            yield from _walk(inner, path + _note_path(inner))
    elif isinstance(error, FieldError):
        yield path + (pointer(error.field) if error.field else ""), error.message
    elif isinstance(error, KeyError):
        yield path, "is required"
    else:
        yield path, str(error)


def _note_path(error: BaseException) -> str:
    steps: list[str | int] = []
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            steps.append(note.name)
        elif isinstance(note, IterableValidationNote):
            steps.append(note.index)
    return pointer(*steps)


assert all(attrs.has(model) for model in _MODELS)


# --- trusted structuring ---------------------------------------------------------------


def _trusted(cls: type[T], fields: dict[str, Any]) -> T:
    """An instance built without re-running the checks its fields have already passed.

    Slotted frozen attrs classes are set through `object.__setattr__`, which is what their
    own ``__init__`` does; defaults fill what the document leaves out.
    """
    instance = object.__new__(cls)
    set_field = object.__setattr__
    for name, default, factory in _defaults(cast(type, cls)):
        value = fields.get(name)
        if value is None:
            value = factory() if factory is not None else default
        set_field(instance, name, value)
    return instance


@functools.cache
def _defaults(cls: type) -> tuple[tuple[str, Any, Callable[[], Any] | None], ...]:
    """Each field of an attrs class: its name, its default and its default's factory."""
    found = []
    for field in attrs.fields(cls):
        factory = getattr(field.default, "factory", None)  # an attrs Factory
        default = None if field.default is attrs.NOTHING else field.default
        found.append((field.name, default, factory if callable(factory) else None))
    return tuple(found)


def _whole(value: Any) -> Any:
    return int(value) if isinstance(value, float) else value


def _agent(document: Mapping[str, Any]) -> Agent:
    fields = dict(document)
    fields["type"] = fields.get("type") or "Person"
    return _trusted(Agent, fields)


def _part(
    cls: type[T], document: Mapping[str, Any] | None, whole: tuple[str, ...] = ()
) -> T | None:
    if not document:
        return None
    fields = {k: (_whole(v) if k in whole else v) for k, v in document.items() if v is not None}
    return _trusted(cls, fields) if fields else None


def structure_valid(document: Mapping[str, Any]) -> Article:
    """The `Article` of a document that has just passed the canonical schema.

    The schema and the model give one verdict on every document (the tests hold them to
    it), so the model's checks would only repeat the schema's: this builds the article
    directly, several times faster than the checking path. Never call it on a document
    the schema has not passed; `Converter.structure` is the path that checks.
    """
    fields = {k: v for k, v in document.items() if v is not None}
    for key in ("date_published", "date_modified", "date_created"):
        if key in fields:
            fields[key] = parse_time(fields[key])
    if "embargoed" in fields:
        fields["embargoed"] = parse_datetime(fields["embargoed"])
    for key in ("version", "urgency"):
        if key in fields:
            fields[key] = _whole(fields[key])
    for key in ("authors", "editors"):
        fields[key] = tuple(_agent(a) for a in fields.get(key) or ())
    for key in ("publisher", "source"):
        if key in fields:
            fields[key] = _agent(fields[key])
    fields["body"] = tuple(fields["body"])
    fields["keywords"] = tuple(fields.get("keywords") or ())
    fields["subjects"] = tuple(_trusted(Subject, dict(s)) for s in fields.get("subjects") or ())
    images = fields.get("images") or ()
    fields["images"] = tuple(_part(Image, i, ("width", "height")) for i in images)
    fields["location"] = _part(Place, fields.get("location"))
    fields["rights"] = _part(Rights, fields.get("rights"), ("year",))
    return _trusted(Article, fields)
