"""What `newsschema.write(..., "newsml", ...)` takes, apart from the writer that reads it."""

from __future__ import annotations

import os

import attrs

from ...times.days import check_time_of_day

__all__ = ["NewsmlOptions"]


@attrs.frozen(kw_only=True)
class NewsmlOptions:
    """What `newsschema.write(..., "newsml", ...)` takes."""

    xsd: str | os.PathLike[str] | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of((str, os.PathLike))),
    )
    """Another NewsML-G2 version's XSD to check the output against, instead of the
    shipped IPTC 2.35."""
    time_of_day: str | None = attrs.field(default=None, validator=check_time_of_day)
    """The time of day (``12:00+08:00``; ``12:00`` with ``--timezone``) to write a day at
    where NewsML-G2 needs an instant: ``firstCreated`` and ``versionCreated``."""
    single_item: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    """Write an article with images as its text item alone, each image a
    ``link rel="irel:seeAlso"``, rather than a newsMessage of the text item, one picture
    item per image and a package grouping them."""
