"""The builders that turn word lists into regular expressions: each matches what the plain form matches."""
import random
import re

from minutes_extract.lexicon import (after_guard, alternation, guarded, lexicon, longest_first, openings,
                                     phrase_alternation, word_trie)


def _plain(phrases) -> str:
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + ")"


def test_phrase_alternation_groups_by_first_letter():
    assert phrase_alternation(["absent", "apologies given", "present"]) == \
        r"(?:a(?:bsent|pologies\s+given)|p(?:resent))"
    assert phrase_alternation(["Mr", "Mrs", "Ms"]) == "(?:M(?:r|rs|s))"
    assert phrase_alternation(["Chair", "clerk"]) == "(?:Chair|clerk)"  # both cases of one letter: kept whole
    phrases = ["Apologies for Absence", "Absent", "apologies", "Present", "Also Present"]
    text = "APOLOGIES  for absence: none. Also\tpresent: Ann. absentees; Presently"
    assert [m.span() for m in re.finditer(phrase_alternation(phrases), text, re.I)] == \
        [m.span() for m in re.finditer(_plain(phrases), text, re.I)] == [(0, 22), (30, 42), (49, 55), (60, 67)]


def test_phrase_alternation_matches_as_the_plain_alternation_with_and_without_ignore_case():
    phrases = ["Chair of the Board", "chairman", "Chair", "clerk", "Clerk to the Council", "Mr", "mrs", "Ms",
               "vice chair"]
    rng = random.Random(7)
    texts = [" ".join(rng.choice(phrases + ["the", "of", "X"]) for _ in range(4)) for _ in range(300)]
    texts += [t.upper() for t in texts[:50]] + [t.lower() for t in texts[:50]]
    for flags in (0, re.I):
        for tail in (r"\b", r"\s+[A-Z]", ""):
            grouped = re.compile(phrase_alternation(phrases) + tail, flags)
            plain = re.compile(_plain(phrases) + tail, flags)
            for text in texts:
                assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_alternation_is_a_lexicon_list_longest_first():
    honorifics = longest_first(lexicon()["honorifics"])
    pattern = re.compile(rf"^{alternation('honorifics')}$")
    assert all(pattern.match(h) for h in honorifics)
    assert re.match(alternation("honorifics"), "Mrs Jones").group() == "Mrs"


def test_word_trie_matches_the_words_and_no_others():
    assert word_trie({"agree", "agreed", "agrees", "to", "took"}) == "(?:agree(?:d|s)?|to(?:ok)?)"
    pattern = re.compile(rf"(?:{word_trie({'to', 'took', 'will', 'would'})})$")
    assert [w for w in ("to", "took", "too", "t", "will", "would", "wil", "woul") if pattern.match(w)] == [
        "to", "took", "will", "would"]


def test_after_guard_matches_where_the_leading_lookbehind_does():
    assert guarded("c", r"\w") == r"c(?<!\wc)"
    words = ["usd", "us$", "£", "eur"]
    text = "usd 5, 5usd, xus$3, £4, 3£, eur eurx"
    for guard in (r"\w", r"[\d.,]"):
        moved = re.compile(after_guard(words, guard))
        leading = re.compile(rf"(?<!{guard})(?:{'|'.join(map(re.escape, words))})")
        assert [m.span() for m in moved.finditer(text)] == [m.span() for m in leading.finditer(text)]


def test_after_guard_matches_words_not_written_after_the_guard():
    pattern = re.compile(after_guard(["US$", "$"], r"[\d.,]"))
    assert [m.group() for m in pattern.finditer("US$5 and $6, 5$ ,$7 US$")] == ["US$", "$", "US$"]
    word = re.compile(after_guard(["net", "vat"], r"\w") + r"\b")
    assert [m.start() for m in word.finditer("net cabinet vat")] == [0, 12]


def test_openings_find_overlapping_words():
    pattern = re.compile(openings({"oct", "tue", "the"}))
    assert [m.start() for m in pattern.finditer("octue the oc")] == [0, 2, 6]
