"""The rule assets under models/: word lists and phrase patterns the extractors share."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_CANDIDATES = (_HERE / "models", _HERE.parents[1] / "models")


def models_dir() -> Path:
    """The folder holding the rule assets (packaged copy first, then the source tree's)."""
    for folder in _CANDIDATES:
        if (folder / "lexicon.json").is_file():
            return folder
    raise FileNotFoundError("minutes_extract rule assets (models/lexicon.json) are missing")


@lru_cache(maxsize=None)
def rule_table(name: str) -> dict:
    """A named rule table under models/ ('lexicon', 'actions', 'votes', 'signals', ...), read once."""
    return json.loads((models_dir() / f"{name}.json").read_text(encoding="utf-8"))


def lexicon() -> dict:
    return rule_table("lexicon")


@lru_cache(maxsize=None)
def words(key: str) -> frozenset[str]:
    """A lower-cased word list from the lexicon."""
    return frozenset(w.lower() for w in lexicon()[key])


def longest_first(items) -> list[str]:
    """Words in the order a regex alternation needs (longest first), the same in every run: patterns built
    from sets stay byte-identical, so the compiled-pattern cache (rx.py) finds them."""
    return sorted(items, key=lambda item: (-len(item), item))


@lru_cache(maxsize=None)
def alternation(key: str) -> str:
    """A regex alternation of a lexicon list, longest first, phrases matched with flexible spaces."""
    return "(?:" + "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in longest_first(lexicon()[key])) + ")"
