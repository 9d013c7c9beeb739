from minutes_extract.extractors.attendees import extract_attendees
from minutes_extract.extractors.people import parse_entry, parse_list
from minutes_extract.segment import segment


def people(text):
    return [(f.person.name, f.status) for f in extract_attendees(text, segment(text))]


def test_entry_with_title_post_nominals_and_role():
    p = parse_entry("Councillor K J Loydall JP (Chair)")
    assert (p.name, p.title, p.post_nominals, p.role, p.initials) == ("K J Loydall", "Councillor", "JP", "Chair", "KL")
    p = parse_entry("Insp. M Cawley (Leicestershire Police)")
    assert (p.name, p.organisation, p.initials) == ("M Cawley", "Leicestershire Police", "MC")
    p = parse_entry("Sonny van Lingen")
    assert (p.name, p.surname) == ("Sonny van Lingen", "Lingen")


def test_inline_list_without_commas_splits_at_titles_and_roles():
    got = parse_list("Cllr Sue Lintern Chair Cllr Jim McNeill Vice Chair Cllr Gail Reeve Helen Richardson Parish Clerk "
                     "and Financial Responsible Person")
    assert [(p.name, p.role) for p in got] == [("Sue Lintern", "Chair"), ("Jim McNeill", "Vice Chair"),
                                               ("Gail Reeve", None), ("Helen Richardson", "Parish Clerk")]


def test_descriptors_attach_to_the_person_before():
    got = parse_list("Cllr Colin Sampson, Borough Council of Kings Lynn and West Norfolk Mr Chris Philpott, "
                     "Footpath Warden")
    assert [(p.name, p.organisation, p.role) for p in got] == [
        ("Colin Sampson", "Borough Council of Kings Lynn and West Norfolk", None), ("Chris Philpott", None,
                                                                                    "Footpath Warden")]


def test_sections_present_officers_and_apologies_item():
    text = ("PRESENT\n\nCouncillor K J Loydall JP (Chair)\n\nOFFICERS IN ATTENDANCE\n\nS Glazebrook (Interim Head)\n\n"
            "27. APOLOGIES FOR ABSENCE\n\nS Mahay (Women's Aid)\n\n28. MINUTES\n\nAgreed.\n")
    assert people(text) == [("K J Loydall", "present"), ("S Glazebrook", "present"), ("S Mahay", "apologies")]


def test_inline_markers_and_public_not_counted():
    text = ("Those Attending: Cllr Mrs M Leamon, Cllr T Ryves, Mrs C Hardy (Clerk) and 16 members of the public.\n\n"
            "Apologies: No apologies\n\n1. Minutes\n\nAgreed.\n\n2. Planning\n\nNone.\n")
    assert people(text) == [("M Leamon", "present"), ("T Ryves", "present"), ("C Hardy", "present")]


def test_apologies_sentence_and_took_the_chair():
    text = ("PRESENT\n\nCouncillors Peter Harries, Owen Williams and County Councillor Joseph Davies.\n\n"
            "1. WELCOME AND APOLOGIES\n\nCllr. P. Harries took the Chair. Apologies received from Cllrs. Kim Davies "
            "and Doris Jones.\n\n2. MINUTES\n\nAgreed.\n")
    found = extract_attendees(text, segment(text))
    assert [(f.person.name, f.status) for f in found] == [
        ("Peter Harries", "present"), ("Owen Williams", "present"), ("Joseph Davies", "present"),
        ("Kim Davies", "apologies"), ("Doris Jones", "apologies")]
    assert found[0].person.role == "Chair"


def test_attendance_table_with_yes_no_column():
    text = ("Present at the meeting were the following Directors:\n\n| Present | Director | Organization |\n"
            "| No | Chris Aniszczyk | Elected Committer Representative |\n| Yes | Mark de Visser | Sonatype |\n\n"
            "#### Other Business\n\nNone.\n\n#### Resignation\n\nA resignation.\n")
    assert people(text) == [("Chris Aniszczyk", "absent"), ("Mark de Visser", "present")]


def test_markdown_present_list_drops_handles():
    text = ("# TSC Meeting\n\n## Present\n\n* Anna Henningsen @addaleax (TSC)\n* Сковорода Никита Андреевич @ChALkeR "
            "(TSC)\n\n## Agenda\n\n### nodejs/node\n\n* Item [#1](x)\n  * talk\n")
    assert people(text) == [("Anna Henningsen", "present"), ("Сковорода Никита Андреевич", "present")]


def test_us_style_markers():
    text = ("Members present: Ann Lee, Bob Roy.\nStaff present: Carl Diaz.\nMembers absent: Dee Fox.\n"
            "Regrets: Eve Gold.\n\n1. CALL TO ORDER\n\nCalled to order.\n\n2. MINUTES\n\nApproved.\n")
    assert people(text) == [("Ann Lee", "present"), ("Bob Roy", "present"), ("Carl Diaz", "present"),
                            ("Dee Fox", "absent"), ("Eve Gold", "apologies")]


def people_of(text):
    return [(f.person.name, f.status) for f in extract_attendees(text, segment(text))]


def test_paragraph_list_without_commas_splits_at_titles_roles_and_place_titles():
    got = parse_list("P Moran Clerk Mrs J Todd Eden District Councillor A Armstrong Cllr B Hall")
    assert [(p.name, p.role, p.organisation) for p in got] == [
        ("P Moran", "Clerk", None), ("J Todd", None, None), ("A Armstrong", None, "Eden District Council"),
        ("B Hall", None, None)]


def test_office_titles_before_names_and_in_plural():
    p = parse_entry("Trustee Jane Elton")
    assert (p.name, p.title, p.role) == ("Jane Elton", "Trustee", "Trustee")
    assert parse_entry("Supervisor Mantay").name == "Mantay"
    got = parse_list("Supervisor Mantay, Trustees Elton and Picha, Council Member Hensley")
    assert [(p.name, p.title) for p in got] == [("Mantay", "Supervisor"), ("Elton", "Trustee"), ("Picha", "Trustee"),
                                               ("Hensley", "Council Member")]


def test_roll_call_sentences():
    text = ("The meeting was called to order by Supervisor Mantay at 7:00 PM.\n"
            "Board members present were Trustee Elton, Trustee Picha, and Supervisor Mantay. "
            "Clerk Rowe was also present. Trustee Gould was absent.\n\nOLD BUSINESS:\nNone.\n\nNEW BUSINESS:\nNone.\n")
    assert people_of(text) == [("Elton", "present"), ("Picha", "present"), ("Mantay", "present"), ("Rowe", "present"),
                               ("Gould", "absent")]
    text = "Roll call: Trustees Elton, Picha and Gould were present.\n\n1. MINUTES\n\nApproved.\n"
    assert people_of(text) == [("Elton", "present"), ("Picha", "present"), ("Gould", "present")]


def test_groups_inside_an_attendance_section():
    text = ("# Board meeting\n\n## Attendees\n\nBoard members physically present:\n\n- Ann Lee, Acme Corp\n"
            "- Bob Roy, Widgets\n\nParticipating remotely were:\n\n- Cy Dunn, Initech\n\nOfficers:\n\n"
            "- Di Fox (secretary), Acme Corp\n\nNot present:\n\n- Ed Gray, Globex\n\n## Proceedings\n\nText.\n")
    assert people_of(text) == [("Ann Lee", "present"), ("Bob Roy", "present"), ("Cy Dunn", "present"),
                               ("Di Fox", "present"), ("Ed Gray", "absent")]


def test_nested_bullets_and_entry_status():
    text = ("## Roll Call\n\n- Present:\n  - Ann Lee\n  - Bob Roy\n- Regrets:\n  - Cy Dunn\n\n## Agenda\n\nText.\n")
    assert people_of(text) == [("Ann Lee", "present"), ("Bob Roy", "present"), ("Cy Dunn", "apologies")]
    text = "ROLL CALL\nSupervisor Mantay - present\nTrustee Elton - absent\n1. MINUTES\nApproved.\n"
    assert people_of(text) == [("Mantay", "present"), ("Elton", "absent")]


def test_upper_case_heading_with_the_first_entry_on_its_line():
    text = ("Minutes of the Meeting held on 18 November 1999.\nPRESENT C Lyne - Acting Chairperson\nJ Roy - Secretary\n"
            "G McCluskey - Strathclyde Police\n1. APOLOGIES A Horne - Community Councillor.\n2. MINUTES\nAccepted.\n")
    assert people_of(text) == [("C Lyne", "present"), ("J Roy", "present"), ("G McCluskey", "present"),
                               ("A Horne", "apologies")]


def test_first_names_handles_and_wiki_users():
    text = ("## Time and Location\n\nCalled to order at 7:40 PM.\n\nMembers Present: Martin, TC, Brian (redbeard),\n"
            "User:Katie, Dan Barlow\n\nOthers: User:Nik, James\n\n## Reports\n\nMartin reported.\n")
    found = extract_attendees(text, segment(text))
    assert [(f.person.name, f.status) for f in found] == [
        ("Martin", "present"), ("TC", "present"), ("Brian", "present"), ("Katie", "present"),
        ("Dan Barlow", "present"), ("Nik", "present"), ("James", "present")]
    assert found[2].person.handle == "redbeard"
    text = "# Plenum\n\nAttendees: alice, bob (@bob), carol\n\n## Topics\n\nStuff.\n"
    assert [n for n, _ in people_of(text)] == ["alice", "bob", "carol"]


def test_all_members_present_with_the_members_named_in_the_masthead():
    text = ("Technical Advisory Committee\n\nJane Archer, Chair\n\nLeo Bright, Vice Chair\n\nMia Cole\n\nNed Dale\n\n"
            "MEETING MINUTES\n\n1. Call to Order & Roll Call\n\nChair Archer called the meeting to order at 6:02 p.m. "
            "All members were present.\n\n2. Public Comment\n\nNone.\n")
    assert people_of(text) == [("Jane Archer", "present"), ("Leo Bright", "present"), ("Mia Cole", "present"),
                               ("Ned Dale", "present")]


def test_attendance_table_with_title_present_and_arrived_columns():
    text = ("Roll call of members:\n\n| Name | Title | Present | Arrived |\n|---|---|---|---|\n"
            "| Jane Elton | Trustee | Yes | |\n| Bob Picha | Trustee | No | |\n| Al Smith | Supervisor | | 7:05 |\n"
            "| Cy Dunn | Clerk | Excused | |\n\n1. MINUTES\n\nApproved.\n")
    found = extract_attendees(text, segment(text))
    assert [(f.person.name, f.status, f.person.role) for f in found] == [
        ("Jane Elton", "present", "Trustee"), ("Bob Picha", "absent", "Trustee"), ("Al Smith", "present", "Supervisor"),
        ("Cy Dunn", "apologies", "Clerk")]


def test_tab_separated_pdf_words_and_public_groups():
    text = ("Members\tPresent:\nWatson\tRobinson Convenor\tCC\nFiona\tRobinson Treasurer\tCC\nAttending:\n"
            "PC\tChris\tNeilson Police Scotland\nPublic:\nAlex\tHamilton Public\nApologies:\nCllr\tBarbara\tMorgan A&B\t"
            "Councillor\n\n1. Introductions\nWelcome.\n")
    assert people_of(text) == [("Watson Robinson", "present"), ("Fiona Robinson", "present"),
                               ("Chris Neilson", "present"), ("Alex Hamilton", "present"),
                               ("Barbara Morgan", "apologies")]


def test_not_people_labels_headings_and_sentences():
    text = ("Apologies: Cllr E Taylor\n\nPolice Matters:\n\nNothing to report.\n\n"
            "## Roll call\n\nInability to register attendees due to system problems.\n\n"
            "Agreed by all present\n\nLitter Pick\n")
    assert people_of(text) == [("E Taylor", "apologies")]


def test_us_council_lists_carry_plural_titles_and_staff_titles():
    text = ("CITY COUNCIL MINUTES\n\nPRESENT: Mayor Smith, Council Members Jones, Brown and Lee.\n"
            "ABSENT: Council Member Davis.\nSTAFF PRESENT: City Manager John Doe.\n\n1. CALL TO ORDER\n\nCalled.\n")
    assert sorted(people_of(text)) == [("Brown", "present"), ("Davis", "absent"), ("John Doe", "present"),
                                       ("Jones", "present"), ("Lee", "present"), ("Smith", "present")]


def test_bold_markers_and_irc_names():
    text = "# Weekly sync\n\n**Present:** Jane Doe, Bob Roy\n\n**Regrets:** Dee Fox\n\n## Agenda\n\n- item\n"
    assert people_of(text) == [("Jane Doe", "present"), ("Bob Roy", "present"), ("Dee Fox", "apologies")]
    text = "Present: +Manu_Sporny, Joe_Andrieu, dmitriz\n\nTopic: Intro\n\nText.\n"
    assert people_of(text) == [("Manu Sporny", "present"), ("Joe Andrieu", "present"), ("dmitriz", "present")]


def test_attendance_modes_excused_and_sent_apologies():
    text = ("Members Present (via Zoom): Jane Doe, Bob Roy\nPresent in person: Eve Gold\n"
            "Absent with apologies: Carl Hill\nUnexcused: Dee Fox\n\n1. Minutes\n\nText.\n")
    assert people_of(text) == [("Jane Doe", "present"), ("Bob Roy", "present"), ("Eve Gold", "present"),
                               ("Carl Hill", "apologies"), ("Dee Fox", "absent")]
    text = ("PRESENT\nCllr J Smith (Chair), Cllr A Brown\n\nAlso in attendance were Mrs K White (Clerk) and PC Green.\n\n"
            "Cllr D Black sent his apologies.\n\n1. Minutes\n\nText.\n")
    assert people_of(text) == [("J Smith", "present"), ("A Brown", "present"), ("K White", "present"),
                               ("Green", "present"), ("D Black", "apologies")]


def test_bulleted_heading_needs_names_nested_below():
    text = "# Meeting\n\n* Present\n  * Jane Doe\n  * Bob Roy\n* Absent\n  * Carl Hill\n\n## Topics\n\nText.\n"
    assert people_of(text) == [("Jane Doe", "present"), ("Bob Roy", "present"), ("Carl Hill", "absent")]
    text = "# Tree survey\n\n- Oak dead wood present\n- Approximately 2 days work\n"
    assert people_of(text) == []


def test_inverted_names_role_labels_and_role_with_the_name_in_brackets():
    text = "Present: Smith, John; Jones, Mary; Brown, Carl\n\n1. Minutes\n\nText.\n"
    assert people_of(text) == [("John Smith", "present"), ("Mary Jones", "present"), ("Carl Brown", "present")]
    text = "Present:\nChair: Jane Doe\nSecretary: Bob Roy\n\n1. Minutes\n\nText.\n"
    found = extract_attendees(text, segment(text))
    assert [(f.person.name, f.person.role) for f in found] == [("Jane Doe", "Chair"), ("Bob Roy", "Secretary")]
    text = "Present: The Mayor (Councillor J Smith), Councillors A Brown and C Green\n\n1. Minutes\n\nText.\n"
    found = extract_attendees(text, segment(text))
    assert [(f.person.name, f.person.role) for f in found] == [("J Smith", "The Mayor"), ("A Brown", None),
                                                                ("C Green", None)]


def test_table_rows_headed_by_an_attendance_label_and_slash_separated_lists():
    text = ("Minutes\n\n| Members Present: | Jane Doe, Bob Roy |\n| Apologies: | Carl Hill |\n| Date | 1 May |\n\n"
            "1. Minutes\n\nText.\n")
    assert people_of(text) == [("Jane Doe", "present"), ("Bob Roy", "present"), ("Carl Hill", "apologies")]
    text = "Present: Jane Doe / Bob Roy / Carl Hill\n\n1. Minutes\n\nText.\n"
    assert people_of(text) == [("Jane Doe", "present"), ("Bob Roy", "present"), ("Carl Hill", "present")]


def test_names_with_several_particles():
    assert parse_entry("Maria de la Cruz (Secretary)").name == "Maria de la Cruz"


def test_a_sentence_after_an_inline_list_ends_it():
    text = "Present: Cole, Reed and Lee. Absent: Marsh. Hardy arrived at 7:32 p.m.\n\n1. Minutes\nApproved.\n"
    assert people(text) == [("Cole", "present"), ("Reed", "present"), ("Lee", "present"), ("Marsh", "absent")]
    assert people("Present: Cllr. Ann Cole, Prof. Tom Reed.\n\n1. Minutes\nApproved.\n") == [
        ("Ann Cole", "present"), ("Tom Reed", "present")]


def test_inline_list_going_on_one_entry_per_paragraph():
    text = ("Present: Ms Ann Lee (Health Officer, Westshire District Council)\n\nMr Bob Cole (Parish Council)\n\n"
            "Mrs Pat Hood (Village representative)\n\nRiverside Hall\n\n1. Apologies\nNone.\n")
    found = extract_attendees(text, segment(text))
    assert [(f.person.name, f.person.role, f.person.organisation) for f in found] == [
        ("Ann Lee", "Health Officer", "Westshire District Council"), ("Bob Cole", None, "Parish Council"),
        ("Pat Hood", "Village representative", None)]
    text = "Present: Mr A Cole (Chairman)\n\nMrs B Reed\n\nApologies Were received from PC Jackson\n\n1. Minutes\nDone.\n"
    assert sorted(people(text)) == [("A Cole", "present"), ("B Reed", "present"), ("Jackson", "apologies")]


def test_apologies_inside_a_numbered_item():
    text = ("Present: Cllr A Cole, Cllr B Reed\n\n1 To Consider Apologies for Absence: Apologies were received from "
            "Cllr Mrs S Lane and Borough Councillor C Hart\n\n2 To Approve the Minutes\nApproved.\n")
    assert people(text)[2:] == [("S Lane", "apologies"), ("C Hart", "apologies")]
    text = ("Present: Cllr A Cole\n\n1. Apologies\n\nApologies for absence were received before the meeting from "
            "Cllr Dean and Cllr Ford.\n\n2. Minutes\nApproved.\n")
    assert people(text)[1:] == [("Dean", "apologies"), ("Ford", "apologies")]
    text = "PRESENT: Cllr A Cole\n\n3\\. ACCEPTANCE OF APOLOGIES FOR ABSENCE Cllrs M. Peel and R. Cross.\n\n4\\. MINUTES\n"
    assert sorted(people(text)) == [("A Cole", "present"), ("M Peel", "apologies"), ("R Cross", "apologies")]
    text = "**1.** **Apologies for absence** Mr F Eagle, Miss A Moor\n\n**2.** **Minutes**\nApproved.\n"
    assert people(text) == [("F Eagle", "apologies"), ("A Moor", "apologies")]
    text = ("Those attending Mr A Cole, Mrs B Reed,\n\nMr C Hart\n\nApologies were received from Mr D Lee and PC Jones\n\n"
            "Election of Officers\n\nMr Cole introduced himself to the meeting.\n\nMinutes\nApproved.\n")
    assert sorted(people(text)) == [("A Cole", "present"), ("B Reed", "present"), ("C Hart", "present"),
                                    ("D Lee", "apologies"), ("Jones", "apologies")]
    text = "Present: Cllr A Cole\n\n2. To Consider Apologies for Absence: Apologies from Cllr B Reed\n\nPolice Matters\n\n"
    assert people(text) == [("A Cole", "present"), ("B Reed", "apologies")]


def test_namespace_prefixes_glued_to_names_are_dropped():
    assert people("Attendees: Contributor:Ann Cole, Wiki:Bob Reed\n\n## Notes\nText.\n") == [
        ("Ann Cole", "present"), ("Bob Reed", "present")]


def test_a_section_list_wrapped_after_and():
    text = "PRESENT\nCouncillors Ann Cole, Bob Reed and\nCounty Councillor Tom Hart.\n1. WELCOME\nText.\n"
    assert people(text) == [("Ann Cole", "present"), ("Bob Reed", "present"), ("Tom Hart", "present")]


def test_a_list_that_ends_with_the_public_is_complete():
    text = "Attendance: Cllr A Cole, Cllr B Reed, Members of the public 5\n\nEmergency Exits\n\nMembers were told.\n"
    assert people(text) == [("A Cole", "present"), ("B Reed", "present")]


def test_markers_match_the_marker_as_finditer_does():
    from minutes_extract.extractors.attendees import _MARKER, _markers
    text = ("Councillors Present: A Lee, B Cole\nPresent Members Absent: C Hay\nApologies: D Roe. Staff present - "
            "E Fox\nnothing here\nAlso Attending: F Wu")
    for a, b in ((0, len(text)), (5, 80), (36, len(text)), (0, 0)):
        want = [(m.start(), m.end(), m.group("head")) for m in _MARKER.finditer(text, a, b)]
        for low in (None, text.lower()):  # found by the lower-cased patterns, or not
            assert [(m.start(), m.end(), m.group("head")) for m in _markers(text, low, a, b)] == want
    assert [m.group("head") for m in _markers(text, text.lower(), 0, len(text))] == [
        "Councillors Present", "Present Members Absent", "Apologies", "Staff present", "Also Attending"]


def test_markers_found_in_the_lower_cased_text_as_in_the_text():
    from minutes_extract.extractors.attendees import _MARKER_NO_COLON, _NAMED_MARKER, _finditer
    text = "x-Present: A\nIN ATTENDANCE :  B Cole\nMembers of the Public: 3\napologies:C\nPRESENT Cllr A Lee"
    for pattern in (_NAMED_MARKER, _MARKER_NO_COLON):
        for pos in range(len(text)):
            want = [(m.span(), m.group("head")) for m in pattern.finditer(text, pos, len(text) - 2)]
            got = [(m.span(), m.group("head")) for m in _finditer(pattern, text, text.lower(), pos, len(text) - 2)]
            assert got == want
    assert [m.group("head") for m in _finditer(_NAMED_MARKER, text, text.lower(), 0, len(text))] == [
        "IN ATTENDANCE", "Members of the Public", "apologies"]
    assert next(_finditer(_MARKER_NO_COLON, text, text.lower(), 0, len(text))).group("head") == "PRESENT"


def test_heading_lines_ruled_out_by_their_lower_cased_forms_only_where_they_do_not_match():
    from minutes_extract.extractors.attendees import _CAPS_HEADING, _CAPS_HEADING_LOWERED, _match
    for line in ("PRESENT C Lyne - Acting Chairperson", "1. APOLOGIES A Horne", "Present were all", "Apologies"):
        want = _CAPS_HEADING.match(line)
        got = _match(_CAPS_HEADING, _CAPS_HEADING_LOWERED, line, line.lower())
        assert (got and got.groupdict()) == (want and want.groupdict())
    assert _match(_CAPS_HEADING, _CAPS_HEADING_LOWERED, "1. APOLOGIES A Horne", "1. apologies a horne")["rest"] == \
        "A Horne"
