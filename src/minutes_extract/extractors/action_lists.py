"""Tasks written as lists rather than sentences: the lines of an 'Actions' section that give an owner then tasks
('Watson - Website - Training' / '- Update football pitch') or end with their owner ('- Book the hall (Ray)'),
open check-list items that name their owner, and action tables with an owner column."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import rx
from ..lexicon import words
from .commitments import Task, grammar, resolve, split_refs
from .roster import Roster

_HEADING = rx.compile(r"^[ \t]*(?:#{1,6}[ \t]|\d{1,3}[.)][ \t]+[A-Z]|\[End\b)")
_BULLET = rx.compile(r"^[ \t]*[-*•][ \t]")
_PART = rx.compile(r"[^;]+")
_HEADER_WORDS = {"who", "what", "status", "action", "actions", "owner", "due", "date", "by", "when", "task", "notes"}
_MAX_LINES = 60
_SECTION_WORD = rx.compile(r"ACTION|Action|Next[ \t]+[Ss]teps|To[ -]?[Dd]o|TODO")  # in every action section heading


@lru_cache(maxsize=None)
def _rules() -> dict[str, re.Pattern]:
    g = grammar()
    flags = {"action_section": re.M}
    out = {key: rx.compile(g[key]["pattern"], flags.get(key, 0))
           for key in ("action_section", "duty_line", "continued_task", "checkbox", "trailing_owner")}
    out["section_not"] = rx.compile(g["action_section"]["not"])
    out["owner_cell"] = rx.compile(g["owner_header"]["owner"])
    out["task_cell"] = rx.compile(g["owner_header"]["task"])
    return out


def _lines(text: str, start: int, end: int):
    """(offset, line) for each line of text[start:end]."""
    pos = start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop == -1 else stop
        yield pos, text[pos:stop]
        pos = stop + 1


def list_tasks(text: str, roster: Roster) -> list[Task]:
    """Tasks from action sections' owner lines and from tables with an owner column."""
    rules = _rules()
    tasks = []
    for m in _section_headings(text):
        if not rules["section_not"].search(m.group()):
            tasks += _section(text, m.end() + 1, roster)
    if "|" in text:
        tasks += _tables(text, roster)
    if "[ ]" in text or "[]" in text:
        tasks += _checkboxes(text, roster)
    return tasks


def _section_headings(text: str):
    """The matches of the action_section rule, as finditer finds them: each is a whole line that has one of
    _SECTION_WORD, so the rule is tried only at the start of such lines."""
    heading = _rules()["action_section"]
    pos = 0
    while word := _SECTION_WORD.search(text, pos):
        m = heading.match(text, text.rfind("\n", 0, word.start()) + 1)
        if m:
            yield m
        pos = text.find("\n", word.end()) + 1
        if not pos:
            return


def _section(text: str, start: int, roster: Roster) -> list[Task]:
    """The owner lines of one action section, up to the next heading."""
    rules = _rules()
    tasks: list[Task] = []
    owners = None
    for n, (offset, line) in enumerate(_lines(text, start, len(text))):
        if n >= _MAX_LINES or _HEADING.match(line):
            break
        words = line.lower().split()
        if not words or set(words) <= _HEADER_WORDS:
            continue
        duty = _duty(line)
        more = rules["continued_task"].match(line)
        got = duty and resolve(roster, split_refs(duty.group("owners")), strict=True)
        trailing = None if got else _trailing(line, roster)
        if got and got[0]:
            owners = (got[0], split_refs(duty.group("owners")), got[1])
            tasks += _split(offset + duty.start("task"), offset + len(line), text, owners)
            if _BULLET.match(line):
                owners = None  # a bullet of its own: the next bullets are not its tasks
        elif trailing:
            owners = None
            tasks.append(_task(offset + len(line) - len(line.lstrip(" \t-*•")), offset + trailing[0], text,
                               trailing[1]))
        elif more and owners:
            tasks += _split(offset + more.start("task"), offset + len(line), text, owners)
        elif tasks and owners and line.strip()[:1].islower():  # the task goes on on the next line
            last = tasks.pop()
            tasks.append(_task(last.start, offset + len(line), text, owners))
        else:
            owners = None
    return tasks


def _duty(line: str) -> re.Match | None:
    """An owner line; after a colon only when the task opens with an action verb (else it is someone speaking)."""
    m = _rules()["duty_line"].match(line)
    if m and m.group("sep") == ":" and m.group("task").split()[0].lower().strip(",.") not in words("action_verbs"):
        return None
    return m


def _trailing(line: str, roster: Roster) -> tuple[int, tuple[list[str], list[str], list[str]]] | None:
    """(where the task ends, owners) for a line that ends with its owners: '- Open an issue (@mhdawson)'."""
    m = _rules()["trailing_owner"].search(line)
    if not m or m.start() < 3:
        return None
    refs = split_refs(m.group("owners") or m.group("dash"))
    got = resolve(roster, refs, strict=True)
    return (m.start(), (got[0], refs, got[1])) if got and got[0] else None


def _split(start: int, end: int, text: str, owners: tuple[list[str], list[str], list[str]]) -> list[Task]:
    """One task per '; '-separated part of a duty line ('Mary: Roads; Water')."""
    out, pos = [], start
    for part in _PART.finditer(text[start:end]):
        if part.group().strip():
            a = start + part.start() + len(part.group()) - len(part.group().lstrip())
            out.append(_task(a, start + part.end(), text, owners))
    return out or [_task(pos, end, text, owners)]


def _checkboxes(text: str, roster: Roster) -> list[Task]:
    """Open items of markdown check lists that name their owner ('- [ ] Open an issue (@mhdawson)',
    '- [ ] @burn: close the work item')."""
    rules = _rules()
    tasks = []
    for offset, line in _lines(text, 0, len(text)):
        box = rules["checkbox"].match(line)
        if not box or "[x]" in line[:box.start("task")].lower():
            continue
        body = line[box.start("task"):]
        lead = _duty(body)
        got = lead and resolve(roster, split_refs(lead.group("owners")), strict=True)
        if got and got[0]:
            tasks.append(_task(offset + box.start("task") + lead.start("task"), offset + len(line), text,
                               (got[0], split_refs(lead.group("owners")), got[1])))
            continue
        trailing = _trailing(body, roster)
        if trailing:
            tasks.append(_task(offset + box.start("task"), offset + box.start("task") + trailing[0], text,
                               trailing[1]))
    return tasks


def _task(start: int, end: int, text: str, owners: tuple[list[str], list[str], list[str]]) -> Task:
    names, refs, unresolved = owners
    return Task(" ".join(text[start:end].split()), start, end, list(names), list(refs), list(unresolved),
                "action.list-owner")


def _tables(text: str, roster: Roster) -> list[Task]:
    """Rows of '| task | owner | due |' tables whose header names an owner column and a task column."""
    rules = _rules()
    tasks: list[Task] = []
    columns = None
    for offset, line in _lines(text, 0, len(text)):
        if not line.lstrip().startswith("|"):
            columns = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        owner_col = next((i for i, c in enumerate(cells) if rules["owner_cell"].match(c)), None)
        task_col = next((i for i, c in enumerate(cells) if rules["task_cell"].match(c)), None)
        if owner_col is not None and task_col is not None:
            columns = (task_col, owner_col)
            continue
        if columns is None or max(columns) >= len(cells) or not cells[columns[0]] or set(cells[0]) <= set("-: "):
            continue
        refs = split_refs(cells[columns[1]])
        got = resolve(roster, refs, strict=False) if refs else None
        if got and got[0]:
            task = cells[columns[0]]
            at = offset + line.find(task)
            tasks.append(Task(task, at, at + len(task), got[0], refs, got[1], "action.table-owner"))
    return tasks
