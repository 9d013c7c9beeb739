"""minutes-extract: meeting minutes (text, markdown, PDF, Word, HTML) to validated structured data."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["extract", "load", "Minutes", "InputError", "__version__"]

_HOME = {"extract": "pipeline", "load": "pipeline", "Minutes": "schema", "InputError": "errors"}


def __getattr__(name: str):
    """The API is imported on first use, so `minutes-extract --version` and `import minutes_extract` stay fast."""
    if name not in _HOME:
        raise AttributeError(f"module 'minutes_extract' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{_HOME[name]}", __name__), name)
