"""Meeting metadata: body, date, start and end time, venue, and the next meetings."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import rx
from ..segment import Segment
from ..segment.titles import attendance_heading
from ..lexicon import alternation, longest_first, rule_table
from ..signals import caseless, lowered_text
from .dates import Found, Mention, commonest_year, lower_pattern, lowered, scan_dates, stated_years, word_first
from .screen import opens_lines

_TIME = r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?|noon)?"
_TIME_RE = rx.compile(rf"(?<![\d.£$/]){_TIME}(?![\d/])", re.I)
_T = r"\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|noon)?"
_START = rx.compile(
    rf"(?:commencing|commenced|starting|started|beginning|began|time|start)\s*(?:at|:)?\s*{_T}|"
    rf"\bat\s+{_T}|(?<![\w.]){_T}\s+(?:in|at)\b", re.I)
_VENUE_WORDS = r"(?:Hall|Centre|Center|Room|Rooms|Offices|Office|Chamber|Chambers|Library|Church|School|" \
               r"Pavilion|House|Building|Institute|Club|Hotel|Town Hall|Suite|Lodge|Barn|Inn)"
_REMOTE = rx.compile(r"\b(?:via|by|on|using)\s+(?P<v>Microsoft Teams|MS Teams|Teams|Zoom|Skype|Google Meet|"
                     r"WebEx|Webex|teleconference|video ?conference|conference call|telephone)\b", re.I)
_DAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_BODY_WORDS = r"(?:Council|Committee|Sub-Committee|Board|Partnership|Authority|Trust|Commission|Forum|" \
              r"Assembly|Cabinet|Panel|Group|Association|Society|Foundation|Corporation|TC|TSC|WG|Meeting)"


@dataclass
class MeetingInfo:
    body: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    next_meetings: list[tuple[Mention, str | None]] = field(default_factory=list)


def hhmm(m: re.Match, suffix: str = "", evening: bool = False) -> str | None:
    """HH:MM from a time match; with `evening`, an hour from 1 to 8 written without am/pm is taken as pm
    (meetings that start or close at '7.30' do so in the evening)."""
    g = m.groupdict()
    h = next((g[k] for k in ("h" + suffix, "h") if g.get(k)), None)
    if h is None:
        return None
    mins = g.get("m" + suffix) or "00"
    ap = (g.get("ap" + suffix) or "").lower().replace(".", "")
    hour = int(h)
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    elif not ap and not g.get("m" + suffix):
        return None  # a bare number is not a time
    elif not ap and evening and 1 <= hour <= 8:
        hour += 12
    if hour > 23 or int(mins) > 59:
        return None
    return f"{hour:02d}:{mins}"


def _first_time(m: re.Match) -> str | None:
    sub = _TIME_RE.search(m.group())
    return hhmm(sub, evening=True) if sub else None


def _head(text: str, items: list[Segment]) -> str:
    """The title block: text before the first item, at most ~1500 characters."""
    return text[:min(items[0].start, 1500) if items else 1500]


def _fast(pattern: re.Pattern, text: str, low: str | None) -> tuple[re.Pattern, str]:
    """The case-insensitive `pattern` and `text`, or their lower-case forms when `low` (caseless(text)) is known:
    the same matches at the same places, several times faster."""
    return (_LOWERED[pattern], low) if low is not None else (pattern, text)


_RULES = rule_table("meeting")
# a short heading line; its words read as one run that is not given back (a lookahead's group, matched again),
# which finds the lines a lazy run ending before '[ \t]*:?' finds, with the same span and, but for trailing
# spaces, the same words, without trying the line's end after each of up to 40 characters of every line
_DETAIL_HEADING = rx.compile(r"^(?P<line>#{0,6}[ \t]*(?P<h>[A-Za-z](?=(?P<run>[A-Za-z ,&]{2,40}))(?P=run))"
                             r"[ \t]*:?[ \t]*$)", re.M)
_DETAIL_NAME = rx.compile(_RULES["detail_headings"]["pattern"], re.I)
_HEADING_MARK = rx.compile(r"^#", re.M)


def _rules(kind: str) -> list[re.Pattern]:
    return [rx.compile(r["pattern"].replace("{T}", _T), re.I | re.M) for r in _RULES[kind]]


_START_RULES, _END_RULES = _rules("start"), _rules("end")


def _search(pattern: re.Pattern, text: str) -> re.Match | None:
    """pattern.search(text), a pattern that opens with '^' read as _line_matches reads it."""
    if pattern not in _AFTER_BREAK:
        return pattern.search(text)
    return next(_line_matches(pattern, text), None)


def _line_matches(pattern: re.Pattern, text: str):
    """pattern.finditer(text) for a pattern (of _AFTER_BREAK) that opens with '^' and whose matches end neither
    where they start nor after a line break: its match on the first line, then where it matches after a line
    break (a line break and the rest of the pattern, only tried where one is: a pattern that opens with '^' is
    tried at every position)."""
    first = pattern.match(text)
    if first:
        yield first
    for m in _AFTER_BREAK[pattern].finditer(text, first.end() if first else 0):
        yield pattern.match(text, m.start() + 1)


def details(text: str, items: list[Segment]) -> str:
    """The title block, and the sections anywhere that are headed as the meeting's details ('## Time and
    Location', 'Venue'), each up to its next blank-line-separated heading (at most ~600 characters)."""
    parts = [_head(text, items)]
    for m in _line_matches(_DETAIL_HEADING, text):
        if _DETAIL_NAME.match(m.group("h").strip()):
            nxt = _HEADING_MARK.search(text[m.end():m.end() + 600])
            parts.append(text[m.start("line"):m.end() + (nxt.start() if nxt else 600)])
    return "\n\n".join(parts)


def meeting_date(text: str, items: list[Segment], found: list[Found]) -> Mention | None:
    """The meeting's own date: the first full date in the title block (never one from the body)."""
    head = _head(text, items)
    for d in stated_years([f for f in found if f.end <= len(head)], text):
        before = head[max(0, d.start - 60):d.start].lower()
        if _EARLIER_MEETING.search(before) or \
                "next meeting" in before[-25:]:
            continue
        return d
    return None


_EARLIER_MEETING = rx.compile(r"(?:previous|last) meeting")  # run on lower-cased text
_TIME_AFTER_DATE = rx.compile(rf"[ \t]*(?:,|at|@|from|-|–)?[ \t]*{_TIME}", re.I)
_NOT_THE_START = rx.compile(r"next meeting|closed|ended", re.I)


def start_time(text: str, items: list[Segment], date: Mention | None = None, head: str | None = None) -> str | None:
    """When the meeting began: an opening stated near the start ('called to order at 7:40 PM', '## 20:06 Open'),
    else the first time in the meeting's details (`head`, found when not given) that is not the next meeting's
    or the closing time, else a time written right after the meeting's date ('May 9, 2005 4:30 PM')."""
    opening = text[:6000]  # the opening is stated near the start
    low = caseless(opening)
    for rule in _START_RULES:
        rule, subject = _fast(rule, opening, low)
        m = _search(rule, subject)
        t = _first_time(m) if m else None  # the same time read from the lower-cased text
        if t:
            return t
    head = details(text, items) if head is None else head
    start, subject = _fast(_START, head, caseless(head))
    for m in start.finditer(subject):
        if _NOT_THE_START.search(head[max(0, m.start() - 50):m.start()]):
            continue
        t = _first_time(m)
        if t:
            return t
    m = _TIME_AFTER_DATE.match(text, date.end) if date else None
    return hhmm(m, evening=True) if m and m.group("ap") else None


_END_WORD = rx.compile(r"clos|ende|finish|conclu|termin|adjourn|#(?<![^\n]#)")  # '#' opening a line; lower-cased


def end_time(text: str) -> str | None:
    """The last closing time stated ('THE MEETING CLOSED AT 4.40 PM', 'adjourned at 9:56 p.m.', '## 22:10
    Close'): the words that may open one read from the end, ~2000 characters at a time (a block starts after a
    space, where no word of _END_WORD is cut: it finds there what it finds over the whole text)."""
    low = lowered_text(text)
    same, end = caseless(text, low), len(low)
    while end:
        start = low.rfind(" ", 0, max(0, end - 2000)) + 1
        for w in reversed(list(_END_WORD.finditer(low, start, end))):
            t = _closing_at(text, same, w.start())
            if t:
                return t
        end = start
    return None


def _closing_at(text: str, low: str | None, at: int) -> str | None:
    """The closing time stated at `at` by the first end rule that finds one there (`low`: caseless(text))."""
    for rule in _END_RULES:
        rule, subject = _fast(rule, text, low)
        m = rule.match(subject, at, at + 80)
        t = _first_time(m) if m else None
        if t:
            return t
    return None


_VENUE_SECTION = rx.compile(r"^#*[ \t]*(?:Venue|Location|Place|Where)[ \t]*:?[ \t]*\n\s*(?:[-*•][ \t]*)?"
                            r"(?P<v>[^\n]+)", re.I | re.M)


_VENUE_LABEL = rx.compile(r"^\s*(?:Venue|Location|Place|Where)\s*:\s*(?P<v>[^\n]+)", re.I | re.M)
_HELD_AT = rx.compile(rf"\bheld\s+(?:at\s+\d\S*(?:\s+[ap]\.?m\.?)?\s+)?(?:at|in|within)\s+(?P<v>[^\d\s].+?)"
                      rf"(?=\s+(?:on|at|commencing|{_DAYS}|{_MONTHS})\b|\s*[,.]?\s*\n\n|"
                      rf"\s+\d|$)", re.I | re.S)
_VENUE_AFTER_TIME = rx.compile(rf"(?:\d(?:am|pm|\.\d\d|:\d\d)\s*(?:[pa]\.?m\.?)?)\s+(?:(?:in|at|within)\s+)?"
                               rf"(?P<v>(?:the\s+)?(?:[A-Z][\w'’-]*,?\s+){{0,6}}{_VENUE_WORDS}"
                               rf"(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)?)")
_AT_THE_VENUE = rx.compile(word_first(rf"\bat\s+(?P<v>the\s+(?:[A-Z][\w'’-]*\s+){{0,5}}{_VENUE_WORDS}"
                                       rf"(?:,\s+[A-Z][\w'’-]+)?)"))
_SPACES = rx.compile(r"\s+")
_LEADING_THE = rx.compile(r"^the\s+", re.I)


def location(text: str, items: list[Segment], head: str | None = None) -> str | None:
    """Where the meeting was held, from its details (`head`, found when not given)."""
    head = details(text, items) if head is None else head
    m = _VENUE_LABEL.search(head) or _VENUE_SECTION.search(head)
    if m:
        return m.group("v").strip(" .")
    low = caseless(head)
    held, subject = _fast(_HELD_AT, head, low)
    m = held.search(subject)
    if m and m.end("v") - m.start("v") < 120:
        return _tidy_place(head[m.start("v"):m.end("v")])  # (the words as the text has them)
    m = _VENUE_AFTER_TIME.search(head)
    if m:
        return _tidy_place(m.group("v"))
    m = _AT_THE_VENUE.search(head)
    if m:
        return _tidy_place(m.group("v"))
    remote, subject = _fast(_REMOTE, head, low)
    m = remote.search(subject)
    return head[m.start("v"):m.end("v")] if m else None


def _tidy_place(place: str) -> str:
    place = _SPACES.sub(" ", place).strip(" ,.")
    return _LEADING_THE.sub("", place)


# patterns naming the body (the first three in a phrase), each with the words all its matches hold (lower-cased)
_BODY_NAMES = [(rx.compile(p, re.I | re.M), needs) for p, needs in (
    (rf"\bmeeting of (?:the )?(?P<b>.+?)(?=\s+(?:held|on|at|in|{_DAYS})\b|\.\s|\n|$)", "meeting of"),
    (r"\bminutes of (?:the )?(?P<b>.+?)\s+(?:meeting|held)\b", "minutes of"),
    (r"^\s*(?P<b>[^\n]+?)\s+held\s+(?:their|its|a|an|the)\s+(?:\w+\s+)?meeting", "held"),
    (r"^#\s+(?P<b>[^\n]+)$", "#"),
    (r"\b(?P<b>[A-Z][A-Z&'’ -]{2,60}?(?:COUNCIL|COMMITTEE|BOARD|PARTNERSHIP|TRUST|AUTHORITY|FORUM))\b", ""),
    (rf"^\s*(?P<b>[A-Z][^\n]{{3,80}}?{_BODY_WORDS})\b", ""))]
_BODY_WORD = rx.compile(_BODY_WORDS.replace("|Meeting", ""), re.I)


def body(text: str, items: list[Segment]) -> str | None:
    """The body whose meeting this is ('Finance Committee'), named in the title block."""
    head = _head(text, items)
    low = caseless(head)
    roll_at = _roll_start(head)
    for k, (pattern, needs) in enumerate(_BODY_NAMES):
        if low is not None and needs not in low:
            continue  # its lower-cased form finds nothing in a text without the words it needs
        pattern, subject = _fast(pattern, head, low)
        for m in pattern.finditer(subject):
            line_start = head.rfind("\n", 0, m.start()) + 1
            line_before = head[line_start:m.end()]
            if line_before.count("(") > line_before.count(")"):
                continue  # '(Environmental Health Officer, King's Lynn Borough Council)' is someone's employer
            if not _may_name_body(head, line_start, m.start("b"), k < 3, roll_at):
                continue
            cleaned = _tidy_body(head[m.start("b"):m.end("b")])
            if cleaned and _named(cleaned) and (cleaned[0].isupper() or k == 3) and \
                    "http" not in cleaned and \
                    not attendance_heading(cleaned.partition(":")[0]) and \
                    _BODY_WORD.search(cleaned) and len(cleaned.split()) <= 14:
                return cleaned
    return _meeting_body(head, low)


_ITEM_OPENING = rx.compile(r"[\s*#|]*(?:\d{1,3}(?:[\\]?[.)]|/\d{1,2}(?:/\d{1,3})?)|[ivx]{1,4}[.)])(?:\s|$)", re.I)
_PERSON = rx.compile(rf"\s*(?:{alternation('honorifics')})\.?\s+[A-Z]")
_LINE_LABEL = rx.compile(r"^[ \t*#_]*(?P<label>[^:\n*]{2,40})", re.M)
_SENTENCE_BREAK = rx.compile(r"[a-z]{2}[.;]\s+[A-Z]")


def _roll_start(head: str) -> int:
    """Where the attendance list starts (a line labelled 'Present', 'Councillors present:', ...): the title
    block ends there."""
    for m in _LINE_LABEL.finditer(head):
        if attendance_heading(m.group("label")):
            return m.start()
    return len(head)


def _may_name_body(head: str, line_start: int, start: int, phrase: bool, roll_at: int) -> bool:
    """Whether a body found at `start` may be taken: never on an item's heading ('1. PUBLIC FORUM', '14/06/1
    ...'), never a person ('Mrs Jane Smith Committee Member'); unless named by a phrase ('meeting of X',
    'minutes of X meeting') only in the title block before the attendance list, and not after a sentence."""
    end = head.find("\n", start)
    line = head[line_start:end if end != -1 else len(head)].strip()
    if _ITEM_OPENING.match(line) or _PERSON.match(head, start):
        return False
    return phrase or start < roll_at and not _SENTENCE_BREAK.search(head[line_start:start])


_CONNECTIVES = {"of", "the", "and", "for", "on", "in", "at", "to", "de", "du", "la", "des", "und", "y", "e"}


def _named(body: str) -> bool:
    """A body's name holds no lower-case word but connectives ('Council of the Borough of X'); 'John Smith
    wanted to advise the Council' is prose."""
    return not any(w.isalpha() and w.islower() and w not in _CONNECTIVES for w in body.split())


_NOT_A_NAME = {"minutes", "of", "the", "a", "an", "draft", "held", "at", "for"}
_MEETING_BODIES = [(name, rx.compile(rf"\b{re.escape(name)}\b", re.I))
                   for name in longest_first(_RULES["meeting_bodies"]["names"])]


def _meeting_body(head: str, low: str | None) -> str | None:
    """A meeting that is its body ('Annual Parochial Church Meeting'), with the place named before it
    ('Northwold Annual Parish Meeting'). `low` is caseless(head)."""
    for name, pattern in _MEETING_BODIES:
        pattern, subject = _fast(pattern, head, low)
        m = pattern.search(subject)
        if m:
            before = head[max(0, m.start() - 60):m.start()].split()
            place = []
            for word in reversed(before[-3:]):
                if not word[:1].isupper() or word.lower() in _NOT_A_NAME:
                    break
                place.insert(0, word)
            return " ".join(place + [name])
    return None


_QUOTED_NAME = rx.compile(r"\((?:the\s+)?[“\"'][^)]*\)")  # (the “Board”)
_DRAFT_MINUTES = rx.compile(r"\b(?:draft|minutes|of the)\b\s*", re.I)
_WRITTEN_DATE = rx.compile(r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)? \w+ \d{4})\b")
_MEETING_TAIL = rx.compile(r"\s+(?:Working\s+|Annual\s+|Ordinary\s+|Extraordinary\s+|Special\s+)?"
                           r"(?:Meeting|AGM|Minutes)\b.*$", re.I)
_CORPORATION_TAIL = rx.compile(r",?\s+a\s+\w+\s+corporation.*$", re.I)
_REPORT_OF = rx.compile(r"^(?:summary|report)\s+of\s+", re.I)
_THE = rx.compile(r"^(?:the\s+)", re.I)
_AGM_HELD = rx.compile(r"\s+(?:AGM|held)$", re.I)


def _tidy_body(b: str) -> str | None:
    b = _SPACES.sub(" ", b)
    b = _QUOTED_NAME.sub("", b)
    b = _DRAFT_MINUTES.sub(lambda m: "" if m.group().lower().startswith(("draft", "minutes")) else m.group(), b)
    b = _WRITTEN_DATE.sub("", b)
    b = _MEETING_TAIL.sub("", b)
    b = _CORPORATION_TAIL.sub("", b)
    b = _REPORT_OF.sub("", b.strip(" ,.-–:"))
    b = _THE.sub("", b)
    b = _AGM_HELD.sub("", b).strip(" ,.-–:")
    return b or None


_LOWERED = {p: lowered(p) for p in (*_START_RULES, *_END_RULES, _START, _HELD_AT, _REMOTE,
                                    *(p for p, _ in _BODY_NAMES), *(p for _, p in _MEETING_BODIES))}
# each start rule that opens with '^', its lower-cased form, and _DETAIL_HEADING: the same after a line break
_AFTER_BREAK = {p: rx.compile(f"\n(?:{p.pattern[1:]})", p.flags)
                for p in (*_START_RULES, *(_LOWERED[p] for p in _START_RULES), _DETAIL_HEADING) if opens_lines(p)}
_NEXT = _RULES["next_meeting"]
_NEXT_TITLE = rx.compile(_NEXT["section_titles"], re.I)
_MONTH_WORD = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
               r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
_OPENS_WITH_DATE = rx.compile(r"^[\s\-*•]*(?:(?:on|date|time|when)\b[:\s]*)?(?:the\s+)?"
                              rf"(?:[A-Z][a-zA-Z]*(?:day|DAY),?\s+)?(?:\d{{1,4}}[/.-]\d|"
                              rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}|{_MONTH_WORD})")


_MEET_OR_AGM = rx.compile(r"meet|agm")  # run on lower-cased text
_MEET = rx.compile(r"meet")  # the same in a text without 'agm', found faster (a pattern that is one literal)


@lru_cache(maxsize=64)
def _cue_pattern(word: str, flags: int = 0) -> re.Pattern:
    """The sentence cues for a body word, for lower-cased text (each tried only where its first letters are).
    Compiled by re, not rx: the body word comes from the document, and rx's cache keeps only the rules'."""
    cues = [lower_pattern(c) for c in _NEXT["sentence_cues"]]
    return re.compile("|".join(f"(?:{word_first(c.replace('{body}', word))})" for c in cues), flags)


def _next_cues(text: str, body: str | None):
    """Matches of the next-meeting sentence cues, searched only near 'meet' and 'AGM' (every cue names one)."""
    # (no body: a word that never matches, opening with a letter as the cues' words do)
    word = re.escape(body.split()[-1].lower()) if body and body.split()[-1][:1].isupper() else r"x(?<!x)"
    pattern, low = _cue_pattern(word), lowered_text(text)
    if len(low) != len(text):
        yield from _cue_pattern(word, re.I).finditer(text)
        return
    windows: list[list[int]] = []
    for m in (_MEET_OR_AGM if "agm" in low else _MEET).finditer(low):
        a, b = max(0, m.start() - 80), m.end() + 80
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    for a, b in windows:
        yield from pattern.finditer(low, a, b)


_AGENDA_TITLE = rx.compile(r"\b(?:agenda|items?)\b", re.I)  # 'Items for the agenda of the next meeting'
_MARKDOWN_HEADING = rx.compile(r"#(?<![^\n]#)#{0,5}[ \t]+(?P<t>[^\n]*)$", re.M)  # '#' opening a line


def _next_sections(text: str, items: list[Segment]) -> list[tuple[int, int, bool]]:
    """Items and markdown headings about the next meeting: (start, end) of their text, and whether the heading
    is about items for its agenda (then only lines that open with a date give its date)."""
    spans = [(s.start, s.end, bool(_AGENDA_TITLE.search(s.title))) for s in items if _NEXT_TITLE.search(s.title)]
    for m in _MARKDOWN_HEADING.finditer(text):
        if _NEXT_TITLE.search(m.group("t")):
            nxt = text.find("\n#", m.end(), m.end() + 400)
            spans.append((m.start(), nxt if nxt != -1 else min(len(text), m.end() + 400),
                          bool(_AGENDA_TITLE.search(m.group("t")))))
    return spans


# a stop, a blank line, a new entry (on a new line or a bullet within the line)
_SENTENCE_END = rx.compile(r"\.(?=\s)|\n\s*\n|\n(?=\s*(?:[-*•#|]|\d{1,3}[.)]\s))|\s•(?=\s)")


def _sentence_around(text: str, a: int, b: int, reach: int = 200) -> tuple[int, int]:
    """The sentence holding text[a:b] (wrapped lines joined), at most `reach` characters either side."""
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, a - reach), a)), default=max(0, a - reach))
    stop = _SENTENCE_END.search(text, b, b + reach)
    return lo, stop.start() if stop else min(len(text), b + reach)


_ENTRY_START = rx.compile(r"•|\n\s*\n|\n\s*[-*]\s")
_NAMED_MEETING = rx.compile(r"\b(?P<name>(?:[A-Z][\w&'’-]*\s+){1,4})Meeting\b")
_UNSETTLED = rx.compile(r"\b(?:skip(?:s|ped|ping)?|cancel(?:s|led|ed)?|will\s+not\s+be|options?)\b", re.I)


def _paragraph(text: str, a: int, b: int) -> str:
    """The paragraph (between blank lines, up to ~300 characters either side) around text[a:b], else its
    sentence."""
    lo, hi = text.rfind("\n\n", max(0, a - 300), a), text.find("\n\n", b, b + 300)
    if lo == -1 or hi == -1:
        lo, hi = _sentence_around(text, a, b)
    return text[lo:hi]


def _other_meeting_before(text: str, at: int, body: str | None) -> bool:
    """Whether the entry (bullet or paragraph) holding a next-meeting cue first names another body's meeting
    ('SNAP Meeting held last evening ... The next meeting will be on ...'): its next meeting is not ours."""
    start = max((m.end() for m in _ENTRY_START.finditer(text, max(0, at - 400), at)), default=max(0, at - 400))
    ours = set(body.lower().split()) if body else set()
    for m in _NAMED_MEETING.finditer(text, start, at):
        words_ = [w for w in m.group("name").split() if w.lower() not in _NOT_A_NAME | {"next", "last", "this"}]
        if words_ and not {w.lower() for w in words_} <= ours:
            return True
    return False


_ABOUT_MEETING = rx.compile(r"meeting|held", re.I)
_VERB = rx.compile(r"\b(?:is|was|are|were)\b")
_MINUTES_OF = rx.compile(r"\bminutes\s+of\b", re.I)
_TIME_AFTER = rx.compile(rf"\s*(?:,|at|from|commencing)?\s*{_TIME}", re.I)


def next_meetings(text: str, items: list[Segment], dates: list[Mention], meeting: str | None,
                  body: str | None = None) -> list:
    """Dates given for the next meeting(s): in a 'Date of next meeting' item or section (lines that open with a
    date, short plain lines, lines about the meeting), or in a sentence about the body's coming meetings; only
    dates after the meeting's own."""
    regions = []
    for a, b, agenda in _next_sections(text, items):
        pos = a
        for line in text[a:b].split("\n"):
            if _OPENS_WITH_DATE.match(line) or not agenda and (_ABOUT_MEETING.search(line) or
                                                               len(line) < 80 and not _VERB.search(line)):
                regions.append((pos, pos + len(line)))
            pos += len(line) + 1
    regions.extend(_sentence_around(text, m.start(), m.end()) for m in _next_cues(text, body)
                   if not _MINUTES_OF.search(text[max(0, m.start() - 60):m.start()])
                   and not _other_meeting_before(text, m.start(), body))
    inside = bytearray(len(text) + 1)
    for a, b in regions:
        inside[a:b + 1] = b"\x01" * (b + 1 - a)
    out, seen = [], set()
    for d in dates:
        if d.precision != "day" or d.date in seen or (meeting and d.date <= meeting):
            continue
        if inside[d.start] and inside[min(d.end, len(text)) - 1] and \
                not _UNSETTLED.search(_paragraph(text, d.start, d.end)):
            seen.add(d.date)
            tm = _TIME_AFTER.match(text[d.end:d.end + 30])
            out.append((d, hhmm(tm) if tm else None))
    out.sort(key=lambda x: x[0].date)
    return out


def extract_meeting(text: str, items: list[Segment], found: list[Found] | None = None) -> MeetingInfo:
    """The meeting's metadata; `found` is the document's dates as scanned once (scanned here when not given)."""
    info = MeetingInfo()
    date = meeting_date(text, items, scan_dates(text) if found is None else found)
    info.date = date.date if date else None
    info.body = body(text, items)
    head = details(text, items)
    info.start_time = start_time(text, items, date, head)
    info.end_time = end_time(text)
    info.location = location(text, items, head)
    return info


def default_year(found: list[Found], meeting: str | None) -> int | None:
    """The year that dates written without one belong to: the meeting's, else the commonest full date's."""
    return int(meeting[:4]) if meeting else commonest_year(found)
