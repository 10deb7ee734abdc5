"""Stage 1, load: bytes to text.

Accepted: UTF-8 with or without BOM, UTF-16 (LE/BE) with BOM. Anything else
(empty, binary, undecodable) raises :class:`InputError` naming the source.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..errors import InputError

MAX_BYTES = 50_000_000  # a single announcement is far below this; guards against feeding a disk image


@dataclass(frozen=True)
class Loaded:
    text: str
    encoding: str
    sha256: str


def decode(data: bytes, source: str = "<input>") -> Loaded:
    import hashlib

    digest = hashlib.sha256(data).hexdigest()
    if len(data) > MAX_BYTES:
        raise InputError(source, f"file is too large ({len(data)} bytes; limit {MAX_BYTES})")
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8-sig", data[len(codecs.BOM_UTF8):]
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        encoding, body = "utf-16", data
    else:
        encoding, body = "utf-8", data
    if encoding == "utf-8" and b"\x00" in body:
        raise InputError(source, "binary data (NUL bytes) - not a text file")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            source,
            f"not valid {encoding.upper()} text (byte {exc.start}: {exc.reason}); "
            "accepted encodings: UTF-8 (with or without BOM), UTF-16 with BOM",
        ) from None
    if encoding == "utf-16" and text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(source, "empty input (no text)")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > 8:
        raise InputError(source, "binary data (control characters) - not a text file")
    return Loaded(text=text, encoding=encoding.replace("-sig", ""), sha256=digest)


def read_path(path: str) -> Loaded:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None
    return decode(data, path)
