"""Money: '£18,143.74', '£710.00 per pallet', '$2.5m', '£54k', '€1,200', '£5-10k', '23p', 'S$400', '4500 USD',
'$10, 743', '£201-00p', and the unsigned figures of payment tables (Net | VAT | Gross). A bare '$' is the dollar
of the document's country (signals); symbols, codes and words are data in models/amounts.json."""
from __future__ import annotations

import math
import re
from collections import Counter
from itertools import islice
from dataclasses import dataclass
from decimal import Decimal

from .. import rx
from ..lexicon import after_guard, longest_first, rule_table
from ..signals import Signals, lowered_text, opening_before

MULTIPLIERS = {"k": 1000, "m": 1_000_000, "mn": 1_000_000, "million": 1_000_000, "bn": 1_000_000_000,
               "billion": 1_000_000_000, "thousand": 1000}
_RULES = rule_table("amounts")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,3}(?:, \d{3})+(?![\d,])|\d+(?:\.\d{1,2})?"  # '$10, 743' too
_MULT = r"[kKmM]|[mM]n|bn|[mM]illion|[bB]illion|[tT]housand"
_SYMBOL = "(?:" + "|".join(re.escape(k) for k in longest_first(_RULES["symbols"])) + ")"
_LEAD_SYMBOL = after_guard(longest_first(_RULES["symbols"]), r"[\d.,]")  # not written after a figure
_SPACED = r"\d{1,3}(?: \d{3})+(?![\d.,])"  # '£ 1 000': spaces between thousands, only after a symbol
_END = r"(?!\d|[.,]\d)"  # not cut inside a figure ('$269,1', '£10.527')
_MONEY = rx.compile(  # a symbol not written after a figure ('32,827.60£ 10176420.00£' is a broken table)
    rf"(?P<cur>{_LEAD_SYMBOL}) ?(?P<num>{_SPACED}|{_NUM}){_END}"
    rf"(?:-(?P<pence>\d{{2}})p\b|-(?P<pence0>0\d)(?!\d))?"  # '£201-00p': pounds and pence
    rf"(?:\s?(?P<mult>{_MULT})\b)?"
    rf"(?:\s?(?:-|–|to)\s?(?P<cur2>{_SYMBOL})?\s?(?P<upper>{_NUM}){_END}(?:\s?(?P<umult>{_MULT})\b)?)?")
_CODES = "(?:" + "|".join(_RULES["codes"]) + ")"
_CODED = rx.compile(rf"\b(?P<cur>{_CODES})\s?(?P<num>{_NUM}){_END}(?:\s?(?P<mult>{_MULT})\b)?|"
                    rf"(?<![\w.,])(?P<num2>{_NUM})(?:\s?(?P<mult2>{_MULT}))?\s?(?P<cur2>{_CODES})\b")
_ANY_CODE = rx.compile(after_guard(_RULES["codes"], r"\w") + r"\b")  # \bCODE\b
_SYMBOL_MARKS = {symbol[-1] for symbol in _RULES["symbols"]}  # every symbol ends in one: '£', '€', '$'
# a lookbehind after a pattern's first digit rather than before it: `\d(?<![x]\d)` is `(?<![x])\d`, and a
# pattern that opens with a digit is only tried where a digit is
_PENCE = rx.compile(r"(?P<num>\d(?<![\w.£$€]\d)\d?)p\b(?=\s+(?:a|an|per|each|for)\b)")
_PENCE_MARK = rx.compile(r"p\b(?=\s+(?:a|an|per|each|for)\b)(?<=\dp)")  # the 'p' of a _PENCE match: 1 or 2 after it
_PENCE_HINT = rx.compile(r"p (?:a |per |each|an |for )")  # what a text must hold for pence to be looked for
_WORDED = rx.compile(rf"(?<![\w.])(?P<num>{_NUM})\s(?P<cur>{'|'.join(_RULES['words'])})\b", re.I)
# the currency words a text must hold one of for _WORDED to match, none holding another ('pound' for 'pounds')
_WORD_NEEDLES = [w for w in _RULES["words"] if not any(v != w and v in w for v in _RULES["words"])]
_TABLE_CELL = rx.compile(r"(?P<num>\d(?<![\w./:£$€-]\d)(?:\d{0,2}(?:,\d{3})+\.\d{2}|\d*\.\d{2}))(?![\w./%]|\.\d)")
_MONEY_TABLE_CONTEXT = rx.compile(after_guard(  # whole words, run on lower-cased text
    ["net", "vat", "gross", "total", "payee", "supplier", "payments", "payment", "amount", "balance", "cheque",
     "chq", "invoice", "bills", "bill", "accounts", "account"], r"\w") + r"\b")
_MONEY_TABLE_HEADER = rx.compile(after_guard(["net", "vat", "gross"], r"\w") + r"\b")  # on lower-cased text


@dataclass
class Money:
    value: Decimal
    currency: str
    raw: str
    start: int
    end: int
    rule: str
    upper: Decimal | None = None


def _value(num: str, mult: str | None, pence: str | None = None) -> Decimal:
    v = Decimal(num.replace(",", "").replace(" ", "") + (f".{pence}" if pence else ""))
    return v * MULTIPLIERS[mult.lower()] if mult else v


def _currency(written: str | None, signals: Signals) -> str:
    """The ISO code of a written symbol or word; a bare dollar is the document's."""
    return written or signals.dollar()


def extract_amounts(text: str, signals: Signals | None = None) -> list[Money]:
    """Every money amount, one per mention; a range written with two symbols ('$4000 -$5000') is two."""
    signals = signals or Signals()
    symbols = _RULES["symbols"]
    found: list[Money] = []
    for m in _MONEY.finditer(text) if any(mark in text for mark in _SYMBOL_MARKS) else ():
        cur = _currency(symbols[m.group("cur")], signals)
        pence = m.group("pence") or m.group("pence0")
        if m.group("cur2"):  # two amounts
            first_end = max(m.end(g) for g in ("num", "pence", "pence0", "mult"))
            found.append(Money(_value(m.group("num"), m.group("mult"), pence), cur, text[m.start():first_end],
                               m.start(), first_end, "amount.symbol"))
            found.append(Money(_value(m.group("upper"), m.group("umult")), _currency(symbols[m.group("cur2")],
                               signals), text[m.start("cur2"):m.end()], m.start("cur2"), m.end(), "amount.symbol"))
            continue
        mult = m.group("mult") or (m.group("umult") if m.group("upper") else None)
        upper = _value(m.group("upper"), m.group("umult")) if m.group("upper") else None
        found.append(Money(_value(m.group("num"), mult, pence), cur, m.group().strip(), m.start(), m.end(),
                           "amount.symbol", upper))
    for m in _CODED.finditer(text) if _ANY_CODE.search(text) else ():
        num, mult, cur = (m.group("num"), m.group("mult"), m.group("cur")) if m.group("num") else \
            (m.group("num2"), m.group("mult2"), m.group("cur2"))
        found.append(Money(_value(num, mult), cur, m.group(), m.start(), m.end(), "amount.code"))
    low = lowered_text(text)
    words = _RULES["words"]
    for m in _WORDED.finditer(text) if any(w in low for w in _WORD_NEEDLES) else ():
        cur = _currency(words[m.group("cur").lower()], signals)
        found.append(Money(_value(m.group("num"), None), cur, m.group(), m.start(), m.end(), "amount.words"))
    for m in _pence(text) if _PENCE_HINT.search(text) else ():
        found.append(Money(Decimal(m.group("num")) / 100, "GBP", m.group(), m.start(), m.end(), "amount.pence"))
    currency = _document_currency(found, signals)
    if found and ("net" in low or "vat" in low or "gross" in low):
        found.extend(_table_amounts(text, low, found, currency))
    if currency and "|" in text:
        found.extend(_money_columns(text, currency))
    found.sort(key=lambda a: a.start)
    return found


def _pence(text: str) -> list[re.Match]:
    """_PENCE.finditer(text), tried only before each 'p' that can end a figure in pence."""
    return opening_before(_PENCE, text, [m.start() for m in _PENCE_MARK.finditer(text)], (2, 1))


def _document_currency(signed: list[Money], signals: Signals) -> str | None:
    """The currency of unsigned money: that of the document's signed amounts, else its country's."""
    common = Counter(a.currency for a in signed).most_common(1)
    return common[0][0] if common else signals.currency


_MONEY_HEADER = rx.compile(r"^(?:amount|cost|costs|net|vat|gross|total|price|budget|balance|payment|paid|fee|"
                           r"fees|value|income|expenditure|spend|spent)\b", re.I)
_PLAIN_CELL = rx.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\d+(?:\.\d{2})?")


def _money_columns(text: str, currency: str) -> list[Money]:
    """Unsigned figures in the money columns of a pipe table: a column whose header names money ('Amount',
    'Cost', 'Total') holds amounts in the document's currency even without a symbol."""
    out, columns, pos = [], set(), 0
    for line in text.split("\n"):
        cells = line.strip().strip("|").split("|") if line.lstrip().startswith("|") else None
        if cells is None:
            columns = set()
        elif any(_MONEY_HEADER.match(c.strip()) for c in cells) and not any(_PLAIN_CELL.fullmatch(c.strip())
                                                                          for c in cells):
            columns = {k for k, c in enumerate(cells) if _MONEY_HEADER.match(c.strip())}
        else:
            offset = pos + line.index("|") + 1 if line.lstrip().startswith("|") else pos
            for k, cell in enumerate(cells):
                figure = cell.strip()
                start = offset + len(cell) - len(cell.lstrip())
                if k in columns and _PLAIN_CELL.fullmatch(figure) and \
                        Decimal(figure.replace(",", "")) != 0:
                    out.append(Money(Decimal(figure.replace(",", "")), currency, figure, start, start + len(figure),
                                     "amount.money-column"))
                offset += len(cell) + 1
        pos += len(line) + 1
    return out


def _table_amounts(text: str, low: str, signed: list[Money], currency: str | None) -> list[Money]:
    """Unsigned figures in rows of a payments table: lines or runs holding several 2-decimal figures,
    near a header naming money columns (Net, VAT, Gross, Total). `low` is the lower-cased text."""
    if not currency:
        return []
    covered = bytearray(len(text) + 1)
    for a in signed:
        covered[a.start:a.end] = b"\x01" * (a.end - a.start)
    out = []
    money_word, header = _preceded_by(_MONEY_TABLE_CONTEXT, low, 600), _preceded_by(_MONEY_TABLE_HEADER, low, 1500)
    line = (0, -1, False)  # the start and end of the line read last, and whether it may be a payments row
    for m in _TABLE_CELL.finditer(text):
        if covered[m.start()] or Decimal(m.group("num").replace(",", "")) == 0:
            continue
        if m.start() > line[1]:
            line = _payments_row(text, text.rfind("\n", line[0], m.start()) + 1)
        if not line[2]:
            continue
        if not (money_word(m.start()) and header(m.start())):
            continue
        out.append(Money(Decimal(m.group("num").replace(",", "")), currency, m.group(), m.start(), m.end(),
                         "amount.table-cell"))
    return out


def _preceded_by(words: re.Pattern, low: str, reach: int):
    """A test of whether a match of `words` (whole words, so no two overlap) starts in `low` fewer than `reach` + 1
    characters before a position, asked for positions in ascending order: a search resumes only once the
    last match found falls out of reach, so the text is read once at most, and only as far as asked."""
    following = -1  # the first match's start at or after the last search's start

    def near(pos: int) -> bool:
        nonlocal following
        start = max(0, pos - reach)
        if following < start:
            m = words.search(low, start)
            following = m.start() if m else math.inf
        return following < pos

    return near


def _payments_row(text: str, start: int) -> tuple[int, int, bool]:
    """The line starting at `start`: its start, its end, and whether it may be a payments row (it holds several
    figures or is a table row)."""
    end = text.find("\n", start)
    end = end if end != -1 else len(text)
    return start, end, "|" in text[start:end] or next(islice(_TABLE_CELL.finditer(text, start, end), 1, None),
                                                       None) is not None
