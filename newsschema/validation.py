"""Schema validation: a compiled validator says "valid?", python-jsonschema says why not.

A `Validator` is built once per schema and reused for every document. The fast path
(jsonschema-rs) answers the common case in microseconds; only a document it rejects is
handed to python-jsonschema, whose errors become `Issue`s with JSON Pointers. Both engines
resolve ``$ref`` through the bundled registry only, and both check formats. The bundled
schemas are written so that the two engines' verdicts are identical (a test holds them to
it), which is what makes the shortcut safe.
"""

from __future__ import annotations

import ast
import functools
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from . import limits
from .canonical import pointer, tokens
from .errors import Issue, Stage
from .schemas import load_iptc, load_schema, registry, schema_names

if TYPE_CHECKING:  # python-jsonschema is imported when there is a failure to explain
    import jsonschema
    import jsonschema.protocols
    import referencing

__all__ = ["MAX_ISSUES", "StandardValidator", "Validator", "Validators", "shown"]

MAX_ISSUES = limits.MAX_ISSUES
"""Issues listed per document; the rest are counted. A document with 200,000 unknown keys
is one mistake made 200,000 times, and listing (and locating) each took minutes."""
_SHOWN = 80


class Validator:
    """One schema, compiled for both engines.

    The fast engine is built at once; python-jsonschema, which explains failures, when
    the first failure comes. `checked` says the schema is known to be a valid 2020-12
    schema (the shipped ones are, and the tests say so): checking it again cost every
    command tens of milliseconds.
    """

    formats = True
    """Whether ``format`` is asserted."""
    own_words = True
    """Whether the schema describes each checked form as a noun phrase for messages
    (newsschema's own schemas do; a standard owner's need not)."""

    def __init__(self, schema: Mapping[str, Any], *, checked: bool = False) -> None:
        if not checked:
            self._engine(schema).check_schema(dict(schema))
        self.schema = schema
        self._fast = self._compiled()

    def _engine(self, schema: Mapping[str, Any]) -> type[jsonschema.protocols.Validator]:
        return _python_validator()

    def _compiled(self) -> Any:
        return jsonschema_rs.validator_for(
            dict(self.schema),
            validate_formats=True,
            ignore_unknown_formats=False,
            offline=True,
            registry=_fast_registry(),
        )

    def _registry(self) -> referencing.Registry[Any]:
        return registry()

    @functools.cached_property
    def _explainer(self) -> Any:  # a jsonschema.protocols.Validator of the schema's draft
        engine = self._engine(self.schema)
        checker = engine.FORMAT_CHECKER if self.formats else None
        return engine(self.schema, registry=self._registry(), format_checker=checker)

    def is_valid(self, instance: object) -> bool:
        """The fast verdict; python-jsonschema decides when the fast engine cannot."""
        if self._fast is None:
            return bool(self._explainer.is_valid(instance))
        try:
            return bool(self._fast.is_valid(instance))
        except (ValueError, TypeError, OverflowError):
            return bool(self._explainer.is_valid(instance))

    def is_valid_explained(self, instance: object) -> bool:
        """python-jsonschema's verdict alone: the reference the fast path must match."""
        return bool(self._explainer.is_valid(instance))

    def issues(self, instance: object, *, stage: Stage, format: str, base: str = "") -> list[Issue]:
        """Every problem with `instance`, or none; cheap when there are none."""
        if self.is_valid(instance):
            return []
        explained = self._explain(instance)
        prefix = tokens(base)
        found = [
            Issue(
                stage=stage,
                format=format,
                path=pointer(*prefix, *steps),
                message=message,
                pointer=(*prefix, *steps),
            )
            for steps, message in itertools.islice(explained, MAX_ISSUES)
        ]
        more = sum(1 for _ in explained)
        if more:
            message = f"and {more:,} more problems like these, not listed"
            found.append(
                Issue(stage=stage, format=format, path=base or "/", message=message, pointer=prefix)
            )
        return found

    def _explain(self, instance: object) -> Iterator[tuple[Steps, str]]:
        """One message per location: the most specific one the schema offers."""
        from jsonschema.exceptions import relevance

        seen: set[Steps] = set()
        for error in sorted(self._explainer.iter_errors(instance), key=relevance):
            for steps, message in _located(error, self.own_words):
                if steps not in seen:
                    seen.add(steps)
                    yield steps, message


Steps = tuple[str, ...]
"""A JSON Pointer's reference tokens."""


def _located(error: jsonschema.ValidationError, own_words: bool) -> Iterator[tuple[Steps, str]]:
    """The places (reference tokens) and messages that `error` stands for."""
    here = tuple(map(str, error.absolute_path))
    if error.context:
        yield from _of_branches(error, here, own_words)
    elif error.validator == "required" and isinstance(error.validator_value, bool):
        yield here, "is required"  # draft 3: the property's own schema says so, and points at it
    elif error.validator == "required" and isinstance(error.instance, Mapping):
        required: list[str] = list(error.validator_value)  # type: ignore[arg-type]
        for key in required:
            if key not in error.instance:
                yield (*here, key), "is required"
    elif error.validator in _EXTRA_KEYS and isinstance(error.instance, Mapping):
        extra = _additional(error.instance, error.schema)
        for key in extra if error.validator == "additionalProperties" else _unevaluated(error):
            # A key too long to quote is pointed at through its object.
            yield (*here, key) if len(key) <= _SHOWN else here, f"unknown key {shown(key)}"
    else:
        yield here, _message(error, own_words)


_EXTRA_KEYS = ("additionalProperties", "unevaluatedProperties")
_UNEVALUATED_ENDS = (
    " was unexpected)",
    " were unexpected)",
    " was unevaluated)",
    " were unevaluated)",
)


def _unevaluated(error: jsonschema.ValidationError) -> list[str]:
    """The keys an ``unevaluatedProperties`` error names (python-jsonschema lists them,
    quoted, in its message — "… are not allowed ('a', 'b' were unexpected)" — which
    subschemas evaluated which key being its own business)."""
    message = str(error.message)
    start = message.find(" (")
    end = next((e for e in _UNEVALUATED_ENDS if message.endswith(e)), None)
    if start < 0 or end is None:
        return []
    try:
        keys = ast.literal_eval(f"({message[start + 2 : -len(end)]},)")
    except (ValueError, SyntaxError):
        return []
    return [key for key in keys if isinstance(key, str)]


def _additional(instance: Mapping[str, Any], schema: object) -> Iterator[str]:
    """The keys of `instance` that neither ``properties`` nor ``patternProperties`` name."""
    schema = schema if isinstance(schema, Mapping) else {}
    known = schema.get("properties", {})
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    for key in instance:
        if key not in known and not any(p.search(key) for p in patterns):
            yield key


def _of_branches(
    error: jsonschema.ValidationError, here: Steps, own_words: bool
) -> Iterator[tuple[Steps, str]]:
    """An error inside ``oneOf``/``anyOf`` speaks for the branch whose type matched: for
    ``{"oneOf": [{"$ref": "#/$defs/agent"}, {"type": "null"}]}`` the user wants to hear
    what is wrong with the agent, not that it is "not valid under any of the given schemas"."""
    branches: dict[object, list[jsonschema.ValidationError]] = {}
    for inner in error.context or ():
        branches.setdefault(inner.relative_schema_path[0], []).append(inner)
    type_errors = {
        branch: [
            e for e in errors if e.validator == "type" and e.absolute_path == error.absolute_path
        ]
        for branch, errors in branches.items()
    }
    matched = [branch for branch, errors in type_errors.items() if not errors]
    if len(matched) == 1:
        for inner in branches[matched[0]]:
            yield from _located(inner, own_words)
    elif not matched:
        expected = [str(e.validator_value) for errors in type_errors.values() for e in errors]
        yield here, f"{shown(error.instance)} is not of type {' or '.join(expected)}"
    elif own_words:
        yield here, _message(error, own_words)
    else:  # a standard's schema: say what each allowed form finds wrong
        yield here, _alternatives([branches[branch] for branch in matched], here)


def _alternatives(branches: list[list[jsonschema.ValidationError]], here: Steps) -> str:
    """``matches none of 2 allowed forms: /name: is required; or /x: unknown key 'x'``,
    each different finding once."""
    said: dict[str, None] = {}
    for errors in branches:
        for steps, message in itertools.islice(_located(errors[0], False), 1):
            inner = "".join(f"/{step}" for step in steps[len(here) :])
            said.setdefault(f"{inner}: {message}" if inner else message)
    shown_ = list(said)[:3]
    more = "; …" if len(said) > 3 else ""
    return f"matches none of {len(branches)} allowed forms: {'; or '.join(shown_)}{more}"


def shown(value: object) -> str:
    """`value` as a message quotes it: its repr, shortened when long.

    A message must stay readable (and a report small) when the value is megabytes long.
    """
    text = repr(value)
    if len(text) <= _SHOWN:
        return text
    if isinstance(value, (str, list, dict)):
        count = len(value)
        unit = "character" if isinstance(value, str) else "item"
        size = f"{count:,} {unit}{'' if count == 1 else 's'}"
    else:
        size = f"{len(text):,} characters long"
    return f"{text[: _SHOWN - 20]}… ({size})"


def _message(error: jsonschema.ValidationError, own_words: bool = True) -> str:
    """python-jsonschema's message, or the schema's own words where it has them.

    The bundled schemas describe each checked form as a noun phrase ("an RFC 3339
    date-time with an offset, like …"), so a failed pattern, format or rule reads
    "'2022-04-22' is not an RFC 3339 date-time …" instead of quoting a regular expression.
    """
    if not own_words and error.validator == "pattern":
        return f"{shown(error.instance)} does not match the pattern {shown(error.validator_value)}"
    if own_words and error.validator in ("pattern", "format", "not", "anyOf", "oneOf"):
        described = _description(error)
        if described and isinstance(error.instance, (dict, list)):
            return f"expected {described}"
        if described:
            return f"{shown(error.instance)} is not {described}"
    message = str(error.message)
    if len(message) > 2 * _SHOWN:  # python-jsonschema quotes the whole value
        message = message.replace(repr(error.instance), shown(error.instance), 1)
    return message


def _description(error: jsonschema.ValidationError) -> str | None:
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    if error.validator == "not" and isinstance(error.validator_value, Mapping):
        schema = {**error.validator_value, **schema} if "description" not in schema else schema
    description = schema.get("description")
    return str(description) if description else None


class StandardValidator(Validator):
    """A standard owner's JSON Schema (IPTC's ninjs), in whichever draft it is written,
    with the schemas it refers to (GeoJSON) and nothing from the network.

    The fast engine takes drafts 4 to 2020-12; ninjs 1.0's draft 3 is python-jsonschema's
    alone. Formats are checked (IPTC's own validation suite expects ``date-time`` to be);
    formats an engine does not know pass.
    """

    own_words = False
    formats = False

    def __init__(self, schema: Mapping[str, Any], resources: Sequence[Mapping[str, Any]]) -> None:
        self._resources = (schema, *resources)
        super().__init__(schema, checked=True)

    def _engine(self, schema: Mapping[str, Any]) -> type[jsonschema.protocols.Validator]:
        from jsonschema.validators import validator_for

        return validator_for(schema)

    def _compiled(self) -> Any:
        resources = [(_uri(r), dict(r)) for r in self._resources]
        try:
            return jsonschema_rs.validator_for(
                dict(self.schema),
                validate_formats=False,
                ignore_unknown_formats=True,
                offline=True,
                registry=jsonschema_rs.Registry(resources),
            )
        except ValueError:  # a draft the fast engine does not take
            return None

    def _registry(self) -> referencing.Registry[Any]:
        from referencing import Registry, Resource
        from referencing.jsonschema import specification_with

        pairs = []
        for contents in self._resources:
            spec = specification_with(str(contents.get("$schema", "")).rstrip("#") + "#")
            pairs.append((_uri(contents), Resource.from_contents(contents, spec)))
        return Registry().with_resources(pairs)


def _uri(schema: Mapping[str, Any]) -> str:
    """A schema's own URI, without the empty fragment older drafts end it with."""
    return str(schema.get("$id") or schema.get("id") or "").removesuffix("#")


class Validators:
    """The validators of one session, built on first use and kept.

    Pass one instance around instead of relying on a module-level cache, so tests and
    long-running services control its lifetime.
    """

    def __init__(self) -> None:
        self._built: dict[str, Validator] = {}
        self._standards: dict[str, Validator] = {}

    def standard(self, name: str, *refers_to: str) -> Validator:
        """IPTC's shipped schema `name` (``ninjs-schema_2.2``), with the shipped schemas
        it refers to (``GeoJSON-schema``)."""
        validator = self._standards.get(name)
        if validator is None:
            resources = [load_iptc(other) for other in refers_to]
            validator = self._standards[name] = StandardValidator(load_iptc(name), resources)
        return validator

    def __getitem__(self, name: str) -> Validator:
        validator = self._built.get(name)
        if validator is None:
            validator = self._built[name] = Validator(load_schema(name), checked=True)
        return validator


def _python_validator() -> type[jsonschema.Draft202012Validator]:
    import jsonschema

    return jsonschema.Draft202012Validator


@functools.cache
def _fast_registry() -> jsonschema_rs.Registry:
    """Every shipped schema under its ``$id``, for the fast engine: no network, ever."""
    schemas = map(load_schema, schema_names())
    return jsonschema_rs.Registry([(str(schema["$id"]), dict(schema)) for schema in schemas])
