"""minutes-extract: meeting minutes (text, markdown, PDF, Word, HTML) to validated structured data."""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import InputError  # noqa: E402
from .pipeline import extract, load  # noqa: E402
from .schema import Minutes  # noqa: E402

__all__ = ["extract", "load", "Minutes", "InputError", "__version__"]
