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
