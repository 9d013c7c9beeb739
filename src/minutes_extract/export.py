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


def write_atomic(path: Path, content: str) -> None:
    """Writes `content` to `path` through a temporary file and a rename: never a half-written file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
