"""Regular expressions compiled once per installation instead of once per run.

Python's `re` parses and compiles each pattern in Python code; the rule grammars (titles, names and clauses
expanded into a few hundred patterns, some of 8,000 characters) cost ~0.3 s of CPU at every start, more than
the extraction of a small document. `compile` keeps what `re`'s compiler produces (the regex engine's code,
group count and names) in a cache file and builds a pattern from it with `_sre.compile`, the call with which
`re.compile` itself ends, so a pattern behaves exactly as `re.compile` would make it. The file is keyed by the
tool's version, the Python version and the engine's magic number (a new version starts a new file; old ones
may be deleted), read once per process and replaced atomically, with what it held and what the run added,
when a run compiled patterns it lacked. Only the rules' patterns belong here: a pattern built from a
document's words is compiled by `re` (else the cache would grow with every document). A missing, unreadable,
corrupt or unwritable cache only means compiling as `re` does.

MINUTES_EXTRACT_CACHE names the cache folder (default: $XDG_CACHE_HOME or ~/.cache, then minutes-extract);
"off" turns the cache off.
"""
from __future__ import annotations

import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

from . import __version__

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # not CPython: patterns are compiled by re
    _sre = None

_OFF = ("", "0", "off", "no", "false")
_cached: dict | None = None  # the cache file's: (pattern, flags) -> the arguments of _sre.compile after it
_used: dict = {}  # the same for the patterns this process compiled or took from the file
_missed = False


def compile(pattern, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, from the cache when the pattern was compiled before."""
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    global _missed
    key = (pattern, int(flags))
    entry = _used.get(key) or _load().get(key)
    if entry is not None:
        try:
            compiled = _sre.compile(pattern, *entry)
            _used[key] = entry
            return compiled
        except Exception:  # an entry from a corrupt file: compile it afresh
            pass
    entry = _engine_code(pattern, int(flags))  # a bad pattern raises re.error here, as in re.compile
    compiled = _sre.compile(pattern, *entry)
    _used[key] = entry
    _missed = True
    return compiled


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
            marshal.dump({**_load(), **_used}, out)
        os.replace(tmp, _file(folder))
    except (OSError, ValueError):
        if tmp:
            Path(tmp).unlink(missing_ok=True)


def _engine_code(pattern: str, flags: int) -> tuple:
    """What `re._compiler.compile` passes to `_sre.compile` after the pattern (as plain ints, for marshal)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
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


def _folder() -> Path | None:
    setting = os.environ.get("MINUTES_EXTRACT_CACHE")
    if setting is not None:
        return None if setting.strip().lower() in _OFF else Path(setting)
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "minutes-extract"
    except RuntimeError:  # no home folder
        return None


def _file(folder: Path) -> Path:
    return folder / f"regex-{__version__}-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"
