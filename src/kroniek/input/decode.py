"""Bytes to text: UTF-8 first, Windows-1252 for the Latin-1 archives, binary data refused."""
from __future__ import annotations

from kroniek.input.article import ArticleInputError

# Bytes that never occur in text files: a few of these and it is binary data.
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32)) - {27}


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    bad = sum(1 for b in sample if b in _CONTROL)
    return bad / len(sample) > 0.05


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Return the text and any warnings; raises ArticleInputError for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if looks_binary(data):
        raise ArticleInputError(f"{name}: binary data, not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        text = data.decode("cp1252", errors="replace")
        return text, [f"{name}: not valid UTF-8 (byte {e.start}); decoded as Windows-1252"]
