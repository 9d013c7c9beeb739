"""Regular expressions compiled once per installation instead of once per run.

Python's `re` parses and compiles each pattern in Python code; the rule grammars (titles, names and clauses
expanded into a few hundred patterns, some of 8,000 characters) cost ~0.3 s of CPU at every start, more than
the extraction of a small document. `compile` keeps what `re`'s compiler produces (the regex engine's code,
group count and names) in a cache file and builds a pattern from it with `_sre.compile`, the call with which
`re.compile` itself ends, so a pattern behaves exactly as `re.compile` would make it. The file is keyed by the
tool's version, the Python version and the engine's magic number (a new version starts a new file; old ones
may be deleted), read once per process and replaced atomically, with what it held and what the run added,
when a run compiled patterns it lacked. The engine's code is kept as bytes, which the file gives back ten times
faster than lists of numbers. Screens read from a rule pattern (`remembered`) are kept in the same file. Only the
rules' patterns belong here: a pattern built from a document's words is compiled by `re` (else the cache would
grow with every document). A missing, unreadable, corrupt or unwritable cache only means compiling as `re` does.

MINUTES_EXTRACT_CACHE names the cache folder (default: $XDG_CACHE_HOME or ~/.cache, then minutes-extract);
"off" turns the cache off.
"""
from __future__ import annotations

import marshal
import os
import re
import sys
import tempfile
import zlib
from array import array
from functools import wraps
from pathlib import Path

from . import __version__

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # not CPython: patterns are compiled by re
    _sre = None
if _sre is not None and array("I").itemsize != _sre.CODESIZE:  # the engine's code is not 4-byte words here
    _sre = None

_OFF = ("", "0", "off", "no", "false")
_cached: dict | None = None  # the cache file's: (pattern, flags) -> the arguments of _sre.compile after it,
#                              and (reader, its source's checksum, pattern, flags) -> what the reader found
_used: dict = {}  # the same for what this process compiled, read or took from the file
_missed = False
_readers: dict[str, int] = {}  # the remembered readers of this process: name -> their module's source checksum


def compile(pattern, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, from the cache when the pattern was compiled before."""
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    global _missed
    key = (pattern, int(flags))
    entry = _used.get(key) or _load().get(key)
    if entry is not None:
        try:
            compiled = _built(pattern, entry)
            _used[key] = entry
            return compiled
        except Exception:  # an entry from a corrupt file: compile it afresh
            pass
    entry = _engine_code(pattern, int(flags))  # a bad pattern raises re.error here, as in re.compile
    compiled = _built(pattern, entry)
    _used[key] = entry
    _missed = True
    return compiled


def remembered(reader):
    """Decorator for `reader(pattern, flags=0)`, a pure function that reads something from a rule pattern (the
    words a screen needs): its results are kept in the cache file with the compiled patterns, keyed also by the
    source of the reader's module, so that a changed reader never meets an old result. Results must be what
    marshal writes (None, str, frozensets of str)."""
    name = f"{reader.__module__}.{reader.__qualname__}"
    checksum = _source_checksum(reader.__module__) if _sre is not None else None
    if checksum is not None:
        _readers[name] = checksum

    @wraps(reader)
    def read(pattern: str, flags: int = 0):
        global _missed
        if checksum is None:
            return reader(pattern, flags)
        key = (name, checksum, pattern, int(flags))
        if key in _used:
            return _used[key]
        cached = _load()
        if key not in cached:
            cached[key] = reader(pattern, flags)
            _missed = True
        _used[key] = cached[key]
        return cached[key]
    return read


def save() -> None:
    """Adds the patterns this process compiled afresh to the cache file; failures are ignored."""
    global _missed
    folder = _folder()
    if not _missed or folder is None:
        return
    _missed = False
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".regex-", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            marshal.dump({k: v for k, v in {**_load(), **_used}.items() if not _outdated(k)}, out)
        os.replace(tmp, _file(folder))
    except (OSError, ValueError):
        if tmp:
            Path(tmp).unlink(missing_ok=True)


def _outdated(key: tuple) -> bool:
    """Whether the key is a result of another version of a reader this process has."""
    return len(key) == 4 and _readers.get(key[0], key[1]) != key[1]


def _built(pattern: str, entry: tuple) -> re.Pattern:
    flags, code, *groups = entry
    return _sre.compile(pattern, flags, array("I", code).tolist(), *groups)


def _engine_code(pattern: str, flags: int) -> tuple:
    """What `re._compiler.compile` passes to `_sre.compile` after the pattern (the code as bytes, for marshal)."""
    parsed = _parser.parse(pattern, flags)
    code = array("I", _compiler._code(parsed, flags)).tobytes()
    groups = dict(parsed.state.groupdict)
    names = [None] * parsed.state.groups
    for name, index in groups.items():
        names[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groups, tuple(names)


def _load() -> dict:
    global _cached
    if _cached is None:
        _cached = {}
        folder = _folder()
        if folder is not None:
            try:
                loaded = marshal.loads(_file(folder).read_bytes())
                _cached = loaded if isinstance(loaded, dict) else {}
            except (OSError, EOFError, ValueError, TypeError):
                pass
    return _cached


def _source_checksum(module: str) -> int | None:
    """A checksum of the module's source; None when the source is not a file."""
    try:
        return zlib.crc32(Path(sys.modules[module].__file__).read_bytes())
    except (OSError, TypeError, KeyError):
        return None


def _folder() -> Path | None:
    setting = os.environ.get("MINUTES_EXTRACT_CACHE")
    if setting is not None:
        return None if setting.strip().lower() in _OFF else Path(setting)
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "minutes-extract"
    except RuntimeError:  # no home folder
        return None


def _file(folder: Path) -> Path:
    return folder / f"regex2-{__version__}-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"
