"""The records a report shows: one flat entry per extracted record, with an id, its kind and a short label."""
from __future__ import annotations

from dataclasses import dataclass

from ..schema import Minutes, Record

# kind -> (letter used in ids and CSS classes, heading)
KINDS = {
    "items": ("i", "Items"),
    "attendees": ("p", "Attendees"),
    "actions": ("a", "Actions"),
    "decisions": ("d", "Decisions"),
    "votes": ("v", "Votes"),
    "declarations": ("x", "Declarations"),
    "amounts": ("m", "Amounts"),
    "dates": ("t", "Dates"),
}
LABEL_CHARS = 180


@dataclass
class Entry:
    """One record as the report shows it: `fields` are the record's own values (no provenance)."""

    id: str
    kind: str
    span: tuple[int, int]
    line: int
    page: int | None
    rule: str
    label: str
    detail: str
    fields: dict


def entries(minutes: Minutes) -> dict[str, list[Entry]]:
    """Every record of the minutes, per kind, in document order as extracted."""
    out: dict[str, list[Entry]] = {kind: [] for kind in KINDS}

    def add(kind: str, record: Record, label: str, detail: str, fields: dict) -> None:
        letter = KINDS[kind][0]
        out[kind].append(Entry(f"{letter}{len(out[kind]) + 1}", kind, tuple(record.span), record.line, record.page,
                               record.rule, _short(label), detail, fields))

    for r in minutes.items:
        add("items", r, " ".join(filter(None, [r.number, r.title])), "", _fields(r, exclude={"text"}))
    for r in minutes.attendees:
        add("attendees", r, r.name, _join(r.status, r.role, r.organisation), _fields(r))
    for r in minutes.actions:
        add("actions", r, r.text, _join(", ".join(r.owners) or "no owner", r.due and f"due {r.due}"), _fields(r))
    for r in minutes.decisions:
        add("decisions", r, r.text, r.kind, _fields(r))
        if r.vote:
            add("votes", r, r.text, vote_summary(r.vote.model_dump(by_alias=True)),
                {"decision": out["decisions"][-1].id, **r.vote.model_dump(mode="json", by_alias=True,
                                                                           exclude_none=True)})
    for r in minutes.declarations:
        add("declarations", r, f"{r.name}: {r.text}", _join(r.item and f"item {r.item}"), _fields(r))
    for r in minutes.amounts:
        add("amounts", r, r.raw, _join(f"{r.value:,} {r.currency}", r.upper is not None and f"to {r.upper:,}"),
            _fields(r))
    for r in minutes.dates:
        add("dates", r, r.raw, _join(r.date + (f" to {r.end}" if r.end else ""), r.warning), _fields(r))
    return out


def vote_summary(vote: dict) -> str:
    """'for 5 · against 2 · mover Cllr A · roll call 7' from a vote's fields."""
    counts = [f"{k} {vote[k]}" for k in ("for", "against", "abstain", "absent") if vote.get(k) is not None]
    people = [f"{k} {vote[k]}" for k in ("mover", "seconder") if vote.get(k)]
    roll = [f"roll call {len(vote['roll_call'])}"] if vote.get("roll_call") else []
    return " · ".join(counts + people + roll)


def _fields(record: Record, exclude: set[str] = frozenset()) -> dict:
    return record.model_dump(mode="json", by_alias=True, exclude_none=True,
                             exclude={"span", "line", "page", "rule", *exclude})


def _join(*parts) -> str:
    return " · ".join(str(p) for p in parts if p)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1].rstrip() + "…"


def counts(minutes: Minutes) -> dict[str, int]:
    """How many records of each kind, as the report shows them (votes: decisions that state a vote)."""
    return {"items": len(minutes.items), "attendees": len(minutes.attendees), "actions": len(minutes.actions),
            "decisions": len(minutes.decisions), "votes": sum(d.vote is not None for d in minutes.decisions),
            "declarations": len(minutes.declarations), "amounts": len(minutes.amounts), "dates": len(minutes.dates)}
