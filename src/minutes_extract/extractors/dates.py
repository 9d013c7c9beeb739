"""Calendar dates: '16 October 2017', 'Thursday, 19 October' (meeting's year), 'April 15, 2009',
'15/09/2015', '2017-10-25', ranges '14 – 21 October'; month-only dates kept with precision 'month'."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?P<weekday>(?:Mon|Tues|Tue|Wednes|Wed|Thurs|Thur|Thu|Fri|Satur|Sat|Sun)(?:day)?)"
_ORD = r"(?:st|nd|rd|th|ST|ND|RD|TH)?"
_SP = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"
_DAY_FIRST = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?<![#\d.])(?P<day>\d{{1,2}}){_ORD}"
    rf"(?:\s*(?:-|–|to|&|and)\s*(?P<day2>\d{{1,2}}){_ORD})?(?:\s+of)?{_SP}{_MONTH}"
    rf"(?:,?\s+(?P<year>\d{{4}}|'\d{{2}}|\d{{2}}(?!,?\s*\d{{4}}))(?![\d/:.]\d|\d))?(?!\w)", re.I)
_SP = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"
_MONTH_FIRST = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?{_MONTH}{_SP}(?P<day>\d{{1,2}})(?P<ord>{_ORD})(?![\d,.]\d|\d|\s*(?:am|pm)\b)"
    rf"(?:\s*(?:-|–|&|and|to)\s*(?P<day2>\d{{1,2}}){_ORD}(?!\d))?"
    rf"(?:(?:,|\s)\s*-?\s*(?P<year>\d{{4}}))?(?![\d:])", re.I)
_NUMERIC = re.compile(r"(?<![\w/.-])(?P<a>\d{1,2})[/.](?P<b>\d{1,3})[/.](?P<year>\d{4}|\d{2})(?![\w/]|\.\d)")
_ISO = re.compile(r"(?<![\w/-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w/]|-\d)")
_MONTH_ONLY = re.compile(rf"(?<![\d\w]){_MONTH}\s+(?P<year>\d{{4}})(?!\d)", re.I)


@dataclass
class Mention:
    date: str
    raw: str
    start: int
    end: int
    rule: str
    precision: str = "day"
    end_date: str | None = None
    warning: str | None = None


def _year(y: str | None, default: int | None) -> int | None:
    if not y:
        return default
    y = y.lstrip("'")
    return int(y) + 2000 if len(y) == 2 and int(y) < 70 else int(y) + 1900 if len(y) == 2 else int(y)


def _make(y: int | None, mo: int, d: int) -> date | None:
    if y is None:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _weekday_warning(day: date, weekday: str | None) -> str | None:
    if not weekday:
        return None
    if calendar.day_name[day.weekday()].lower()[:3] != weekday.lower()[:3]:
        return f"{weekday} does not match {day.isoformat()} ({calendar.day_name[day.weekday()]})"
    return None


def _lowered(pattern: re.Pattern) -> re.Pattern:
    """The same pattern for lower-cased text, without re.I (several times faster)."""
    assert not re.search(r"\\[SWDBAZN]", pattern.pattern)
    return re.compile(pattern.pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P="))


_FAST = {p: _lowered(p) for p in (_DAY_FIRST, _MONTH_FIRST, _MONTH_ONLY)}
_MONTH_WORD = re.compile(r"\b(?:jan|feb|ma[ry]|apr|ju[nl]|aug|sep|oct|nov|dec)")  # run on lower-cased text


def _month_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around month names, merged: the only places a written date can be."""
    windows: list[list[int]] = []
    for m in _MONTH_WORD.finditer(text.lower()):
        a, b = max(0, m.start() - 40), min(len(text), m.end() + 30)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    return [(a, b) for a, b in windows]


def _in_windows(pattern: re.Pattern, text: str, windows: list[tuple[int, int]], low: str | None):
    last = -1
    if low is not None:  # lower-cased text of the same length: the fast pattern, same offsets
        pattern, text = _FAST[pattern], low
    for a, b in windows:
        for m in pattern.finditer(text, a, b):
            if m.start() > last:
                last = m.end() - 1
                yield m


def extract_dates(text: str, default_year: int | None) -> list[Mention]:
    """Every calendar date in the text; dates without a year take `default_year` (skipped if None)."""
    found: list[Mention] = []
    covered = bytearray(len(text) + 1)  # characters already inside a date

    def free(a: int, b: int) -> bool:
        return covered.find(1, a, b) == -1

    def take(a: int, b: int) -> None:
        covered[a:b] = b"\x01" * (b - a)

    def add(m, day: date | None, rule: str, day2: date | None = None) -> None:
        if day is None or not free(m.start(), m.end()):
            return
        weekday = m.groupdict().get("weekday")
        raw = text[m.start():m.end()].strip()
        found.append(Mention(day.isoformat(), raw, m.start(), m.end(), rule,
                             end_date=day2.isoformat() if day2 else None,
                             warning=_weekday_warning(day, weekday) if not day2 else None))
        if day2:
            found.append(Mention(day2.isoformat(), raw, m.start(), m.end(), "date.range-end"))
        take(m.start(), m.end())

    windows = _month_windows(text)
    low = text.lower()
    low = low if len(low) == len(text) else None
    for m in _ISO.finditer(text):
        add(m, _make(int(m.group("year")), int(m.group("month")), int(m.group("day"))), "date.iso")
    for m in _in_windows(_DAY_FIRST, text, windows, low):
        mo = MONTHS[m.group("month").lower().rstrip(".")]
        y = _year(m.group("year"), default_year)
        if m.group("year") and len(m.group("year").lstrip("'")) == 2 and not m.group("year").startswith("'"):
            if m.group("weekday") is None and _year(m.group("year"), None) is None:
                continue
        d2 = _make(y, mo, int(m.group("day2"))) if m.group("day2") else None
        add(m, _make(y, mo, int(m.group("day"))), "date.day-month" if m.group("year") else "date.no-year", d2)
    for m in _in_windows(_MONTH_FIRST, text, windows, low):
        mo = MONTHS[m.group("month").lower().rstrip(".")]
        if not m.group("year") and not m.group("ord") and not m.group("weekday") and default_year and \
                abs(2000 + int(m.group("day")) - default_year) <= 1:
            continue  # 'Dec 18' in a 2019 document is December 2018, a month
        y = _year(m.group("year"), default_year)
        d2 = _make(y, mo, int(m.group("day2"))) if m.group("day2") else None
        add(m, _make(y, mo, int(m.group("day"))), "date.month-day", d2)
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        day, month = (a, b) if a > 12 or b <= 12 else (b, a)
        add(m, _make(_year(m.group("year"), None), month, day), "date.numeric")
    for m in _in_windows(_MONTH_ONLY, text, windows, low):
        if free(m.start(), m.end()):
            mo = MONTHS[m.group("month").lower().rstrip(".")]
            found.append(Mention(f"{int(m.group('year')):04d}-{mo:02d}", text[m.start():m.end()], m.start(), m.end(),
                                 "date.month", precision="month"))
            take(m.start(), m.end())
    found.sort(key=lambda x: x.start)
    return found


def full_dates(text: str) -> list[Mention]:
    """Dates that state their own year (for finding the meeting's date and year)."""
    return [m for m in extract_dates(text, None) if m.precision == "day"]
