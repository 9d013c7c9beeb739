"""Export: JSON for one document, JSON Lines for streams; files are written atomically."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .schema import Minutes


def to_json(minutes: Minutes, indent: int | None = 2) -> str:
    return minutes.model_dump_json(by_alias=True, indent=indent)


def to_jsonl(minutes: Minutes) -> str:
    return minutes.model_dump_json(by_alias=True) + "\n"


def json_schema() -> str:
    return json.dumps(Minutes.model_json_schema(by_alias=True, mode="serialization"), indent=2)


class AtomicFile:
    """A file written under a temporary name beside `path` and renamed onto it by commit(): readers never see
    it half-written. discard() removes the temporary file."""

    def __init__(self, path: Path, encoding: str = "utf-8"):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self.fh = os.fdopen(fd, "w", encoding=encoding, newline="")

    def commit(self) -> None:
        self.fh.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        self.fh.close()
        Path(self.tmp).unlink(missing_ok=True)


def write_atomic(path: Path, content: str) -> None:
    """Writes `content` to `path` through a temporary file and a rename: never a half-written file."""
    out = AtomicFile(path)
    try:
        out.fh.write(content)
    except BaseException:
        out.discard()
        raise
    out.commit()
