"""Segmentation: the document's agenda items (numbered, headed, markdown, or council web-page rows)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import words

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_NUMBERED = re.compile(
    r"^\s?(?:\|\s*)?(?:(?:item|minute|min\.?)\s+(?P<ref>\d{1,4}(?:[/.]\d{1,4}){1,3})[.):]?\s+|(?:item\s+)?"
    r"(?:\d{2,4}-\d{2,6}\s+)?(?P<num>\d{1,3}(?:\.\d{1,2})?)(?:[.):]?\s+|\s*[-–]\s+))(?P<title>\S.*)$", re.I)
_SLASH = re.compile(r"(?<![\w/.£$])(?P<num>\d{1,3}/\d{2})(?![\w/])[.:]?\s+(?=(?P<title>[A-Z0-9“\"'‘(][^\n]{0,300}))")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_BULLET = re.compile(r"^(\s*)(?:[-*+•]|\d{1,2}[.)])\s+(.*)$")
_TITLE_SMALL = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
                "with", "&", "-", "–", "/", "inc", "re", "vs", "per", "up"}
_EMPTY_NOTE = re.compile(r"^(?:no (?:updates?|announcements|news)\b|nothing\b|none\b|skipped\b|n/?a\b|"
                         r"extracted from\b)", re.I)


@dataclass
class Segment:
    """One agenda item: where it starts and ends in the text, and its heading."""

    number: str | None
    title: str
    start: int
    end: int
    rule: str
    subheadings: list[str] = field(default_factory=list)


@dataclass
class Line:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(raw, pos))
        pos += len(raw) + 1
    return out


_UPPER, _LOWER = re.compile(r"[A-ZÀ-Þ]"), re.compile(r"[a-zß-ÿ]")


def _is_upper(s: str) -> bool:
    """Mostly capital letters ('APOLOGIES FOR ABSENCE', 'CCTV / CITY WATCH')."""
    upper, lower = len(_UPPER.findall(s)), len(_LOWER.findall(s))
    return upper + lower >= 3 and upper > 4 * lower


def _looks_like_title(title: str, max_words: int = 16) -> bool:
    """A short heading-like phrase, not a sentence of minutes."""
    t = title.strip()
    if not t or not (t[0].isupper() or t[0].isdigit() or t[0] in "“\"'‘("):
        return False
    if re.search(r"[£$€]\s?\d", t) or re.match(rf"^\d*\s*(?:{MONTHS})\b", t, re.I):
        return False
    n = len(t.split())
    if _is_upper(t):
        return n <= 25
    if n > (max_words if t.endswith(".") else max(max_words, 25)) or t.endswith((",", ";")):
        return False
    return not (t.endswith(".") and n > 8)


_CAPS_LEAD = re.compile(r"^([A-Z][A-Z'’&/,-]+(?:\s+(?:[A-Z][A-Z'’&/,-]+|OF|AND|&))+)\s+[A-Z][a-z]")
_VERBS = re.compile(r"\b(?:was|were|is|are|has|had|have|will|would|proposed|seconded|agreed|advised|reported|"
                    r"resolved|approved|noted|said|asked|welcomed|declared|thanked|carried|members of the public)\b", re.I)
_SENTENCE_OPENERS = {"The", "A", "An", "It", "This", "There", "Cllr", "Cllrs", "Councillor", "Councillors", "Mr",
                     "Mrs", "Ms", "Dr", "Apologies", "Members", "We", "He", "She", "They"}


def cut_title(run_on: str, max_words: int = 30) -> str:
    """The heading at the start of a line whose text runs straight on into the minute.

    Title-case heading words run until a capitalised word that opens a sentence: one followed by
    ordinary lower-case words ('Apologies for absence Apologies were received ...').
    """
    run_on = re.split(r"\s[•·]\s|\t|\s[a-z]\)\s", run_on)[0]
    tokens = run_on.split()
    for i in range(1, min(len(tokens), max_words)):
        tok = tokens[i]
        if not (tok[:1].isupper() or tok[:1] in "“\"‘'"):
            continue
        if i + 1 >= len(tokens) or not tokens[i + 1][:1].islower():
            continue
        following = tokens[i + 1:i + 6]
        lower = [w for w in following if w[:1].islower() and w.lower().strip(",.;:") not in _TITLE_SMALL]
        if len(lower) >= 2 or tok in _SENTENCE_OPENERS:
            # the sentence's subject may start a few capitalised words earlier ('The Parish Council ...')
            for j in range(i - 1, max(0, i - 4), -1):
                if not tokens[j][:1].isupper():
                    break
                if tokens[j].rstrip(".") in _SENTENCE_OPENERS:
                    i = j
                    break
            return " ".join(tokens[:i]).rstrip(" :–-")
        if tok.endswith(".") and i < 12 and tokens[i + 1:i + 2] and tokens[i + 1][:1].isupper():
            return " ".join(tokens[:i + 1]).rstrip(".: ")
    head = " ".join(tokens[:max_words])
    first_stop = re.search(r"(?<=[a-z)])\.\s", head)
    return (head[:first_stop.start()] if first_stop else head).rstrip(" :–-")


def _clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title.replace("\t", " ")).strip()
    return title.rstrip(" :.-–").strip() or title


# --- numbered minutes -------------------------------------------------------------------------

def _numbered_headings(lines: list[Line]) -> list[tuple[Line, str, str, str]]:
    """(line, number, title, rule) for lines opening with an item number in column 0."""
    found = []
    for ln in lines:
        m = _NUMBERED.match(ln.text)
        if not m:
            continue
        title = m.group("title").strip()
        if re.match(r"^\d", title) and not re.match(r"^\d+[A-Za-z]", title):
            continue  # '2 October', '30.00', '4.4.5' are not headings
        caps = _CAPS_LEAD.match(title)
        if not _looks_like_title(title) and caps:
            title = caps.group(1)  # '1. PUBLIC FORUM A member of the public said ...'
        if not _looks_like_title(title) or re.search(r"\b(?:moved|seconded|proposed)\s+by\b", title, re.I):
            continue
        if m.group("ref"):  # 'Item 15/03/4 Members Declaration of Interest'
            found.append((ln, m.group("ref"), title.rstrip(":"), "item.minute-ref"))
            continue
        rule = "item.subnumbered" if "." in m.group("num") else "item.numbered"
        found.append((ln, m.group("num"), title, rule))
    return found


def _slash_headings(text: str) -> list[tuple[int, str, str]]:
    """'01/19 Apologies ...' numbers (minute/year), anywhere in a line, kept when they run in sequence."""
    hits = []
    for m in _SLASH.finditer(text):
        before = text[max(0, m.start() - 12):m.start()].lower()
        if re.search(r"(?:item|minute|min|ref|no\.?|application|see)\s*$", before):
            continue
        num, year = m.group("num").split("/")
        hits.append((int(num), year, m))
    if not hits:
        return []
    year = max({y for _, y, _ in hits}, key=lambda y: sum(1 for _, yy, _ in hits if yy == y))
    chosen, last = [], None
    for n, y, m in hits:
        if y != year:
            continue
        if last is None or n == last + 1 or (n > last and n - last <= 3):
            chosen.append((m.start("num"), m.group("num"), m.group("title")))
            last = n
    return chosen if len(chosen) >= 2 else []


def _unnumbered_heading(lines: list[Line], i: int) -> bool:
    """A short stand-alone heading line (bold or title-case in the source), not a wrapped sentence."""
    t = lines[i].text.strip()
    if not t or t[0] in "|-•(" or len(t) > 90 or lines[i].text[:2].isspace():
        return False
    if not _looks_like_title(t, max_words=10) or t.endswith((".", ",", ";")) and not _is_upper(t):
        return False
    if re.search(r"[.!?]\s+\S", t) or re.search(r"\d{3,}", t) and not _is_upper(t) or not t[0].isalpha():
        return False
    if _VERBS.search(t):
        return False  # 'Cllr A proposed acceptance, seconded by Cllr B' is a sentence, not a heading
    words_ = t.split()
    caps = sum(1 for w in words_ if w[:1].isupper() or w.lower() in _TITLE_SMALL or not w[:1].isalpha())
    if caps / len(words_) < 0.6 and len(words_) > 4:
        return False
    prev = lines[i - 1].text.strip() if i else ""
    nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    if not nxt:
        return not prev or prev.endswith((".", ":", "!", "?", ")")) or _is_upper(prev)
    if prev and not prev.endswith((".", ":", "!", "?")) and not _is_upper(prev):
        return False
    return len(nxt) > len(t) or _is_upper(t)


def _attendance_heading(title: str) -> bool:
    t = title.strip().rstrip(":").lower()
    return (t in words("present_headings") or t in words("absent_headings")
            or t in words("apology_headings") or t.startswith(("present", "apologies", "in attendance")))


def _attendance_marker(line: str) -> bool:
    """'PRESENT', 'Present: Cllr ...', 'Those Attending: ...', 'Those attending Mr A ...' open an attendance
    list."""
    head, colon, _ = line.partition(":")
    if _attendance_heading(head) and (bool(colon) or len(line) < 60):
        return True
    m = re.match(r"^((?:\w+\s+){0,2}(?:present|attending|attendance))\s+(?:Cllr|Councillors?|Mr|Mrs|Ms|Dr)\b", line,
                 re.I)
    return bool(m and _attendance_heading(m.group(1)))


_PERSON_LINE = re.compile(r"^(?:[A-Z][a-z]{1,5}\.?\s+)?(?:[A-Z]\.?\s+){1,3}[A-Z][\w'’-]+|.*\)\s*$")


def _person_like(line: str) -> bool:
    """An attendance-list line ('S Glazebrook (Interim Head of Communities)', 'Cllr A Smith')."""
    return bool(_PERSON_LINE.match(line)) or line.split()[0].rstrip(".") in _SENTENCE_OPENERS - {"The", "A", "An"}


def _numbered_segments(text: str, lines: list[Line]) -> list[Segment]:
    numbered = _numbered_headings(lines)
    slash = _slash_headings(text)
    heads: list[tuple[int, str | None, str, str]] = []
    refs = [h for h in numbered if h[3] == "item.minute-ref"]
    if len(refs) >= 2:
        numbered = refs  # 'Item 15/03/4' minutes: their '1.' lines are sub-points
    top = [h for h in numbered if h[3] in ("item.numbered", "item.minute-ref")]
    if len(slash) >= max(2, len(top)):
        heads = [(pos, num, cut_title(title), "item.minute-number") for pos, num, title in slash]
    elif len(top) >= 2:
        parents = {num for _, num, _, _ in top}
        for ln, num, title, rule in numbered:
            if rule == "item.subnumbered" and num.split(".")[0] in parents:
                continue  # '4.2' under item 4 is a sub-point of its item
            run_on = re.search(r"[a-z)][.:]\s+[A-Z]", title) or len(title.split()) > 25
            heads.append((ln.start, num, cut_title(title) if run_on else title, rule))
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
        if _attendance_marker(t):
            in_attendance = True
            continue
        if in_attendance and _unnumbered_heading(lines, i) and not _person_like(t):
            leading.append((ln.start, None, t, "item.heading"))
    heads = leading + heads
    return _close(heads, len(text), text)


def _close(heads, text_end: int, text: str) -> list[Segment]:
    segs = []
    for k, (pos, num, title, rule) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else text_end
        segs.append(Segment(num, _clean_title(title), pos, end, rule))
    return segs


def _subheadings(seg: Segment, text: str) -> None:
    body_lines = lines_of(text[seg.start:seg.end])
    for i, ln in enumerate(body_lines[1:], start=1):
        t = ln.text.strip()
        if _unnumbered_heading(body_lines, i) and not _person_like(t) and not t.endswith(":") and \
                not re.match(r"(?:RESOLVED|ACTIONS?|DECISION|THE MEETING CLOSED|CLOSED)\b", t, re.I):
            seg.subheadings.append(_clean_title(t))


# --- council web-page tables ------------------------------------------------------------------

_NUMBERED_ROW = re.compile(r"^\|\s*(?:Item\s+)?(?P<num>\d{1,3}(?:[./]\d{1,3}){0,3})\.?\s*\|\s*(?P<rest>\S.*?)\s*\|?\s*$",
                           re.I)


def _row_title(body: str) -> str:
    """An agenda row's title: its first sentence before 'Minutes:' or a 'PDF 108 KB' link; for a row with no
    title of its own, what the minute is about."""
    lead = body.split("Minutes:")[0].strip()
    lead = re.split(r"\s+PDF\s+\d+\s*[KM]B\b", lead)[0]
    title = cut_title(lead.split(". ")[0]) if lead else ""
    if not title or re.search(r"\bwill (?:give|present|attend|report)\b", lead):
        title = _topic_of(body.split("Minutes:", 1)[-1]) or title
    return _clean_title(title)


def _numbered_rows(text: str, lines: list[Line]) -> list[Segment]:
    """Agenda tables from web pages: rows '| 4. | Title ... Minutes: ... |' with the item number in a cell."""
    rows = [(ln, m) for ln in lines if (m := _NUMBERED_ROW.match(ln.text.strip()))]
    if len(rows) < 3:
        return []
    segs = []
    for k, (ln, m) in enumerate(rows):
        end = rows[k + 1][0].start if k + 1 < len(rows) else len(text)
        segs.append(Segment(m.group("num"), _row_title(m.group("rest").replace(" | ", " ")), ln.start, end,
                            "item.table-row"))
    return segs


def _table_row_segments(text: str, lines: list[Line]) -> list[Segment]:
    """ModernGov 'Agenda and minutes' pages flattened to text: rows end in '|', each with 'Minutes:'."""
    numbered = _numbered_rows(text, lines)
    if numbered:
        return numbered
    if text.count("Minutes:") < 3:
        return []
    rows, start = [], None
    for ln in lines:
        t = ln.text.strip()
        if start is None:
            if re.match(r"^(?:No\.?\s*\|\s*)?Item\s*\|", t):
                start = ln.end + 1
            continue
        if re.fullmatch(r"[-|: ]+", t) and ln.start <= start:
            start = ln.end + 1
            continue
        if t in ("|", ""):
            if ln.start > start:
                rows.append((start, ln.start))
            start = ln.end + 1
    if start is not None and start < len(text):
        rows.append((start, len(text)))
    segs = []
    for a, b in rows:
        body = text[a:b].strip()
        if not body or "|" == body:
            continue
        segs.append(Segment(None, _row_title(body), a + (len(text[a:b]) - len(text[a:b].lstrip())), b,
                            "item.table-row"))
    return segs


def _topic_of(minute: str) -> str | None:
    """A row with no title of its own ('Minutes: The Board considered the Action Log, a copy of which ...',
    '... received a presentation from X, regarding modern slavery ...'): what the minute is about."""
    m = re.search(r"\b(?:regarding|concerning|on the subject of)\s+(?P<t>[^.]{5,160}?)(?:\.|$)", minute) or \
        re.search(r"\b(?:considered|received|noted)\s+(?:the|a|an)\s+(?P<t>[^,.]{3,80}?)(?:,|\.|$)", minute)
    return m.group("t").strip() if m else None


# --- markdown minutes (technical committees) --------------------------------------------------

def _markdown_segments(text: str, lines: list[Line]) -> list[Segment]:
    """Headed markdown minutes: the discussion bullets (and headed topics) are the items."""
    headings = [(i, len(m.group(1)), m.group(2)) for i, ln in enumerate(lines)
                if (m := _MD_HEADING.match(ln.text))]
    if len(headings) < 2:
        return []
    boiler = words("boilerplate_headings")
    segs: list[Segment] = []
    bounds = [h[0] for h in headings] + [len(lines)]
    for k, (i, level, heading) in enumerate(headings):
        section = lines[i + 1:bounds[k + 1]]
        numbered = re.match(r"^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$", heading)
        number, title = (numbered.group(1), numbered.group(2)) if numbered else (None, heading)
        if level == 1 and k == 0 or _clean_title(title).lower() in boiler or "call to order" in title.lower() \
                or _attendance_heading(title) or re.search(r"\bvoting rights\b|\bpresent$", title, re.I):
            continue
        has_children = any(h[1] > level for h in headings[k + 1:k + 2])
        bullets = _top_bullets(section)
        items = [b for b in bullets if b[2] or re.search(r"#\d+", b[0].text)]
        if items:
            for ln, title_text, _ in items:
                end_line = next((b[0] for b in bullets if b[0].start > ln.start), None)
                end = end_line.start if end_line else (lines[bounds[k + 1]].start if bounds[k + 1] < len(lines)
                                                       else len(text))
                segs.append(Segment(None, _clean_title(title_text), ln.start, end, "item.markdown-bullet"))
            continue
        content = [ln.text.strip() for ln in section if ln.text.strip()]
        if not content and not has_children and k + 1 < len(headings) and headings[k + 1][1] == level:
            content = ["(a heading whose topics follow as headings of its own level)"]
        if content and not has_children and not all(_EMPTY_NOTE.match(c.lstrip("-*• ")) for c in content):
            end = lines[bounds[k + 1]].start if bounds[k + 1] < len(lines) else len(text)
            segs.append(Segment(number, _clean_title(title), lines[i].start, end, "item.markdown-heading"))
    return segs


def _top_bullets(section: list[Line]) -> list[tuple[Line, str, bool]]:
    """Top-level bullets of a section: (line, text with wrapped continuation, has nested bullets)."""
    out: list[list] = []
    for ln in section:
        m = _BULLET.match(ln.text)
        if m and not m.group(1):
            out.append([ln, m.group(2).strip(), False])
        elif out and ln.text.strip():
            if m:
                out[-1][2] = True  # a nested bullet: the discussion under this one
            elif ln.text[:1].isspace() and not out[-1][2]:
                out[-1][1] += " " + ln.text.strip()  # the bullet's text wrapped onto the next line
    return [(ln, t, kids) for ln, t, kids in out]


def segment(text: str) -> list[Segment]:
    """The agenda items of a document, in order; [] when it has no recognisable structure."""
    lines = lines_of(text)
    for scheme in (_table_row_segments, _numbered_segments, _markdown_segments, _heading_segments):
        segs = scheme(text, lines)
        if segs:
            for seg in segs:
                if seg.rule != "item.markdown-bullet":
                    _subheadings(seg, text)
            return segs
    return []


def _heading_segments(text: str, lines: list[Line]) -> list[Segment]:
    """Minutes with only stand-alone headings (no numbers): each heading after the attendance list."""
    heads = []
    seen_attendance = False
    for i, ln in enumerate(lines):
        t = ln.text.strip().lstrip("#").strip()
        if _attendance_marker(t):
            seen_attendance = True
            continue
        if (_MD_HEADING.match(ln.text) or _unnumbered_heading(lines, i)) and not _person_like(t):
            heads.append((ln.start, None, t, "item.heading"))
    if seen_attendance:
        first_att = next(ln.start for ln in lines if _attendance_marker(ln.text.strip().lstrip("#").strip()))
        heads = [h for h in heads if h[0] > first_att]
    return _close(heads, len(text), text) if len(heads) >= 2 else []
