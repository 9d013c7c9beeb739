"""Helpers of the segmentation and sentence passes that stand in for slower forms: same answers, linear time."""
import re
import time

from minutes_extract.segment import lines_of
from minutes_extract.segment.base import lines_within
from minutes_extract.segment.headings import _SENTENCE_LINE, _slash_numbers
from minutes_extract.segment.titles import attendance_heading
from minutes_extract.sentences import Unit, _heading_line_ends, split


def test_lines_within_cuts_the_first_and_last_line_to_the_span():
    text = "ab\ncd\nef\ngh"
    lines = lines_of(text)
    starts = [ln.start for ln in lines]
    assert [(ln.text, ln.start) for ln in lines_within(text, lines, starts, 1, 7)] == [("b", 1), ("cd", 3), ("e", 6)]
    assert [ln.text for ln in lines_within(text, lines, starts, 3, 6)] == ["cd", ""]  # as "cd\n".split("\n")
    assert [ln.text for ln in lines_within(text, lines, starts, 4, 5)] == ["d"]


def test_sentence_line_is_the_first_line_a_sentence_of_three_words_ends_on():
    backtracking = re.compile(r"^[^\n]*\w[^\n]*\s\w+[^\n]*\s\w+[^\n]*\.\s*$", re.M)  # the form it replaces
    for text, start in [("TITLE\n\nThe clerk reported.\n", 7), ("Two words.\n\nno full stop here\n", None),
                        ("One\nword per\nline.", 0), ("A B\nC.", 0), ("x, y z.  \n", 0), ("a\tb c\n.", None)]:
        found, expected = _SENTENCE_LINE.search(text), backtracking.search(text)
        assert (found and found.start()) == (expected and expected.start()) == start


def test_sentence_line_is_linear_in_a_long_line_without_a_full_stop():
    line = " ".join(["word"] * 2000)  # the backtracking form took minutes on this
    start = time.process_time()
    assert _SENTENCE_LINE.search((line + "\n") * 5) is None
    assert time.process_time() - start < 0.5


def test_slash_numbers_are_found_before_each_slash():
    text = "01/19 Apologies were received. See 02/19 Minutes. 1/2/3 x 003/19 Finance"
    assert [m.group("num") for m in _slash_numbers(text)] == ["01/19", "02/19", "003/19"]


def test_heading_line_ends_include_the_line_at_the_start():
    text = "MINUTES OF THE MEETING\nSome text\n# Heading\nAPOLOGIES"
    assert _heading_line_ends(text, 0, len(text)) == [22, 42, 52]
    assert _heading_line_ends(text, 3, len(text)) == [42, 52]  # mid-line: no '^' at 3


def test_split_cuts_at_bullets_bars_and_after_minutes_only_when_they_are_there():
    assert [u.text for u in split("Apples • Pears | Plums")] == ["Apples", "Pears", "Plums"]
    assert [u.text for u in split("Minutes: Noted. Cllr. A. Smith spoke.")] == ["Minutes:", "Noted.",
                                                                                 "Cllr. A. Smith spoke."]


def test_attendance_headings_come_from_the_three_lexicon_lists():
    assert attendance_heading("Apologies for absence:") and attendance_heading("Present")
    assert not attendance_heading("Budget")


def test_numbered_lines_are_found_wherever_the_pattern_matches():
    from minutes_extract.segment.headings import _NUMBER_LINE_START, _NUMBERED, _numbered_headings
    text = "1. Apologies\n | 2. Minutes of the last meeting\n\u0130tem 3 Finance\nx 4. Not at the start\n5 - Planning"
    lines = lines_of(text)
    candidates = {0} | {m.start() + 1 for m in _NUMBER_LINE_START.finditer(text)}
    assert [ln.start for ln in lines if _NUMBERED.match(ln.text)] == [0, 13, 47, 84]
    assert {0, 13, 47, 84} <= candidates and 62 not in candidates
    assert [num for _, num, _, _ in _numbered_headings(text, lines)] == ["1", "2", "3"]


def test_split_re_spaces_a_unit_only_when_it_holds_other_whitespace_than_single_spaces():
    text = "Cllr A  Smith spoke.\tThe clerk\u00a0noted it.\n\n- Item one\nwrapped. Plain text here."
    assert [(u.start, u.end, u.text) for u in split(text)] == [
        (0, 20, "Cllr A Smith spoke."), (21, 40, "The clerk noted it."), (44, 61, "Item one wrapped."),
        (62, 78, "Plain text here.")]
    assert type(split("One.")[0]) is Unit and split("One.")[0] == Unit(0, 4, "One.")


def test_lines_of_gives_each_line_and_its_start():
    assert [(ln.text, ln.start, ln.end) for ln in lines_of("ab\n\ncd\n")] == [("ab", 0, 2), ("", 3, 3), ("cd", 4, 6),
                                                                              ("", 7, 7)]


def test_split_ends_sentences_after_figures_and_brackets_but_not_after_abbreviations_or_initials():
    text = "Budget set for 2019. Seen (see above). Cllr. A. Smith and the U.K. team met. No. 5 left."
    assert [u.text for u in split(text)] == ["Budget set for 2019.", "Seen (see above).",
                                             "Cllr. A. Smith and the U.K. team met.", "No. 5 left."]
