"""Errors the user or the machine can cause, reported as one line."""
from __future__ import annotations

import re


class InputError(Exception):
    """The input cannot be read as minutes (missing, corrupt, scanned, encrypted, empty, binary)."""


class OutputError(Exception):
    """An output cannot be written (read-only folder, disk full, database locked, a file where a folder
    should be); a batch stops at the first."""


def cannot_write(path, exc: BaseException) -> OutputError:
    """An OutputError naming the path and the system's reason ('No space left on device')."""
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return OutputError(f"cannot write {shown(str(path))}: {reason}")


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(name: str) -> str:
    """A file name safe to print: control characters (terminal escapes, newlines) written as \\xNN."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), name)
