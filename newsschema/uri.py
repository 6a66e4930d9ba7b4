"""Turning the web addresses publishers print into URIs every checker accepts.

Chinese and other sites use non-ASCII hosts and paths; the canonical article stores only
ASCII URIs (RFC 3986), so hosts are IDNA-encoded and everything else is percent-encoded
as UTF-8. Well-formed ASCII URIs pass through unchanged, which keeps normalisation
idempotent and lets strict readers tell "already canonical" from "needs fixing".
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

import idna
from rfc3986_validator import validate_rfc3986

from .errors import DataError
from .limits import MAX_URI_CHARS

__all__ = ["is_uri", "normalise_uri"]

# Characters RFC 3986 allows anywhere in a URI (unreserved, reserved and '%').
_URI_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")  # anchored: a search would be quadratic
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SAFE_PATH = "/:@!$&'()*+,;=-._~%"
_SAFE_QUERY = _SAFE_PATH + "?"


def is_uri(value: str) -> bool:
    """True for an absolute ASCII URI, by the same rules as the schema's ``uri`` format,
    and no longer than `MAX_URI_CHARS` (told before anything slower is tried)."""
    return (
        len(value) <= MAX_URI_CHARS
        and _URI_CHARS.fullmatch(value) is not None
        and _SCHEME.match(value) is not None
        and validate_rfc3986(value, rule="URI") is not None
    )


def normalise_uri(value: str) -> str:
    """IDNA-encode the host and percent-encode what RFC 3986 does not allow.

    Raises ValueError when the host cannot be IDNA-encoded. The result is not checked:
    call `is_uri` for the verdict.
    """
    value = value.strip()
    if len(value) > MAX_URI_CHARS:
        return value  # `is_uri` refuses it; encoding it first would only make it longer
    if _URI_CHARS.fullmatch(value) and not _STRAY_PERCENT.search(value):
        return value
    parts = urlsplit(value)
    netloc = parts.netloc
    if netloc and not netloc.isascii():
        userinfo, at, hostport = netloc.rpartition("@")
        host, colon, port = hostport.partition(":")
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except idna.IDNAError as error:
            raise DataError(f"host {host!r} is not a valid domain name: {error}") from None
        netloc = quote(userinfo, safe=_SAFE_PATH) + at + host + colon + port

    def encode(part: str, safe: str) -> str:
        return quote(_STRAY_PERCENT.sub("%25", part), safe=safe)

    return urlunsplit(
        (
            parts.scheme,
            netloc,
            encode(parts.path, _SAFE_PATH),
            encode(parts.query, _SAFE_QUERY),
            encode(parts.fragment, _SAFE_QUERY),
        )
    )
