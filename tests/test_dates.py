from minutes_extract.extractors.dates import extract_dates


def days(text, year=2017):
    return [(d.date, d.raw) for d in extract_dates(text, year) if d.precision == "day"]


def test_full_and_partial_dates_resolve_against_the_meeting_year():
    text = "Held on Monday, 16 October 2017; a meeting on Thursday, 19 October and on 2 October."
    assert [d for d, _ in days(text)] == ["2017-10-16", "2017-10-19", "2017-10-02"]


def test_us_numeric_iso_and_ordinal_forms():
    text = "April 15, 2009; March 23rd, 2009; 15/09/2015; 2017-10-25; Tuesday 3rd June; from 12th May"
    assert [d for d, _ in days(text, 2014)] == ["2009-04-15", "2009-03-23", "2015-09-15", "2017-10-25",
                                                 "2014-06-03", "2014-05-12"]


def test_ranges_give_both_ends():
    got = extract_dates("National Hate Crime Week, 14 – 21 October:", 2017)
    assert [(d.date, d.end_date) for d in got] == [("2017-10-14", "2017-10-21"), ("2017-10-21", None)]


def test_month_only_is_kept_with_month_precision():
    got = extract_dates("Updates were received in September 2017.", 2017)
    assert [(d.date, d.precision) for d in got] == [("2017-09", "month")]


def test_not_dates():
    text = "Plan 2017-2020, survey 2017/18, item 12/23, version 8.8.1, Dec 18 figures, tel 0779 500 6811"
    assert days(text, 2019) == []


def test_weekday_that_disagrees_is_a_warning():
    (d,) = extract_dates("on Friday, 19 October", 2017)
    assert d.date == "2017-10-19" and "does not match" in d.warning


def test_two_digit_year_after_day_and_month():
    assert days("balances as at 3 January 19 were", 2019) == [("2019-01-03", "3 January 19")]


def test_item_numbers_are_not_dates():
    from minutes_extract.signals import Signals
    text = "19.09.01 Apologies for absence\n19.09.02 Minutes\nThe report of 04.10.19 was noted. See Item 15/03/04."
    assert days(text, 2019) == [("2019-10-04", "04.10.19")]
    assert extract_dates(text, 2019, Signals(numbering="dotted")) == []


def test_numeric_dates_in_the_documents_order():
    from minutes_extract.signals import Signals
    us, uk = Signals(day_first=False), Signals(day_first=True)
    assert [d.date for d in extract_dates("program on 3/1/2022 and 25/3/2022", None, us)] == ["2022-03-01",
                                                                                            "2022-03-25"]
    assert [d.date for d in extract_dates("program on 3/1/2022", None, uk)] == ["2022-01-03"]


def test_us_hyphenated_dates_slashed_days_and_lists():
    assert days("Receiving of Bids, (5-24-05), an October 7/8 weekend; meetings on October 19, November 16.",
                2005) == [("2005-05-24", "5-24-05"), ("2005-10-07", "October 7/8"), ("2005-10-08", "October 7/8"),
                          ("2005-10-19", "October 19"), ("2005-11-16", "November 16")]


def test_one_scan_serves_the_year_and_the_spans():
    from minutes_extract.extractors.dates import commonest_year, resolve, scan_dates, within
    text = "Held 4 May 2021. Next on 12 June; the report of 3 May 2021 is due by 30 June."
    found = scan_dates(text)
    assert commonest_year(found) == 2021
    dates = resolve(found, text, 2021)
    assert [d.date for d in within(dates, text.index("the report"), len(text))] == ["2021-05-03", "2021-06-30"]


def test_minute_references_and_outline_numbers_are_not_dates():
    from minutes_extract.signals import Signals
    text = ("Held on 3rd June 2014.\n14/06/10 Planning: noted.\n14/06/11 Finance: Resolved 14/05/09 stands.\n"
            "The hall was booked for 20/06/14.\n4.4.4. 4.4.10 The tree was cut.")
    assert days(text, 2014) == [("2014-06-03", "3rd June 2014"), ("2014-06-20", "20/06/14")]
    assert days("Held 5 May 2019.\n19/05/03 Highways\n", 2019, ) == [("2019-05-05", "5 May 2019")]
    assert days("Held 5 May 2019.\n12/05/18 Highways", 2019) == [("2019-05-05", "5 May 2019"),
                                                                  ("2018-05-12", "12/05/18")]
    assert [d.date for d in extract_dates("03/05/19 Highways report", 2019, Signals(numbering="slash"))] == []


def test_month_labels_and_numbered_headings_are_no_days():
    assert days("Income Jan-06 Feb-06 Mar-06 Apr-06", 2006) == []
    assert days("Grant requests deferred to Feb\n7. BUDGET REVIEW\nOn Feb\n7 the hall opens.", 2019) == [
        ("2019-02-07", "Feb\n7")]


def test_word_first_moves_an_opening_word_boundary_behind_the_first_letter():
    import re
    from minutes_extract.extractors.dates import word_first
    assert word_first(r"\bcalled\s+to") == r"c(?<!\wc)alled\s+to"
    assert word_first(r"\b(?:meeting|agm)\b") == r"(?:m(?<!\wm)eeting|a(?<!\wa)gm)\b"
    for unchanged in (r"\b(?:meeting|agm)?x", r"\bc?x", r"\b(?P<b>[a-z])", r"abc"):
        assert word_first(unchanged) == unchanged
    text = "agm, the meeting; bagm xmeeting called"
    for pattern in (r"\b(?:meeting|agm)\b", r"\bcalled"):
        assert [m.span() for m in re.finditer(word_first(pattern), text)] == \
            [m.span() for m in re.finditer(pattern, text)]


def test_a_lowered_pattern_keeps_its_escapes_and_finds_what_re_i_finds():
    import re
    from minutes_extract.extractors.dates import lower_pattern, lowered
    assert lower_pattern(r"(?P<V>Held\s+AT\s+\d\S*)\W(?P=V)\\S") == r"(?P<v>held\s+at\s+\d\S*)\W(?P=v)\\s"
    pattern = re.compile(r"\bHeld\s+at\s+(?P<v>\d\S*)\B", re.I)
    text = "HELD AT 7pm; held at 19:30h, held at 9 am"
    assert [m.span() for m in lowered(pattern).finditer(text.lower())] == [m.span() for m in pattern.finditer(text)] \
        == [(0, 12), (13, 28)]  # not the last: \B after "9"


def test_outline_openings_reads_each_line_once_for_ascending_positions():
    from minutes_extract.extractors.dates import _outline_openings
    text = "4.4.4. 4.4.10 x 1.2.21\n| 3.\nAgenda 5.6.07"
    opens = _outline_openings(text)
    assert [opens(p) for p in (7, 16, 25, 35)] == [True, False, True, False]


def test_windows_tried_at_openings_match_as_finditer():
    from minutes_extract.extractors.dates import _DAY_FIRST, _MONTH_FIRST, _MONTH_ONLY, _in_windows, _month_windows
    text = ("Met Octue, 5 Jan 2019; the 3rd and 4th of Sept. '19 at dismay 5, Tuesday Jan 7, #4 June, 1.2 May 2020,\n"
            "Sat, the 12 - 14th October 2020 and Wednesday, 13 Mar; Thursday 2 March, 19 Dec 18 in Feb 2021.")
    low = text.lower()
    windows = _month_windows(text, low)
    for pattern in (_DAY_FIRST, _MONTH_FIRST, _MONTH_ONLY):
        fast = [(m.span(), m.groupdict()) for m in _in_windows(pattern, text, windows, low)]
        slow = [(m.span(), {k: v and v.lower() for k, v in m.groupdict().items()})
                for m in _in_windows(pattern, text, windows, None)]
        assert fast == slow and fast
