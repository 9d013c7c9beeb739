"""Inputs and outputs as local paths or fsspec URLs (s3://, gs://, https://, file://, memory://).

Listing is lazy, so a client can schedule an archive of millions of documents without holding its listing;
reading and writing happen where the work runs (a Dask worker reads its documents' bytes itself)."""
from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterator
from pathlib import Path

from .batch import SUFFIXES, discover, safe_output

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def is_url(spec: str) -> bool:
    return bool(_SCHEME.match(spec))


def _supported(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in SUFFIXES


def iter_inputs(inputs: list[str]) -> Iterator[tuple[str, str]]:
    """(location, doc_id) for every supported input: folders (recursively), files, glob patterns, URLs and
    URL patterns, and `@LIST` (a local or remote text file naming one input per line). Folders are walked
    lazily. As discover(), a local file reached twice from folders and patterns (named twice, or through a
    symbolic link) is listed once, which costs about 100 bytes per file; a list's entries and URLs are taken as
    they are, and only compared when several inputs are given."""
    seen: set[str] = set()
    for spec in inputs:
        listed = spec.startswith("@")
        for location, doc_id in _expand(spec):
            url = is_url(location)
            if len(inputs) > 1 or not (url or listed):
                key = location if url else str(Path(location).resolve())
                if key in seen:
                    continue
                seen.add(key)
            yield location, doc_id


def _expand(spec: str) -> Iterator[tuple[str, str]]:
    if spec.startswith("@"):
        yield from _listed(spec[1:])
    elif is_url(spec):
        yield from _remote(spec)
    elif os.path.isdir(spec):
        yield from _walk(spec)
    else:  # files and local glob patterns: the process engine's own discovery
        for job in discover([spec]):
            yield str(job.path), job.doc_id


def _walk(root: str) -> Iterator[tuple[str, str]]:
    """The supported files under a local folder, hidden ones skipped, ids relative to it (as discover())."""
    base = Path(root)
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if _supported(name) and not name.startswith("."):
                path = Path(folder, name)
                yield str(path), path.relative_to(base).as_posix()


def _remote(spec: str) -> Iterator[tuple[str, str]]:
    from fsspec.core import url_to_fs

    if spec.split("://", 1)[0] in ("http", "https"):  # a web server lists nothing: a URL is one document
        yield spec, _SCHEME.sub("", spec)
        return
    fs, path = url_to_fs(spec)
    roots = fs.glob(path) if glob.has_magic(path) else [path]
    for root in roots:
        if fs.isdir(root):
            for folder, dirs, files in fs.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if isinstance(dirs, list) else dirs
                for name in sorted(files):
                    if _supported(name) and not name.startswith("."):
                        full = f"{folder.rstrip('/')}/{name}"
                        yield fs.unstrip_protocol(full), full[len(root.rstrip("/")) + 1:]
        elif _supported(root) or not glob.has_magic(path):
            yield fs.unstrip_protocol(root), root.rstrip("/").rsplit("/", 1)[-1]


def _listed(list_location: str) -> Iterator[tuple[str, str]]:
    """One input per line of a list file; ids are the entries without their scheme, so they stay unique."""
    import fsspec

    with fsspec.open(list_location, "rt", encoding="utf-8") as fh:
        for line in fh:
            entry = line.strip()
            if entry and not entry.startswith("#"):
                yield entry, _SCHEME.sub("", entry).lstrip("/")


class Source:
    """A document's location, read through fsspec once: stands for a Path where batch.convert reads it."""

    def __init__(self, location: str):
        self.location = location
        self.data: bytes | None = None

    def read_bytes(self) -> bytes:
        if self.data is None:
            import fsspec

            try:
                with fsspec.open(self.location, "rb") as fh:
                    self.data = fh.read()
            except OSError:
                raise
            except Exception as exc:  # network and object-store errors read as I/O errors
                raise OSError(f"{type(exc).__name__}: {exc}") from exc
        return self.data

    def __str__(self) -> str:
        return self.location


def target(out: str, doc_id: str, suffix: str) -> str:
    """Where a document's output goes under `out` (a folder or URL), always inside it."""
    if not is_url(out):
        return str(safe_output(Path(out), doc_id, suffix))
    parts = [p for p in doc_id.replace("\\", "/").split("/") if p not in ("", ".", "..")] or ["_"]
    return f"{out.rstrip('/')}/{'/'.join(parts)}{suffix}"


def write_bytes(location: str, data: bytes) -> None:
    """Writes a whole file at once: renamed into place locally, one PUT on an object store."""
    if is_url(location):
        from fsspec.core import url_to_fs

        fs, path = url_to_fs(location)
        fs.makedirs(fs._parent(path), exist_ok=True)
        fs.pipe_file(path, data)
    else:
        _write_local(Path(location), data)


def _write_local(path: Path, data: bytes) -> None:
    """Through a temporary file and a rename, as export.write_atomic: never a half-written file."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def read_text(location: str) -> str | None:
    """The file's text, or None when it cannot be read."""
    import fsspec

    try:
        with fsspec.open(location, "rt", encoding="utf-8") as fh:
            return fh.read()
    except Exception:
        return None


def modified(location: str) -> float:
    """When the file was last written (epoch seconds); 0 where the store does not say."""
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(location)
    try:
        return fs.modified(path).timestamp()
    except (NotImplementedError, OSError):
        return 0.0


def listing(pattern: str) -> list[str]:
    """The files matching a glob pattern under a folder or URL, as locations of the same kind."""
    from fsspec.core import url_to_fs

    if not is_url(pattern):
        return sorted(glob.glob(pattern))
    fs, path = url_to_fs(pattern)
    return [fs.unstrip_protocol(p) for p in sorted(fs.glob(path))]


def remove(location: str) -> None:
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(location)
    if fs.exists(path):
        fs.rm_file(path)
