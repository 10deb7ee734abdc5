"""Stage 1, load: bytes to text.

Accepted: UTF-8 with or without BOM (any number of BOMs), UTF-16 (LE/BE) with BOM, and the
legacy Vietnamese encodings TCVN3 (ABC), VNI-Windows and Windows-1258 (detected when the
bytes are not UTF-8, or chosen with ``encoding=``; see :mod:`pipeline.text.legacy`).
Mojibake in UTF-8 text (UTF-8 read as cp1252/latin-1; TCVN3/VNI bytes read as cp1252) is
repaired and reported as a warning on the document. Anything else (empty, binary,
undecodable, over the limits) raises :class:`InputError` naming the source.

Limits (checked before any processing, see :func:`check_text`):

* ``MAX_BYTES``: input files larger than this are refused unread;
* ``MAX_CHARS``: decoded texts longer than this are refused;
* ``MAX_DIGITS``: a number written with more digits than this is refused (no real
  document comes close; such numbers cannot be represented as values).
"""
from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from typing import Optional

from ..errors import InputError

MAX_CHARS = 50_000_000   # code points of decoded text (every stage is linear in length); the longest of 16,421 real texts is 239,280
MAX_BYTES = 4 * MAX_CHARS + 16   # UTF-8 needs at most 4 bytes per code point (+ BOMs)
MAX_DIGITS = 100         # digits in one number ("1.234.567,89" has 9); real texts have at most 24
MAX_CONTROLS = 8         # control characters in the first 4096 (more: binary data)

ENCODINGS = ("utf-8", "utf-16", "tcvn3", "vni", "windows-1258")


@dataclass(frozen=True)
class Loaded:
    text: str
    encoding: str
    sha256: str
    # (code, severity, message, (start, end)) notes on how the text was read: legacy encoding, mojibake repaired
    notes: tuple = field(default=())


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LONG_RUN = re.compile(r"[\d.,]{%d,}" % (MAX_DIGITS + 1))
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")


def check_text(text: str, source: str) -> str:
    """Refuse text the pipeline must not process; returns the text without leading BOMs."""
    if len(text) > MAX_CHARS:
        raise InputError(source, f"text is too long ({len(text)} characters; limit {MAX_CHARS})")
    m = _SURROGATE.search(text)
    if m:
        raise InputError(source, f"not valid Unicode text: lone surrogate U+{ord(m.group()):04X} at character {m.start()}")
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise InputError(source, "binary data (NUL characters) - not a text file")
    if not text.strip():
        raise InputError(source, "empty input (no text)")
    if len(_CONTROL.findall(text[:4096])) > MAX_CONTROLS:
        raise InputError(source, "binary data (control characters) - not a text file")
    # a number over the limit lies in a run of more than MAX_DIGITS digits, dots and commas:
    # look at numbers one by one only when the text has such a run
    if _LONG_RUN.search(text) is None:
        return text
    for m in _NUMBER.finditer(text):
        if m.end() - m.start() > MAX_DIGITS:
            digits = sum(c.isdigit() for c in m.group())
            if digits > MAX_DIGITS:
                raise InputError(source, f"a number with {digits} digits at character {m.start()} (limit {MAX_DIGITS} digits in one number)")
    return text


def _strip_boms(data: bytes, bom: bytes) -> bytes:
    while data.startswith(bom):
        data = data[len(bom):]
    return data


def _legacy_note(name: str, text: str):
    from .legacy import first_word_span
    label = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows", "windows-1258": "Windows-1258"}[name]
    return ("legacy_encoding", "info", f"the input was decoded from {label}; offsets point into the decoded text", first_word_span(text))


def decode(data: bytes, source: str = "<input>", encoding: Optional[str] = None) -> Loaded:
    """Bytes to checked text. ``encoding``: None or "auto" (detect), or one of ``ENCODINGS`` (aliases: cp1258, abc, vni-windows)."""
    from . import legacy

    digest = hashlib.sha256(data).hexdigest()
    if len(data) > MAX_BYTES:
        raise InputError(source, f"file is too large ({len(data)} bytes; limit {MAX_BYTES} bytes, {MAX_CHARS} characters)")
    want = (encoding or "auto").lower()
    if want not in ("auto", "utf-8", "utf8", "utf-16", "utf16") and want not in legacy.ALIASES:
        raise InputError(source, f"unknown encoding {encoding!r} (known: auto, {', '.join(ENCODINGS)})")
    notes: list = []
    if want in legacy.ALIASES:
        name = legacy.ALIASES[want]
        text = legacy.LEGACY[name](_strip_boms(data, codecs.BOM_UTF8))
        return _finish(text, name, digest, source, [_legacy_note(name, text)])
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE) or want in ("utf-16", "utf16"):
        enc, body = "utf-16", data
    else:
        enc, body = "utf-8", _strip_boms(data, codecs.BOM_UTF8)
    if enc == "utf-8" and b"\x00" in body:
        raise InputError(source, "binary data (NUL bytes) - not a text file")
    try:
        text = body.decode(enc)
    except UnicodeDecodeError as exc:
        guess = legacy.guess_legacy(body) if enc == "utf-8" and want == "auto" else None
        if guess is None:
            raise InputError(
                source,
                f"not valid {enc.upper()} text (byte {exc.start}: {exc.reason}); "
                "accepted encodings: UTF-8 (with or without BOM), UTF-16 with BOM, TCVN3, VNI, Windows-1258 "
                "(use --encoding when they are not recognised)",
            ) from None
        name, text = guess
        return _finish(text, name, digest, source, [_legacy_note(name, text)])
    if enc == "utf-8" and want == "auto":
        text, notes = repair(text)
    return _finish(text, enc, digest, source, notes)


def repair(text: str) -> tuple[str, list]:
    """Mojibake repair of decoded text; returns the text and notes for warnings."""
    from . import legacy

    notes = []
    fixed, n, first = legacy.repair_utf8_mojibake(text)
    if n:
        text = fixed
        notes.append(("mojibake_repaired", "warning",
                      f"{n} sequences of UTF-8 read as Windows-1252/Latin-1 were repaired; offsets point into the repaired text",
                      first))
    fixed, kind, n = legacy.repair_legacy_mojibake(text)
    if kind:
        text = fixed
        label = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows"}[kind]
        notes.append(("mojibake_repaired", "warning",
                      f"the text was {label} bytes read as Windows-1252; {n} characters were converted; offsets point into the repaired text",
                      legacy.first_word_span(text)))
    return text, notes


def _finish(text: str, enc: str, digest: str, source: str, notes: list) -> Loaded:
    if enc == "utf-16" and text.startswith("\ufeff"):
        text = text.lstrip("\ufeff")
    text = check_text(text, source)
    return Loaded(text=text, encoding=enc, sha256=digest, notes=tuple(notes))


def read_path(path: str, encoding: Optional[str] = None) -> Loaded:
    shown = display_path(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise InputError(shown, "is a directory") from None
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except PermissionError:
        raise InputError(shown, "permission denied") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read ({exc.strerror or exc})") from None
    return decode(data, shown, encoding)


def display_path(path: Optional[str]) -> Optional[str]:
    """A path as text that can be written anywhere: undecodable bytes of a file name
    (surrogate escapes) are shown as \\xNN. None (an unnamed input) stays None."""
    if path is None:
        return None
    if isinstance(path, bytes):
        path = path.decode("utf-8", "surrogateescape")
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
