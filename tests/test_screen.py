import re

from minutes_extract.extractors.screen import any_of, fold, may_match, needed_words


def test_needed_words_of_sequences_alternatives_groups_and_repeats():
    assert needed_words(r"\bsecond(?:ed)?\b", re.I) == {"second"}
    assert needed_words(r"(?:so\s+)?moved|moves|sets?\s+a\s+motion") == {"moved", "moves", "motion"}
    assert needed_words(r"x(?=Foo)") == {"foo"}  # a lookahead that must match
    assert needed_words(r"(?-i:[A-Z])kk+") == {"k"}
    assert needed_words(r"abc|\d+") is None  # the second alternative needs no word
    assert needed_words(r"(?:ab)?c*") is None
    assert any_of([{"ab"}, {"c", "d"}]) == {"ab", "c", "d"} and any_of([{"ab"}, None]) is None


def test_fold_shows_what_case_insensitive_patterns_match_to_ascii():
    odd = re.compile(r"[\x00-\x7f]", re.I)
    for code in range(128, 0x110000):
        c = chr(code)
        assert len(fold(c)) == 1, hex(code)  # offsets in a folded text are the text's
        if odd.fullmatch(c):  # every non-ASCII character (?i) matches to an ASCII one folds to it
            assert re.fullmatch(re.escape(fold(c)), c, re.I) and fold(c).isascii(), hex(code)
    assert fold("KİSS ſo") == "kiss so"


def test_a_pattern_matches_only_texts_with_its_words():
    pattern = r"\b(?:kiss|sing)\s+(?:a|the)\s+song\b"
    words = needed_words(pattern, re.I)
    for text in ("They KİSS the SONG", "sıng a ſong", "sing the song.", "no tune", "the son g"):
        assert may_match(words, fold(text)) or not re.search(pattern, text, re.I)
    assert not may_match(words, fold("no tune"))
    assert may_match(None, "")
