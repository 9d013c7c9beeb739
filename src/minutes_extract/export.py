"""Export: JSON for one document, JSON Lines for streams; files are written atomically."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .errors import cannot_write
from .schema import Minutes


def to_json(minutes: Minutes, indent: int | None = 2) -> str:
    return minutes.model_dump_json(by_alias=True, indent=indent)


def to_jsonl(minutes: Minutes) -> str:
    return minutes.model_dump_json(by_alias=True) + "\n"


def json_schema() -> str:
    return json.dumps(Minutes.model_json_schema(by_alias=True, mode="serialization"), indent=2)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_NEW_FILE_MODE = 0o666 & ~_umask()  # what open() would give a new file here


def _open(fd: int, encoding: str):
    """The temporary file's writer (a seam: the fault-injection tests replace it with a full disk)."""
    return os.fdopen(fd, "w", encoding=encoding, newline="")


class AtomicFile:
    """A file written under a temporary name beside `path` and renamed onto it by commit(): readers never see
    it half-written, and a failure (disk full, read-only folder) leaves no temporary file behind. It gets the
    mode of the file it replaces, or the folder's normal mode for new files. OSError becomes OutputError."""

    def __init__(self, path: Path, encoding: str = "utf-8"):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        except OSError as exc:
            raise cannot_write(self.path, exc) from None
        try:
            os.fchmod(fd, self.path.stat().st_mode & 0o777 if self.path.is_file() else _NEW_FILE_MODE)
            self.fh = _open(fd, encoding)
        except OSError as exc:
            os.close(fd)
            self.discard()
            raise cannot_write(self.path, exc) from None

    def write(self, text: str) -> None:
        try:
            self.fh.write(text)
        except OSError as exc:
            self.discard()
            raise cannot_write(self.path, exc) from None

    def commit(self) -> None:
        try:
            self.fh.close()
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.discard()
            raise cannot_write(self.path, exc) from None

    def discard(self) -> None:
        try:
            if hasattr(self, "fh"):
                self.fh.close()
        except OSError:
            pass  # the data is being thrown away: a failing flush does not matter
        Path(self.tmp).unlink(missing_ok=True)


def write_atomic(path: Path, content: str) -> None:
    """Writes `content` to `path` through a temporary file and a rename: never a half-written file."""
    out = AtomicFile(path)
    try:
        out.write(content)
    except BaseException:
        out.discard()
        raise
    out.commit()
