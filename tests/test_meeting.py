from minutes_extract.extractors.meeting import end_time, extract_meeting, hhmm, _TIME_RE
from minutes_extract.segment import segment


def meeting(text):
    return extract_meeting(text, segment(text))


def test_title_block_gives_body_date_time_and_venue():
    text = ("MINUTES OF THE MEETING OF THE COMMUNITY SAFETY PARTNERSHIP HELD AT THE\nCOUNCIL OFFICES, STATION ROAD, "
            "WIGSTON ON MONDAY, 16 OCTOBER 2017\nCOMMENCING AT 2.00 PM\n\n1. APOLOGIES\n\nNone.\n\n2. MINUTES\n\n"
            "Agreed.\n\nTHE MEETING CLOSED AT 4.40 PM\n")
    m = meeting(text)
    assert (m.body, m.date, m.start_time, m.end_time) == ("COMMUNITY SAFETY PARTNERSHIP", "2017-10-16", "14:00", "16:40")
    assert m.location == "COUNCIL OFFICES, STATION ROAD, WIGSTON"


def test_council_held_their_meeting_remotely():
    text = ("Manordeilo and Salem Community Council held their meeting remotely via Zoom at 7.30pm on the 10th June "
            "2020.\n\n#### PRESENT\n\nCouncillors A Davies and B Evans.\n\n#### WELCOME\n\nHello.\n\n#### CLOSE\n\n"
            "The Chairperson closed the meeting at 8.53pm.\n")
    m = meeting(text)
    assert (m.body, m.date, m.start_time, m.end_time, m.location) == (
        "Manordeilo and Salem Community Council", "2020-06-10", "19:30", "20:53", "Zoom")


def test_no_date_in_the_title_block_stays_empty():
    text = ("Venue: Microsoft Teams\nNo. | Item |\nIntroductions. Minutes: Welcome. |\n|\nMinutes. Minutes: The minutes "
            "of the meeting held on 15 December 2023 were confirmed. |\n|\nClose. Minutes: Closed. |")
    assert meeting(text).date is None


def test_times():
    assert hhmm(_TIME_RE.search("10.00am")) == "10:00"
    assert hhmm(_TIME_RE.search("7.30 p.m.")) == "19:30"
    assert hhmm(_TIME_RE.search("12.15pm")) == "12:15"
    assert end_time("Closed 8.20 pm") == "20:20"
    assert end_time("The meeting ended at 9 p.m.") == "21:00"


def test_us_call_to_order_and_adjournment():
    text = ("## Time and Location\n\nNovember 10, 2009 Meeting called to order at 7:40 PM by President\n\n"
            "## Old Business\n\nThe lease was discussed.\n\n## Adjournment\n\nThe meeting adjourned at 8:29 PM.\n")
    info = meeting(text)
    assert (info.date, info.start_time, info.end_time) == ("2009-11-10", "19:40", "20:29")
    assert [s.title for s in segment(text)] == ["Old Business"]


def test_time_headings_and_venue_section():
    text = ("# Plenum 2021-01-19 Minutes\n\n## Venue\n- Zoom\n\n## 20:06 Open\n\n## Reports\n\nText.\n\n"
            "### 22:10 Close\n")
    info = meeting(text)
    assert (info.start_time, info.end_time, info.location) == ("20:06", "22:10", "Zoom")


def test_time_after_the_date_and_a_motion_to_adjourn():
    text = ("DES MOINES CITY COUNCIL MEETING REPORT\nMay 9, 2005 4:30 PM\n1. ROLL CALL Present: all\n"
            "2. ADJOURN Moved by Hensley to adjourn at 5:38 P.M. Motion Carried 6-1.\n3. END\n")
    info = meeting(text)
    assert (info.body, info.start_time, info.end_time) == ("DES MOINES CITY COUNCIL", "16:30", "17:38")
    summary = meeting("SUMMARY OF DES MOINES CITY COUNCIL MEETING\nMay 9, 2005 4:30 PM\n")
    assert summary.body == "DES MOINES CITY COUNCIL"


def test_venue_within_and_a_meeting_that_is_its_own_body():
    text = ("Minutes of the Meeting of Garelochhead Community Council held at 7.30 p.m. within the New\n"
            "Church Hall at Garelochhead on Thursday 18 November 1999.\n")
    assert meeting(text).location == "New Church Hall"
    text = ("ST. MARY'S CHURCH, COGGES\nMINUTES OF THE ANNUAL PAROCHIAL CHURCH MEETING\n"
            "held in the Church on 21 March 2019")
    assert meeting(text).body == "Annual Parochial Church Meeting"


def test_next_meetings_in_sections_and_sentences():
    from minutes_extract.extractors.dates import extract_dates
    from minutes_extract.extractors.meeting import next_meetings
    text = ("Committee minutes.\n\nThe following dates for Committee meetings were proposed for the remainder of\n"
            "the year: October 19, November 16.\n\n## Next Meeting\n- Chinese New Year day 1 is 2017-11-20.\n"
            "- 2017-12-14 20:00 tentative\n")
    got = next_meetings(text, [], extract_dates(text, 2017), "2017-09-21", "Technical Advisory Committee")
    assert [(d.date, t) for d, t in got] == [("2017-10-19", None), ("2017-11-16", None), ("2017-12-14", "20:00")]


def test_body_never_from_an_item_heading_prose_or_a_person():
    assert meeting("Councillors present: Cllr A Smith.\n\n1\\. PUBLIC FORUM A resident spoke.\n").body is None
    assert meeting("Minutes of the meeting on 3 May 2001\n\n1\\. Potholes. Borough Council to be asked again.\n"
                   "\n2\\. Seats. Agreed.\n").body is None
    assert meeting("The AGM was held on 14 January.\n\nMrs Jane Dale Committee Member\n").body is None
    assert meeting("The Chair opened by welcoming Ann Lee the Officer from the Borough Council, who spoke. "
                   "She left.\n").body is None
    assert meeting("Ann Lee wanted to tell the Council that the lamp was fixed.\n").body is None
    assert meeting("Eastfield Village Council – Ordinary Meeting Tuesday 2nd April 2019, 7.30pm Village Hall\n"
                   "\n1. Apologies\n").body == "Eastfield Village Council"
    assert meeting("Present: Cllr A Smith, Cllr B Jones\n\nBorough Council of Westshire No report sent.\n").body is None
    assert meeting("**Eastfield Parish Council.** **Councillors are summoned to a meeting on** 3rd May 2013\n"
                   ).body == "Eastfield Parish Council"


def test_next_meetings_of_other_bodies_and_unsettled_dates_are_not_ours():
    from minutes_extract.extractors.dates import extract_dates
    from minutes_extract.extractors.meeting import next_meetings
    text = ("9 Reports: • SNAP Meeting held last evening set priorities. The next meeting will be on Wednesday "
            "2 December at 7pm. • The hall roof is fixed.\n\n"
            "10 Items for the next meeting Agenda: the bins.\n\nMONDAY 13th MAY 2019 at 7pm, Village Hall\n\n"
            "## Next Meetings\n\nThe meeting in December falls at Christmas (December 27th). The options are to "
            "meet earlier or skip December.\n\nThe next meeting of the Council will be on 10 June 2019.\n")
    got = next_meetings(text, [], extract_dates(text, 2019), "2019-04-02", "Eastfield Parish Council")
    assert [d.date for d, _ in got] == ["2019-06-10"]


def test_caseless_text_only_when_lower_case_patterns_find_the_same():
    from minutes_extract.signals import caseless
    assert caseless("Meeting CLOSED at 9pm") == "meeting closed at 9pm"
    assert caseless("CLOſED") is None  # re.I matches 'ſ' to 's', which lower() keeps
    assert caseless("İtem") is None  # lower-cased to two characters


def test_search_of_a_rule_that_opens_lines_finds_what_search_does():
    from minutes_extract.extractors.meeting import _START_RULES, _search, _AFTER_BREAK
    rule = next(p for p in _START_RULES if p in _AFTER_BREAK)
    for text in ("20:06 Open\nx", "x 20:06 open\n## 20:06 Open", "a\n\n## 7.30pm start\n8:00 open", "no time"):
        m, want = _search(rule, text), rule.search(text)
        assert (m and m.span()) == (want and want.span())
    assert _search(rule, "x\n## 20:06 Open").group().startswith("## 20:06")


def test_line_matches_of_detail_headings_are_finditers_with_the_lazy_headings_words():
    import re
    from minutes_extract.extractors.meeting import _DETAIL_HEADING, _line_matches
    lazy = re.compile(r"^(?P<line>#{0,6}[ \t]*(?P<h>[A-Za-z][A-Za-z ,&]{2,40}?)[ \t]*:?[ \t]*$)", re.M)
    texts = ("Venue\nTown Hall", "x\n## Time and Place :  \nHall\n\nDate, time \t\n", "Location" + " " * 50 + ":",
             "A very long line of prose that goes on past forty letters\nWhere", "no heading here.\n1. Item")
    for text in texts:
        got = [(m.span(), m.start("line"), m.group("h").strip()) for m in _line_matches(_DETAIL_HEADING, text)]
        assert got == [(m.span(), m.start("line"), m.group("h").strip()) for m in lazy.finditer(text)]
    assert [m.group("h") for m in _line_matches(_DETAIL_HEADING, texts[1])] == [
        "Time and Place ", "Hall", "Date, time "]


def test_next_meeting_cues_open_with_letters_and_find_what_grouped_cues_find():
    import re
    from minutes_extract.extractors.meeting import _cue_pattern
    grouped = re.compile(  # the cues as once written, with groups of opening words
        r"next meeting|\b(?:meeting|agm)\b[^.\n]{0,40}\b(?:will|would|to|shall)\s+be\s+held|"
        r"\bdates?\s+(?:of|for)\s+(?:\w+\s+){0,2}meetings\b|"
        r"\b(?:special|extraordinary|adjourned|additional)\s+(?:council\s+)?meet\w*|"
        r"\bcouncil\s+meet\w*\s+(?:on|scheduled|is|will)\b|\bto\s+the\s+[^.\n]{0,30}\bcouncil\s+meet\w*")
    text = ("the agm will be held on 3 may. an extraordinary council meeting. the council meets on tuesdays. "
            "dates of future meetings: ... additional meetings; special meet. reported to the full council meeting. "
            "the meeting of the board would be held. nonspecial meeting. the next meeting is on 4 june")
    want = [m.span() for m in grouped.finditer(text)]
    assert len(want) == 9
    assert [m.span() for m in _cue_pattern("council").finditer(text)] == want
    assert [m.group() for m in _cue_pattern(r"x(?<!x)").finditer("the council meets on mondays")] == []
