"""The two seed minutes, end to end through the library API: real values, checked one by one."""
from minutes_extract import extract


def test_2017_attendees_and_statuses(fixtures):
    m = extract(fixtures / "owbc_csp_2017_10_16.txt")
    got = {(a.name, a.status, a.initials) for a in m.attendees}
    assert got == {
        ("K J Loydall", "present", "KL"), ("S Glazebrook", "present", "SG"), ("M Smith", "present", "MS"),
        ("M Cawley", "present", "MC"), ("W Gale", "present", "WG"), ("R Lobel", "present", "RL"),
        ("S Penny", "present", "SP"), ("V Quintyne", "present", "VQ"), ("C Woodward", "present", "CW"),
        ("S Mahay", "apologies", "SM"),
    }
    loydall = next(a for a in m.attendees if a.name == "K J Loydall")
    assert (loydall.title, loydall.post_nominals, loydall.role) == ("Councillor", "JP", "Chair")
    cawley = next(a for a in m.attendees if a.name == "M Cawley")
    assert (cawley.title, cawley.organisation) == ("Insp.", "Leicestershire Police")
    assert m.meeting.chair == "K J Loydall"


def test_2017_actions_and_owners(fixtures):
    m = extract(fixtures / "owbc_csp_2017_10_16.txt")
    assert [(a.item, a.owners) for a in m.actions] == [
        ("28", ["K J Loydall"]), ("28", ["M Cawley"]), ("28", ["W Gale"]), ("28", ["K J Loydall"]),
        ("29", ["K J Loydall"]), ("29", ["M Smith"]), ("33", ["M Cawley", "W Gale"]), ("33", ["M Cawley"]),
        ("37", ["R Lobel"]), ("37", ["M Smith"]), ("39", ["M Cawley"]), ("40", ["C Woodward"]),
        ("40", ["M Smith", "K J Loydall"]),
    ]
    jag = m.actions[3]
    assert jag.text == "It was agreed that KL would attend the JAG meeting on Monday, 6 November 2017."
    assert jag.due == "2017-11-06" and jag.owner_refs == ["KL"]
    assert m.actions[0].text.startswith("KL to check that the planned defibrillator training")


def test_2017_amounts_meeting_and_next_meetings(fixtures):
    m = extract(fixtures / "owbc_csp_2017_10_16.txt")
    assert [(str(a.value), a.currency, a.item) for a in m.amounts] == [
        ("710.00", "GBP", "28"), ("18143.74", "GBP", "29"), ("1589.00", "GBP", "29"), ("130.26", "GBP", "29"),
        ("28000.00", "GBP", "33"), ("1589.00", "GBP", "38"), ("30.00", "GBP", "39"), ("100.00", "GBP", "39"),
    ]
    assert [n.date for n in m.next_meetings] == ["2017-12-11", "2018-02-12", "2018-04-16"]
    meeting = m.meeting
    assert (meeting.date, meeting.start_time, meeting.end_time) == ("2017-10-16", "14:00", "16:40")
    assert meeting.body.lower() == "community safety partnership"
    assert meeting.location.lower() == "council offices, station road, wigston"


def test_2017_items_numbers_titles_and_subheadings(fixtures):
    m = extract(fixtures / "owbc_csp_2017_10_16.txt")
    assert [i.number for i in m.items] == [str(n) for n in range(27, 42)]
    assert m.items[0].title == "APOLOGIES FOR ABSENCE"
    assert "Drone Bid" in m.items[1].subheadings and "Herbert Protocol" in m.items[1].subheadings
    assert not any(i.title.startswith("2016/17") for i in m.items)  # page-break debris is not an item


def test_2017_dates_resolve_against_the_meeting_year(fixtures):
    m = extract(fixtures / "owbc_csp_2017_10_16.txt")
    days = {d.date for d in m.dates if d.precision == "day"}
    assert {"2017-10-19", "2017-10-17", "2017-10-14", "2017-10-21", "2017-09-13", "2017-07-31"} <= days
    assert not any(d.raw.startswith(("2017/18", "2017-2020")) for d in m.dates)


def test_2024_eleven_decisions(fixtures):
    m = extract(fixtures / "leics_scsb_2024_03.txt")
    texts = [d.text for d in m.decisions]
    expected = [
        "The minutes of the meeting held on 15 December 2023 were taken as read and confirmed as a correct record.",
        "That the status of the Action Log be noted.",
        "That the report be noted.",
        "That the presentation be noted.",
        "That the report would be considered at the next meeting of the Board.",
        "That the presentation slides be circulated to the lead officers for each CSP for consideration in relation"
        " to local strategies",
        "That the next meeting of the Board take place on Friday 28 June 2024 at 10.00am.",
    ]
    for text in expected:
        assert text in texts
    assert texts.count("That the report be noted.") == 4
    assert texts.count("That the presentation be noted.") + texts.count("That the presentation be noted") == 2
    assert sum(d.kind == "resolved" for d in m.decisions) == 10


def test_2024_web_page_rows_are_items_and_no_meeting_date(fixtures):
    m = extract(fixtures / "leics_scsb_2024_03.txt")
    titles = [i.title for i in m.items]
    assert titles[:3] == ["Introductions", "Minutes of previous meeting", "Matters arising"]
    assert "Youth Justice Health Needs Assessment" in titles and len(titles) == 14
    assert m.meeting.date is None  # never guessed from other dates
    assert m.meeting.location == "Microsoft Teams"
    assert [(str(a.value), a.currency) for a in m.amounts] == [("130000", "GBP")]  # not the phone number or 'PDF 108 KB'
    assert [(n.date, n.time) for n in m.next_meetings] == [("2024-06-28", "10:00")]
    assert [(a.owners, a.text) for a in m.actions] == [
        (["Rik Basra"], "Rik Basra undertook to follow this up with Public Health.")]


def test_provenance_points_at_the_text(fixtures):
    from minutes_extract import load

    doc = load(fixtures / "owbc_csp_2017_10_16.txt")
    m = extract(fixtures / "owbc_csp_2017_10_16.txt")
    a = m.amounts[1]
    assert doc.text[a.span[0]:a.span[1]] == "£18,143.74"
    assert doc.text.split("\n")[a.line - 1].count("£18,143.74") == 1
    action = m.actions[2]
    assert doc.text[action.span[0]:action.span[1]] == action.text
