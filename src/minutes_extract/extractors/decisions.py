"""Decisions: RESOLVED blocks (each lettered part), 'was approved', 'the Council agreed', motions carried or
lost, proposals seconded, planning observations; with mover, seconder and vote counts when stated."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from .. import rx
from ..sentences import Unit
from ..signals import folded_text
from . import votes
from .screen import fold, may_match, needed_words


def _forms(*patterns: str, flags: int) -> list[tuple[re.Pattern, frozenset[str] | None]]:
    """The alternatives of one pattern, each compiled alone with the words it needs."""
    return [(rx.compile(p, flags), needed_words(p, flags)) for p in patterns]


def _stated(forms, s: str, folded: str) -> bool:
    """True when one of the forms matches s (as the pattern of their alternatives would), each tried only where
    `folded` (fold(s)) has its words: cheaper than the engine trying every alternative at every position."""
    for pattern, words in forms:
        if may_match(words, folded) and pattern.search(s):
            return True
    return False


_RESOLVED = rx.compile(r"^\s*(?:(?P<kw>RESOLVED|Resolved|DECISION|Decision|DECIDED|AGREED|Agreed)\b\s*"
                       r"(?P<ref>\d{1,4}(?:[/.]\d{1,4})+\b\s*)?(?:THAT|that)?"
                       r"\s*[:,–-]?\s*)")
_RESOLVED_INSIDE = rx.compile(r"\b(?P<kw>RESOLVED|DECISION)\b\s*(?:THAT|that)?\s*[:,–-]\s*")
_LETTER_BEFORE = rx.compile(r"\(?[b-z]\)\s*$")
_LETTERED = rx.compile(r"(?:^|(?<=[;.]\s)|(?<=\s))\(?[a-z]\)\s+|(?:^|\s)\(?[ivx]{1,4}\)\s+")
_PASSIVE = rx.compile(
    r"\b(?<!not )(?:was|were|is|are)\s+(?:[\w-]+ed\s+and\s+(?:all\s+)?)?"
    r"(?:then\s+|duly\s+|also\s+|formally\s+|all\s+|therefore\s+|declared\s+)?(?:\w+ly\s+)?(?:re-)?"
    r"(?P<verb>approved|agreed|carried(?!\s+out)|adopted|accepted|ratified|endorsed|elected|resolved|rejected|"
    r"refused|defeated|lost|co-opted|appointed|taken\s+as\s+read)\b", re.I)
_IMPERSONAL = rx.compile(r"\b[Ii]t\s+was\s+(?:\w+ly\s+)?"
                         r"(?P<verb>agreed|resolved|decided|RESOLVED|proposed|prop(?=\.))\b")
_BODY_ACT = rx.compile(
    r"\b(?:Parish\s+|Town\s+|Community\s+|City\s+|the\s+)?(?:Council|Board|Committee|Partnership|Meeting|Members|"
    r"Councillors|Councillor[’']?s|TC|Group|Trustees|Directors|Panel|Forum)\s+(?:were\s+|was\s+|then\s+|also\s+|"
    r"has\s+|have\s+)?"
    r"(?:\w+ly\s+|hereby\s+)?(?P<verb>agreed|approved|resolved|decided|accepted|adopted|ratified|endorsed|"
    r"objects?|supports?|"
    r"instruct(?:s|ed)?|direct(?:s|ed)?(?=\s+(?:the|its|each|all|that)\b)|authori[sz](?:es|ed|e)|"
    r"had no (?:objections?|comments?)|raised no objections?)\b")
_BODY_AND = rx.compile(r"\b(?:Council|Board|Committee|Partnership|Members|Councillors|TC|Trustees|Directors)\b"
                       r"[^.;]{0,60}?\b(?:and|then)\s+(?:\w+ly\s+)?(?P<verb>agreed|resolved|decided|approved)\b")
_REPORTED = rx.compile(r"\b(?:advised|reported|explained|said|informed|stated|mentioned|suggested|asked|queried|"
                       r"once|when|until|whether|if)\b", re.I)
# '... informed members that the Area Committee had decided': a decision reported, not taken
_REPORTED_CLAUSE = rx.compile(r"\b(?:advised|reported|explained|said|told|informed|stated|mentioned|understood|heard|"
                              r"noted|testified)\b"
                              r"[^.;]{0,40}\bthat\s+$", re.I)
# '... noted that in 2015 the Council resolved to ...': an earlier decision quoted
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATED = (rf"\b(?:in|on|during)\s+(?:(?:early|late|mid)[\s-]+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTH}\s+"
          rf"(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\b|\bin\s+(?:19|20)\d\d\b")
_LAST = r"(?:last|previous|prior)"
_LAST_NEEDS = needed_words(_LAST)  # of which every match of _OTHER_MEETING has one, besides 'meeting'
# 'at the last meeting' dates a decision, unless it dates what was raised there ('an issue raised at the last meeting')
_OTHER_MEETING = (r"\b(?<!raised\s)(?<!discussed\s)(?<!mentioned\s)(?<!reported\s)(?<!deferred\s)(?<!held\s)"
                  rf"(?:at|in|during)\s+(?:its|their|the|our)\s+{_LAST}\s+meeting\b")
_EARLIER = rx.compile(rf"^\s*(?:\w+\s+){{0,2}}?{_DATED}|\bin\s+(?:19|20)\d\d\b|"
                      rf"\b(?:previously|last\s+(?:year|month))\b|"
                      rf"{_OTHER_MEETING}", re.I)
_AT_OTHER_MEETING = rx.compile(_OTHER_MEETING, re.I)  # 'X suggested, in the last meeting, ... a motion to ...'
# '... was approved in August 2010', 'agreed last year': the decision verb dated in the past is history
_DATED_AFTER = rx.compile(rf"^\s*(?:\w+ly\s+)?(?:{_DATED}|\blast\s+(?:year|month))", re.I)
# 'carried' and 'lost' decide only a motion, or end their clause ('tempers were lost', 'the work was carried ...')
_VOTE_SUBJECT = rx.compile(r"\b(?:motion|proposal|amendment|resolution|vote|recommendation|nomination)s?\b", re.I)
_CLAUSE_END = rx.compile(r"\s*(?:$|[.;,:)]|unanimously\b|nem\b|by\s|with\s|that\s|\d)", re.I)
_OUTCOME_ONLY = rx.compile(r"^(?:(?:no\s+discussion|no\s+objections?|no\s+further\s+discussion)[,.]?\s*)*"
                           r"(?:motion\s+(?:was\s+)?(?:passed|carried)|"
                           r"carried(?:\s+unanimously|\s+nem\.?\s*con\.?|\s+by\s+.*)?|"
                           r"agreed|approved|agreed\s+(?:unanimously|by\s+all(?:\s+present)?)|"
                           r"all\s+(?:were\s+)?in\s+favour|unanimously\s+agreed)\.?$|^[\w\s,]*seconded\.?$", re.I)
_OUTCOME_ONLY_NEEDS = needed_words(_OUTCOME_ONLY.pattern, _OUTCOME_ONLY.flags)
_MOTION_RESULT = rx.compile(r"^motion\s+(?:was\s+)?(?:carried|passed|lost|failed)\b", re.I)
_OUTCOME_WORDS = rx.compile(r"\b(?:carried|passe[sd]|lost|failed|defeated|in\s+favou?r|agreed|approved)\b", re.I)
_RESULT_WORDS = rx.compile(r"\b(?:carried|passe[sd]|lost|failed|defeated|seconded)\b", re.I)
# the forms of a vote and of a motion, each alone with the words it needs (see _stated): a vote proposed and
# seconded, 'all in favour', 'carried', a vote taken, a motion passed or lost, a unanimous decision
_VOTE = _forms(r"\b(?:proposed|moved)\b.{0,120}?\bsecond(?:ed)?\b", r"\bseconded\b.{0,80}\b(?:agreed|approved|favour)",
               r"\ball\s+(?:were\s+)?in\s+favou?r\b",
               r"(?<!being )(?<!been )\bcarried\b(?!\s+out)"
               r"(?=\s*(?:$|[.;,:)(–-]|unanimously|nem\b|by\s|with\s|\d|and\s))",
               r"\bthose\s+in\s+favou?r\b", r"\bin\s+favou?r\s+(?:were|was)\b", r"\bvoted\b",
               r"\bmotion\s+(?:was\s+)?(?:passed|carried|lost|defeated)\b",
               r"\bunanimous(?:ly)?\b.{0,40}\b(?:agreed|approved|consent|resolved)", flags=re.I | re.S)
# a motion made or moved, a consensus reached, an item taken off the agenda
_MOTION = _forms(r"\b(?:sets?|set|moves?|moved|makes?|made|puts?)\s+(?:the\s+|a\s+)?motion\s+to\b", r"\bmoves\s+to\b",
                 r"(?<!no\s)(?<!without\s)(?<!lack\sof\s)\b(?:(?:had|reached|was|is|have)\s+(?:a\s+)?consensus|"
                 r"consensus\s+(?:was\s+|is\s+)?(?:reached|to|that|on|and)|by\s+consensus)\b",
                 r"\b(?:take|taken|remove|removed)\s+(?:it\s+)?(?:off|from)\s+(?:the\s+)?agenda\b", flags=re.I)
_OBSERVATION = rx.compile(r"^(?:no\s+objections?|no\s+observations?|objects?|support(?:ed)?|no\s+comments?|"
                          r"approved|refused|supported by)\b", re.I)
_FUTURE = rx.compile(r"\b(?:to|should|would|will|may|might|could|must|can)\s+(?:\w+\s+)?be\s+$|\b(?:has|had|have)\s+"
                     r"(?:now\s+|already\s+)?been\s+$|\bif\s", re.I)
_NOTED = rx.compile(r"\bbe\s+noted\b|^(?:this|it|these|which)\s+(?:was|were)\s+noted\.?$|\b(?:was|were)\s+noted\.?$|"
                    r"\bnoted\s+with\s+(?:satisfaction|thanks|concern)", re.I)
_PLANNING_ANY = rx.compile(r"\b(?:[A-Z]{1,3}/\d{3,6}(?:/\w+)?|\d{2}/\d{4,6}/\w+)\b")
_PLANNING_REF = rx.compile(r"^\s*(?:[-•]\s*)?(?:[A-Z]{1,3}/\d{3,6}(?:/\w+)?|\d{2}/\d{4,6}/\w+)\b")
KINDS = {"resolved": "resolved", "decided": "resolved", "decision": "resolved", "agreed": "agreed",
         "approved": "approved", "adopted": "approved", "accepted": "approved", "ratified": "approved",
         "confirmed": "approved", "endorsed": "approved", "elected": "approved", "appointed": "approved",
         "co-opted": "approved", "supported": "approved", "instructed": "resolved", "directed": "resolved",
         "authorised": "resolved", "authorized": "resolved", "carried": "carried", "lost": "lost", "defeated": "lost",
         "rejected": "lost", "refused": "lost", "noted": "noted", "deferred": "agreed"}
_KIND_WORDS = {key: rx.compile(rf"\b{key}\b") for key in KINDS}


_LABEL_MARK = rx.compile("[:,]")  # 'Agreed:' or 'Agreed,' labels a decision
_STARTS_WITH_WORD = rx.compile(r"[\"'“(]?[A-Za-z]")
_THE_APPLICATION = rx.compile(r"\bthe\s+application\b")
_REFERS_BACK = rx.compile(r"^(?:This|These|It|That)\s")  # 'This was approved': what 'this' is comes before
_TITLE_NUMBER = rx.compile(r"^[#*\s]*(?:\d{1,3}(?:\.\d{1,3})*[.)]?\s+)?")
_LABEL_LINE = rx.compile(r"\s*\n\s*(?=[A-Za-z ]{2,20}:)")  # a line break before 'Seconded:'
_THAT_OR_TO = rx.compile(r"\b(?:that|to)\s")
_SECOND = rx.compile(r"\bsecond|\b2nd\b", re.I)
_SECONDED_FIRST = rx.compile(r"\s*second(?:ed)?\b", re.I)


@dataclass
class Resolution:
    text: str
    start: int
    end: int
    kind: str
    rule: str
    vote: dict | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)  # where the vote is stated (the text and its follow-ups)

    def __post_init__(self):
        self.spans = self.spans or [(self.start, self.end)]

    def extend(self, unit: Unit) -> None:
        """Takes in a sentence that continues this decision (its seconder, roll call or outcome)."""
        self.text = f"{self.text} {unit.text}"
        self.end = unit.end
        self.spans.append((unit.start, unit.end))


def _kind(word: str | None, text: str) -> str:
    if word:
        w = word.lower()
        for key, kind in KINDS.items():
            if w.startswith(key[:5]):
                return kind
    low = text.lower()
    for key, kind in KINDS.items():
        if key in low and _KIND_WORDS[key].search(low):
            return kind
    return "other"


def extract_decisions(units: list[Unit], text: str, action_spans: list[tuple[int, int]], roster=None,
                      absent: int = 0, item_starts: list[int] = ()) -> list[Resolution]:
    """What the meeting resolved, agreed, approved, noted or voted, each with its vote as stated (names
    resolved through `roster`; `absent`: members recorded absent, see votes.vote_of)."""
    out: list[Resolution] = []
    last_unit: dict[int, int] = {}  # decision index -> index of the last unit it takes in
    pending_marker = lettered = False
    hits = _trigger_starts(folded_text(text), units[0].start if units else 0)  # offsets kept
    covered = bytearray(len(text) + 1)
    for a, b in action_spans:
        covered[a:b] = b"\x01" * (b - a)
    claimed = -1  # units up to here belong to a motion already read
    for i, unit in enumerate(units):
        s = unit.text
        if i <= claimed:
            continue
        after = out and last_unit.get(len(out) - 1) == i - 1  # the sentence after a decision's last one
        same_block = after and _same_block(text, units[i - 1].end, unit.start)
        after_vote = after and out[-1].rule in ("decision.motion", "decision.vote")
        follow = votes.follows(s) if same_block or after_vote else None  # else it could not continue it
        if follow and (same_block or follow.get("result") and after_vote and not _OUTCOME_WORDS.search(out[-1].text)):
            out[-1].extend(unit)  # 'Member Hage seconded.', 'All were in favor.', 'Motion passes.'
            last_unit[len(out) - 1] = i
            continue
        k = bisect_left(hits, unit.start)
        if not (pending_marker or lettered) and not (k < len(hits) and hits[k] < unit.end):
            continue  # no decision word in this sentence
        folded = fold(s)
        m = _RESOLVED.match(s)
        if not (m and m.group("kw") and (m.group("kw").isupper() or m.group("ref") or _LABEL_MARK.search(m.group()))):
            m = _RESOLVED_INSIDE.search(s) if "RESOLVED" in s or "DECISION" in s else None
        if m and m.group("kw"):
            body = s[m.end():].strip()
            if m.groupdict().get("ref") and covered.find(1, unit.start, unit.end) != -1:
                continue  # 'Resolved 14/06/3.01 It was agreed that the Clerk would ...': an owned task
            if not body:
                pending_marker = m.group("kw").isupper() or ":" in m.group() or bool(m.groupdict().get("ref"))
                continue  # 'Agreed' alone after a proposal: the proposal is the decision
            out.extend(_parts(body, unit.start + m.end(), unit.end, _kind(m.group("kw"), body),
                              "decision.resolved"))
            last_unit[len(out) - 1] = i
            lettered = bool(_LETTERED.search(body))
            continue
        if lettered and _LETTER_BEFORE.search(text, max(0, unit.start - 6), unit.start):
            out.append(Resolution(s, unit.start, unit.end, out[-1].kind, "decision.resolved"))
            last_unit[len(out) - 1] = i
            continue  # 'b) ...' continuing a RESOLVED / DECISION block
        lettered = False
        if pending_marker:
            pending_marker = False
            if not _STARTS_WITH_WORD.match(s) or covered.find(1, unit.start, unit.end) != -1:
                continue  # a table or an owned task after the label
            out.extend(_parts(s, unit.start, unit.end, "resolved", "decision.resolved"))
            last_unit[len(out) - 1] = i
            continue
        if covered.find(1, unit.start, max(unit.start + 1, unit.end)) != -1:
            continue  # the sentence is an owned task ('It was agreed that X would ...')
        opener = votes.motion(s, folded)
        last = _motion(units, i, opener, text, out, last_unit, item_starts) if opener else None
        if last is not None:
            claimed = last
            continue
        outcome_words = may_match(_OUTCOME_ONLY_NEEDS, folded)  # which _OUTCOME_ONLY needs, in `rest` too
        title, rest = _opens_item(units, i, text, item_starts) if outcome_words else ("", "")
        if title and _OUTCOME_ONLY.match(rest):  # '3. Approval of Agenda' / 'Approved.': the item's outcome
            out.append(Resolution(f"{title}: {rest}", unit.start, unit.end, _kind(None, rest), "decision.item-outcome"))
            last_unit[len(out) - 1] = i
            continue
        if outcome_words and _OUTCOME_ONLY.match(s) or _MOTION_RESULT.match(s):
            gap = i - last_unit.get(len(out) - 1, -99)
            if out and (gap <= 3 or gap <= 8 and out[-1].rule in ("decision.motion", "decision.vote")):
                out[-1].spans.append((unit.start, unit.end))  # 'Motion passed.' after the motion and its discussion
                continue
            if i and "\n\n" not in text[units[i - 1].end:unit.start]:  # 'Moved by X to adopt. Motion Carried 5-2.'
                motion = units[i - 1]
                out.append(Resolution(f"{motion.text} {s}", motion.start, unit.end, _kind(None, s), "decision.motion"))
                last_unit[len(out) - 1] = i
                continue
        decision = _sentence_decision(s, folded)
        if not decision:
            continue
        kind, rule = decision
        text_out = s
        if rule == "decision.observation" or "application" in s and _THE_APPLICATION.search(s):
            ref = _planning_context(units, i) if not _PLANNING_REF.match(s) else None
            if rule == "decision.observation" and not ref and not _PLANNING_REF.match(s) and \
                    not _LONG_NO_OBJECTION.match(s):
                continue
            text_out = f"{ref} {s}" if ref else s
        elif _REFERS_BACK.match(s) and i and units[i - 1].end > unit.start - 3 and \
                rule != "decision.it-was-agreed":  # 'It was agreed ...' says what it agrees
            if "apolog" in units[i - 1].text.lower():
                continue  # 'Apologies were received from A and B. These were accepted.': not a decision of substance
            if out and last_unit.get(len(out) - 1) == i - 1 and not s.startswith("It "):
                out[-1].extend(unit)  # '... voted in favor. This was sufficient, so the proposal is accepted.'
                out[-1].kind, last_unit[len(out) - 1] = kind, i
                continue
            text_out = f"{units[i - 1].text} {s}"  # 'This project was approved': say what 'this' is
        if text_out.rstrip().endswith(":") and i + 1 < len(units):
            if _sentence_decision(units[i + 1].text) or _RESOLVED.match(units[i + 1].text):
                continue  # 'consent to approve the following Resolutions:' introduces the decisions
            text_out = f"{text_out} {units[i + 1].text}"
        _add(out, last_unit, i, Resolution(text_out, unit.start, unit.end, kind, rule), text)
    for r in out:
        r.vote = votes.vote_of(_vote_text(text, r.spans), roster, absent)
    return out


def _opens_item(units: list[Unit], i: int, text: str, item_starts: list[int]) -> tuple[str, str]:
    """(the item's title, the sentence) when units[i] is the first sentence of its item, its title line included
    or not ('Approval of Agenda Approved.' -> ('Approval of Agenda', 'Approved.')); ('', '') otherwise."""
    k = bisect_right(item_starts, units[i].start) - 1
    if k < 0 or i and units[i - 1].end > item_starts[k]:
        return "", ""
    line_end = text.find("\n", item_starts[k]) % (len(text) + 1)
    title = " ".join(_TITLE_NUMBER.sub("", text[item_starts[k]:line_end]).split())
    rest = units[i].text
    if units[i].start < line_end:  # the sentence runs on from the title line
        rest = rest[len(title):].strip() if rest.startswith(title) else ""
    return (title.strip(" *#:"), rest) if 2 < len(title) < 100 and rest else ("", "")


def _vote_text(text: str, spans: list[tuple[int, int]]) -> str:
    """The text a decision's vote is read from: its spans, lines joined, labelled lines kept apart."""
    chunk = " ".join(text[a:b] for a, b in spans)
    return " ".join((_LABEL_LINE.sub("; ", chunk) if "\n" in chunk else chunk).split())  # it needs a '\n'


def _motion(units: list[Unit], i: int, opener: dict, text: str, out: list[Resolution], last_unit: dict[int, int],
            item_starts: list[int]) -> int | None:
    """Reads the motion opened at units[i] with the sentences that continue it (seconder, roll call, outcome)
    as one decision; returns the index of its last unit (None when the sentence is no motion after all).
    'Moved by X to adopt.' takes in the record it adopts
    (the text since the last decision, item start, blank line or lead-in ending in ':')."""
    if _AT_OTHER_MEETING.search(units[i].text):
        return None
    j = i
    while j + 1 < len(units) and j - i < 8 and _same_block(text, units[j].end, units[j + 1].start) \
            and votes.follows(units[j + 1].text):
        j += 1
    start, end = units[i].start, units[j].end
    if opener.get("adopts_record"):
        k = bisect_left(item_starts, start + 1) - 1
        lo = max(out[-1].end if out else 0, item_starts[k] if k >= 0 else 0, start - 600)
        if lo == start - 600 and lo and text[lo - 1] != "\n":
            lo = text.find("\n", lo, start) + 1 or lo  # a record cut by the look-back starts at its next line
        before = text[lo:start]
        own_line = before.rfind("\n") + 1  # a record line is where the record starts, unless it is the motion's own
        records = [m.start() - lo for m in _RECORD_LINE.finditer(text, lo, lo + own_line)]  # whole lines only
        blank = max((m.end() for m in _PARAGRAPH_END.finditer(before)), default=0)
        lead_in = before.rfind(":\n") + 2 if ":\n" in before else 0  # after a lead-in ending in ':'
        lo += max(blank, lead_in, records[-1] if records else 0)
        lo += len(text[lo:start]) - len(text[lo:start].lstrip())
        lead, start = " ".join(text[lo:start].split()), min(lo, start)
    else:
        lead = ""
        if opener.get("joins_decision_before") and out and last_unit.get(len(out) - 1) == i - 1 and \
                _same_block(text, out[-1].end, start) and not _THAT_OR_TO.search(units[i].text):
            for unit in units[i:j + 1]:  # '... were approved. Proposed by A, seconded by B.'
                out[-1].extend(unit)
            last_unit[len(out) - 1] = j
            return j
        if opener.get("needs_support") and j == i and not _SECOND.search(units[i].text):
            if not (j + 1 < len(units) and _same_block(text, units[j].end, units[j + 1].start)
                    and _SECONDED_FIRST.match(units[j + 1].text)):
                return None  # 'Proposed by X from Y.' alone: who put a paper forward, not a motion
            j, end = j + 1, units[j + 1].end  # 'Proposed by A. Seconded by B that ...': one motion
    body = " ".join([lead] * bool(lead) + [u.text for u in units[i:j + 1]])
    kind = _kind(None, body)
    _add(out, last_unit, j, Resolution(body, start, end, "agreed" if kind == "other" else kind, "decision.motion"),
         text)
    return j


# a line that starts a record: '05-1105 5. City Clerk to ...', '(B) SW 9th Street ...', '12. Approving ...'
_RECORD_LINE = rx.compile(r"^[ \t]*(?:\d{2,4}-\d{2,5}\b|\(?[A-Za-z0-9]{1,3}\)|\d{1,3}(?:\.\d{1,3})*\.)[ \t]+\S", re.M)


_PARAGRAPH_END = rx.compile(r"[.:;!?)]\s*\n[ \t]*\n")  # a blank line after an unfinished sentence is layout


def _same_block(text: str, a: int, b: int) -> bool:
    """No blank line between offsets a and b."""
    return "\n\n" not in text[a:b] and "\n\t\n" not in text[a:b]


# the motion before is amended or restated, so the later one replaces it
_AMENDED = rx.compile(r"\b(?:amend|modif|chang|revis|restat|reword|withdr[ae]w)\w*\s+(?:\w+\s+){0,3}?motion\b|"
                      r"\bmotion\s+(?:as\s+|was\s+|is\s+)?(?:amended|modified|revised|restated|reworded)\b|"
                      r"\bas\s+amended\b|\bamended\s+motion\b", re.I)
_ELECTED = rx.compile(r"\b(?:elected|appointed|co-opted)\b")
_VOTE_ONLY = rx.compile(r"^(?:proposed[.:]?\s*)?(?:by\s+)?(?:Cllr\.?|Councillor|Mr|Mrs|Ms|Dr)\s+[^.,]{2,40},?\s+"
                        r"seconded\b", re.I)


def _add(out: list[Resolution], last_unit: dict[int, int], i: int, new: Resolution, text: str) -> None:
    """Adds a decision, folding it into the one before when the two record one act: a proposal and its
    'duly elected', a motion and its restatement as amended, a decision and the vote line after it."""
    if out:
        prev, gap = out[-1], i - last_unit.get(len(out) - 1, -99)
        if gap == 1 and prev.rule in ("decision.vote", "decision.motion") and _ELECTED.search(new.text) and \
                _same_paragraph(text, prev.end, new.start):
            new.spans = prev.spans + new.spans
            out.pop()  # 'X was proposed by A, seconded by B. X was duly elected.': keep the outcome
        elif gap <= 4 and prev.rule == new.rule == "decision.motion" and len(prev.spans) == 1 and \
                not _RESULT_WORDS.search(prev.text) and _AMENDED.search(text, prev.end, new.end):
            out.pop()  # 'A moves to add X.' 'B suggests to modify the motion ...' 'A agrees and moves to add X as ...'
        elif gap <= 2 and new.rule == "decision.vote" and _VOTE_ONLY.match(new.text) and \
                "\n\n" not in text[prev.end:new.start]:
            prev.spans.append((prev.spans[-1][1], new.end))  # '... approved. Cllr A, Seconded Cllr B, ...'
            return
    out.append(new)
    last_unit[len(out) - 1] = i


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n\n" not in text[a:b] and b - a < 5


def _parts(body: str, start: int, end: int, kind: str, rule: str) -> list[Resolution]:
    """'a) That X; b) That Y' -> one decision per lettered part (a lead-in ending in ':' is not a part)."""
    marks = list(_LETTERED.finditer(body))
    if len(marks) < 2 and not (marks and body[:marks[0].start()].rstrip().endswith(":")):
        return [Resolution(body, start, end, kind, rule)]
    out = []
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else len(body)
        part = body[m.end():stop].strip(" ;,.")
        if part:
            out.append(Resolution(part, start + m.end(), start + stop, kind, rule))
    return out


# the words any decision rule needs, each opening a word: _TRIGGER's alternatives spelled out (no word opens inside
# another's match, 'co-opt' and 'taken as read' included, so every start is a start finditer finds)
_TRIGGER_WORDS = ("approv", "agree", "accept", "adopt", "appoint", "agenda", "resolv", "carried", "ratif", "endors",
                  "elect", "reject", "refus", "defeat", "lost", "co-opt", "taken as read", "noted", "object",
                  "observation", "support", "motion", "moves", "consensus", "favour", "favor", "vote", "second", "2nd",
                  "instruct", "direct", "authori", "propos", "prop.", "nominat", "decid", "decision", "comments",
                  "moved", "record", "declared")
# screens lower-cased text for them (case-sensitive and factored: fast)
_TRIGGER = rx.compile(r"\b(?:a(?:pprov|gree|ccept|dopt|ppoint|genda)|resolv|carried|ratif|endors|elect|re(?:ject|fus)|"
                      r"defeat|lost|co-opt|taken as read|noted|o(?:bject|bservation)|support|mo(?:tion|ves)|consensus|"
                      r"favou?r|vote|second|2nd|instruct|direct|authori|prop(?:os|\.)|nominat|decid|decision|comments|"
                      r"moved|record|declared)")


# trigger words found through a common stem: one scan of the text for several words (stems that occur rarely
# outside them, as the archive shows)
_STEMS = {"favo": ("favour", "favor"), "prop": ("propos", "prop."), "mo": ("motion", "moves", "moved"),
          "dec": ("decid", "decision", "declared"), "ob": ("object", "observation")}
_SCANS = [(stem, words) for stem, words in _STEMS.items()] + \
         [(word, None) for word in _TRIGGER_WORDS if not any(word in words for words in _STEMS.values())]


def _trigger_starts(folded: str, pos: int) -> list[int]:
    """The starts of _TRIGGER's matches in `folded` from `pos` (a trigger word after no word character), found
    with str.find, which skips to a literal far faster than the regex engine tries each position."""
    starts = set()
    for needle, words in _SCANS:
        at = folded.find(needle, pos)
        while at != -1:
            if (not at or not (folded[at - 1].isalnum() or folded[at - 1] == "_")) and \
                    (words is None or folded.startswith(words, at)):  # re's \w is isalnum() or '_'
                starts.add(at)
            at = folded.find(needle, at + 1)
    return sorted(starts)


# screens of the lower-cased sentence, tested with `in` (faster than a regex alternation of the same words)
_ACT_WORDS = frozenset(("agreed", "approved", "resolved", "decided", "accepted", "adopted", "ratified", "endorsed",
                        "object", "support", "instruct", "direct", "authori", "no comment"))
_VOTE_WORDS = frozenset(("second", "favour", "favor", "carried", "motion", "voted", "unanim"))
_MOTION_WORDS = frozenset(("motion", "moves", "consensus", "agenda"))
# the bodies of which every match of _BODY_ACT and _BODY_AND names one, as written (both patterns are case-sensitive):
# one search, which skips to the capitals they open with, is faster than a test for each
_BODY_WORD = rx.compile("Council|Board|Committee|Partnership|Meeting|Members|TC|Group|Trustees|Directors|Panel|Forum")
_PASSIVE_NEEDS = needed_words(_PASSIVE.pattern, _PASSIVE.flags)  # its verbs


# 'Approved by General Consent.', 'Adopted by consensus.' (a US agenda item's whole record)
_BY_CONSENT = rx.compile(r"^(?:Approved|Agreed|Adopted|Carried|Accepted)\s+by\s+(?:general\s+consent|unanimous\s+"
                         r"consent|consensus|acclamation)\b", re.I)
# 'Agenda approved.', 'Previous minutes approved unchanged as published.': a headline without its 'was' (a subject
# of at most three words, no figures; a planning application's outcome is usually another body's, 'by X' is X's)
_HEADLINE = rx.compile(r"^(?!.*\b(?:application|planning|permission)\b)(?-i:[A-Z])[^\W\d]*"
                       r"(?:\s+(?!(?:was|were|is|are|has|have|had|be|not)\b)[^\W\d][\w'’-]*){0,2}\s+"
                       r"(?P<verb>approved|adopted|accepted|ratified|carried)"
                       r"(?:\s+(?:unchanged|unanimously|as\s+\w+|without\s+\w+|with\s+\w+|by\s+(?:all|consensus|"
                       r"acclamation)|\w+ly))*\.?$", re.I)
_HEADLINE_NEEDS = needed_words(_HEADLINE.pattern, _HEADLINE.flags)  # its verbs
# 'Mr Kirby declared that Mr Wait and Mr Webster had been duly elected': an election's result
_DECLARED_ELECTED = rx.compile(r"\bdeclared\b[^.;]{0,80}?\b(?:duly\s+)?(?:re-)?(?:elected|appointed)\b", re.I)
# 'The minutes ... were confirmed / signed as a true record'
_TRUE_RECORD = rx.compile(r"\b(?:confirmed|signed|approved|accepted|adopted|agreed|taken)\b[^.;]{0,40}?\bas\s+"
                          r"(?:a\s+|an\s+)?(?:true|correct|accurate|fair)\s+(?:and\s+\w+\s+)?record", re.I)
# a planning application's observation ('DC/123/45 No objections', 'Objects: ...')
_OBSERVATION_WORD = rx.compile(r"\b(?:no\s+objections?|no\s+observations?|objects?|supports?)\b", re.I)
_OBJECTS = rx.compile(r"\bobjects?\b")
_OBJECTS_FIRST = rx.compile(r"objects?\b", re.I)
_NO_OBJECTION = rx.compile(r"no\s+objections?\b", re.I)
_LONG_NO_OBJECTION = rx.compile(r"no\s+objections?\b.{25,}", re.I)
# before a body's act, one still to come ('... for the Council to agree') or another body's ('County Council agreed')
_TO_BE_BEFORE = rx.compile(r"\b(?:would|will|to)\s+(?:be\s+)?$")
_OTHER_BODY_BEFORE = rx.compile(r"\b(?:County|Borough|District|City|National|Government|Highways|Area)\s*$")
_AGREED_TO_BE = rx.compile(r"\bagreed\s+to\s+be\b")
_IT_CONFIRMED = rx.compile(r"^It\s+was\s+(?:also\s+)?confirmed")
_RESOLVED_TO = rx.compile(r"\s*(?:that|to|:)")  # 'was resolved that / to / :' decides; 'was resolved' alone fixed
_BY_BODY = rx.compile(r"^(?:Supported|Approved|Agreed|Refused)\s+by\s+the\b")


def _sentence_decision(s: str, folded: str | None = None) -> tuple[str, str] | None:
    """(kind, rule) when the sentence records a decision. A search guarded by a word runs only when the
    sentence has that word, which its pattern needs (`folded`, fold(s), as (?i) matches it)."""
    low = s.lower()
    if len(s) < 8 or s.endswith("?") or not _TRIGGER.search(low):
        return None
    folded = fold(s) if folded is None else folded
    if "meeting" in folded and may_match(_LAST_NEEDS, folded) and _AT_OTHER_MEETING.search(s):
        return None
    if _BY_CONSENT.match(s):
        return _kind(s.split()[0], s), "decision.by-consent"
    if "record" in folded and _TRUE_RECORD.search(s):
        return "approved", "decision.true-record"
    if "declared" in folded and _DECLARED_ELECTED.search(s):
        return "approved", "decision.declared-elected"
    if _PLANNING_REF.match(s) and _OBSERVATION_WORD.search(s):
        return ("lost" if _OBJECTS.search(s) else "approved"), "decision.observation"
    if _OBSERVATION.match(s) and (len(s.split(":")[0]) < 60 or _NO_OBJECTION.match(s)):
        return ("lost" if _OBJECTS_FIRST.match(s) else "approved"), "decision.observation"
    m = _IMPERSONAL.search(s) if "it was" in low else None
    if m and _history(s, m):
        return None
    if m:
        return _kind(m.group("verb"), s) if m.group("verb") != "prop" else "agreed", "decision.it-was-agreed"
    m = _BODY_ACT.search(s) or _BODY_AND.search(s) if _BODY_WORD.search(s) and may_match(_ACT_WORDS, low) else None
    before = s[:m.start()] if m else ""
    if m and not _history(s, m) and not _REPORTED_CLAUSE.search(before) and not _TO_BE_BEFORE.search(before) \
            and not _OTHER_BODY_BEFORE.search(before):
        return _kind(m.group("verb"), s), "decision.body-agreed"
    if "agreed" in s and _AGREED_TO_BE.search(s):
        return "agreed", "decision.agreed-to-be"
    passive = (" was " in low or " were " in low or " is " in low or " are " in low) and "apolog" not in low \
        and may_match(_PASSIVE_NEEDS, folded)
    for m in _PASSIVE.finditer(s) if passive else ():  # accepting apologies is not a decision of substance
        if _FUTURE.search(s[:m.start() + len(m.group().split()[0]) + 1]) or _REPORTED.search(s[:m.start()]) \
                or _IT_CONFIRMED.match(s) \
                or m.group("verb").lower() == "resolved" and not _RESOLVED_TO.match(s[m.end():]):
            continue  # '... the problem was resolved last week': fixed, not decided
        if m.group("verb").lower() in ("carried", "lost", "defeated") and not _VOTE_SUBJECT.search(s) \
                and not _CLAUSE_END.match(s[m.end():]) or _history(s, m):
            continue
        return _kind(m.group("verb"), s), "decision.passive"
    if "noted" in low and _NOTED.search(s):
        return "noted", "decision.noted"
    if may_match(_VOTE_WORDS, low) and _stated(_VOTE, s, folded):
        return _kind(None, s), "decision.vote"
    if may_match(_MOTION_WORDS, low) and _stated(_MOTION, s, folded):
        return "agreed", "decision.motion"
    m = _HEADLINE.match(s) if "apolog" not in low and may_match(_HEADLINE_NEEDS, folded) else None
    if m and not votes.title_word(s.split()[0]):  # 'Cllr Smith approved' is a person, not a headline
        return _kind(m.group("verb"), s), "decision.headline"
    if _BY_BODY.match(s):
        return _kind(s.split()[0], s), "decision.by-body"
    return None


def _history(s: str, m: re.Match) -> bool:
    """The decision verb at m is dated before this meeting ('In January 2010 it was agreed', 'was approved in
    August 2010', 'at the last meeting the Board resolved')."""
    return bool(_EARLIER.search(s, 0, m.start()) or _DATED_AFTER.match(s[m.end():]))


def _planning_context(units: list[Unit], i: int) -> str | None:
    """The application a bare observation ('No Objections') answers: the nearest application reference
    before it, with the description that follows the reference."""
    for j in range(i - 1, max(-1, i - 8), -1):
        refs = list(_PLANNING_ANY.finditer(units[j].text))
        if refs:
            ref = units[j].text[refs[-1].start():]
            if len(ref.split()) < 3 and j + 1 < i:
                ref += " " + units[j + 1].text
            return ref
        if _sentence_decision(units[j].text):
            return None
    return None
