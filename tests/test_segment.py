from minutes_extract.segment import cut_title, segment


def shape(text):
    return [(s.number, s.title) for s in segment(text)]


def test_numbered_items_with_sub_points_and_sub_headings():
    text = ("PRESENT\n\nCllr A Smith (Chair)\n\n27. APOLOGIES FOR ABSENCE\n\nB Jones\n\n28. MINUTES\n\n"
            "Drone Bid\n\nThe Partnership heard about the bid.\n\n4.2 not a heading because 4 is not an item\n\n"
            "29. FINANCIAL POSITION\n\nSpend is £5.\n")
    segs = segment(text)
    assert [(s.number, s.title) for s in segs][:3] == [("27", "APOLOGIES FOR ABSENCE"), ("28", "MINUTES"),
                                                       ("29", "FINANCIAL POSITION")]
    assert segs[1].subheadings == ["Drone Bid"]


def test_page_break_debris_is_not_an_item():
    text = ("1. SURVEY\n\nThere would be no comparative data available between the\n\n2016/17 and 2017/18 surveys. "
            "This would be a loss.\n\n2. CCTV\n\nText.\n")
    assert shape(text) == [("1", "SURVEY"), ("2", "CCTV")]


def test_minute_numbers_run_on_into_the_text():
    text = ("In attendance: Cllr A Smith\n\n01/19 Apologies for absence Apologies were received from Cllr B Jones. "
            "02/19 Declarations of Interest on Agenda Items Cllr Mandy Leamon declared an interest in item 15/19. "
            "03/19 Minutes of the Ordinary Meeting on 5 December 2018 The Parish Council approved the minutes.")
    assert shape(text) == [("01/19", "Apologies for absence"), ("02/19", "Declarations of Interest on Agenda Items"),
                           ("03/19", "Minutes of the Ordinary Meeting on 5 December 2018")]


def test_council_web_page_rows():
    text = ("Venue: Microsoft Teams\nNo. | Item |\n---|---|\nIntroductions. Minutes: The Chairman welcomed everyone. |"
            "\n|\nMinutes of previous meeting. PDF 108 KB Minutes: Confirmed. |\n|\nDate of the next meeting The next "
            "meeting is on Friday. Minutes: RESOLVED: That it be noted. |")
    assert [t for _, t in shape(text)] == ["Introductions", "Minutes of previous meeting", "Date of the next meeting"]


def test_markdown_minutes_take_discussion_bullets_and_skip_boilerplate():
    text = ("# Node.js TSC Meeting 2017-10-25\n\n## Links\n\n* Recording\n\n## Present\n\n* Anna Henningsen\n\n"
            "## Agenda\n\n### nodejs/node\n\n* Support both OpenSSL 1.1.0 and 1.0.2 [#16130](https://x)\n"
            "  * getting ready to land\n* stream: move files [#11957](https://x)\n\n## Q&A, Other\n\n"
            "* Some moderation work.\n\n## Upcoming Meetings\n\n* Calendar\n")
    from minutes_extract.normalise import normalise
    assert [t for _, t in shape(normalise(text))] == ["Support both OpenSSL 1.1.0 and 1.0.2 #16130",
                                                      "stream: move files #11957", "Q&A, Other"]


def test_unnumbered_headings_before_the_first_number_are_items():
    text = ("Present: Cllr. R. Crisp - Chair, Cllr. A. Collins.\n\nOPEN FORUM\n\nResidents spoke.\n\n"
            "Election of Chairman\n\nCllr. Crisp was elected.\n\n2. Chairman to sign Declaration of Office\n\nSigned.\n\n"
            "3. Election of Vice Chairman\n\nCllr. Collins was elected.\n")
    assert shape(text) == [(None, "OPEN FORUM"), (None, "Election of Chairman"),
                           ("2", "Chairman to sign Declaration of Office"), ("3", "Election of Vice Chairman")]


def test_cut_title():
    assert cut_title("Apologies and Welcome There were no apologies received for absence.") == "Apologies and Welcome"
    assert cut_title("Clerk’s Report (Inc Matters Arising) The Clerk read out the following") == \
        "Clerk’s Report (Inc Matters Arising)"


def test_capital_headings_that_run_on_are_the_items():
    text = ("CRETE TOWNSHIP BOARD OF TRUSTEES MEETING JANUARY 11, 2023\n"
            "The meeting was called to order by the Supervisor at 7 pm.\n"
            "APPROVAL OF MINUTES:\nMotion to approve the minutes was made.\n"
            "REPORTS:\nSupervisor Liccar\nSupervisor Liccar gave an update on the buses and the hall.\n"
            "Building and Grounds –\n"
            "OLD BUSINESS\nNEW BUSINESS – The supervisor will call a special meeting.\n"
            "APPROVAL OF Town Fund Bills – Motion to approve the bills was made.\n")
    assert [s.title for s in segment(text)] == ["APPROVAL OF MINUTES", "REPORTS", "OLD BUSINESS", "NEW BUSINESS",
                                                "APPROVAL OF Town Fund Bills"]


def test_a_list_restarting_inside_an_item_is_not_items():
    text = ("1. Call to Order\nThe chair opened.\n2. Minutes\nApproved.\n3. Member Reports\nMembers reported:\n"
            "1. Colorado is doing an audit\n2. New Hampshire counts ballots\n3. Texas uses Prime III\n"
            "4. Administration\nNothing.\n")
    assert [(s.number, s.title) for s in segment(text)] == [("1", "Call to Order"), ("2", "Minutes"),
                                                            ("3", "Member Reports"), ("4", "Administration")]


def test_rows_of_figures_are_not_items_and_headings_outnumber_a_short_list():
    text = ("# Plenum Minutes\n\n## Reports\n\n### Finance\n- Cash in the bank\n\n### Memberships\n"
            "1. Update on new members.\n2. Breakdown by tiers.\n\n| Tier | Count |\n| -- | -- |\n| 16 | 4 |\n"
            "| 32 | 1 |\n| 64 | 18 |\n\n### Storage Boxes\n- Boxes are full.\n")
    assert [s.title for s in segment(text)] == ["Finance", "Memberships", "Storage Boxes"]


def test_agenda_titles_end_where_the_motion_starts_and_wrapped_titles_are_joined():
    text = ("05-1101 1. ROLL CALL: Present: Brooks, Coleman, Hensley and Kiernan\nAbsent: Cownie.\n"
            "05-1102 2. APPROVING AGENDA, AS PRESENTED AND/OR, AS AMENDED: Moved by\nHensley to adopt.\n"
            "05-1136 3. Real estate documents for property at 2116 Grand Avenue for the Martin Luther\n"
            "King, Parkway Project, $ 3,225 plus closing costs. Moved by Hensley to adopt. Motion Carried 6-1.\n"
            "05-1145 4. Approving payment of $2,718.86 to Ahlers & Cooney, P.C. for bond counsel services\n"
            "related to the Master Lease Program. Moved by Hensley to adopt.\n")
    assert [(s.number, s.title) for s in segment(text)] == [
        ("1", "ROLL CALL"), ("2", "APPROVING AGENDA, AS PRESENTED AND/OR, AS AMENDED"),
        ("3", "Real estate documents for property at 2116 Grand Avenue for the Martin Luther King, Parkway Project, "
              "$ 3,225 plus closing costs"),
        ("4", "Approving payment of $2,718.86 to Ahlers & Cooney, P.C. for bond counsel services related to the "
              "Master Lease Program")]


def test_dotted_item_numbers_without_plain_top_numbers():
    text = ("Minutes of the meeting\n\n21.01.01 Apologies for absence\nNone.\n21.01.02 Minutes of the last meeting\n"
            "Approved.\n21.01.03 Finance\nThe balance was noted.\n21.01.03.1 Bank\nNoted.\n")
    assert [(s.number, s.title) for s in segment(text)] == [
        ("21.01.01", "Apologies for absence"), ("21.01.02", "Minutes of the last meeting"), ("21.01.03", "Finance")]


def test_a_house_number_wrapped_to_a_line_start_is_not_an_item():
    text = ("1. ROLL CALL\nAll present.\n2. Licence for Hwang's Canton, Inc., Hai Hwang, President dba\n"
            "100 E. Euclid, Suite 103; Renewal\n3. Licence for QuikTrip\nApproved.\n")
    assert [s.number for s in segment(text)] == ["1", "2", "3"]


def test_summary_and_addendum_sections_are_not_items():
    text = ("# Minutes of the 5th meeting\n\n## Summary\n\nThree proposals were made:\n\n"
            "* SCP-010: Better Compilation\n"
            "    * voted on and accepted\n\n## Proceedings\n\n### Activities\n\nWork went on.\n\n### Other business\n\n"
            "A grant was discussed.\n\n## Addendum\n\nAfter the meeting a vote was found flawed.\n")
    assert [s.title for s in segment(text)] == ["Activities", "Other business"]


def test_numbered_headings_that_run_on_into_their_minute():
    text = ("Present: Cllr A Smith, Cllr B Jones\n\n"
            "1. PUBLIC FORUM (15 MINUTES) A resident asked about the verges.\n"
            "2. TO APPROVE THE MINUTES OF THE LAST MEETING held on 4th March were approved.\n"
            "3. CORRESPONDENCE i. Newsletters: noted.\n"
            "4 To Consider Matters Arising from the Minutes: Cllr Smith reported on the bus shelter repairs.\n"
            "5 Correspondence Received: Two letters were read and noted by members.\n")
    assert [(s.number, s.title) for s in segment(text)] == [
        ("1", "PUBLIC FORUM (15 MINUTES)"), ("2", "TO APPROVE THE MINUTES OF THE LAST MEETING"),
        ("3", "CORRESPONDENCE"), ("4", "To Consider Matters Arising from the Minutes"),
        ("5", "Correspondence Received")]


def test_action_column_cells_are_no_headings():
    text = ("Present: Cllr A Smith\n\nWebsite\n\nThe site is being updated by the clerk this month.\n\nClerk\n\n"
            "Footpaths\n\nThe path at the mill was reported blocked again.\n\nRC/AC GG Clerk\n\n"
            "AOB\n\nNothing further was raised by members at the end.\n")
    assert [s.title for s in segment(text)] == ["Website", "Footpaths", "AOB"]


def test_minute_numbers_of_two_equally_common_years_follow_the_first_year_in_every_process(tmp_path):
    """'01/19 ... 02/19 ... 01/20 ... 02/20': the year chosen must not depend on the process's hash seed."""
    import os
    import subprocess
    import sys

    code = ("from minutes_extract.segment import segment; "
            "print([s.number for s in segment('01/19 Apologies were received today. 02/19 Minutes approved as read. "
            "01/20 Budget set for the new year. 02/20 Any other business was taken.')])")
    seen = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                           capture_output=True, text=True, check=True).stdout.strip() for seed in range(8)}
    assert seen == {"['01/19', '02/19']"}
