"""Item titles: telling a heading from a sentence, and cutting a heading that runs on into its minute."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import rx
from ..lexicon import words


MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
TITLE_SMALL = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
               "with", "&", "-", "–", "/", "inc", "re", "vs", "per", "up"}
UPPER, LOWER = rx.compile(r"[A-ZÀ-Þ]"), rx.compile(r"[a-zß-ÿ]")


@lru_cache(maxsize=4096)  # a line is tested several times: as a heading, as the line before or after one
def is_upper(s: str) -> bool:
    """Mostly capital letters ('APOLOGIES FOR ABSENCE', 'CCTV / CITY WATCH')."""
    lower = len(LOWER.findall(s))
    if 5 * lower >= len(s):
        return False  # no room for four capitals to each small letter
    upper = len(UPPER.findall(s))
    return upper + lower >= 3 and upper > 4 * lower


_MONEY = rx.compile(r"[£$€]\s?\d")
_DATE_LEAD = rx.compile(rf"^\d*\s*(?:{MONTHS})\b", re.I)  # '12 March', 'June'


def looks_like_title(title: str, max_words: int = 16, money_ok: bool = False) -> bool:
    """A short heading-like phrase, not a sentence of minutes; with `money_ok`, a long numbered agenda title may
    name a sum after its first words ('Approving payment of $2,718.86 to ...')."""
    t = title.strip()
    if not t or not (t[0].isupper() or t[0].isdigit() or t[0] in "“\"'‘("):
        return False
    words = t.split()
    n = len(words)
    if _MONEY.search(t) and not (money_ok and n >= 10 and not _MONEY.search(" ".join(words[:3]))) or _DATE_LEAD.match(t):
        return False
    if n > max(max_words, 25):
        return False  # too long in capitals or not (checked first: is_upper counts every letter)
    if is_upper(t):
        return n <= 25
    if n > (max_words if t.endswith(".") else max(max_words, 25)) or t.endswith((",", ";")):
        return False
    return not (t.endswith(".") and n > 8)


CAPS_LEAD = rx.compile(r"^([A-Z][A-Z'’&/,-]+(?:\s+(?:[A-Z][A-Z'’&/,-]+|OF|AND|&))+)\s+[A-Z][a-z]")
VERBS = rx.compile(r"\b(?:was|were|is|are|has|had|have|will|would|proposed|seconded|agreed|advised|reported|"
                   r"resolved|approved|noted|said|asked|welcomed|declared|thanked|carried|"
                   r"members of the public)\b", re.I)
SENTENCE_OPENERS = {"The", "A", "An", "It", "This", "There", "Cllr", "Cllrs", "Councillor", "Councillors", "Mr",
                    "Mrs", "Ms", "Dr", "Apologies", "Members", "We", "He", "She", "They"}


_RUN_ON_BREAK = rx.compile(r"\s[•·]\s|\t|\s[a-z]\)\s")
_FULL_STOP = rx.compile(r"(?<=[a-z)])\.\s")
_WHITESPACE = rx.compile(r"\s+")


def cut_title(run_on: str, max_words: int = 30) -> str:
    """The heading at the start of a line whose text runs straight on into the minute.

    Title-case heading words run until a capitalised word that opens a sentence: one followed by
    ordinary lower-case words ('Apologies for absence Apologies were received ...').
    """
    run_on = _RUN_ON_BREAK.split(run_on, 1)[0]
    tokens = run_on.split()
    for i in range(1, min(len(tokens), max_words)):
        tok = tokens[i]
        if not (tok[:1].isupper() or tok[:1] in "“\"‘'"):
            continue
        if i + 1 >= len(tokens) or not tokens[i + 1][:1].islower():
            continue
        following = tokens[i + 1:i + 6]
        lower = [w for w in following if w[:1].islower() and w.lower().strip(",.;:") not in TITLE_SMALL]
        if len(lower) >= 2 or tok in SENTENCE_OPENERS:
            # the sentence's subject may start a few capitalised words earlier ('The Parish Council ...')
            for j in range(i - 1, max(0, i - 4), -1):
                if not tokens[j][:1].isupper():
                    break
                if tokens[j].rstrip(".") in SENTENCE_OPENERS:
                    i = j
                    break
            return " ".join(tokens[:i]).rstrip(" :–-")
        if tok.endswith(".") and i < 12 and tokens[i + 1:i + 2] and tokens[i + 1][:1].isupper():
            return " ".join(tokens[:i + 1]).rstrip(".: ")
    head = " ".join(tokens[:max_words])
    first_stop = _FULL_STOP.search(head)
    return (head[:first_stop.start()] if first_stop else head).rstrip(" :–-")


def clean_title(title: str) -> str:
    title = _WHITESPACE.sub(" ", title.replace("\t", " ")).strip()
    return title.rstrip(" :.-–").strip() or title


_ATTENDANCE_HEADINGS = words("present_headings") | words("absent_headings") | words("apology_headings")


def attendance_heading(title: str) -> bool:
    t = title.strip().rstrip(":").lower()
    return t in _ATTENDANCE_HEADINGS or \
        t.startswith(("present", "apologies", "in attendance"))
