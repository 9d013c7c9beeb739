"""Flat tables of extracted records (one per kind), for CSV files, SQLite and Parquet; every record row says
where it came from (span, line, page) and which rule made it."""
from __future__ import annotations

import json
from decimal import Decimal

from .schema import Minutes

TABLES: dict[str, list[str]] = {
    "documents": ["doc_id", "path", "sha256", "format", "pages", "tool_version", "body", "date", "start_time",
                  "end_time", "location", "chair", "next_meetings"],
    "items": ["doc_id", "seq", "number", "title", "text", "subheadings", "span_start", "span_end", "line", "page",
              "rule"],
    "attendees": ["doc_id", "seq", "name", "status", "title", "post_nominals", "role", "organisation", "initials",
                  "grp", "span_start", "span_end", "line", "page", "rule"],
    "actions": ["doc_id", "seq", "item", "text", "owners", "owner_refs", "unresolved_owners", "due", "span_start",
                "span_end", "line", "page", "rule"],
    "decisions": ["doc_id", "seq", "item", "kind", "text", "mover", "seconder", "votes_for", "votes_against",
                  "votes_abstain", "votes_absent", "span_start", "span_end", "line", "page", "rule"],
    "votes": ["doc_id", "seq", "decision_seq", "item", "name", "vote", "span_start", "span_end", "line", "page",
              "rule"],
    "declarations": ["doc_id", "seq", "item", "name", "text", "span_start", "span_end", "line", "page", "rule"],
    "amounts": ["doc_id", "seq", "item", "value", "currency", "raw", "upper", "span_start", "span_end", "line",
                "page", "rule"],
    "dates": ["doc_id", "seq", "item", "date", "precision", "end_date", "raw", "span_start", "span_end", "line",
              "page", "rule"],
}


def _cents(value: Decimal) -> str:
    return str(Decimal(value).quantize(Decimal("0.01")))


def _where(r) -> dict:
    return {"span_start": r.span[0], "span_end": r.span[1], "line": r.line, "page": r.page, "rule": r.rule}


def rows(doc_id: str, m: Minutes) -> dict[str, list[dict]]:
    """The document's records as rows of each table, keyed by table name."""
    meeting = m.meeting
    out: dict[str, list[dict]] = {
        "documents": [{"doc_id": doc_id, "path": m.source.path, "sha256": m.source.sha256,
                       "format": m.source.format, "pages": m.source.pages, "tool_version": m.tool_version,
                       "body": meeting.body, "date": meeting.date, "start_time": meeting.start_time,
                       "end_time": meeting.end_time, "location": meeting.location, "chair": meeting.chair,
                       "next_meetings": ";".join(n.date for n in m.next_meetings)}],
        "items": [{"doc_id": doc_id, "seq": k, "number": i.number, "title": i.title, "text": i.text,
                   "subheadings": json.dumps(i.subheadings, ensure_ascii=False), **_where(i)}
                  for k, i in enumerate(m.items)],
        "attendees": [{"doc_id": doc_id, "seq": k, "name": a.name, "status": a.status, "title": a.title,
                       "post_nominals": a.post_nominals, "role": a.role, "organisation": a.organisation,
                       "initials": a.initials, "grp": a.group, **_where(a)} for k, a in enumerate(m.attendees)],
        "actions": [{"doc_id": doc_id, "seq": k, "item": a.item, "text": a.text, "owners": "; ".join(a.owners),
                     "owner_refs": "; ".join(a.owner_refs), "unresolved_owners": "; ".join(a.unresolved_owners),
                     "due": a.due, **_where(a)} for k, a in enumerate(m.actions)],
        "decisions": [{"doc_id": doc_id, "seq": k, "item": d.item, "kind": d.kind, "text": d.text,
                       "mover": d.vote.mover if d.vote else None, "seconder": d.vote.seconder if d.vote else None,
                       "votes_for": d.vote.for_ if d.vote else None,
                       "votes_against": d.vote.against if d.vote else None,
                       "votes_abstain": d.vote.abstain if d.vote else None,
                       "votes_absent": d.vote.absent if d.vote else None, **_where(d)}
                      for k, d in enumerate(m.decisions)],
        "votes": [{"doc_id": doc_id, "seq": k, "decision_seq": dk, "item": d.item, "name": v.name, "vote": v.vote,
                   **_where(d)}
                  for k, (dk, d, v) in enumerate((dk, d, v) for dk, d in enumerate(m.decisions) if d.vote
                                                 for v in d.vote.roll_call)],
        "declarations": [{"doc_id": doc_id, "seq": k, "item": x.item, "name": x.name, "text": x.text, **_where(x)}
                         for k, x in enumerate(m.declarations)],
        "amounts": [{"doc_id": doc_id, "seq": k, "item": a.item, "value": _cents(a.value), "currency": a.currency,
                     "raw": a.raw, "upper": _cents(a.upper) if a.upper is not None else None, **_where(a)}
                    for k, a in enumerate(m.amounts)],
        "dates": [{"doc_id": doc_id, "seq": k, "item": d.item, "date": d.date, "precision": d.precision,
                   "end_date": d.end, "raw": d.raw, **_where(d)} for k, d in enumerate(m.dates)],
    }
    return out
