from minutes_extract.extractors.declarations import extract_declarations
from minutes_extract.extractors.people import parse_entry
from minutes_extract.extractors.roster import Roster
from minutes_extract.sentences import split

ROSTER = Roster([parse_entry("Ann Reed"), parse_entry("Tom Hale"), parse_entry("Sue Lane")])


def declared(text, item_starts=()):
    return [(d.name, d.item, d.text) for d in extract_declarations(split(text), text, ROSTER, list(item_starts))]


def test_declared_an_interest_with_the_item():
    assert declared("Cllr. Reed, declared a pecuniary interest in Item 14 on the agenda (planning).") == \
        [("Ann Reed", "14", "Cllr. Reed, declared a pecuniary interest in Item 14 on the agenda (planning).")]
    assert declared("Cllr Tom Hale declared an interest on item 15/19 as a trustee.") == \
        [("Tom Hale", "15/19", "Cllr Tom Hale declared an interest on item 15/19 as a trustee.")]


def test_several_declarers_and_left_the_room():
    got = declared("Cllr Reed and Cllr Lane declared an interest in item 8 and left the room. "
                   "Council Member Hale declares a conflict of interest and abstains from voting.")
    assert [(n, i) for n, i, _ in got] == [("Ann Reed", "8"), ("Sue Lane", "8"), ("Tom Hale", None)]


def test_listed_under_a_declarations_heading():
    text = "3. Declarations of Interest\nCllr Reed – item 6\nCllr Hale – item 9\n4. Minutes\nCllr Lane – item 2"
    assert [(n, i) for n, i, _ in declared(text, [0, text.index("4. Minutes")])] == [("Ann Reed", "6"),
                                                                                      ("Tom Hale", "9")]


def test_no_declarations_and_not_people():
    assert declared("No declarations of interest were made. Members were reminded to declare any interests.") == []
    assert declared("Northwold Sports and Social Club declared an interest in the grant.") == []


def test_disclosed_and_has_an_interest():
    text = ("Cllr Peake disclosed an interest in Item 8. Cllr Lee has an interest in item 7. "
            "Mr Ward has an interest in local history.")
    got = extract_declarations(split(text), text)
    assert [(d.name, d.item, d.rule) for d in got] == [("Peake", "8", "declaration.who-declared"),
                                                       ("Lee", "7", "declaration.who-has-interest")]


def test_item_first_lines_under_the_heading():
    text = ("4. DECLARATIONS OF INTEREST\nThe following were made:\nAgenda Item 10, new houses at Mill Lane - County "
            "Cllr. J. Davies and Cllr. G. Evans\n5. MATTERS ARISING\nItem 4 was discussed - Cllr Smith said no.")
    starts = [0, text.index("5. MATTERS")]
    got = extract_declarations(split(text, breaks=starts), text, None, starts)
    assert [(d.name, d.item) for d in got] == [("J. Davies", "10"), ("G. Evans", "10")]


def test_literal_prefix_and_the_starts_it_screens():
    import re

    from minutes_extract.extractors.declarations import _starts
    from minutes_extract.extractors.screen import literal_prefix
    assert literal_prefix(r"\bDeclarations?\s+of", re.I) == "declaration"
    assert literal_prefix(r"(?:a|b)c") == "" and literal_prefix(r"x\bfoo") == "x"
    pattern = re.compile(r"\baba", re.I)
    text = "ABABA xaba aba-ABA"
    assert _starts(pattern, "aba", text, text.lower()) == [m.start() for m in pattern.finditer(text)] == [0, 11, 15]


def test_word_starts_screen_the_sentences_by_their_spans():
    from minutes_extract.extractors.declarations import _starts_within, _word_starts
    text = "cllr a declared an interest. conflict declared"
    starts = _word_starts(frozenset(["declared", "interest", "conflict"]), text)
    assert starts == [7, 19, 29, 38]
    assert _starts_within(starts, 0, 7) is False and _starts_within(starts, 0, 8) is True
    assert _starts_within(starts, 20, 29) is False and _starts_within(starts, 39, 99) is False


def test_a_declaration_across_a_line_break_is_read():
    text = "Cllr Tom Hale declared\nan interest in item 5."
    assert declared(text) == [("Tom Hale", "5", "Cllr Tom Hale declared an interest in item 5.")]


def test_the_stretch_under_a_heading_ends_at_the_next_item_or_1500_characters_on():
    import math

    from minutes_extract.extractors.declarations import _section_ends
    assert _section_ends([100, 5000], [0, 100, 400, 4000]) == [400, 6500]
    assert _section_ends([10], []) == [1510] and _section_ends([], [5]) == []
    assert _section_ends([10], [0, 9000]) == [1510] and math.inf not in _section_ends([10], [20])
