"""People followed across documents: one person per body and name, and a person id on every row that names
someone. Plain functions over the rows of `tables.rows` (any number of documents), so every archive writer
(SQLite, Parquet) links people the same way.

A body key names the body a document is the minutes of ('stoke ferry parish council'); people never merge
across body keys. Within a body, attendance-list names merge when they agree: 'Kevin Loydall', 'K J Loydall',
'K Loydall' and 'Loydall' are one person unless the body also has another Loydall they could be (then the short
form stays a person of its own and is listed as ambiguous). References elsewhere (action owners, movers,
seconders, roll-call votes, declarations) take the id of the attendee they resolve to in their own document
('KL', 'the Clerk'), else of the one person of the body they can only be.
"""
from __future__ import annotations

import json
import re
import uuid
from collections import Counter, defaultdict
from pathlib import PurePath

from .extractors.people import PARTICLES, parse_entry
from .extractors.roster import Roster
from .lexicon import words

NAMESPACE = uuid.UUID("6b1c8f3e-4a2d-5e7f-9a0b-1c2d3e4f5a6b")

BODY_WORDS = frozenset({"council", "committee", "subcommittee", "board", "commission", "association", "forum",
                        "group", "trust", "authority", "cabinet", "panel", "assembly", "partnership", "society"})
"""A body's name ends in one of these; the key is the run of name words before it."""
GENERIC_WORDS = BODY_WORDS | frozenset({"parish", "town", "city", "borough", "district", "county", "village",
                                        "full", "public", "local", "the", "liaison", "executive"})
"""A key made only of these names no particular body ('Parish Council'), so it cannot join documents."""
MEETING_WORDS = frozenset({"annual", "general", "extraordinary", "special", "ordinary", "agm", "egm", "meeting",
                           "minutes", "draft", "january", "february", "march", "april", "may", "june", "july",
                           "august", "september", "october", "november", "december"})
"""Words describing the meeting, not the body ('Stoke Ferry Annual Parish Council'): dropped from keys."""
STOP_WORDS = frozenset({"a", "an", "of", "from", "by", "for", "to", "at", "in", "on", "with", "that", "this",
                        "it", "be", "will", "would", "is", "was", "were", "are", "our", "their", "his", "her",
                        "last", "latest", "members", "member", "present", "record", "news", "publish", "held",
                        "come", "appear", "two", "three", "election", "co", "option", "the", "matters",
                        "arising", "addition"})
"""A name never runs back over these: 'Nikki Patton ... from the Borough Council' keys as 'borough council'."""
_MALE, _FEMALE = frozenset({"mr", "sir", "lord"}), frozenset({"mrs", "ms", "miss", "dame", "lady"})
_TITLES = words("honorifics") | words("office_titles")


def _name_run(text: str) -> list[str]:
    """The words of a body's name: the run ending at the last body word, back to a stop word or punctuation."""
    tokens = re.findall(r"[\w'’&-]+|[^\w\s]", text.replace("’", "'"))
    ends = [i for i, t in enumerate(tokens) if t.lower() in BODY_WORDS]
    if not ends:
        return []
    run: list[str] = []
    for tok in reversed(tokens[:ends[-1] + 1]):
        low = tok.lower().replace("'", "")
        if not re.match(r"\w", tok) or low in STOP_WORDS or low.isdigit():
            break
        run.insert(0, low)
    tail = tokens[ends[-1] + 1:]
    if tail[:1] and tail[0].lower() in ("of", "for"):  # 'Borough Council of King's Lynn and West Norfolk'
        for tok in tail:
            if not (tok[:1].isupper() or tok.lower() in ("of", "for", "the", "and", "&")):
                break
            run.append(tok.lower().replace("'", ""))
        while run[-1] in ("of", "for", "the", "and", "&"):
            run.pop()
    return [w for w in run if w not in MEETING_WORDS]


def body_key(body: str | None, path: str | None = None) -> str:
    """'Stoke Ferry Annual Parish Council' and 'STOKE FERRY PARISH COUNCIL' -> 'stoke ferry parish council'.
    A body that names no particular body ('Parish Council', none) is looked for in the file's name
    ('2012_04_stoke-ferry-parish-council-april.md'); '' when neither names one."""
    for text in (body or "", re.sub(r"[_\-.]+", " ", PurePath(path).stem) if path else ""):
        run = _name_run(text)
        if any(w not in GENERIC_WORDS for w in run):
            return " ".join(run)
    return ""


def name_tokens(name: str, title: str | None = None) -> tuple[list[str], list[str]]:
    """The words of a name without the titles before it ('Cllr Mrs', 'Trustee') or the initials after it
    ('Daphne Clements DC': how the minutes refer to her), and the titles (lower-cased)."""
    tokens = [t for t in re.split(r"[\s.,]+", name) if t]
    titles = [w.lower() for w in re.split(r"[\s.,]+", title or "") if w]
    while len(tokens) > 1:
        n = 2 if " ".join(tokens[:2]).lower() in _TITLES and len(tokens) > 2 else 1
        if " ".join(tokens[:n]).lower() not in _TITLES:
            break
        titles += [t.lower() for t in tokens[:n]]
        del tokens[:n]
    if len(tokens) > 2 and tokens[-1].isupper() and tokens[-1] in ("".join(t[0] for t in tokens[:-1]),
                                                                   tokens[0][0] + tokens[-2][0]):
        tokens.pop()
    return tokens, titles


def split_name(name: str, title: str | None = None) -> tuple[str, list[str], str]:
    """(surname, given names or initials, gender 'm'/'f'/'') of a name as lists write it:
    'Cllr Mrs J Buckley-Stevens' -> ('buckley-stevens', ['j'], 'f')."""
    tokens, titles = name_tokens(name, title)
    if not tokens:
        return "", [], ""
    cut = len(tokens) - 1
    while cut > 1 and tokens[cut - 1].lower() in PARTICLES:
        cut -= 1
    gender = "m" if _MALE & set(titles) else "f" if _FEMALE & set(titles) else ""
    return " ".join(tokens[cut:]).lower(), [t.lower() for t in tokens[:cut]], gender


def _agree(given_a: list[str], given_b: list[str]) -> bool:
    """'kevin' ~ 'k' ~ 'k j'; 'kevin' !~ 'karen'; 'k j' !~ 'k p'."""
    for a, b in zip(given_a, given_b):
        if len(a) > 1 and len(b) > 1 and a != b or a[0] != b[0]:
            return False
    return True


class _Person:
    def __init__(self, body: str, surname: str, given: list[str], gender: str):
        self.body, self.surname, self.given, self.gender = body, surname, given, gender
        self.forms: Counter[str] = Counter()
        self.docs: set[str] = set()
        self.ambiguous_with: list["_Person"] = []

    @property
    def key(self) -> str:
        return f"{self.body}|{self.surname}|{' '.join(self.given)}|{self.gender}|{'?' if self.ambiguous_with else ''}"

    @property
    def id(self) -> str:
        return str(uuid.uuid5(NAMESPACE, self.key))

    def fits(self, given: list[str], gender: str) -> bool:
        return (not gender or not self.gender or gender == self.gender) and _agree(given, self.given)


def _cluster(body: str, forms: set[tuple[str, tuple[str, ...], str]]) -> dict[tuple, _Person]:
    """People of one body from its distinct name forms (surname, given, gender). Full given names
    found people first, then initials, then bare surnames; a form that fits several people stays apart."""
    people_of: dict[str, list[_Person]] = defaultdict(list)
    found: dict[tuple, _Person] = {}

    def rank(form):  # full first names first, then longer forms, so 'K J' founds before 'K' joins it
        surname, given, gender = form
        return (not given, not (given and len(given[0]) > 1), -len(given), not gender, form)

    for form in sorted(forms, key=rank):
        surname, given, gender = form
        fits = [p for p in people_of[surname] if p.fits(list(given), gender) and not p.ambiguous_with]
        same = [p for p in people_of[surname] if p.ambiguous_with and p.given == list(given)
                and p.fits(list(given), gender)]
        if len(fits) == 1:
            person = fits[0]
            person.gender = person.gender or gender
        elif same:  # 'T Mann' again, with or without 'Mrs': the same unresolved short form
            person = same[0]
        else:
            person = _Person(body, surname, list(given), gender)
            person.ambiguous_with = fits
            people_of[surname].append(person)
        found[form] = person
    return found


def _form(row_name: str, title: str | None) -> tuple[str, tuple[str, ...], str]:
    surname, given, gender = split_name(row_name, title)
    return surname, tuple(given), gender


def link(tables: dict[str, list[dict]]) -> list[dict]:
    """Sets person ids on the rows of `tables` (in place) and returns the rows of the `people` table.
    Columns set: attendees.person_id, actions.owner_person_ids ('; '-joined, in the order of owners, '' where
    an owner is no one), decisions.mover_person_id and seconder_person_id, votes.person_id,
    declarations.person_id."""
    docs = {d["doc_id"]: d for d in tables.get("documents", [])}
    keys = {doc_id: body_key(d.get("body"), d.get("path") or doc_id) or f"document:{doc_id}"
            for doc_id, d in docs.items()}
    forms: dict[str, set[tuple]] = defaultdict(set)
    form_of = {id(a): _form(a["name"], a.get("title")) for a in tables.get("attendees", [])}
    for a in tables.get("attendees", []):
        if form_of[id(a)][0]:
            forms[keys[a["doc_id"]]].add(form_of[id(a)])
    found = {body: _cluster(body, body_forms) for body, body_forms in forms.items()}

    attendees_of: dict[str, list[dict]] = defaultdict(list)
    for a in tables.get("attendees", []):
        person = found.get(keys[a["doc_id"]], {}).get(form_of[id(a)])
        a["person_id"] = person.id if person else None
        if person:
            person.forms[" ".join(name_tokens(a["name"])[0])] += 1
            person.docs.add(a["doc_id"])
        attendees_of[a["doc_id"]].append(a)
    resolve = _resolver(keys, found, attendees_of)

    for row in tables.get("actions", []):
        owners = [o for o in (row.get("owners") or "").split("; ") if o]
        row["owner_person_ids"] = "; ".join(resolve(row["doc_id"], o) or "" for o in owners) or None
    for row in tables.get("decisions", []):
        row["mover_person_id"] = resolve(row["doc_id"], row.get("mover"))
        row["seconder_person_id"] = resolve(row["doc_id"], row.get("seconder"))
    for table in ("votes", "declarations"):
        for row in tables.get(table, []):
            row["person_id"] = resolve(row["doc_id"], row.get("name"))
    return [_people_row(p, docs) for body in found.values() for p in dict.fromkeys(body.values())]


def _resolver(keys, found, attendees_of):
    """A function (doc_id, reference) -> person id: the attendee of the document the roster resolves the
    reference to ('KL', 'the Clerk', 'Cllr Precey'), else the one person of the body the name fits."""
    rosters: dict[str, tuple[Roster, dict[str, str]]] = {}

    def roster(doc_id):
        if doc_id not in rosters:
            people, ids = [], {}
            for a in attendees_of.get(doc_id, []):
                person = parse_entry(a["name"], title="x", allow_single=True)
                if person and a.get("person_id"):
                    person.role = a.get("role")
                    person.stated_initials = a.get("initials") or None
                    people.append(person)
                    ids[person.name] = a["person_id"]
            rosters[doc_id] = (Roster(people), ids)
        return rosters[doc_id]

    def resolve(doc_id: str, ref: str | None) -> str | None:
        if not ref:
            return None
        people, ids = roster(doc_id)
        for a in attendees_of.get(doc_id, []):
            if a["name"] == ref:
                return a.get("person_id")
        names, one = people.resolve(ref)
        if one and len(names) == 1 and names[0] in ids:
            return ids[names[0]]
        parsed = parse_entry(ref, title="x", allow_single=True)  # 'Mr Stocking seconded' -> Stocking
        if not parsed:
            return None
        surname, given, gender = _form(" ".join(parsed.tokens), parsed.title)
        fits = {p for p in found.get(keys.get(doc_id), {}).values()
                if p.surname == surname and p.fits(list(given), gender) and not p.ambiguous_with}
        return fits.pop().id if len(fits) == 1 else None

    return resolve


def _fullness(name: str) -> tuple[int, int]:
    """'Kevin Loydall' > 'K J Loydall' > 'K Loydall' > 'Loydall'."""
    given = split_name(name)[1]
    return (len(given[0]) if given else 0, len(given))


def _people_row(p: _Person, docs: dict[str, dict]) -> dict:
    dates = sorted(d for d in (docs[k].get("date") for k in p.docs if k in docs) if d)
    bodies = Counter(docs[k].get("body") for k in p.docs if k in docs and docs[k].get("body"))
    name = max(p.forms, key=lambda f: (_fullness(f), p.forms[f], f)) if p.forms else p.surname
    return {"person_id": p.id, "body_key": p.body, "body": bodies.most_common(1)[0][0] if bodies else None,
            "name": name, "surname": p.surname, "given": " ".join(p.given), "gender": p.gender or None,
            "forms": json.dumps(sorted(p.forms), ensure_ascii=False), "documents": len(p.docs),
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
            "ambiguous_with": json.dumps(sorted(q.id for q in p.ambiguous_with)) if p.ambiguous_with else None}


LINK_INPUT = {"documents": ["doc_id", "path", "body", "date"],
              "attendees": ["doc_id", "seq", "name", "title", "role", "initials", "status"],
              "actions": ["doc_id", "seq", "owners"], "decisions": ["doc_id", "seq", "mover", "seconder"],
              "votes": ["doc_id", "seq", "name"], "declarations": ["doc_id", "seq", "name"]}
"""The columns of each table `link` reads (an archive writer reads back only these; the attendance grids also
read attendees' status)."""
PEOPLE_COLUMNS = ["person_id", "body_key", "body", "name", "surname", "given", "gender", "forms", "documents",
                  "first_date", "last_date", "ambiguous_with"]
LINK_COLUMNS = {"attendees": ["person_id"], "actions": ["owner_person_ids"],
                "decisions": ["mover_person_id", "seconder_person_id"], "votes": ["person_id"],
                "declarations": ["person_id"]}
