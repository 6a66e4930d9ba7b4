"""HTML bytes to text the way browsers decode them, with one kindness browsers lack.

Order: a byte-order mark; then the page's own declaration — ``<meta charset>`` or the
HTTP-equivalent ``<meta http-equiv="Content-Type" content="…; charset=…">`` — read from
the first bytes the way the WHATWG prescan reads them, with its label table (``gb2312``
and ``gbk`` mean GB18030, ``big5`` means Big5-HKSCS, ``shift_jis`` means Windows-31J,
``iso-8859-1`` and ``us-ascii`` mean Windows-1252); then detection. An encoding the user
names overrides everything.

The kindness: old portals copy templates that declare an encoding their bytes are not
in. Where a browser would show mojibake, a declaration the bytes break is set aside for
UTF-8 or detection when either decodes the bytes cleanly; only when nothing does is the
declared encoding used with replacement characters, as a browser would.
"""

from __future__ import annotations

import codecs
import re

from ...text import BOMS, DecodeError, decode, text_codec

__all__ = ["declared_encoding", "decode_html", "whatwg_codec"]

PRESCAN_BYTES = 4096
"""The WHATWG prescan reads 1,024 bytes; portals with long heads put the meta later."""

_META = re.compile(rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]+)", re.IGNORECASE)
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)

# WHATWG Encoding Standard labels whose Python codec is not the label itself.
_LABELS = {
    **dict.fromkeys(
        ["gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "csiso58gb231280", "gb_2312",
         "gb_2312-80", "iso-ir-58", "gb18030"],
        "gb18030",
    ),
    **dict.fromkeys(["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"], "big5hkscs"),
    **dict.fromkeys(
        ["shift_jis", "shift-jis", "sjis", "ms_kanji", "x-sjis", "csshiftjis", "ms932",
         "windows-31j"],
        "cp932",
    ),
    **dict.fromkeys(
        ["euc-kr", "cseuckr", "csksc56011987", "iso-ir-149", "korean", "ks_c_5601-1987",
         "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"],
        "cp949",
    ),
    **dict.fromkeys(
        ["iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968",
         "cp819", "ibm819", "iso-ir-100", "windows-1252", "cp1252", "x-cp1252"],
        "cp1252",
    ),
    # A page cannot be UTF-16 and declare it in ASCII: the standard reads it as UTF-8.
    **dict.fromkeys(["utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2"], "utf-8"),
    **dict.fromkeys(["utf8", "unicode-1-1-utf-8", "x-unicode20utf8"], "utf-8"),
}  # fmt: skip


def whatwg_codec(label: str) -> str | None:
    """The Python codec for an encoding label as browsers understand it; None if unknown."""
    name = label.strip().lower()
    if name in _LABELS:
        return _LABELS[name]
    return text_codec(name)  # rot13 or hex declared in a page is no encoding: ignored


def declared_encoding(data: bytes) -> str | None:
    """The codec the page's first meta declaration names, outside comments; None if none."""
    head = _COMMENT.sub(b"", data[:PRESCAN_BYTES])
    for match in _META.finditer(head):
        codec = whatwg_codec(match[1].decode("ascii"))
        if codec is not None:
            return codec
    return None


def decode_html(data: bytes, encoding: str | None = None) -> str:
    """The page's text; DecodeError only when the encoding the user named does not fit."""
    if encoding is not None:
        return decode(data, whatwg_codec(encoding) or encoding)
    if any(data.startswith(bom) for bom, _ in BOMS):
        return decode(data)
    declared = declared_encoding(data)
    if declared is not None and not data.isascii() and codecs.lookup(declared).name != "utf-8":
        try:  # a page saved as UTF-8 under its old declaration: other text is valid UTF-8
            return data.decode("utf-8")  # only by a rare chance once it is not all ASCII
        except UnicodeDecodeError:
            pass
    if declared is not None:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a template's stale declaration: see whether the bytes say otherwise
    try:
        return decode(data)
    except DecodeError:
        if declared is None:
            return data.decode("cp1252", errors="replace")  # the web's last resort
        return data.decode(declared, errors="replace")
