"""Normalisation of one page: emphasis markers, underscores and wide gaps."""
from minutes_extract.normalise import normalise


def test_underscore_runs_go_and_a_single_one_inside_a_word_stays():
    assert normalise("snake_case __bold__ _it_ a__b x_ _y ___") == "snake_case bold it ab x y"


def test_two_or_three_spaces_close_up_and_four_become_a_tab():
    assert normalise("a  b   c    d     e  \n  f") == "a b c\td\te\n  f"


def test_passes_without_their_trigger_leave_text_alone():
    text = "Item 1. Apologies\n- Cllr A Smith\nNothing else."
    assert normalise(text) == text
