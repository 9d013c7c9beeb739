"""Money: '£18,143.74', '£710.00 per pallet', '$2.5m', '£54k', '€1,200', '£5-10k', '23p', and the unsigned
figures of payment tables (Net | VAT | Gross) in a document whose money is in one currency."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "gbp": "GBP", "usd": "USD", "eur": "EUR", "us$": "USD"}
MULTIPLIERS = {"k": 1000, "m": 1_000_000, "mn": 1_000_000, "million": 1_000_000, "bn": 1_000_000_000,
               "billion": 1_000_000_000, "thousand": 1000}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
_MULT = r"[kKmM]|[mM]n|bn|[mM]illion|[bB]illion|[tT]housand"
_MONEY = re.compile(  # starts with a symbol: the regex engine skips to the next '£', '$' or '€' at C speed
    rf"(?P<cur>[£€$])(?P<num>{_NUM})(?!\d)"
    rf"(?:\s?(?P<mult>{_MULT})\b)?"
    rf"(?:\s?(?:-|–|to)\s?(?:£|\$|€)?(?P<upper>{_NUM})(?:\s?(?P<umult>{_MULT})\b)?)?")
_CODED = re.compile(rf"\b(?P<cur>GBP|USD|EUR)\s?(?P<num>{_NUM})(?!\d)(?:\s?(?P<mult>{_MULT})\b)?")
_PENCE = re.compile(r"(?<![\w.£$€])(?P<num>\d{1,2})p\b(?=\s+(?:a|an|per|each|for)\b)")
_WORDED = re.compile(rf"(?<![\w.])(?P<num>{_NUM})\s(?P<cur>pounds|dollars|euros)\b", re.I)
_TABLE_CELL = re.compile(r"(?<![\w./:£$€-])(?P<num>\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2})(?![\w./%]|\.\d)")
_MONEY_TABLE_CONTEXT = re.compile(r"\b(?:net|vat|gross|total|payee|supplier|payments?|amount|balance|cheque|"
                                  r"chq|invoice|bills?|accounts?)\b")  # run on lower-cased text


@dataclass
class Money:
    value: Decimal
    currency: str
    raw: str
    start: int
    end: int
    rule: str
    upper: Decimal | None = None


def _value(num: str, mult: str | None) -> Decimal:
    v = Decimal(num.replace(",", ""))
    return v * MULTIPLIERS[mult.lower()] if mult else v


def extract_amounts(text: str) -> list[Money]:
    """Every money amount, one per mention."""
    found: list[Money] = []
    for m in _MONEY.finditer(text):
        cur = SYMBOLS[m.group("cur")]
        mult = m.group("mult") or (m.group("umult") if m.group("upper") else None)
        upper = _value(m.group("upper"), m.group("umult")) if m.group("upper") else None
        found.append(Money(_value(m.group("num"), mult), cur, m.group().strip(), m.start(), m.end(),
                           "amount.symbol", upper))
    for m in _CODED.finditer(text) if ("GBP" in text or "USD" in text or "EUR" in text) else ():
        found.append(Money(_value(m.group("num"), m.group("mult")), m.group("cur"), m.group(), m.start(), m.end(),
                           "amount.code"))
    low = text.lower()
    for m in _WORDED.finditer(text) if ("pound" in low or "dollar" in low or "euro" in low) else ():
        cur = {"pounds": "GBP", "dollars": "USD", "euros": "EUR"}[m.group("cur").lower()]
        found.append(Money(_value(m.group("num"), None), cur, m.group(), m.start(), m.end(), "amount.words"))
    for m in _PENCE.finditer(text) if ("p a " in text or "p per " in text or "p each" in text
                                       or "p an " in text or "p for " in text) else ():
        found.append(Money(Decimal(m.group("num")) / 100, "GBP", m.group(), m.start(), m.end(), "amount.pence"))
    if found and ("net" in low or "vat" in low or "gross" in low):
        found.extend(_table_amounts(text, found))
    found.sort(key=lambda a: a.start)
    return found


def _table_amounts(text: str, signed: list[Money]) -> list[Money]:
    """Unsigned figures in rows of a payments table: lines or runs holding several 2-decimal figures,
    near a header naming money columns (Net, VAT, Gross, Total)."""
    currency = Counter(a.currency for a in signed).most_common(1)
    currency = currency[0][0] if currency else None
    if not currency:
        return []
    covered = bytearray(len(text) + 1)
    for a in signed:
        covered[a.start:a.end] = b"\x01" * (a.end - a.start)
    low = text.lower()
    headers = [m.start() for m in re.finditer(r"\b(?:net|vat|gross)\b", low)]
    money_words = [m.start() for m in _MONEY_TABLE_CONTEXT.finditer(low)]

    def near(positions: list[int], pos: int, reach: int) -> bool:
        k = bisect_left(positions, pos)
        return k > 0 and pos - positions[k - 1] <= reach

    out = []
    for m in _TABLE_CELL.finditer(text):
        if covered[m.start()] or text[max(0, m.start() - 1):m.start()] in ("£", "$", "€"):
            continue
        if Decimal(m.group("num").replace(",", "")) == 0:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start:line_end if line_end != -1 else len(text)]
        if len(_TABLE_CELL.findall(line)) < 2 and "|" not in line:
            continue  # a payments row holds several figures or is a table row
        if not near(money_words, m.start(), 600) or not near(headers, m.start(), 1500):
            continue
        out.append(Money(Decimal(m.group("num").replace(",", "")), currency, m.group(), m.start(), m.end(),
                         "amount.table-cell"))
    return out
