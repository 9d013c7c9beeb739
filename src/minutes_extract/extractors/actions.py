"""Actions: who must do what. Sentences are matched against the commitment clause grammar (commitments.py,
models/actions.json); ACTION markers, bracketed owners, 'He will ...' after a sentence naming him, owner columns at
the end of a minute ('... ongoing.<tab>Clerk') and action lists and tables (action_lists.py) add the rest."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from .. import rx
from ..lexicon import alternation, words
from ..sentences import Unit
from .action_lists import list_tasks
from .commitments import (Commitment, Known, Task, compiled, cue_words, expand, find, grammar, grammar_words, has_cue,
                          known_names, needs_antecedent, resolve, split_refs)
from .roster import Roster

_REF = expand("{REF}")
_OWNER_ROLE = rf"(?:[Tt]he\s+)?(?:{alternation('owner_roles')}|RFO|Clerk/RFO)"  # for owner columns
_HON = alternation("honorifics")
_DONE = rx.compile(r"\b(?:had|has)\s+(?:\w+\s+)?(?:agreed|volunteered|undertaken|been asked|asked|requested|"
                   r"instructed)\b")
_REPORTED_NEEDS = frozenset(grammar()["reported_request"]["needs"])
_TAB_WORDS = rx.compile(r"[a-z]\t+[a-z]")
_BLANK_LINE = rx.compile(r"\n[ \t]*\n")
_MARKER_LINE = rx.compile(r"^[ \t]*ACTIONS?[ \t]*[:–—-][^\n]+", re.M)
_MARKER = compiled("marker")
_OWNERS_ONLY = rx.compile(rf"{_REF}(?:\s*(?:,|/|and|&)\s*{_REF})*")
_INITIALS = rx.compile(r"\b[A-Z]{2,3}\b")


def extract_actions(units: list[Unit], roster: Roster, text: str) -> list[Task]:
    """Tasks given to someone in the minutes' sentences, list lines and owner columns."""
    tasks: list[Task] = []
    antecedent, paragraph = _Antecedent(), 0
    blank_lines = [m.start() for m in _BLANK_LINE.finditer(text)]
    known = known_names(text, roster)
    for i, (unit, marker) in enumerate(_lines(units, text)):
        k = bisect_left(blank_lines, unit.start)
        if k != paragraph:  # a new paragraph: no pronoun reaches back past it
            paragraph, antecedent = k, _Antecedent()
        owner_only = marker and _trailing_owner(unit, marker, roster)
        if owner_only and tasks and i:  # 'The Clerk to write to NCC.  ACTION: CLERK' - the sentence before
            _add_owners(tasks, owner_only, units, unit)
            continue
        task = _from_unit(unit, marker, roster, antecedent, known) or unit.text.startswith("(") and _bracketed(
            unit, roster)
        if task:
            tasks.append(task)
        antecedent.sentences.append(unit.text)
    tasks.extend(_column_owners(units, roster, text, tasks))
    tasks.extend(_new(_marker_lines(text, roster) + list_tasks(text, roster), tasks))
    tasks.sort(key=lambda t: t.start)
    return tasks


def _marker_lines(text: str, roster: Roster) -> list[Task]:
    """Lines that open with an ACTION marker, read as one line whatever the sentence splitter made of them (a
    PDF may space its words with tabs)."""
    out = []
    if "ACTION" not in text:  # the word every marker line has
        return out
    for m in _MARKER_LINE.finditer(text):
        line = m.group()
        lead = len(line) - len(line.lstrip())
        unit = Unit(m.start() + lead, m.end(), " ".join(line.split()))
        marker = _MARKER.match(unit.text)
        task = None if _trailing_owner(unit, marker, roster) else _from_unit(unit, marker, roster, None)
        if task:
            out.append(task)
    return out


def _new(found: list[Task], tasks: list[Task]) -> list[Task]:
    """The list tasks that no sentence task already covers."""
    spans = sorted((t.start, t.end) for t in tasks)
    starts = [a for a, _ in spans]
    out = []
    for t in found:
        k = bisect_left(starts, t.start + 1) - 1
        if k < 0 or spans[k][1] <= t.start:
            out.append(t)
    return out


def _add_owners(tasks: list[Task], owner_only: tuple[list[str], list[str], list[str]], units: list[Unit],
                unit: Unit) -> None:
    """An owner-only marker gives its owners to the task of the sentence before it, or makes that sentence one."""
    owners, refs, unresolved = owner_only
    k = bisect_left([u.start for u in units], unit.start)
    previous = units[k - 1] if k else None
    if tasks[-1].end >= unit.start - 200 and (previous is None or tasks[-1].start >= previous.start
                                              or tasks[-1].end >= previous.end):
        tasks[-1].owners += [o for o in owners if o not in tasks[-1].owners]
        tasks[-1].refs += [r for r in refs if r not in tasks[-1].refs]
    elif previous is not None:
        tasks.append(Task(previous.text, previous.start, previous.end, owners, refs, unresolved,
                          "action.trailing-marker"))


_LINE_CUE = rx.compile(r"\n[ \t]*(?:[-*•][ \t]+)?(?=ACTION|Action\b|\(|@|"
                       r"[A-Z][\w.’'-]*(?:[ \t][A-Z][\w.’'-]*){0,2}:\s|"
                       r"[a-z][.)]\s|\d{1,3}(?:\.\d{1,3})+\s)")
_MARKER_LINE_END = rx.compile(r"\n(?=[ \t]*[A-Z0-9])")


def _lines(units: list[Unit], text: str) -> list[tuple[Unit, re.Match | None]]:
    """Units cut again where a line inside them starts with an ACTION marker, a bracketed owner, a speaker's
    name ('Joe Andrieu: ...') or a sub-item ('d. ', '7.3 '), and where an ACTION line ends: transcripts and notes
    put no full stop there; each with its ACTION marker."""
    out = []
    for unit in units:
        cuts = [m.start() + 1 for m in _LINE_CUE.finditer(text, unit.start, unit.end)] if text.find(
            "\n", unit.start, unit.end) != -1 else []
        marker = _MARKER.match(unit.text)
        if marker:  # an ACTION line ends where a new line starts a new sentence
            end = _MARKER_LINE_END.search(text, unit.start, unit.end)
            cuts = sorted(set(cuts + [end.start() + 1])) if end else cuts
        if not cuts:
            out.append((unit, marker))
            continue
        for a, b in zip([unit.start] + cuts, cuts + [unit.end]):
            chunk = text[a:b]
            lead = len(chunk) - len(chunk.lstrip(" \t\n-*•"))
            body = chunk.strip(" \t\n-*•").rstrip()
            if body:
                line = Unit(a + lead, a + lead + len(body), " ".join(body.split()))
                out.append((line, _MARKER.match(line.text)))
    return out


_OPENER = rx.compile(expand(r"(?P<owners>{ROLE}|(?!{NOT_NAME}\b)(?:{TITLED}|{PERSON}))\s+[a-z]"))
_HEADING_LEAD = rx.compile(r"[^.:;,–]{2,40}?\s[–—:-]\s")


class _Antecedent:
    """Whom a 'He will ...' may stand for in a paragraph: its sentences so far are read (_antecedent) only when a
    sentence asks, each once (few sentences have a pronoun)."""

    def __init__(self) -> None:
        self.sentences: list[str] = []
        self.name: str | None = None

    def __call__(self) -> str | None:
        for sentence in self.sentences:
            self.name = _antecedent(sentence, self.name)
        self.sentences.clear()
        return self.name


def _antecedent(sentence: str, before: str | None) -> str | None:
    """Whom a 'He will ...' in the next sentences may stand for: the name or role that opens this sentence
    ('Supervisor Liccar mentioned ...', 'Logo Committee – Trustee Albrecht has ...'; checked against the
    attendees only when a pronoun needs it); a sentence opening otherwise keeps the one before."""
    if not sentence[:1].isupper():
        return before
    head = sentence[:45]
    lead = _HEADING_LEAD.match(sentence) if " – " in head or " - " in head or ": " in head else None
    m = _OPENER.match(sentence) or lead and _OPENER.match(sentence, lead.end())
    return m.group("owners") if m else before


def _trailing_owner(unit: Unit, marker: re.Match | None,
                    roster: Roster) -> tuple[list[str], list[str], list[str]] | None:
    """An 'ACTION: CLERK' / 'Action: JS/KL' / 'ACTION – Cllr Freeman' unit naming only owners (marker: its ACTION
    marker)."""
    if not marker or marker.group("by"):
        return None
    body = unit.text[marker.end():].strip(" .")
    if not body or len(body) > 40 or not _OWNERS_ONLY.fullmatch(body):
        return None
    got = resolve(roster, split_refs(body), strict=False)
    if not got or not got[0]:
        return None
    return got[0], split_refs(body), got[1]


_AGREED_THAT = rx.compile(r"It\s+was\s+agreed\s+that")


def _from_unit(unit: Unit, marker: re.Match | None, roster: Roster, antecedent: Callable[[], str | None] | None,
               known: Known | None = None) -> Task | None:
    """The task in one sentence: every commitment in it ('A agreed to X and the Clerk would Y') makes one task
    with all their owners; an ACTION marker makes a task even with no owner found (marker: the sentence's ACTION
    marker; antecedent: whom a pronoun may stand for, asked only if a clause needs it; known: the document's
    known_names)."""
    s = unit.text
    body = s[marker.end():] if marker else s
    offset = unit.start + (len(s) - len(body)) if marker else unit.start
    present = cue_words(body)
    if not marker and not has_cue(present):
        return None
    head = body[:80]
    if ("had" in head or "has" in head) and _DONE.search(head) or not _REPORTED_NEEDS.isdisjoint(
            present) and compiled("reported_request").search(body):
        return None  # 'Myles had volunteered to ...', 'X was asked to give his update at this point': no task
    pronoun_for = antecedent() if antecedent and needs_antecedent(present) else None
    found = sorted(find(body, roster, bool(marker), pronoun_for, present, known), key=lambda c: c.start)
    end = unit.end
    inline = _inline_owner(body, roster) if not marker else None
    if inline:  # '... to the council (Action: Clerk).': the owners named at the end
        found = [Commitment(found[0].start if found else 0, inline[1], inline[2], inline[3], "action.inline-marker")]
        end -= len(inline[0])
        body = body[:len(body) - len(inline[0])].rstrip()
    if found:
        owners, refs, unresolved = [], [], []
        for c in found:
            owners += [x for x in c.owners if x not in owners]
            refs += [x for x in c.refs if x not in refs]
            unresolved += [x for x in c.unresolved if x not in unresolved]
        rule = "action.marker" if marker else found[0].rule
        task = body[found[0].start:].strip()
        return Task(task, offset + found[0].start, end, owners, refs, unresolved, rule,
                    found[0].decided or bool(_AGREED_THAT.match(task)))
    if marker and body.strip():
        by = marker.group("by")
        refs = split_refs(by) if by else _INITIALS.findall(body)
        got = resolve(roster, refs, strict=False) if refs else ([], [])
        owners, unresolved = got or ([], [])
        return Task(body.strip(), offset, unit.end, owners, refs, unresolved, "action.marker")
    return None


def _inline_owner(body: str, roster: Roster) -> tuple[str, list[str], list[str], list[str]] | None:
    """(the marker, owners, refs, unresolved) of an action marker that closes a sentence: '(Action: Clerk)'."""
    if not body.rstrip(" .").endswith((")", "]")):
        return None
    m = compiled("inline_marker").search(body)
    if not m or m.start() < 10:
        return None
    refs = split_refs(m.group("owners"))
    got = resolve(roster, refs, strict=False)
    return (body[m.start():], got[0], refs, got[1]) if got and got[0] else None


def _bracketed(unit: Unit, roster: Roster) -> Task | None:
    """A list line with its owners in brackets and a task: '(Jen and/or Valentine) Send notice to members.' (unit:
    one that opens with a bracket)."""
    m = compiled("bracket_owner").match(unit.text)
    if not m:
        return None
    verb = (m.group("verb") or m.group("willverb")).lower()
    if verb not in words("action_verbs") and not m.group("willverb"):  # an imperative, not 'Seeking ...'
        return None
    refs = split_refs(m.group("owners"))
    got = resolve(roster, refs, strict=True)
    if not got:
        return None
    return Task(unit.text, unit.start, unit.end, got[0], refs, got[1], "action.bracketed-owner")


_COLUMN = rx.compile(  # a tab, a bar or a space after '.' or ')' (the character first: a fast first test), then names
    rf"[\s|](?:(?<=\|)[\s|]*|(?<=\t)|(?<=[.)]\s))(?P<col>{_REF}(?:\s*(?:/|and|&)\s*{_REF}){{0,3}})[\s|]*$")
_TEXT_AFTER = rx.compile(r"[.)]\s+\S{2,}")
_TABBED_WORDS = rx.compile(r"\w\t+\w")
_WRAPPED_LINE = rx.compile(r"\s*[a-z]+\s")
_SPACED_COLUMN = rx.compile(rf"(?:{_OWNER_ROLE}|All|ALL|[A-Z]{{2,4}})(?:\s*/\s*\S.*)?|.*/.*")
_COLUMN_OWNER = rx.compile(rf"^(?:{_OWNER_ROLE}|All|(?:{_HON})s?\.?\s.*)$", re.I)
_TO_DO = rx.compile(r"\bto\s+be\b|\bto\s+[a-z]+\b|\bwould\b|\bwill\b|\bwas asked\b")


def _ends_in_name(tail: str) -> bool:
    """Whether the last character before the whitespace and bars that end tail may end a name (a word character,
    '-' or an apostrophe), as every owner column's last name does (_COLUMN)."""
    last = tail.rstrip()
    while last.endswith("|"):
        last = last[:-1].rstrip()
    return bool(last) and (last[-1].isalnum() or last[-1] in "_'’-")


def _best_sentence(candidates: list[Unit], refs: list[str]) -> Unit:
    """The sentence of a minute that an owner column refers to: one naming an owner and saying what is to
    be done, else one naming an owner, else the last."""
    keys = [r.split()[-1].strip(".").lower() for r in refs if r.split()]

    def score(u: Unit) -> int:
        low = u.text.lower()
        named = any(re.search(rf"\b{re.escape(k)}", low) for k in keys)
        todo = bool(_TO_DO.search(low))
        return 2 * named + todo
    return max(reversed(candidates), key=score) if candidates else candidates[-1]


def _column_owners(units: list[Unit], roster: Roster, text: str, tasks: list[Task]) -> list[Task]:
    """Owner columns: a minute ending in a tab (or, from PDFs, just a space) and the owners' names; none where
    the PDF spaces its words with tabs."""
    out = []
    if text.count("\t", 0, 20000) > 20 and len(_TAB_WORDS.findall(text, 0, 20000)) > 20:  # each has a tab
        return out
    tasks = sorted(tasks, key=lambda t: t.start)
    starts = [t.start for t in tasks]
    unit_starts = [u.start for u in units]
    for i, unit in enumerate(units):
        line_end = text.find("\n", unit.end, unit.end + 80)
        if line_end == -1:
            line_end = len(text) if len(text) - unit.end < 80 else -1
        if line_end == -1 or text.find("\t", unit.end, line_end) == -1 and not _TEXT_AFTER.search(
                text[unit.end - 2:line_end]):
            continue  # nothing after this sentence on its line: no owner column
        tail = text[unit.start:line_end]
        if not _ends_in_name(tail):
            continue
        m = _COLUMN.search(tail)
        if not m or len(tail) - m.start() > 60 or m.start() < 10 or unit.start + m.start() - unit.end > 3:
            continue
        if _TABBED_WORDS.search(tail, 0, m.start()):
            continue  # tabs between words: the PDF's word spacing, not an owner column
        spaced = tail[m.start()] not in "\t|"
        if spaced and _WRAPPED_LINE.match(text[line_end:line_end + 20]):
            continue  # the line wraps inside a sentence ('... seconded by Trustee Albrecht. All / were in favor')
        if spaced and not _SPACED_COLUMN.fullmatch(m.group("col")):
            continue  # without a tab, only roles, initials or 'A/B' read as an owner column (PDF text)
        got = resolve(roster, split_refs(m.group("col")), strict=False)
        if not got or not got[0] or any(o in grammar_words("not_owners") for o in (x.lower() for x in got[0])):
            continue
        if not any(_COLUMN_OWNER.match(r) or roster.resolve(r)[1]
                   for r in split_refs(m.group("col"))):
            continue
        owners, unresolved = got
        k = bisect_left(starts, unit.start)
        existing = tasks[k] if k < len(tasks) and tasks[k].start <= unit.start + len(tail) else None
        if existing:
            existing.owners = owners + [o for o in existing.owners if o not in owners]
            continue
        para_start = max(text.rfind("\n", 0, unit.start) + 1, 0)
        chosen = _best_sentence(units[bisect_left(unit_starts, para_start):i + 1], split_refs(m.group("col")))
        out.append(Task(chosen.text, chosen.start, chosen.end, owners, split_refs(m.group("col")), unresolved,
                        "action.owner-column"))
    return out
