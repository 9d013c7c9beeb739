"""Numbered items ('27.', '4.2', '01/19', 'Item 15/03/4') and stand-alone headings."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from operator import attrgetter

from .. import rx
from ..lexicon import words
from .base import Line, Segment, close
from .markdown import MD_HEADING, meeting_detail
from .titles import (CAPS_LEAD, SENTENCE_OPENERS, TITLE_SMALL, VERBS, attendance_heading, clean_title, cut_title,
                     is_upper, looks_like_title)


_NUMBERED = rx.compile(
    r"^\s?(?:\|\s*)?(?:(?:item|minute|min\.?)\s+(?P<ref>\d{1,4}(?:[/.]\d{1,4}){1,3})[.):]?\s+|(?:item\s+)?"
    r"(?:\d{2,4}-\d{2,6}\s+)?(?P<num>\d{1,3}(?:\.\d{1,2}){0,2})(?:[.):]?\s+|\s*[-–]\s+))(?P<title>\S.*)$", re.I)
_SLASH = rx.compile(r"(?<![\w/.£$])(?P<num>\d{1,3}/\d{2})(?![\w/])[.:]?\s+"
                    r"(?=(?P<title>[A-Z0-9“\"'‘(][^\n]{0,300}))")
_REF_BEFORE = rx.compile(r"(?:item|minute|min|ref|no\.?|application|see)\s*$")  # 'see 01/19' cites a minute


_WRAP_STOP = rx.compile(r"(?<=[a-z0-9)])\.\s|\bMoved\s+by\b|:\s")
_MINUTE_OPENS = rx.compile(r":\s+(?=(?:Moved|Seconded|Proposed|Motion|Present|Absent|Resolved|Approved|Carried)\b)")


def _wrapped_title(lines: list[Line], k: int, title: str) -> str:
    """A long heading wrapped onto the next lines (PDF agendas) joined up to its sentence's end or the motion
    ('... Parkway Project, $ 3,225 plus closing costs. Moved by ...'); at most three lines."""
    if len(lines[k].text) < 60 or title.endswith((".", ":", ";", "?")) or is_upper(title):
        return title
    for ln in lines[k + 1:k + 4]:
        t = ln.text.strip()
        if not t or _NUMBERED.match(ln.text) or is_upper(t) or t.split()[0] in SENTENCE_OPENERS:
            break
        stop = _WRAP_STOP.search(t + " ")
        title += " " + (t[:stop.start() + (1 if t[stop.start()] == "." else 0)] if stop else t)
        if stop:
            break
    return title.strip()


_COLON_RUN_IN = rx.compile(r"^(?P<t>[^:\n]{3,120}?):\s+(?=\S+(?:\s+\S+){3})")  # 'To Approve X: The minutes ...'
_NOT_CAPITAL = rx.compile(r"[^A-Z]")
_CAPS_TOKEN = rx.compile(r"[^a-z]*[A-Z]{2}[^a-z]*|[-–&/:()\d]+")  # 'PUBLIC', 'MEMBERS’', '(15', '&', '2019'


def _capitals_lead(title: str) -> str | None:
    """The leading run of capitals of a heading that runs on, up to a word that opens its text ('PUBLIC FORUM
    (15 MINUTES) A member ...', 'CORRESPONDENCE i. Newsletters ...', 'TO APPROVE THE MINUTES held on ...')."""
    tokens = title.split()
    k = 0
    while k < len(tokens) and _CAPS_TOKEN.fullmatch(tokens[k]):
        k += 1
    nxt = tokens[k] if k < len(tokens) else ""
    lead = " ".join(tokens[:k]).rstrip(" :–-(")
    if k and len(_NOT_CAPITAL.sub("", lead)) >= 4 and (nxt[:1].islower() or nxt in SENTENCE_OPENERS or
                                                         nxt.rstrip(".)") in ("i", "a", "1")):
        return lead
    return None


def _run_in_title(title: str) -> str:
    """The heading of a numbered line that is no title as a whole: the words before a colon followed by text
    ('To Approve the Minutes of 9 September: The minutes were ...') or its leading capitals ('SOLAR PANELS
    Norfolk County Council said ...'); the title as written otherwise."""
    if (m := _COLON_RUN_IN.match(title)) and looks_like_title(m.group("t")) and not attendance_heading(m.group("t")):
        return m.group("t")
    caps = CAPS_LEAD.match(title)
    return caps.group(1) if caps else title


_DIGIT, _NUMBER_WITH_LETTER = rx.compile(r"\d"), rx.compile(r"\d+[A-Za-z]")  # '2 October' / '3a Planning'
_MOTION_BY = rx.compile(r"\b(?:moved|seconded|proposed)\s+by\b", re.I)


# where a line _NUMBERED can match starts: after a line break, a space and a '|', an item number or the first
# letter of 'item', 'minute' or 'min' (which re.I also matches as 'İ' and 'ı'); found by the line break
_NUMBER_LINE_START = rx.compile(r"\n[^\S\n]?(?:\|[^\S\n]*)?[\dIiMm\u0130\u0131]")


def _numbered_headings(text: str, lines: list[Line]) -> list[tuple[Line, str, str, str]]:
    """(line, number, title, rule) for lines opening with an item number in column 0; a heading ends where
    its motion or roll call starts ('ROLL CALL: Present: ...', '... the following: Moved by ...')."""
    found = []
    candidates = {0} | {m.start() + 1 for m in _NUMBER_LINE_START.finditer(text)}
    for ln in lines:
        m = ln.start in candidates and _NUMBERED.match(ln.text)
        if not m:
            continue
        title = m.group("title").strip()
        cut = _MINUTE_OPENS.search(title)
        title = title[:cut.start()] if cut else title
        if _DIGIT.match(title) and not _NUMBER_WITH_LETTER.match(title):
            continue  # '2 October', '30.00', '4.4.5' are not headings
        lead = _capitals_lead(title)
        titled = not lead and looks_like_title(title)  # then so it is with money_ok, which only loosens the test
        if not titled:
            title = lead or _run_in_title(title)
        if not (titled or looks_like_title(title, money_ok=True)) or _MOTION_BY.search(title):
            continue
        if m.group("ref"):  # 'Item 15/03/4 Members Declaration of Interest'
            found.append((ln, m.group("ref"), title.rstrip(":"), "item.minute-ref"))
            continue
        rule = "item.subnumbered" if "." in m.group("num") else "item.numbered"
        found.append((ln, m.group("num"), title, rule))
    return found


def _slash_numbers(text: str) -> list[re.Match]:
    """The matches _SLASH.finditer(text) gives, tried only at the one to three places before each '/' where a
    number can start (a search testing every character costs ten times as much)."""
    found, tried_to, slash = [], 0, text.find("/")
    while slash != -1:
        for pos in range(max(slash - 3, tried_to), slash):
            if m := _SLASH.match(text, pos):
                found.append(m)
                tried_to = m.end()
                break
        else:
            tried_to = max(tried_to, slash)
        slash = text.find("/", slash + 1)
    return found


def _slash_headings(text: str) -> list[tuple[int, str, str]]:
    """'01/19 Apologies ...' numbers (minute/year), anywhere in a line, kept when they run in sequence."""
    hits = []
    for m in _slash_numbers(text):
        if _REF_BEFORE.search(text[max(0, m.start() - 12):m.start()].lower()):
            continue
        num, year = m.group("num").split("/")
        hits.append((int(num), year, m))
    if not hits:
        return []
    counts = Counter(y for _, y, _ in hits)
    year = max(counts, key=counts.__getitem__)  # the most frequent year; on a tie the first written
    chosen, last = [], None
    for n, y, m in hits:
        if y != year:
            continue
        if last is None or n == last + 1 or (n > last and n - last <= 3):
            chosen.append((m.start("num"), m.group("num"), m.group("title")))
            last = n
    return chosen if len(chosen) >= 2 else []


_CELL_SEPARATORS, _INITIALS = rx.compile(r"[\s/|,&]+"), rx.compile(r"[A-Z]{2,4}")


def owner_cell(text: str) -> bool:
    """A cell of an action column: only roles and people's initials ('Clerk', 'Clerk Clerk', 'RC/AC GG AJ Clerk |')."""
    tokens = [w for w in _CELL_SEPARATORS.split(text) if w]
    owner_roles = words("owner_roles")
    roles = sum(w.lower() in owner_roles for w in tokens)
    initials = sum(bool(_INITIALS.fullmatch(w)) for w in tokens)
    return roles + initials == len(tokens) and (roles > 0 or initials > 1)  # 'AOB', 'CCTV' alone are headings


_SENTENCE_GAP, _LONG_NUMBER = rx.compile(r"[.!?]\s+\S"), rx.compile(r"\d{3,}")


def unnumbered_heading(lines: list[Line], i: int) -> bool:
    """A short stand-alone heading line (bold or title-case in the source), not a wrapped sentence."""
    raw = lines[i].text
    if not (raw[:1].isalpha() or raw[1:2].isalpha() and raw[:1].isspace()):
        return False  # blank, or not a letter after at most one space
    t = raw.strip()
    if len(t) > 90 or not _heading_words(t):
        return False
    prev = lines[i - 1].text.strip() if i else ""
    nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    if not nxt:
        return not prev or prev.endswith((".", ":", "!", "?", ")")) or is_upper(prev)
    if prev and not prev.endswith((".", ":", "!", "?")) and not is_upper(prev):
        return False
    return len(nxt) > len(t) or is_upper(t)



@lru_cache(maxsize=4096)  # the same line is tested for the document's items and again for its item's subheadings
def _heading_words(t: str) -> bool:
    """Whether the words of a stripped line (opening with a letter) could make a heading, whatever lines surround
    it: title-like, mostly capitalised, with no sentence break, verb or action owners."""
    if not looks_like_title(t, max_words=10) or t.endswith((".", ",", ";")) and not is_upper(t):
        return False
    if _SENTENCE_GAP.search(t) or _LONG_NUMBER.search(t) and not is_upper(t):
        return False
    if VERBS.search(t) or owner_cell(t):
        return False  # 'Cllr A proposed acceptance, seconded by Cllr B' is a sentence, not a heading
    words_ = t.split()
    caps = sum(1 for w in words_ if w[:1].isupper() or w.lower() in TITLE_SMALL or not w[:1].isalpha())
    return caps / len(words_) >= 0.6 or len(words_) <= 4


_ATTENDING_NAMES = rx.compile(r"^((?:\w+\s+){0,2}(?:present|attending|attendance))\s+(?:Cllr|Councillors?|Mr|Mrs|Ms|Dr)\b",
                              re.I)


def attendance_marker(line: str) -> bool:
    """'PRESENT', 'Present: Cllr ...', 'Those Attending: ...', 'Those attending Mr A ...' open an attendance
    list."""
    head, colon, _ = line.partition(":")
    if attendance_heading(head) and (bool(colon) or len(line) < 60):
        return True
    m = _ATTENDING_NAMES.match(line)
    return bool(m and attendance_heading(m.group(1)))


_PERSON_LINE = rx.compile(r"^(?:[A-Z][a-z]{1,5}\.?\s+)?(?:[A-Z]\.?\s+){1,3}[A-Z][\w'’-]+|.*\)\s*$")


def person_like(line: str) -> bool:
    """An attendance-list line ('S Glazebrook (Interim Head of Communities)', 'Cllr A Smith')."""
    return bool(_PERSON_LINE.match(line)) or line.split()[0].rstrip(".") in SENTENCE_OPENERS - {"The", "A", "An"}


def _nested_lists(top: list[tuple[Line, str, str, str]]) -> set[int]:
    """Line starts of numbered lists nested in an item: numbers that restart at 1 (1, 3, 4 after item 4) while
    the item numbering resumes after them (5), and a figure far out of sequence (a house number wrapped to
    the start of a line). Numbering that restarts for good (a new section) and items taken out of order (9,
    8, 6, 7, 10) are kept."""
    nums = [int(num) if num.isdigit() else None for _, num, _, _ in top]
    last_seen = {n: k for k, n in enumerate(nums)}
    nested, last, inside = set(), None, False
    for k, n in enumerate(nums):
        if n is None:
            continue
        following = next((m for m in nums[k + 1:k + 2] if m is not None), None)
        if n > (last or 0) + 10 and following is not None and following < n:
            nested.add(top[k][0].start)  # '400 Robert D Ray Drive', '100 E. Euclid' between 9 and 12: an address
            continue
        inside = last is not None and (n == 1 < last or inside and n <= last) and last_seen.get(last + 1, -1) > k
        if inside:
            nested.add(top[k][0].start)
            continue
        last = n
    return nested


_RUN_ON = rx.compile(r"[a-z)][.:]\s+[A-Z]")  # 'Finance. The clerk ...'


def _index_of(lines: list[Line], line: Line) -> int:
    """Where `line` is in `lines` (ordered by start)."""
    return bisect_left(lines, line.start, key=attrgetter("start"))


def numbered_segments(text: str, lines: list[Line]) -> list[Segment]:
    numbered = _numbered_headings(text, lines)
    slash = _slash_headings(text)
    heads: list[tuple[int, str | None, str, str]] = []
    refs = [h for h in numbered if h[3] == "item.minute-ref"]
    if len(refs) >= 2:
        numbered = refs  # 'Item 15/03/4' minutes: their '1.' lines are sub-points
    top = [h for h in numbered if h[3] in ("item.numbered", "item.minute-ref")]
    if len(top) < 2 and not refs:  # '21.01.03 Finance' or '1.1 Apologies' only: the shallowest numbers are items
        depth = min((h[1].count(".") for h in numbered), default=0)
        top = [(ln, num, title, "item.numbered") for ln, num, title, _ in numbered if num.count(".") == depth]
        numbered = top if len(top) >= 2 else numbered
    if len(slash) >= max(2, len(top)):
        heads = [(pos, num, cut_title(title), "item.minute-number") for pos, num, title in slash]
    elif len(top) >= 2:
        nested = _nested_lists(top)
        numbered = [h for h in numbered if h[0].start not in nested]
        parents = {num for ln, num, _, _ in top if ln.start not in nested}
        for ln, num, title, rule in numbered:
            if rule == "item.subnumbered" and num.split(".")[0] in parents:
                continue  # '4.2' under item 4 is a sub-point of its item
            run_on = _RUN_ON.search(title) or len(title.split()) > 25
            heads.append((ln.start, num, cut_title(title) if run_on else _wrapped_title(lines, _index_of(lines, ln), title),
                          rule))
    if not heads:
        return []
    heads.sort()
    first = heads[0][0]
    # stand-alone headings between the attendance list and the first numbered item are items too
    in_attendance = False
    leading = []
    for i, ln in enumerate(lines):
        if ln.start >= first:
            break
        t = ln.text.strip()
        if attendance_marker(t):
            in_attendance = True
            continue
        if in_attendance and unnumbered_heading(lines, i) and not person_like(t):
            leading.append((ln.start, None, t, "item.heading"))
    heads = leading + heads
    return close(heads, len(text), text)


_RUN_IN_CAPS = rx.compile(r"^(?P<t>[A-Z][A-Z'’&/]+(?:\s+[A-Z][A-Z'’&/]+)*(?:\s+[A-Z][\w'’&/]*){0,4}?)"
                          r"(?:\s*(?::|\s[–-])(?:\s|$)|\s*$)")


_YEAR = rx.compile(r"\b(?:19|20)\d\d\b")


def _caps_heading(line: str) -> str | None:
    """A heading in capitals that opens a line and runs on into its minute ('OLD BUSINESS – Supervisor ...',
    'APPROVAL OF Town Fund Bills – Motion ...', 'REPORTS:'); not a title line with a year."""
    m = _RUN_IN_CAPS.match(line)
    if not m or _YEAR.search(line[:80]):
        return None
    lead = m.group("t").split()
    caps = [w for w in lead if is_upper(w) or w in ("OF", "&", "TO", "A")]
    return m.group("t") if is_upper(lead[0]) and sum(map(len, caps)) >= 6 else None


# A line from which a sentence of three or more words ending in '.' runs: '^[^\n]*\w[^\n]*\s\w+[^\n]*\s\w+[^\n]*\.\s*$'
# (each gap may be a line break), which backtracks through every split of a line (a 400-character line without
# a full stop took a second). Here each word is found once, by its first place: within the line, or, when the
# sentence runs on, at the start of the next line.
_SENTENCE_LINE = rx.compile(r"^(?=[^\w\n]*+\w)(?:[^\w\n]*+\w(?>[^\n]*?[^\S\n]\w)(?:(?>[^\n]*?[^\S\n]\w)[^\n]*|[^\n]*+\n\w[^\n]*)"
                            r"|[^\n]*+\n\w(?:(?>[^\n]*?[^\S\n]\w)[^\n]*|[^\n]*+\n\w[^\n]*))\.\s*$", re.M)


def heading_segments(text: str, lines: list[Line]) -> list[Segment]:
    """Minutes with only stand-alone headings (no numbers): each heading after the attendance list. Where
    most headings (three or more) are in capitals, also those running on into their text, the capitals are
    the items and the others sub-headings."""
    heads = []
    first_attendance = None
    for i, ln in enumerate(lines):
        stripped = ln.text.strip()
        if not stripped:
            continue  # a blank line is neither a heading nor an attendance marker
        t = stripped.lstrip("#").strip()
        if attendance_marker(t):
            if first_attendance is None:
                first_attendance = ln.start
            continue
        markdown = ln.text.startswith("#") and MD_HEADING.match(ln.text)
        if (markdown or unnumbered_heading(lines, i)) and not person_like(t) and not meeting_detail(clean_title(t)):
            heads.append((ln.start, None, t, "item.heading"))
        elif (caps := _caps_heading(ln.text)) and not markdown:
            heads.append((ln.start, None, caps, "item.caps-heading"))
    capital = [h for h in heads if _caps_heading(h[2] + ":") or is_upper(h[2])]
    if len(capital) >= 3 and 2 * len(capital) >= len(heads):
        first_sentence = _SENTENCE_LINE.search(text)
        heads = [h for h in capital if not first_sentence or h[0] > first_sentence.start()]  # not the title
    else:
        heads = [h for h in heads if h[3] != "item.caps-heading"]
    if first_attendance is not None:
        heads = [h for h in heads if h[0] > first_attendance]
    return close(heads, len(text), text) if len(heads) >= 2 else []


_OUTCOME_HEADING = rx.compile(r"(?:RESOLVED|ACTIONS?|DECISION|THE MEETING CLOSED|CLOSED)\b", re.I)


def subheadings(seg: Segment, body_lines: list[Line]) -> None:
    """Adds the stand-alone headings among the lines of an item (after its first) to its subheadings."""
    for i, ln in enumerate(body_lines[1:], start=1):
        if not ln.text or not unnumbered_heading(body_lines, i):  # most lines: an empty one is no heading
            continue
        t = ln.text.strip()
        if not person_like(t) and not t.endswith(":") and not _OUTCOME_HEADING.match(t):
            seg.subheadings.append(clean_title(t))
