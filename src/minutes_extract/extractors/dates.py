"""Calendar dates: '16 October 2017', 'Thursday, 19 October' (meeting's year), 'April 15, 2009',
'15/09/2015', '2017-10-25', ranges '14 – 21 October'; month-only dates kept with precision 'month'."""
from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from bisect import bisect_left
from datetime import date

from .. import rx
from ..lexicon import by_first_letter, guarded, openings
from ..signals import Signals, lowered_text, opening_before, separators

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov",
                "Dec")
_WEEKDAY_STEMS = ("Mon", "Tues", "Tue", "Wednes", "Wed", "Thurs", "Thur", "Thu", "Fri", "Satur", "Sat", "Sun")
_MONTH = rf"(?P<month>{'|'.join(_MONTH_NAMES)})\.?"
_WEEKDAY = rf"(?P<weekday>(?:{'|'.join(_WEEKDAY_STEMS)})(?:day)?)"
_ORD = r"(?:st|nd|rd|th|ST|ND|RD|TH)?"
_SP = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"
_DAY_FIRST = rx.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?<![#\d.])(?P<day>\d{{1,2}}){_ORD}"
    rf"(?:\s*(?:-|–|to|&|and)\s*(?P<day2>\d{{1,2}}){_ORD})?(?:\s+of)?{_SP}{_MONTH}"
    rf"(?:,?\s+(?P<year>\d{{4}}|'\d{{2}}|\d{{2}}(?!,?\s*\d{{4}}))(?![\d/:.]\d|\d))?(?!\w)", re.I)
_SP = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"
_MONTH_FIRST = rx.compile(
    rf"(?:{_WEEKDAY},?\s+)?{_MONTH}{_SP}(?P<day>\d{{1,2}})(?P<ord>{_ORD})(?![\d,.]\d|\d|\s*(?:am|pm)\b)"
    rf"(?:\s*(?:-|–|&|and|to|(?P<slash>/))\s*(?P<day2>\d{{1,2}}){_ORD}(?!\d))?"
    rf"(?:(?:,|\s)\s*-?\s*(?P<year>\d{{4}}))?(?![\d:])", re.I)
# a lookbehind after a pattern's first digit rather than before it: `\d(?<![x]\d)` is `(?<![x])\d`, and a
# pattern that opens with a digit is only tried where a digit is
_NUMERIC = rx.compile(r"(?P<a>\d(?<![\w/.-]\d)\d?)(?P<sep>[/.-])(?P<b>\d{1,3})(?P=sep)(?P<year>\d{4}|\d{2})"
                      r"(?![\w/]|\.\d)")
_ISO = rx.compile(r"(?P<year>\d(?<![\w/-]\d)\d{3})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w/]|-\d)")
_MONTH_LABEL = rx.compile(r"\b(?:jan|feb|ma[ry]|apr|ju[nl]|aug|sep|oct|nov|dec)[a-z]*\.?[-'’]$")  # 'Jan-'
_LABEL_YEAR = rx.compile(r"[-'’]\d{2}(?!\d)")  # the '-06' of a month label 'Feb-06'
_NUMBERED_HEADING = rx.compile(r"[.)]\s")  # '7. BUDGET' after a figure that opens a line
_IN_A_LIST = rx.compile(rf"\s*(?:,|and|&)\s*{_MONTH}\s*\d", re.I)
_LIST_BEFORE = rx.compile(rf"{_MONTH}\s*\d{{1,2}}\s*(?:,|and|&)\s*$", re.I)
_MONTH_ONLY = rx.compile(rf"(?<![\d\w]){_MONTH}\s+(?P<year>\d{{4}})(?!\d)", re.I)


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


@dataclass
class Found:
    """A date as written, before a missing year is supplied from the meeting's."""

    start: int
    end: int
    rule: str
    year: int | None  # None: written without a year
    month: int
    day: int | None = None  # None: a month-only date
    day2: int | None = None  # the end of a range '14 - 21 October'
    weekday: str | None = None
    may_be_month_year: bool = False  # 'Dec 18': December 2018 when the meeting is in 2017-2019


def _year(y: str | None) -> int | None:
    if not y:
        return None
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


_ESCAPE_OR_TEXT = rx.compile(r"\\.|[^\\]+", re.S)


def lower_pattern(pattern: str) -> str:
    """A case-insensitive pattern's text for lower-cased text: lower-cased but for its escapes, which keep their
    meaning ('\\S' stays '\\S') and the group syntax ('(?P<name>')."""
    low = "".join(part if part[0] == "\\" else part.lower() for part in _ESCAPE_OR_TEXT.findall(pattern))
    return low.replace("(?p<", "(?P<").replace("(?p=", "(?P=")


def lowered(pattern: re.Pattern) -> re.Pattern:
    """The same pattern for lower-cased text, without re.I (several times faster); its other flags kept."""
    return rx.compile(word_first(lower_pattern(pattern.pattern)), pattern.flags & ~(re.I | re.U))


# '\b' opening a pattern before a lower-case letter, or before a group of lower-case words, none quantified
_LEADING_WORDS = rx.compile(r"\\b(?:(?P<letter>[a-z])|\(\?:(?P<words>[a-z]+(?:\|[a-z]+)*)\))(?![?*+{])")


def word_first(pattern: str) -> str:
    """`pattern` with an opening '\\b' before a word (or a group of words) written as a lookbehind after the
    word's first letter instead (`\\bcalled` as `c(?<!\\wc)alled`): the same matches, but a pattern that opens
    with a letter is only tried where that letter is (one that opens with '\\b' at every position)."""
    m = _LEADING_WORDS.match(pattern)
    if not m:
        return pattern
    words = [m.group("letter")] if m.group("letter") else m.group("words").split("|")
    first = "|".join(guarded(w[0], r"\w") + w[1:] for w in words)
    return (first if m.group("letter") else f"(?:{first})") + pattern[m.end():]


_FAST = {p: lowered(p) for p in (_DAY_FIRST, _MONTH_FIRST, _MONTH_ONLY)}
# where a match of each fast pattern can open: the first three letters of a weekday (all but _MONTH_ONLY) or
# of a month (all but _DAY_FIRST), 'the' or a day's first figure (_DAY_FIRST)
_WEEKDAY_OPENINGS = {w[:3].lower() for w in _WEEKDAY_STEMS}
_MONTH_OPENINGS = {m[:3].lower() for m in _MONTH_NAMES}
_OPENINGS = {_DAY_FIRST: rx.compile(openings(_WEEKDAY_OPENINGS | {"the"}) + r"|\d(?<![#\d.]\d)"),
             _MONTH_FIRST: rx.compile(openings(_WEEKDAY_OPENINGS | _MONTH_OPENINGS)),
             _MONTH_ONLY: rx.compile(openings(_MONTH_OPENINGS))}
_DIGIT = rx.compile(r"\d")
# a word opening with a month's name, run on lower-cased text: one pattern per first letter ('j(?:an|ul|un)'), each
# opening with a literal the regex engine skips to (no two overlap, as each opens a word); the lookbehind is
# `(?<!\w)` before the three letters
_MONTH_WORDS = [rx.compile(rf"{first}(?:{rests})(?<!\w...)")
                for first, rests in by_first_letter(_MONTH_OPENINGS).items()]


def _month_windows(text: str, lower_text: str) -> list[tuple[int, int]]:
    """Stretches of text around month names, merged, that hold a figure: the only places a written date can be
    (every pattern run in them needs a digit). `lower_text` is text.lower()."""
    windows: list[list[int]] = []
    for start, end in sorted(m.span() for month in _MONTH_WORDS for m in month.finditer(lower_text)):
        a, b = max(0, start - 40), min(len(text), end + 30)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    return [(a, b) for a, b in windows if _DIGIT.search(text, a, b)]


def _in_windows(pattern: re.Pattern, text: str, windows: list[tuple[int, int]], low: str | None):
    """The matches of `pattern` (one of _FAST's) inside the windows, each window read as a text of its own. On
    `low` (text.lower(), of the same length; None if not) the fast pattern is tried only where one of its
    openings is (_OPENINGS): the matches finditer would find, as no match opens elsewhere."""
    if low is None:
        for a, b in windows:
            yield from pattern.finditer(text, a, b)
        return
    pattern, openings = _FAST[pattern], _OPENINGS[pattern]
    for a, b in windows:
        end = a  # where the last match ended
        for opening in openings.finditer(low, a, b):
            if opening.start() >= end:
                m = pattern.match(low, opening.start(), b)
                if m:
                    end = m.end()
                    yield m


_REFERENCE_WORD = rx.compile(r"\b(?:item|minute|min|ref|no|resolved|resolution|res)\.?:?\s*$", re.I)
_OUTLINE_PREFIX = rx.compile(r"[\s|#*\-\d.]*")  # what may stand before an item number on its line


def _outline_openings(text: str):
    """A test of whether only outline figures and marks ('4.4.4. ', '|', '#') stand before a position on its
    line, asked for positions in ascending order (each line read once)."""
    line = (0, -1, 0)  # the start and end of the line read last, and where the outline marks opening it end

    def opens(pos: int) -> bool:
        nonlocal line
        if pos > line[1]:
            start = text.rfind("\n", max(line[1], 0), pos) + 1
            end = text.find("\n", pos)
            end = end if end != -1 else len(text)
            line = start, end, _OUTLINE_PREFIX.match(text, start, end).end()
        return line[2] >= pos

    return opens


def _item_number(text: str, m: re.Match, signals: Signals | None, opens_line) -> bool:
    """'19.09.01' is an item number (item 1 of September 2019's meeting), not a date: a figure named as an item,
    minute or resolution ('Item 15/03/04'), a figure with a two-digit year that opens a line (after nothing but
    outline figures: '4.4.4. 4.4.10') written with dots or with the slashes of the document's own item numbers,
    or any dotted such figure in a document whose items are numbered with dots. `opens_line` is the document's
    `_outline_openings`."""
    if _REFERENCE_WORD.search(text, max(0, m.start() - 14), m.start()):
        return True
    if len(m.group("year")) != 2:
        return False
    sep = m.group("sep")
    own = signals is not None and signals.numbering == {".": "dotted", "/": "slash"}.get(sep)  # items' form
    if sep == "." and own:
        return True
    if sep != "." and not own:
        return False
    return opens_line(m.start())


def _references(text: str, numeric: list[re.Match], signals: Signals | None, year: int | None) -> set[int]:
    """Starts of numeric figures that are minute references, not dates: any `_item_number`; figures sharing
    their first two parts with another that differs in the last ('14/06/10', '14/06/11': minutes 10 and 11 of
    June 2014's meeting); a figure whose first part is the year of the document's written dates while its
    date reading falls in another year ('14/11/12' in minutes of 2014)."""
    short = [m for m in numeric if len(m.group("year")) == 2]  # references end in an item's two figures
    lasts: dict[tuple[str, str, str], set[str]] = {}
    for m in short:
        lasts.setdefault((m.group("a"), m.group("sep"), m.group("b")), set()).add(m.group("year"))
    opens_line = _outline_openings(text)
    out = {m.start() for m in numeric if _item_number(text, m, signals, opens_line)}
    for m in short:
        a, b, y = m.group("a"), m.group("b"), m.group("year")
        as_year = len(a) == 2 and year is not None and _year(a) == year and int(b) <= 12 and _year(y) != year
        if as_year or len(lasts[(a, m.group("sep"), b)]) > 1:
            out.add(m.start())
    return out


def _numeric(a: int, b: int, signals: Signals | None) -> tuple[int, int]:
    """(day, month) of a numeric date: the order the document writes (day first unless it is known to write
    month first), the other order when the first reading is impossible."""
    month_first = signals is not None and signals.day_first is False
    if month_first:
        return (b, a) if a <= 12 else (a, b)
    return (a, b) if a > 12 or b <= 12 else (b, a)


def scan_dates(text: str, signals: Signals | None = None) -> list[Found]:
    """Every calendar date written in the text, in order, each found once (years not yet supplied)."""
    found: list[Found] = []
    covered = bytearray(len(text) + 1)  # characters already inside a date

    def add(m: re.Match, rule: str, year: int | None, month: int, day: int | None, day2: int | None = None,
            may_be_month_year: bool = False, end: int | None = None) -> None:
        end = end or m.end()
        if covered.find(1, m.start(), end) != -1:
            return
        if year is not None and day is not None and (_make(year, month, day) is None or
                                                     day2 is not None and _make(year, month, day2) is None):
            return
        if year is None and day is not None and (_make(2000, month, day) is None):  # 2000: 29 February exists
            return
        found.append(Found(m.start(), end, rule, year, month, day, day2, m.groupdict().get("weekday"),
                           may_be_month_year))
        covered[m.start():end] = b"\x01" * (end - m.start())

    lower_text = lowered_text(text)
    windows = _month_windows(text, lower_text)
    low = lower_text if len(lower_text) == len(text) else None
    seps = separators(text, "/.-")
    for m in opening_before(_ISO, text, [s for s in seps if text[s] == "-"], (4,)):
        add(m, "date.iso", int(m.group("year")), int(m.group("month")), int(m.group("day")))
    for m in _in_windows(_DAY_FIRST, text, windows, low):
        if _MONTH_LABEL.search(text[max(0, m.start() - 10):m.start()].lower()) and \
                _LABEL_YEAR.match(text, m.end("month")):
            continue  # 'Jan-06 Feb-06': month labels, the figure between them the year of one, never a day
        mo = MONTHS[m.group("month").lower().rstrip(".")]
        y = _year(m.group("year"))
        if m.group("year") and len(m.group("year").lstrip("'")) == 2 and not m.group("year").startswith("'"):
            if m.group("weekday") is None and y is None:
                continue
        add(m, "date.day-month" if m.group("year") else "date.no-year", y, mo, int(m.group("day")),
            int(m.group("day2")) if m.group("day2") else None)
    for m in _in_windows(_MONTH_FIRST, text, windows, low):
        if "\n" in text[m.end("month"):m.start("day")] and _NUMBERED_HEADING.match(text, m.end("ord")):
            continue  # 'Feb' ending a line and '7. BUDGET REVIEW' opening the next: no date across the break
        mo = MONTHS[m.group("month").lower().rstrip(".")]
        bare = not m.group("year") and not m.group("ord") and not m.group("weekday") and \
            not _IN_A_LIST.match(text, m.end()) and not _LIST_BEFORE.search(text, max(0, m.start() - 20), m.start())
        # 'Dec 18' may be December 2018; 'October 19, November 16' are days
        day2 = int(m.group("day2")) if m.group("day2") else None
        end = None
        if m.group("slash") and day2 != int(m.group("day")) + 1:  # 'October 7/8' is a weekend, '27/20' no range
            day2, end = None, m.end("ord")
        add(m, "date.month-day", _year(m.group("year")), mo, int(m.group("day")), day2, may_be_month_year=bare,
            end=end)
    numeric = opening_before(_NUMERIC, text, seps, (2, 1))
    references = _references(text, numeric, signals, commonest_year(found))
    for m in numeric:
        if m.start() in references:
            continue
        day, month = _numeric(int(m.group("a")), int(m.group("b")), signals)
        if month <= 12:
            add(m, "date.numeric", _year(m.group("year")), month, day)
    for m in _in_windows(_MONTH_ONLY, text, windows, low):
        add(m, "date.month", int(m.group("year")), MONTHS[m.group("month").lower().rstrip(".")], None)
    found.sort(key=lambda x: x.start)
    return found


def commonest_year(found: list[Found]) -> int | None:
    """The year most dates that state one are in."""
    years = [f.year for f in found if f.year is not None and f.day is not None]
    counts = Counter(years)  # counted once (years.count per year is quadratic); ties as before
    return max(set(years), key=counts.__getitem__) if years else None


def resolve(found: list[Found], text: str, default_year: int | None) -> list[Mention]:
    """Mentions of the found dates; dates written without a year take `default_year` (dropped if None)."""
    out: list[Mention] = []
    for f in found:
        raw = text[f.start:f.end].strip()
        if f.day is None:
            out.append(Mention(f"{f.year:04d}-{f.month:02d}", raw, f.start, f.end, f.rule, precision="month"))
            continue
        if f.may_be_month_year and default_year and abs(2000 + f.day - default_year) <= 1:
            continue  # 'Dec 18' in a 2019 document is December 2018, a month
        y = f.year if f.year is not None else default_year
        day = _make(y, f.month, f.day)
        if day is None:
            continue
        day2 = _make(y, f.month, f.day2) if f.day2 else None
        out.append(Mention(day.isoformat(), raw, f.start, f.end, f.rule, end_date=day2.isoformat() if day2 else None,
                           warning=_weekday_warning(day, f.weekday) if not day2 else None))
        if day2:
            out.append(Mention(day2.isoformat(), raw, f.start, f.end, "date.range-end"))
    return out


def extract_dates(text: str, default_year: int | None, signals: Signals | None = None) -> list[Mention]:
    """Every calendar date in the text; dates without a year take `default_year` (skipped if None)."""
    return resolve(scan_dates(text, signals), text, default_year)


def stated_years(found: list[Found], text: str) -> list[Mention]:
    """The day-precision mentions among found dates that state their own year."""
    return resolve([f for f in found if f.year is not None and f.day is not None], text, None)


def within(dates: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions lying inside text[start:end] (dates in document order)."""
    k = bisect_left(dates, start, key=lambda d: d.start)
    out = []
    while k < len(dates) and dates[k].start < end:
        if dates[k].end <= end:
            out.append(dates[k])
        k += 1
    return out
