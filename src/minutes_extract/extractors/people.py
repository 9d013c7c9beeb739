"""Names of people as minutes write them: lists of attendees, and references to them (initials, roles)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import rx
from ..lexicon import alternation, lexicon, longest_first, words

PARTICLES = {"de", "van", "von", "der", "den", "du", "da", "di", "la", "le", "del", "della", "dos", "ter", "ten", "st"}
_NOT_NAMES = {"the", "and", "members", "member", "public", "none", "no", "nil", "all", "councillors", "vacancy",
              "apologies", "present", "absent", "clerk", "chair", "chairman", "council", "meeting", "minutes",
              "item", "items", "report", "also", "others", "officers", "guests", "there", "were", "was", "it",
              "this", "that", "representative", "representatives", "observers", "attendees", "participants",
              "county", "borough", "district", "parish", "city", "vice", "deputy"}
_REASONS = {"illness", "ill", "work", "work commitments", "holiday", "on holiday", "personal", "family", "unwell",
            "sick", "leave", "prior engagement", "other commitments", "sickness"}

# a reason for absence written as prose after a name: 'personal reasons', 'away on business', 'prior to the meeting'
_REASON = rx.compile(r"[a-z].*\b(?:reasons?|commitments?|illness|holiday|unwell|business|engagement|meeting)\b|"
                     r"(?:and|or|for|with)\b")
_COMPANY_SUFFIX = r"(?:Inc|Ltd|LLC|Corp|plc|GmbH)\b"  # 'FireEye, Inc.' is one organisation
_DESCRIPTOR_SPLIT = rx.compile(rf",(?!\s*{_COMPANY_SUFFIX})\s*(?:from\s+(?:the\s+)?)?")  # 'invited, from X'
_CHAIR_OR_CLERK = rx.compile(r"chair|clerk", re.I)
_DIGIT = rx.compile(r"\d")
_GLUED_INITIAL = rx.compile(r"\b([A-Z])\.(?=[A-Z][a-z])")  # 'T.Lee'
HANDLE = rx.compile(r"@([\w-]+)")  # '@addaleax'
_NOTE = rx.compile(r"\(([^()]*)\)")  # a note in brackets, without them
BRACKETED = rx.compile(r"\([^()]*\)")  # a note in brackets, with them
_DASH_TRAILER = rx.compile(r"^(.*?)\s+[-–—]\s+(.*)$")  # 'Cllr. R. Crisp - Chair'
_COMMA_TRAILER = rx.compile(r"^(.*?),\s+(.*)$")  # 'Jane Doe, Chair'
_NICKNAME = rx.compile(r"[a-z][\w.-]+")  # 'Brian (redbeard)'
CAPITALS = rx.compile(r"[A-Z]{2,4}")  # initials as written: 'RC', 'KJL'
_AND_SPLIT = rx.compile(r"\s+(?:and|&)\s+(?:(?:for|from)\s+)?")  # "A (ill) and for B"
_EDGE_CONJUNCTION = rx.compile(r"(?:^|\s+)(?:and|&|also|plus)$|^(?:and|&|also|plus)\s+", re.I)  # 'ALSO'
_MEN = rx.compile(r"men$")
_VACANCY_NOTE = rx.compile(r"\([^()]*vacanc[^()]*\)", re.I)
_NOT_A_PERSON = rx.compile(r"\b(?:members? of (?:the )?public|public\s*:|no apologies|vacanc)", re.I)


@dataclass
class Person:
    name: str
    title: str | None = None
    post_nominals: str | None = None
    role: str | None = None
    organisation: str | None = None
    start: int = 0
    end: int = 0
    tokens: list[str] = field(default_factory=list)
    stated_initials: str | None = None  # '(RC)' after a name in the attendance list
    handle: str | None = None  # '@mhdawson' after a name in a GitHub-style attendance list

    def copy(self) -> Person:
        """A copy to change: fields and tokens of its own (as dataclasses.replace makes it, without its overhead)."""
        twin = object.__new__(Person)
        twin.__dict__.update(self.__dict__)
        twin.tokens = list(self.tokens)
        return twin

    @property
    def surname(self) -> str:
        return self.tokens[-1] if self.tokens else self.name.split()[-1]

    @property
    def given(self) -> list[str]:
        return self.tokens[:-1]

    @property
    def initials(self) -> str:
        """The short form minutes use: as stated ('(RC)'), else first initial + surname initial ('KL' for
        K J Loydall)."""
        if self.stated_initials:
            return self.stated_initials
        parts = [t for t in self.tokens if t.lower() not in PARTICLES]
        if len(parts) < 2:
            return ""
        return (parts[0][0] + parts[-1][0]).upper()

    @property
    def all_initials(self) -> str:
        return "".join(t[0] for t in self.tokens if t.lower() not in PARTICLES).upper()


_HONORIFIC = alternation("honorifics")
_HONORIFIC_RE = rx.compile(rf"^{alternation('honorifics')}\.?(?=\s|$)\s*", re.I)
_OFFICE_RE = rx.compile(rf"^{alternation('office_titles')}(?=\s+[A-Z])\s*", re.I)  # 'Trustee Elton'
_POSTNOM = {w.lower() for w in words("post_nominals")}
_TITLE_WORDS = {w.lower() for w in words("honorifics") if " " not in w and len(w) > 2} - {"lord", "lady"}
_OFFICES = words("office_titles")
_ROLE_WORDS = words("roles") | _OFFICES
_ORG_WORDS = words("organisation_words")


def _is_name_token(tok: str) -> bool:
    """A capitalised word of letters (any script), apostrophes and hyphens: 'McNeill', 'Hesketh-Harvey';
    not a title ('Cllr') or a word that is never a name."""
    low = tok.lower().rstrip(".")
    return (len(tok) > 0 and tok[0].isupper() and (tok.isalpha() or all(c.isalpha() or c in "'’-." for c in tok))
            and low not in _NOT_NAMES and low not in _TITLE_WORDS and low.split(".")[-1] not in _NOT_NAMES)


def _is_initial(tok: str) -> bool:
    """'K' or 'K.' (ASCII capitals)."""
    return 0 < len(tok) <= 2 and "A" <= tok[0] <= "Z" and (len(tok) == 1 or tok[1] == ".")


def describes_organisation(text: str) -> bool:
    return any(w.strip(".,()").lower() in _ORG_WORDS for w in text.split()) or "&" in text


_ROLE_EDGE = rx.compile("^(?:" + "|".join(map(re.escape, longest_first(_ROLE_WORDS))) + r")\s|\s(?:"
                        + "|".join(map(re.escape, longest_first(_ROLE_WORDS))) + ")$")
_ROLE_WORD = rx.compile(r"\b(?:head|officer|manager|coordinator|co-ordinator|warden|clerk|chair\w*|secretary|"
                        r"treasurer|director|member|representative|councillor|lead|advisor|adviser|"
                        r"inspector|sergeant|constable|worker|assistant|analyst|engineer|invited|observer|"
                        r"tsc|minute[- ]taker|person|responsible|financial)\b")


def describes_role(text: str) -> bool:
    t = text.lower().strip(" .,")
    return t in _ROLE_WORDS or bool(_ROLE_EDGE.search(t)) or bool(_ROLE_WORD.search(t))


_AREAS = {"District", "County", "Borough", "City", "Parish", "Town"}
_ROLE_FIRST_WORDS = {r.split(" ")[0] for r in _ROLE_WORDS}


def _starts_role(tokens: list[str], i: int) -> bool:
    """True when tokens[i:] begin with a role of one to three words ('Clerk,', 'Vice Chair', 'clerk to the')."""
    first = tokens[i].lower().lstrip(",.")  # the role's first word, unless the role is this token alone
    if first not in _ROLE_FIRST_WORDS and first.rstrip(",.") not in _ROLE_FIRST_WORDS:
        return False
    return any(" ".join(tokens[i:i + n]).lower().strip(",.") in _ROLE_WORDS for n in (1, 2, 3))


def take_name(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Splits tokens into (name, rest): initials, given names, particles and a surname."""
    name: list[str] = []
    i = 0
    while i < len(tokens) and _is_initial(tokens[i]):
        name.append(tokens[i].rstrip("."))
        i += 1
    led_by_initials = bool(name)
    while i < len(tokens):
        tok = tokens[i].rstrip(",;")
        if len(tok) > 2 and not _is_initial(tok):
            tok = tok.rstrip(".")
        if tok.lower() in PARTICLES and name and i + 1 < len(tokens) and \
                (_is_name_token(tokens[i + 1]) or tokens[i + 1].lower() in PARTICLES):  # 'Maria de la Cruz'
            name.append(tok)
        elif name and _starts_role(tokens, i):
            break
        elif len(name) >= 2 and (tok.lower() in _ORG_WORDS or tok.isupper() and len(tok) > 1 and
                                 not any(t.isupper() and len(t) > 1 for t in name)):
            break  # 'Chris Neilson Police Scotland', 'Ian Mustarde MDP': an organisation follows the name
        elif len(name) >= 2 and i + 2 < len(tokens) and tokens[i + 1] in _AREAS and \
                tokens[i + 2].startswith(("Council", "Cllr")):
            break  # 'Jim Smith Norfolk County Councillor'

        elif led_by_initials and _is_initial(tok) and not _is_initial(name[-1]):
            break  # 'M Leamon M Precey': the next person begins
        elif _is_name_token(tok):
            if tok.rstrip(".").lower() in _POSTNOM and name:
                break
            name.append(tok.rstrip(".") if _is_initial(tok) else tok)
        else:
            break
        i += 1
        if name and _is_initial(name[0]) and not _is_initial(name[-1]) and \
                sum(not _is_initial(t) for t in name) >= 2:
            break  # 'K J Loydall': initials then one surname
    return name, tokens[i:]


# 'P.C. P Smith': a title written with full stops, when a name with an initial or given name follows ('D.S. Hart'
# is a name with initials)
_DOTTED_TITLE = rx.compile(r"^(?:[A-Z]\.){1,3}[A-Z]?\.?\s+")
# 'PC', 'PCSO', 'DC'; not 'B.C.' / 'C.C.' (more often a person's initials than a councillor's title)
_SHORT_TITLES = {w for w in lexicon()["honorifics"] if w.isupper()} - {"CC", "BC"}


def leading_titles(text: str) -> tuple[list[str], str]:
    """Splits the titles off a name: 'Cllr Mrs M Leamon' -> (['Cllr', 'Mrs'], 'M Leamon'); an office title
    ('Trustee', 'Supervisor', 'Council Member') counts when a capitalised name follows it."""
    titles = []
    while True:
        m = _HONORIFIC_RE.match(text) or _DOTTED_TITLE.match(text)
        if m and m.group().strip() and (m.re is _HONORIFIC_RE or m.group().replace(".", "").strip() in _SHORT_TITLES
                                        and len(take_name(text[m.end():].split())[0]) >= 2):
            titles.append(m.group().strip())
            text = text[m.end():]
            continue
        m = _OFFICE_RE.match(text)
        after = text[m.end():m.end() + 80].split()[:4] if m else []
        if m and not titles and take_name(after)[0] and \
                not any(" ".join(after[:n]).lower() in _ROLE_WORDS for n in (1, 2, 3)):
            titles.append(m.group().strip())
            text = text[m.end():]
            continue
        return titles, text


def parse_entry(entry: str, title: str | None = None, allow_single: bool = False) -> Person | None:
    """One attendance entry: 'Councillor K J Loydall JP (Chair)', 'Insp. M Cawley (Leicestershire Police)',
    'Anna Henningsen @addaleax (TSC)', 'Cllr. R. Crisp - Chair', 'Helen Richardson (Parish Clerk)'. A fresh
    Person each call (callers fill in roles); the parse itself is remembered, as the same entries recur."""
    person = parsed_entry(entry, title, allow_single)
    return person.copy() if person else None


@lru_cache(maxsize=8192)
def parsed_entry(entry: str, title: str | None, allow_single: bool) -> Person | None:
    """`parse_entry`'s remembered parse, shared by every caller: to read, never to change."""
    entry = _GLUED_INITIAL.sub(r"\1. ", _GLUED_TITLE.sub(r"\1. ", entry))  # 'Mr.Lee', 'T.Lee'
    handle = HANDLE.search(entry)
    text = HANDLE.sub(" ", entry)
    notes = _NOTE.findall(text)
    text = BRACKETED.sub(" ", text)
    text = text.strip(" .,;:-–\t")
    if not text:
        return None
    trailing = None
    m = _DASH_TRAILER.match(text) or _COMMA_TRAILER.match(text)
    if m:
        text, trailing = m.group(1).strip(), m.group(2).strip(" .")
    titles, text = leading_titles(text)
    tokens = text.split()
    name, rest = take_name(tokens)
    if not name or all(_is_initial(t) for t in name):
        inner = parse_entry(notes[0]) if len(notes) == 1 and describes_role(text) and titled(notes[0]) else None
        if inner:
            inner.role = inner.role or text.strip()  # 'The Mayor (Councillor J Smith)'
        return inner
    if len(name) == 1 and not (titles or title or allow_single):
        return None  # a lone word is a name only with a title, or in an attendance list ('Bert (TC)')
    organisation = None
    if rest and rest[0].lower() in _ORG_WORDS and len(take_name(rest[1:])[0]) >= 2:
        organisation = " ".join(name + rest[:1])  # 'Carnegie Mellon University Deana Shick'
        name, rest = take_name(rest[1:])
    post = [t for t in rest if t.rstrip(".,").lower() in _POSTNOM]
    rest = [t for t in rest if t.rstrip(".,").lower() not in _POSTNOM]
    person = Person(name=" ".join(name), title=" ".join(titles) or title, tokens=name,
                    post_nominals=" ".join(post) or None)
    nick = [d.strip() for d in notes if _NICKNAME.fullmatch(d.strip()) and d.strip() not in _REASONS]
    person.organisation = organisation
    person.handle = handle.group(1) if handle else nick[0] if nick else None  # '@addaleax', 'Brian (redbeard)'
    stated = [d.strip() for d in notes if _matches_initials(d.strip(), name)]
    person.stated_initials = stated[0] if stated else None  # '(RC)'; '(IBM)' is an organisation
    descriptors = [d.strip() for d in notes if d.strip().lower() not in _REASONS and d.strip() not in stated + nick]
    if trailing:
        descriptors.append(trailing)
    if rest:
        descriptors.append(" ".join(rest))
    for d in descriptors:
        describe(person, d)
    if titles and titles[-1].lower() in _OFFICES and not person.role:
        person.role = titles[-1]  # 'Trustee Elton': the office is the role
    return person


def _matches_initials(note: str, name: list[str]) -> bool:
    """'(RC)' after Ray Cole: two to four capitals taken in order from the name, the first name's initial first
    and the surname's initial among them ('(KL)', '(KJL)' for K J Loydall, '(DHO)' for Dave Horkan)."""
    if not CAPITALS.fullmatch(note) or note[0] != name[0][0].upper() or len(name) < 2:
        return False
    rest = iter("".join(name[1:]).upper())
    return name[-1][0].upper() in note[1:] and all(c in rest for c in note[1:])


def describe(person: Person, text: str) -> None:
    """Adds a role or organisation from a descriptor ('Chair', 'Leicestershire Police', 'invited, from X')."""
    text = text.strip(" ,.;")
    if not text or text.lower() in _REASONS or _REASON.match(text):
        return
    parts = [p.strip() for p in _DESCRIPTOR_SPLIT.split(text) if p.strip()]
    for part in parts:
        if describes_role(part) and not (describes_organisation(part) and not _CHAIR_OR_CLERK.search(part)):
            person.role = person.role or part
        elif _DIGIT.search(part):
            continue  # a note on the attendance ('December 13th only', '6 committee members')
        elif describes_organisation(part) or part[:1].isupper():
            person.organisation = person.organisation or part
        else:
            person.role = person.role or part


# where a list splits (each split opens with white space, ';' or ',': the lookahead, which every alternative
# implies, turns most positions away at once instead of trying each alternative there)
_PARTS = rx.compile(r"(?=[\s;,])(?:\s*[;,]\s*|\n+|\t+|(?<=\))\s+(?=[A-Z])|\s+[/·•]\s+)")
_HONORIFIC_BOUNDARY = rx.compile(
    rf"(?=\s)(?<!Borough)(?<!County)(?<!District)(?<!Parish)(?<!City)(?<!Deputy)(?<!Chief)(?<!Detective)(?<!Town)"
    rf"\s+(?=(?:{_HONORIFIC})\.?\s+(?!(?:{_HONORIFIC})\b)[A-Z])")
_PUBLIC = rx.compile(r"\s*(?:(?:and|&|plus)\s+)?\d+\s+(?:other\s+)?members? of (?:the )?public.*$", re.I)


def plural_titled(text: str) -> bool:
    """True when the text starts with a title standing for several people ('Trustees', 'Councillors')."""
    return bool(_PLURAL_TITLE.match(text))


def titled(text: str) -> bool:
    """True when the text starts with a title ('Cllr', 'Trustee')."""
    return bool(leading_titles(text)[0])


def several_people(text: str) -> bool:
    """True when a title inside the text starts a second person ('Mr A White (Chairman) Mr M Mycock')."""
    return bool(_HONORIFIC_BOUNDARY.search(text))


def _person_shaped(text: str, singles: bool = False) -> bool:
    if leading_titles(text)[0]:
        return True
    name, _ = take_name(text.split())
    return len(name) >= (1 if singles else 2)


def _chunks(text: str, singles: bool = False) -> list[str]:
    """Splits a list at commas, semicolons, honorifics ('... Cllr B ...') and at 'and' before a person."""
    chunks: list[str] = []
    for part in _PARTS.split(text):
        for sub in _HONORIFIC_BOUNDARY.split(part):
            pieces = _AND_SPLIT.split(sub)  # "A (ill) and for B"
            acc = pieces[0]
            for piece in pieces[1:]:
                if _person_shaped(piece, singles) and not describes_organisation(acc):
                    chunks.append(acc)
                    acc = piece
                else:
                    acc += " and " + piece
            chunks.append(acc)
    merged: list[str] = []
    for chunk in (c.strip(" .") for c in chunks):
        chunk = _EDGE_CONJUNCTION.sub("", chunk)  # 'ALSO'
        if not chunk:
            continue
        if merged and _HONORIFIC_RE.fullmatch(merged[-1] + " "):
            merged[-1] += " " + chunk  # 'Cllr' + 'Mrs M Leamon'
        else:
            merged.append(chunk)
    return merged


_COMMA = "\x1f"  # a comma inside brackets while a list is split ('(FireEye, Inc.)')
_PLURAL_TITLE = rx.compile(
    rf"^\s*(?P<t>Councillors|Cllrs|{alternation('office_titles')}s|(?:Alder|Select|Council)(?:wo)?men)\.?\s+(?=[A-Z])",
    re.I)
_PLACE_TITLE = rx.compile(  # 'Eden District Councillor A Armstrong': the place names the council, not a person
    rf"(?<!\w)(?P<place>[A-Z][a-z]+)\s+(?P<title>(?P<area>District|County|Borough|City|Parish|Town)\s+"
    rf"(?:Councillor|Cllr)\.?)\s+(?P<name>(?!(?:{_HONORIFIC})\b)(?:[A-Z]\.?\s+)*[A-Z][\w'’-]+"
    rf"(?:\s+(?!(?:{_HONORIFIC})\b)[A-Z][a-z][\w'’-]+)?)")
_PLURAL_ANYWHERE = rx.compile(_PLURAL_TITLE.pattern.replace("^\\s*", "(?:^|[,;]\\s*)", 1), re.I)
_GLUED_TITLE = rx.compile(r"\b(Mr|Mrs|Ms|Dr|Cllr|Cllrs)\.(?=[A-Z])")


def _singular(plural: str) -> str:
    """'Trustees' -> 'Trustee', 'Aldermen' -> 'Alderman', 'Cllrs' -> 'Councillor'."""
    if plural.lower() in ("councillors", "cllrs"):
        return "Councillor"
    return _MEN.sub("man", plural[:-1] if plural.endswith("s") else plural)


def parse_list(text: str, title: str | None = None) -> list[Person]:
    """People from an attendance list written inline: 'Cllr A, Cllr B and Mrs C (Clerk)', or with no commas at
    all ('Cllr Sue Lintern Chair Cllr Jim McNeill Vice Chair ...'). Descriptor chunks ('Footpath Warden',
    'Borough Council of ...') attach to the person before them."""
    bracketed = "(" in text  # both patterns need a '('
    if bracketed:
        text = _VACANCY_NOTE.sub(" ", text)
    if "." in text:
        text = _GLUED_TITLE.sub(r"\1. ", text)
    if bracketed:
        text = BRACKETED.sub(lambda m: m.group().replace(",", _COMMA).replace(" and ", " + "), text)
    if _DIGIT.search(text):
        text = _PUBLIC.sub("", text)  # the regexes need the '.', the number
    m = _PLURAL_TITLE.match(text)
    if m:  # 'Councillors A, B and C', 'Trustees Elton, Picha and Hodge'
        title = title or _singular(m.group("t"))
        text = text[m.end():]
    people: list[Person] = []
    if "Cllr" in text or "Councillor" in text:
        text = _PLACE_TITLE.sub(lambda m: f"; {m['title']} {m['name']} ({m['place']} {m['area']} Council);", text)
    for chunk in _chunks(text, singles=bool(title) or bool(_PLURAL_ANYWHERE.search(text))):
        chunk = chunk.replace(_COMMA, ",").replace(" + ", " and ").strip(" .")
        plural = _PLURAL_TITLE.match(chunk)
        if plural:  # '..., Council Members Jones, Brown and Lee': the title goes on to the untitled names after it
            title = _singular(plural.group("t"))
            chunk = chunk[plural.end():]
        if not chunk or _NOT_A_PERSON.search(chunk):
            continue
        for person in _chunk_people(chunk, title):
            if person is None:
                continue
            if isinstance(person, str):
                if people:
                    describe(people[-1], person)
                continue
            people.append(person.copy())
    return people


@lru_cache(maxsize=4096)
def _chunk_people(chunk: str, title: str | None) -> tuple[Person | str | None, ...]:
    """`_people_in_chunk`, remembered (the same names recur from meeting to meeting): shared, copied by the caller."""
    return tuple(_people_in_chunk(chunk, title))


def _people_in_chunk(chunk: str, title: str | None):
    """A chunk is a person (maybe followed by a role with no comma), two bare names, or a descriptor."""
    titles, body = leading_titles(chunk)
    prefix = chunk[:len(chunk) - len(body)]
    tokens = BRACKETED.sub(" ", body).split()
    name, rest = take_name(tokens)
    has_title = bool(titles) or title
    if not name and "(" in chunk:
        return [parse_entry(chunk, title) or chunk]  # 'The Mayor (Councillor J Smith)'
    if not name or (len(name) == 1 and not has_title and "(" not in chunk):
        return [chunk]
    lowered = " ".join(name).lower()
    if describes_organisation(" ".join(name)) or describes_role(lowered) and len(name) <= 3 and not has_title:
        return [chunk]
    if not has_title and describes_organisation(" ".join(tokens)) and len(name) <= 3:
        return [chunk]  # 'Norfolk County Council': a descriptor of the person before
    plain = [t for t in name if not _is_initial(t)]
    tail = " ".join(name[2:] + rest)
    if len(plain) == 4 and len(name) == 4 and not describes_organisation(tail):
        notes = " ".join(BRACKETED.findall(body))
        second = " ".join(name[2:]) + (" (" + " ".join(rest) + ")" if rest else "") + " " + notes
        return [parse_entry(prefix + " ".join(name[:2]), title), parse_entry(second, title)]
    if len(name) > 2 and not any(_is_initial(t) for t in name) and \
            (describes_role(tail.lower()) or describes_organisation(tail)):
        rest = name[2:] + rest
        name = name[:2]
        chunk = prefix + " ".join(name) + " (" + " ".join(rest) + ")"
        return [parse_entry(chunk, title)]
    return [parse_entry(chunk, title)]
