"""The commitment clause grammar (models/actions.json), compiled: named pieces and named clauses that say how a
sentence gives someone a task, and the matching of one sentence against them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import rx
from ..lexicon import alternation, rule_table, word_trie, words
from .roster import Roster

_PLACEHOLDER = rx.compile(r"\{(@?[A-Z_a-z]+)\}")


def grammar() -> dict:
    return rule_table("actions")


@lru_cache(maxsize=None)
def piece(name: str) -> str:
    """A piece of the grammar with its {PIECE} and {@lexicon_list} references expanded."""
    if name.startswith("@"):
        return alternation(name[1:])
    return expand(grammar()["pieces"][name]["pattern"])


def expand(pattern: str) -> str:
    return _PLACEHOLDER.sub(lambda m: piece(m.group(1)), pattern)


@dataclass(frozen=True)
class Clause:
    name: str
    at: str
    needs: tuple[frozenset[str], ...]  # word sets: the sentence has a word of each (needs, needs_also, needs_too)
    owner: str
    span: str
    resolve: str
    verbs: str
    regex: re.Pattern
    anchor: re.Pattern | None
    guard: re.Pattern | None  # a pattern every sentence the clause matches contains: a prefilter, searched once per
    # sentence for all the clauses that share it
    decided: bool  # the task is also what the meeting decided: its sentence is the task's, not a decision's


_NEEDS = ("needs", "needs_also", "needs_too")


@lru_cache(maxsize=None)
def clauses() -> tuple[Clause, ...]:
    return tuple(Clause(c["name"], c["at"], tuple(frozenset(c[k]) for k in _NEEDS if c.get(k)), c["owner"], c["span"],
                        c["resolve"], c["verbs"], rx.compile(expand(c["pattern"])),
                        rx.compile(c["anchor"]) if c.get("anchor") else None,
                        rx.compile(expand(c["guard"])) if c.get("guard") else None, c.get("decided", False))
                 for c in grammar()["clauses"])


@lru_cache(maxsize=None)
def compiled(key: str) -> re.Pattern:
    """A top-level pattern of the grammar ('marker', 'bracket_owner')."""
    return rx.compile(expand(grammar()[key]["pattern"]))


@lru_cache(maxsize=None)
def grammar_words(key: str) -> frozenset[str]:
    """A word list of the action grammar (models/actions.json), as `lexicon.words` gives the lexicon's."""
    return frozenset(grammar()[key])


_HEADING_LEAD = rx.compile(r"^[^.:;,–]{2,40}?\s[–—-]\s")
_ORG_WORDS = frozenset(words("organisation_words"))
_NAME_START = rx.compile(r"[A-Z@t](?:(?<=@)|(?<!\w.)(?:(?<=[A-Z])|he\s))")  # '\b[A-Z]', '\bthe\s', '@': first
# the character (a fast first test), then the word boundary before it
# '; (and|but|then) ', ' - ', ' and|that|but ', 'ACTION: ': the first character is matched first, then tells the
# branch, so that the regex engine skips fast to the characters that may start a clause
_CLAUSE_START = rx.compile(r"[;:,\sA](?:(?<=[;:,])\s+(?:and\s+|but\s+|then\s+)?|(?<=\s)(?:[-–]|and|that|but)\s|"
                           r"(?<=A)CTIONS?:\s)")
_FUTURE = {"will", "would", "shall", "is going to", "are going to", "’ll", "'ll", "is going to", "was going to"}
_LOWER_WORD = rx.compile(r"[a-z][a-z’'-]+")  # a word as the text may write it in lower case
_NOT_BEFORE_WORD = rx.compile(r"[\w’'-]")  # a character a word never follows
_NOT_AFTER_WORD = frozenset("abcdefghijklmnopqrstuvwxyz’'-")  # the characters that would go on a lower-case word
_AGREEMENT = {"agreed to", "agrees to", "has agreed to"}
_COLLECTIVE = {"All", "Councillors", "Members"}
_TAKES_ON = {"volunteered to", "kindly volunteered to", "offered to"}  # 'agreed to be a signatory' is a status
_ROLE_TAKEN = rx.compile(r"\s+(?:the|a|an|our|their)\s")
_BULLET = rx.compile("[\x01•▪■◦\uf0b7]")
_RESTART = rx.compile("[\x01•▪■◦\uf0b7]\\s*|(?<=[a-z\\]”\"] )(?=[A-Z][a-z])")
_OWNER_SPLIT = rx.compile(r"\s*(?:,|\band/or\b|\band\b|&|/)\s*")
_TITLE_WORDS = rf"(?:{alternation('honorifics')}|{alternation('office_titles')})"
_TITLED_NAME = rx.compile(rf"^(?:the\s+)?(?:[A-Z][a-z]+\s+)?{_TITLE_WORDS}s?\.?\s+(?=[A-Z])")  # 'County Cllr. '
_QUALIFIED_ROLE = rx.compile(rf"^(?:the\s+)?(?:[A-Z][a-z]+\s+){{1,2}}(?=(?:{alternation('owner_roles')})$)", re.I)
_ROLE = rx.compile(expand("{ROLE}"))
_LOOSE_OWNER = rx.compile(rf"^(?:the\s+)?{_TITLE_WORDS}s?\.?\s|^[A-Z]{{2,4}}$|^@[\w-]+$|"
                          r"^[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){0,2}$")
_INITIALS_ONLY = rx.compile(r"[A-Z]{2,4}")
_ACRONYM = rx.compile(r"[A-Z]{3,}")
_LEADING_THE = rx.compile(r"^the\s+", re.I)
_CLLRS = rx.compile(r"^Cllrs\.?\s")
_A_LOOK = rx.compile(r"\s*a\s+look")
_SPEAKER = rx.compile(expand(r"(?=[ \t*•A-Z-])(?:"  # the first characters of the three branches: a fast first test
                             r"^[ \t]*(?:[-*•][ \t]+)?({NAME})(?:[ \t]+{NAME})?[ \t]*:[ \t]|\b({NAME})\s+{SAY}\b|"
                             r"\b(?<!\bthe )([A-Z][a-z]+)[ \t]+([A-Z][a-z'’-]+)(?=[ \t]*(?:,|\(|and\b|$)))"), re.M)


@dataclass
class Task:
    """A task given to someone: its text and span, the owners' names, the references as written, those that
    matched no attendee, the rule that found it, and whether it is what the meeting decided ('It was agreed
    that X would ...': the decisions extractor leaves such a sentence to the task)."""
    text: str
    start: int
    end: int
    owners: list[str]
    refs: list[str]
    unresolved: list[str]
    rule: str
    decided: bool = False


@dataclass(frozen=True)
class Commitment:
    start: int  # where the task text starts in the sentence
    owners: list[str]
    refs: list[str]
    unresolved: list[str]
    rule: str
    decided: bool = False


def split_refs(owner_text: str) -> list[str]:
    return [p.strip() for p in _OWNER_SPLIT.split(owner_text) if p.strip()]


def verb_stem(verb: str) -> str:
    """'discussing' -> 'discuss', 'making' -> 'make': the base form of an -ing verb in the action list."""
    if verb.endswith("ing") and len(verb) > 5:
        for base in (verb[:-3], verb[:-3] + "e", verb[:-4]):
            if base in words("action_verbs"):
                return base
    return verb


@lru_cache(maxsize=4096)
def resolve_ref(roster: Roster, ref: str) -> tuple[tuple[str, ...], bool]:
    """Roster.resolve, then once more without the title or qualifier ('Trustee Picha' -> 'Picha', 'the Parish
    Clerk' -> 'Clerk'); an unresolved titled name loses its title ('County Cllr. J. Davies' -> 'J. Davies')."""
    names, ok = roster.resolve(ref)
    if ok:
        return tuple(names), ok
    titled = _TITLED_NAME.match(ref)
    bare = ref[titled.end():] if titled else _QUALIFIED_ROLE.sub("", ref)
    if bare != ref:
        names, ok = roster.resolve(bare)
        if ok:
            role_only = not titled and names[0].lower() == bare.lower()  # 'City Clerk' -> 'Clerk', nobody named
            return tuple([ref[0].upper() + ref[1:]] if role_only else names), ok
    return (bare if titled else ref,), False


class Known:
    """The single names a document uses for people (lower case), computed on first use, and whether it writes a
    word in lower case, answered per word (few documents need them; a word written in lower case needs no names).
    Names: attendees' first names, speakers' names that open a line ('Ann: ...'), names before a reporting verb
    ('Mandy advised ...') and first names of full names in a list ('welcomed Daphne Clements, Ray ...'); never next
    to an organisation word ('Eclipse Foundation:') nor a word the document also writes in lower case ('Resolution:
    ...')."""

    def __init__(self, text: str, roster: Roster) -> None:
        self._text, self._roster = text, roster
        self._lower: dict[str, bool] = {}
        self._names: frozenset[str] | None = None

    def writes_lower(self, word: str) -> bool:
        """Whether the text writes word (in lower case) as a whole word: where it occurs, neither a word character,
        '-' nor an apostrophe before it, and neither a lower-case letter, '-' nor an apostrophe after it."""
        if word not in self._lower:
            self._lower[word] = bool(_LOWER_WORD.fullmatch(word)) and self._has_word(word)
        return self._lower[word]

    def _has_word(self, word: str) -> bool:
        text, at = self._text, self._text.find(word)
        while at != -1:
            end = at + len(word)
            if (not at or not _NOT_BEFORE_WORD.match(text, at - 1)) and (
                    end == len(text) or text[end] not in _NOT_AFTER_WORD):
                return True
            at = text.find(word, at + 1)
        return False

    def names(self) -> frozenset[str]:
        if self._names is None:
            found = set()
            for m in _SPEAKER.finditer(self._text):
                name = (m.group(1) or m.group(2) or m.group(3)).lower()
                if name not in found and _ORG_WORDS.isdisjoint(m.group().lower().replace(":", " ").split()):
                    found.add(name)
            found = {n for n in found if not self.writes_lower(n)}
            found.update(p.name.split()[0].lower() for p in self._roster.people if p.name.split())
            self._names = frozenset(found)
        return self._names


def known_names(text: str, roster: Roster) -> Known:
    """A document's Known names, computed on first use."""
    return Known(text, roster)


def person_like(ref: str, known: Known) -> bool:
    """Whether an owner outside the attendance list reads as a person: no organisation word in it ('Eclipse
    Foundation'), and a title, a handle, initials, two name words, or one name the document uses for a person
    (known_names) or that shortens an attendee's first name ('Rich' for Richard) and that it never writes in lower
    case ('And would be sharing ...')."""
    tokens = ref.split()
    if any(t.strip(".,").lower() in _ORG_WORDS for t in tokens):
        return False
    if len(tokens) > 1 or ref.startswith("@") or _INITIALS_ONLY.fullmatch(ref):
        return True
    low = ref.lower()
    if known.writes_lower(low):
        return False
    names = known.names()
    return low in names or len(low) > 2 and any(n.startswith(low) for n in names)


def resolve(roster: Roster, refs: list[str], strict: bool,
            known: Known | None = None) -> tuple[list[str], list[str]] | None:
    """Owners' names for refs and those left unresolved; None when a ref is plainly not a person (strict: every
    ref must resolve; known: the document's known_names, and then an unresolved ref must be person_like)."""
    owners, unresolved = [], []
    if known is not None and any(_TITLED_NAME.match(r) for r in refs):
        known = None  # 'Councillor Agate and Pogmore': the title stands for every name of the group
    for ref in refs:
        clean = _LEADING_THE.sub("", ref.strip())
        if not clean or clean.lower() in grammar_words("not_owners"):
            return None
        names, ok = resolve_ref(roster, _CLLRS.sub("Cllr ", clean))
        if not ok and _ROLE.fullmatch(clean):  # an office: its holder in the list, else the office ('City Manager')
            holders = roster.by_role(clean)
            names, ok = [holders[0].name] if len(holders) == 1 else [clean[0].upper() + clean[1:]], True
        if not ok:
            if strict or not _LOOSE_OWNER.match(clean) or known is not None and not person_like(clean, known):
                return None
            unresolved.append(names[0])
        owners.extend(n for n in names if n not in owners)
    return owners, unresolved


def _clause_starts(body: str) -> list[int]:
    """Where a clause may start: the sentence start and after ';', ':', ',', ' - ', ' and ', ' that ', 'ACTION:',
    where a capital, 'the' or a handle follows (each clause's pattern parses the owner there once)."""
    return [pos for pos in [0] + [c.end() for c in _CLAUSE_START.finditer(body)]
            if pos < len(body) and (body[pos].isupper() or body[pos] in "@(" or body.startswith("the ", pos))]


def _name_starts(body: str, anchor: re.Pattern) -> list[int]:
    """Where capitalised words, 'the' and handles start in body up to 80 characters before each match of the
    anchor, in order, each once (only those windows are scanned: no match of _NAME_START lies inside another,
    and one that starts in a window ends at most 3 characters after it)."""
    out: list[int] = []
    for a in anchor.finditer(body):
        end = a.start()
        out += [p for p in (m.start() for m in _NAME_START.finditer(body, max(end - 80, 0), end + 3))
                if p < end and p not in out]
    return out


def _cue_word_list() -> set[str]:
    """Every cue word and every word a clause needs."""
    return set(grammar()["cue_words"]["words"]) | {w for c in clauses() for words_ in c.needs for w in words_}


@lru_cache(maxsize=None)
def _words_regex() -> re.Pattern:
    """One pattern for every word a clause needs and every cue word: a sentence is scanned once for all."""
    return rx.compile(r"(?<![\w’'])" + word_trie(_cue_word_list()) + r"(?![\w’'])")


@lru_cache(maxsize=None)
def _ascii_words() -> dict[bytes, str]:
    """The ASCII words of _cue_word_list, as bytes, each with its str."""
    return {w.encode(): w for w in _cue_word_list() if w.isascii()}


# ASCII to ASCII lower case with every character that is not a word character (\w, "'") blanked
_LOWER_BLANK_NOT_WORD = bytes(ord(chr(c).lower()) if re.fullmatch(r"[\w’']", chr(c)) else 32
                              for c in range(128)) + bytes(128)
_NONE: frozenset[str] = frozenset()


def cue_words(body: str) -> frozenset[str]:
    """The cue and needed words that occur in a sentence. In ASCII text these are the runs of word characters
    that are such words, and splitting the lower-cased text with its other characters blanked gives the runs."""
    if body.isascii():
        words_ = _ascii_words()
        found = words_.keys() & body.encode().translate(_LOWER_BLANK_NOT_WORD).split()
        return frozenset([words_[w] for w in found]) if found else _NONE
    return frozenset(_words_regex().findall(body.lower()))


def has_cue(present: frozenset[str]) -> bool:
    """Whether a sentence's cue_words hold one of the words every task needs."""
    return not _cues().isdisjoint(present)


@lru_cache(maxsize=None)
def _cues() -> frozenset[str]:
    return frozenset(grammar()["cue_words"]["words"])


def _may_hold(clause: Clause, present: frozenset[str]) -> bool:
    """Whether a sentence with these cue_words has the words the clause needs."""
    return not any(words_.isdisjoint(present) for words_ in clause.needs)


@lru_cache(maxsize=4096)
def _clauses_for(present: frozenset[str]) -> tuple[Clause, ...]:
    """The clauses, in order, whose needed words a sentence with these cue_words has."""
    return tuple(c for c in clauses() if _may_hold(c, present))


@lru_cache(maxsize=4096)
def needs_antecedent(present: frozenset[str]) -> bool:
    """Whether a sentence with these cue_words may hold a clause whose owner is a sentence opener before it."""
    return any(c.owner == "antecedent" for c in _clauses_for(present))


def find(body: str, roster: Roster, marker: bool, antecedent: str | None = None, present: frozenset[str] | None = None,
         known: Known | None = None):
    """The commitments in one sentence (body: the sentence after any ACTION marker; present: its cue_words;
    known: the document's known_names)."""
    present = cue_words(body) if present is None else present
    seen: set[int] = set()
    opening = None  # where a heading lead ends: read at the first match
    clause_starts = None  # read when a clause first needs them
    guarded: dict[str, bool] = {}  # each guard's answer for this sentence, by its pattern (a Pattern hashes its code)
    for clause in _clauses_for(present):
        if clause.owner == "antecedent" and not antecedent or clause.at == "marker" and not marker:
            continue
        if clause.guard:
            key = clause.guard.pattern
            if key not in guarded:
                guarded[key] = clause.guard.search(body) is not None
            if not guarded[key]:
                continue
        if clause.at == "anywhere":
            matches = clause.regex.finditer(body)
        else:
            if clause.at == "name":
                positions = _name_starts(body, clause.anchor)
            elif clause.at == "clause":
                clause_starts = _clause_starts(body) if clause_starts is None else clause_starts
                positions = clause_starts
            else:  # 'sentence', or 'marker' under a marker
                positions = (0,)
            matches = [clause.regex.match(body, pos) for pos in positions]
        for m in matches:
            if m:
                opening = _opening(body) if opening is None else opening
                got = _commitment(m, clause, body, roster, marker, antecedent, seen, opening, known)
                if got:
                    yield got


def _opening(body: str) -> int:
    """Where the heading that leads a sentence ends ('NEW BUSINESS – Supervisor Liccar is going to ...'), else 0:
    a clause after it is inside the sentence."""
    dashes = body[3:42]  # where a heading's dash must be
    heading = _HEADING_LEAD.match(body) if "-" in dashes or "–" in dashes or "—" in dashes else None
    return heading.end() if heading else 0


def _commitment(m: re.Match, clause: Clause, body: str, roster: Roster, marker: bool, antecedent: str | None,
                seen: set[int], opening: int,
                known: Known | None) -> Commitment | None:
    owner_at = m.start("owners") if clause.owner == "subject" else m.start()
    if owner_at in seen:
        return None
    verb = (m.groupdict().get("verb") or "").lower()
    how = (m.groupdict().get("how") or "").strip().lower()
    listed = m.groupdict().get("listed") is not None  # 'directs X to:' and the tasks listed after it
    role = verb == "be" and how in _TAKES_ON and _ROLE_TAKEN.match(body, m.end())  # 'volunteered to be the chair'
    action = verb_stem(verb) in words("action_verbs") or listed or bool(role)
    if clause.verbs != "none" and not role and (verb in grammar_words("not_verbs") or
                                                verb.endswith("ing") and not action):
        return None
    if clause.verbs == "action" and not action or how == "should" and clause.verbs != "participle" and not action:
        return None
    if verb == "have" and not _A_LOOK.match(body, m.end()):
        return None
    refs = [antecedent] if clause.owner == "antecedent" else split_refs(m.group("owners"))
    if how in _AGREEMENT and not action and all(r in _COLLECTIVE for r in refs):
        return None  # 'Councillors agreed to support the application': the meeting's decision, not a task
    if clause.owner == "antecedent" and not resolve(roster, refs, strict=not _TITLED_NAME.match(antecedent)):
        return None  # the sentence opener it stands for is neither an attendee nor a titled name
    future = how in _FUTURE
    inside = m.start() > opening
    strict = clause.resolve == "strict" or clause.resolve == "graded" and (future or inside) and not marker
    loose_known = None if marker or clause.owner == "antecedent" else known  # a marker or 'He' says it is a person
    got = resolve(roster, refs, strict, loose_known)
    if not got or not got[0]:
        got = resolve(roster, refs, False, loose_known) if future and not inside and clause.owner == "subject" else None
        if not got or not action:
            return None
    owners, unresolved = got
    if unresolved and len(refs) == 1 and how.startswith(("are ", "were ")) and refs[0].split()[-1] not in _COLLECTIVE:
        return None  # 'Highways are to inspect': one name with a plural verb is a firm or a body
    if unresolved and how == "to" and not marker:
        return None  # 'Hope to see ...', 'Good to set ...': not a person
    if not marker and any(_ACRONYM.fullmatch(u) for u in unresolved):
        return None  # 'EMO will ...': an acronym that is nobody's initials is an organisation
    if clause.resolve == "titled" and unresolved and not all(_TITLED_NAME.match(r) for r in refs):
        return None  # an unknown plain name; a titled one ('County Cllr. J. Davies') is kept, flagged
    seen.add(owner_at)
    start = owner_at if clause.span == "owner" else _sentence_start(body, m.start())
    return Commitment(start, owners, refs, unresolved, f"action.{clause.name}", clause.decided)


def _sentence_start(body: str, at: int) -> int:
    """Where a task that is its whole sentence starts: the sentence start, unless slide or list text ran into the
    sentence (a bullet glyph, or over 300 characters before the match at 'at'); then the last place before the
    match where a new sentence starts without its full stop ('... as-written Following discussion, it was agreed')."""
    if at <= 300 and not _BULLET.search(body, 0, at):
        return 0
    starts = [m.end() for m in _RESTART.finditer(body, 0, at)]
    return starts[-1] if starts else 0
