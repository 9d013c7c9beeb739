"""Attendance written as sentences: 'Apologies were received from ...', 'Present were ...', 'X was absent',
'X took the chair', and 'All members were present' with the members named in the masthead."""
from __future__ import annotations

import re

from .. import rx
from .attendance_lists import Found, list_people, status_of, PROSE_WORD
from .people import Person, describes_organisation, parse_entry

APOLOGY_SENTENCE = rx.compile(  # 'Apologies for absence were received before the meeting from ...'
    r"\bApologies(?:\s+(?:for|of)\s+absence)?\s+(?:(?:were|had\s+been|have\s+been)\s+)?(?:(?:received|given|"
    r"submitted|tendered|sent|noted|accepted|provided)(?:\s+and\s+(?:accepted|noted|approved))?"
    r"(?:\s+(?!from\b)[a-z]+){0,4}?\s+(?:from|by|for)\b|\s*(?:from|by)\b|\s*:(?!\s*Apologies\b))\s*(?P<list>.+)",
    re.I)
_PRESENT_SENTENCE = rx.compile(  # 'Present were ...', 'Board members present were Trustee Elton, ...'
    r"^(?:Also\s+)?(?:(?:Board|Council|Committee|Commission|Staff)\s+)?(?:members?\s+|officers?\s+)?(?:also\s+)?"
    r"(?:present|in\s+attendance|attending)(?:\s+at\s+[^:.]{3,60}?)?\s+(?:was|were)\s+(?!the following)(?P<list>.+)",
    re.I)
_SENT_APOLOGIES = rx.compile(  # 'Cllr Smith and Mrs Jones sent their apologies.'
    r"^(?P<list>[A-Z][^.;:]{2,120}?)\s+(?:had\s+)?(?:sent|gave|tendered|offered|submitted)\s+(?:(?:his|her|their)\s+)?"
    r"apologies\b", re.I)
# 'Roll call: Trustees Elton, Picha and Hodge were present.', 'Clerk Buiter was also present.'
_WERE_PRESENT = rx.compile(
    r"^(?:(?:Roll\s+call|Attendance)\s*[:-]\s*)?(?P<list>[A-Z].*?)\s+(?:was|were)\s+(?:also\s+|all\s+)?"
    r"(?P<st>present|absent|excused|in\s+attendance)\b[^.]{0,40}\.?$", re.I)
_ALL_PRESENT = rx.compile(r"\ball\s+(?:(?:board|committee|council|commission)\s+)?members\s+(?:were\s+)?present\b",
                          re.I)
_LIST_END = rx.compile(r"\s-\s|;")
_REASON_START = rx.compile(r"\b(?:who|as|due to|because)\b")
_ALL_OR_EVERY = rx.compile(r"\b(?:all|every)\b", re.I)
_CAPITALISED_WORD = rx.compile(r"\b[A-Z]{3,}\b")
_TOOK_CHAIR = rx.compile(r"\b(?P<who>(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+(?:[A-Z]\.?\s+){0,2}[A-Z][\w'-]+)\s+"
                         r"(?:took|was in|chaired)\s+the\s+[Cc]hair")  # 'Cllr Smith took the chair'
_DIGIT = rx.compile(r"\d")
_ROLE_AFTER = rx.compile(r"(?:,\s*[\w -]+)?")  # 'Christopher Jerdonek, Chair'


def read_sentences(unit, found) -> None:
    """Attendance a sentence states; each pattern is tried only on a sentence holding a word it needs (as
    re.I reads it: 'ſ' matches 's')."""
    low = unit.text.lower()
    if "apolog" not in low and "present" not in low and "chair" not in low and "attendance" not in low and \
            "absent" not in low and "excused" not in low:
        return
    low = low.replace("ſ", "s") if "ſ" in low else low
    apologies = "apolog" in low
    attendance = "present" in low or "absent" in low or "excused" in low or "attend" in low
    m = APOLOGY_SENTENCE.search(unit.text) if apologies else None
    if m:
        chunk = _LIST_END.split(m.group("list").rstrip("."))[0]
        chunk = _REASON_START.split(chunk)[0]
        for p in list_people(chunk):
            found.append(Found(p, "apologies", "apologies", unit.start, unit.end, "attendee.apologies-sentence"))
    m = _PRESENT_SENTENCE.match(unit.text) if attendance else None
    if m:
        for p in list_people(m.group("list").rstrip(".")):
            found.append(Found(p, "present", "present", unit.start, unit.end, "attendee.present-sentence"))
    m = _WERE_PRESENT.match(unit.text.strip()) if attendance and not m else None
    if m and len(PROSE_WORD.findall(m.group("list"))) <= 1 and not _ALL_OR_EVERY.search(m.group("list")) \
            and len(_CAPITALISED_WORD.findall(m.group("list"))) < 2:
        status = status_of(m.group("st"))
        for p in list_people(m.group("list")):
            found.append(Found(p, status, m.group("st").lower(), unit.start, unit.end, "attendee.present-sentence"))
    m = _SENT_APOLOGIES.match(unit.text.strip()) if apologies else None
    if m and len(PROSE_WORD.findall(m.group("list"))) <= 1:
        for p in list_people(m.group("list")):
            found.append(Found(p, "apologies", "apologies", unit.start, unit.end, "attendee.apologies-sentence"))
    m = _TOOK_CHAIR.search(unit.text) if "hair" in unit.text else None
    if m:
        p = parse_entry(m.group("who"))
        if p:
            p.role = "Chair"
            found.append(Found(p, "present", "chair", unit.start, unit.end, "attendee.took-chair"))


def all_present(lines, units, found) -> None:
    """'All members were present': the members are the block of names the document lists before (a masthead
    roster: 'Christopher Jerdonek, Chair' / 'Carl Hage' / ...), when it lists one of three or more."""
    said = next((u for u in units if _ALL_PRESENT.search(u.text)), None)
    if said is None:
        return
    block: list[tuple[Person, object]] = []
    for ln in lines:
        if ln.start >= said.start:
            break
        t = ln.text.strip()
        if not t:
            continue
        p = parse_entry(t) if len(t.split()) <= 6 and not _DIGIT.search(t) else None
        if p and len(p.tokens) >= 2 and not describes_organisation(p.name) and \
                t[:len(p.name)] == p.name and _ROLE_AFTER.fullmatch(t[len(p.name):].strip()):
            block.append((p, ln))
            continue
        if len(block) >= 3:
            break
        block = []
    if len(block) >= 3:
        for p, ln in block:
            found.append(Found(p, "present", "members", ln.start, ln.end, "attendee.all-present"))
