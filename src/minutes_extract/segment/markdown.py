"""Markdown minutes of technical committees: discussion bullets and headed topics are the items."""
from __future__ import annotations

import re

from .. import rx
from ..lexicon import words
from ..lexicon import rule_table
from .base import Line, Segment
from .titles import attendance_heading, clean_title


_DETAIL = rx.compile(rule_table("meeting")["detail_headings"]["pattern"], re.I)
_TIME_HEADING = rx.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[-–:]?\s*"
                           r"(?:open|opening|start|close|closed|closing|end|adjourn\w*)$", re.I)
_OUTSIDE = {h.lower() for h in rule_table("segment")["outside_proceedings"]}  # 'Summary', 'Addendum'
_TITLE_HEADING = rx.compile(r"^(?:minutes|notes)\s+(?:for|from)\b", re.I)
MD_HEADING = rx.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_BULLET = rx.compile(r"^(\s*)(?:[-*+•]|\d{1,2}[.)])\s+(.*)$")
_NUMBERED_HEADING = rx.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$")
_ATTENDANCE_TOPIC = rx.compile(r"\bvoting rights\b|\bpresent$", re.I)
_ISSUE_REF = rx.compile(r"#\d+")  # '#16130'
_EMPTY_NOTE = rx.compile(r"^(?:no (?:updates?|announcements|news)\b|nothing\b|none\b|skipped\b|n/?a\b|"
                         r"extracted from\b)", re.I)


def has_hash_lines(text: str) -> bool:
    """Whether some line opens with '#', as every markdown heading does."""
    return text.startswith("#") or "\n#" in text


def markdown_segments(text: str, lines: list[Line]) -> list[Segment]:
    """Headed markdown minutes: the discussion bullets (and headed topics) are the items."""
    if not has_hash_lines(text):
        return []
    headings = [(i, len(m.group(1)), m.group(2)) for i, ln in enumerate(lines)
                if (m := MD_HEADING.match(ln.text))]
    if len(headings) < 2:
        return []
    boiler = words("boilerplate_headings")
    segs: list[Segment] = []
    bounds = [h[0] for h in headings] + [len(lines)]
    for k, (i, level, heading) in enumerate(headings):
        section = lines[i + 1:bounds[k + 1]]
        numbered = _NUMBERED_HEADING.match(heading)
        number, title = (numbered.group(1), numbered.group(2)) if numbered else (None, heading)
        if level == 1 and k == 0 or clean_title(title).lower() in boiler or "call to order" in title.lower() \
                or attendance_heading(title) or _ATTENDANCE_TOPIC.search(title) \
                or meeting_detail(clean_title(title)) or _attendance_only(section) \
                or clean_title(title).lower() in _OUTSIDE:
            continue
        has_children = any(h[1] > level for h in headings[k + 1:k + 2])
        bullets = _top_bullets(section)
        items = [b for b in bullets if b[2] or _ISSUE_REF.search(b[0].text)]
        if items:
            for ln, title_text, _ in items:
                end_line = next((b[0] for b in bullets if b[0].start > ln.start), None)
                end = end_line.start if end_line else (lines[bounds[k + 1]].start if bounds[k + 1] < len(lines)
                                                       else len(text))
                segs.append(Segment(None, clean_title(title_text), ln.start, end, "item.markdown-bullet"))
            continue
        content = [ln.text.strip() for ln in section if ln.text.strip()]
        if not content and not has_children and k + 1 < len(headings) and headings[k + 1][1] == level:
            content = ["(a heading whose topics follow as headings of its own level)"]
        if content and not has_children and not all(_EMPTY_NOTE.match(c.lstrip("-*• ")) for c in content):
            end = lines[bounds[k + 1]].start if bounds[k + 1] < len(lines) else len(text)
            segs.append(Segment(number, clean_title(title), lines[i].start, end, "item.markdown-heading"))
    return segs


def meeting_detail(title: str) -> bool:
    """A heading of the meeting's own details, not an agenda item: 'Time and Location', 'Venue' (rules in
    models/meeting.json), a time with the opening or close ('20:06 Open', '22:10 Close'), the title repeated
    ('Minutes for 2020-03-03')."""
    return bool(_DETAIL.match(title) or _TIME_HEADING.match(title) or _TITLE_HEADING.match(title))


def _attendance_only(section: list[Line]) -> bool:
    """A section holding only attendance lines ('- Present: ...', '- Apologies: ...')."""
    content = [ln.text.strip().lstrip("-*• ") for ln in section if ln.text.strip()]
    return bool(content) and all(attendance_heading(c.partition(":")[0]) and ":" in c for c in content)


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
