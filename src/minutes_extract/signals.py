"""Document signals, computed once per document and read by every extractor: which country the minutes come
from (currency of a bare '$', order of numeric dates), how items are numbered, and the style of minutes.
The cues are data in models/signals.json."""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import models_dir

_DOLLARS = {"USD", "SGD", "CAD", "AUD", "NZD", "HKD"}


@dataclass(frozen=True)
class Signals:
    """What the whole document says about how to read its parts."""

    locale: str = "other"          # "UK", "US" or "other"
    country: str | None = None     # the country whose cues won ('SG', 'CA', ...), None when no cue was found
    currency: str | None = None    # ISO code of the country's money: a bare '$', an unsigned money column
    day_first: bool | None = None  # numeric dates written day first (3/1/2022 = 3 January); None: not known
    numbering: str = "none"        # "dotted" ('21.01.03'), "lettered" ('5.a'), "slash" ('01/19'), "decimal"
                                   # ('4.2'), "plain" ('4.') or "none"
    style: str = "other"           # "council", "technical", "board" or "other"

    def dollar(self) -> str:
        """The currency a bare '$' stands for."""
        return self.currency if self.currency in _DOLLARS else "USD"


@lru_cache(maxsize=None)
def rule_table(name: str) -> dict:
    """A named rule table under models/ ('signals', 'amounts', 'meeting', ...)."""
    return json.loads((models_dir() / f"{name}.json").read_text(encoding="utf-8"))


def _table() -> dict:
    return rule_table("signals")


def _cue_pattern(cues: list[str]) -> re.Pattern:
    parts = [(r"(?<!\w)" if c[0].isalnum() else "") + re.escape(c) + (r"(?!\w)" if c[-1].isalnum() else "")
             for c in sorted(cues, key=len, reverse=True)]
    return re.compile("|".join(parts))


@lru_cache(maxsize=None)
def _patterns(section: str) -> dict[str, re.Pattern]:
    return {name: _cue_pattern(spec["cues"] if isinstance(spec, dict) else spec)
            for name, spec in _table()[section].items() if not name.startswith("_")}


@lru_cache(maxsize=None)
def _numbering() -> dict[str, re.Pattern]:
    return {name: re.compile(p, re.M) for name, p in _table()["numbering"].items() if not name.startswith("_")}


def _winner(text: str, patterns: dict[str, re.Pattern]) -> str | None:
    """The name whose patterns match most distinct cues (ties go to the first listed)."""
    scores = {name: len(set(p.findall(text))) for name, p in patterns.items()}
    best = max(scores, key=lambda n: scores[n], default=None)
    return best if best and scores[best] else None


_NUMERIC_DATE = re.compile(r"(?<![\w/.-])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\w/])")


def _date_order(text: str) -> bool | None:
    """Day first or month first, as the document's own unambiguous numeric dates show ('25/3/2022')."""
    votes = Counter()
    for a, b in _NUMERIC_DATE.findall(text):
        if int(a) > 12 >= int(b):
            votes[True] += 1
        elif int(b) > 12 >= int(a):
            votes[False] += 1
    return votes.most_common(1)[0][0] if votes else None


def numbering_scheme(text: str) -> str:
    """The item numbering most lines open with (each line matches one scheme's pattern at most)."""
    counts = Counter()
    for name, pattern in _numbering().items():
        counts[name] = len(pattern.findall(text))
    best, n = max(counts.items(), key=lambda kv: kv[1], default=("none", 0))
    return best if n >= 2 else "none"


def document_signals(text: str) -> Signals:
    """The signals of one document (one pass per cue table, linear in the text)."""
    country = _winner(text, _patterns("countries"))
    spec = _table()["countries"].get(country, {}) if country else {}
    order = _date_order(text)
    return Signals(locale=country if country in ("UK", "US") else "other", country=country,
                   currency=spec.get("currency"),
                   day_first=order if order is not None else spec.get("day_first"),
                   numbering=numbering_scheme(text), style=_winner(text, _patterns("styles")) or "other")
