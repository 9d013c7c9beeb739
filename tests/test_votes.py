from minutes_extract.extractors.decisions import extract_decisions
from minutes_extract.extractors.people import parse_entry
from minutes_extract.extractors.roster import Roster
from minutes_extract.extractors.votes import follows, motion, roll_call, vote_of
from minutes_extract.sentences import split


def test_us_motion_forms():
    assert vote_of("Motion by Trustee Smith, seconded by Trustee Jones, to approve the consent agenda; motion "
                   "carried 5-0.") == {"mover": "Smith", "seconder": "Jones", "for": 5, "against": 0}
    assert vote_of("Motion to approve the bills as presented was made by Trustee Price, seconded by Trustee Lowe.") \
        == {"mover": "Price", "seconder": "Lowe"}
    assert vote_of("Member Ortiz moved to accept the report. Member Vance seconded.") == \
        {"mover": "Ortiz", "seconder": "Vance"}
    assert vote_of("With edits, Member Ortiz moved to approve the minutes, Member Vance seconding.") == \
        {"mover": "Ortiz", "seconder": "Vance"}


def test_block_of_labelled_lines():
    text = "MOTION BY: Smith; SECOND: Jones; AYES: Smith, Jones, Brown; NAYS: None; ABSTAIN: Green; RESULT: Carried"
    assert vote_of(text) == {"mover": "Smith", "seconder": "Jones", "for": 3, "against": 0, "abstain": 1}


def test_uk_proposed_seconded_and_counts():
    assert vote_of("Proposed Cllr Ann Reed, seconded by Cllr Tom Hale, 5 in favour, 2 abstentions.") == \
        {"mover": "Ann Reed", "seconder": "Tom Hale", "for": 5, "abstain": 2}
    assert vote_of("The vote was carried by three to two.") == {"for": 3, "against": 2}
    assert vote_of("Those in favour was zero and those against accepting the application was 7.") == \
        {"for": 0, "against": 7}
    assert vote_of("The proposal was carried unanimously.") is None  # no count is stated


def test_result_figures_and_the_absent():
    assert vote_of("Moved by Reed to adopt. Motion Carried 6-1.") == {"mover": "Reed", "for": 6, "against": 1}
    assert vote_of("Moved by Reed to adopt. Motion Carried 6-1.", absent=1) == {"mover": "Reed", "for": 6, "absent": 1}
    assert vote_of("Moved by Reed to adopt. Motion Carried 5-1-1. Nays: Hale. Absent: Cole.") == \
        {"mover": "Reed", "for": 5, "against": 1, "absent": 1}
    assert vote_of("Motion Carried 5-1-1. Pass: Hale. Absent: Cole.") == {"for": 5, "abstain": 1, "absent": 1}
    assert vote_of("voted 7-1 (with 3 abstentions) in favor of the proposal") == {"for": 7, "against": 1, "abstain": 3}


def test_roll_call_names_are_counted_and_resolved():
    roster = Roster([parse_entry("Frank Elton"), parse_entry("Mary Hodge"), parse_entry("Ann Price")])
    text = "Roll Call was taken as follows: Trustee Elton – yes, Trustee Hodge – yes, Trustee Price - no."
    assert roll_call(text, roster) == [{"name": "Frank Elton", "vote": "yes"}, {"name": "Mary Hodge", "vote": "yes"},
                                       {"name": "Ann Price", "vote": "no"}]
    vote = vote_of("A motion was made to buy a mower by Trustee Elton, seconded by Trustee Hodge. " + text, roster)
    assert (vote["mover"], vote["seconder"], vote["for"], vote["against"]) == ("Frank Elton", "Mary Hodge", 2, 1)


def test_openers_and_follow_ups():
    assert motion("A motion was made to contribute $2,000 to the park district by Trustee Elton.")["name"] == "motion-to"
    assert motion("Moved by Reed to adopt.")["adopts_record"]
    assert motion("The Council moved on to the next item.") is None
    assert [(follows(s) or {}).get("name") for s in ("Member Vance seconded.", "All were in favor.", "Motion passes.",
                                 "Upon voice vote, the motion carried unanimously.", "The minutes stand approved.",
                                 "The clerk read the letter.")] == \
        ["seconded", "all-in-favour", "outcome", "outcome", "stands", None]


def decisions(text, **kw):
    return [(d.text, d.vote) for d in extract_decisions(split(text), text, [], **kw)]


def test_motion_with_its_seconder_roll_call_and_outcome_is_one_decision():
    text = ("A motion was made to sponsor the baseball club for $300 by Trustee Elton, seconded by Trustee Hodge. "
            "All were in favor. Roll Call was taken as follows: Trustee Elton – yes, Trustee Hodge – yes, "
            "Supervisor Ross – yes. Motion passes.\n\nThe clerk read a letter.")
    ((got, vote),) = decisions(text)
    assert got.endswith("Motion passes.") and vote["mover"] == "Elton" and vote["for"] == 3


def test_moved_to_adopt_takes_in_the_record_it_adopts():
    text = ("7. Resolutions ordering construction:\n"
            "(A) Riverwalk Bridge rehabilitation, receiving of bids. Moved by Reed to adopt. Motion Carried 6-1.\n"
            "(B) Hawthorne Park Shelter, receiving of bids. Moved by Reed to adopt. Motion Carried 5-2.\n")
    assert decisions(text, absent=1) == [
        ("(A) Riverwalk Bridge rehabilitation, receiving of bids. Moved by Reed to adopt. Motion Carried 6-1.",
         {"mover": "Reed", "for": 6, "absent": 1}),
        ("(B) Hawthorne Park Shelter, receiving of bids. Moved by Reed to adopt. Motion Carried 5-2.",
         {"mover": "Reed", "for": 5, "against": 2})]


def test_a_result_in_its_own_paragraph_closes_the_motion():
    text = ("Asking for a motion to accept the glossary, Member Ortiz so moved, seconded by Member Vance.\n\n"
            "The vote was called and the motion carried unanimously.\n\nPublic comment followed.")
    ((got, vote),) = decisions(text)
    assert got.endswith("carried unanimously.") and vote == {"mover": "Ortiz", "seconder": "Vance"}


def test_the_minutes_are_approved_joins_the_motion():
    text = ("Motion to approve the minutes of the December meeting was made by Trustee Elton, seconded by Trustee "
            "Hodge. All were in favor. The minutes are approved as written.")
    assert len(decisions(text)) == 1


def test_a_proposal_is_a_motion_once_seconded():
    text = "Cllr Hart proposed that the precept be set at £5,000. Seconded by Cllr Reed. All agreed."
    assert decisions(text) == [(text, {"mover": "Hart", "seconder": "Reed"})]
    assert decisions("Cllr Hart proposed that the precept be reviewed next year.") == []


def test_of_two_seconders_the_first_named_is_the_seconder():
    roster = Roster([parse_entry("Omar Santos"), parse_entry("Christian Banse"), parse_entry("Denny Page")])
    assert vote_of("Omar sets the motion to accept the framework. Christian and Denny seconded.", roster) == \
        {"mover": "Omar Santos", "seconder": "Christian Banse"}


def test_uk_parish_proposer_forms():
    assert vote_of("Prop. Mrs. Lewis, 2nd Mr. Patterson.") == {"mover": "Lewis", "seconder": "Patterson"}
    assert vote_of("It was prop. Mr. Bonnett, 2nd Mrs. Lewis that the hall be booked.") == \
        {"mover": "Bonnett", "seconder": "Lewis"}
    assert vote_of("Nominated by Ray Tate and seconded by Mandy Lee that Tim Reed be re-elected.") == \
        {"mover": "Ray Tate", "seconder": "Mandy Lee"}
    assert vote_of("RT proposed acceptance as a correct record, seconded ML.") == {"seconder": "ML"}
    assert vote_of("The report was seconded in principle.") is None  # 'seconded' + a lower-case word names nobody
    assert vote_of("Approved. Motioned by Eric and seconded by Troy.") == {"mover": "Eric", "seconder": "Troy"}


def test_bulleted_motion_and_its_follow_ups():
    text = ("Allan set forth the following motions:\n  o Motion for this group to finish the conversion to JSON.\n"
            "  o Eric seconded the motion.\n  o No objections. Motion has been approved and passed.\n")
    got = extract_decisions(split(text), text, [])
    assert [d.text for d in got] == ["o Motion for this group to finish the conversion to JSON. o Eric seconded the "
                                     "motion. o No objections. Motion has been approved and passed."]
    assert motion("Motion for the record.") is None
    assert follows("Motion has been approved and passed.")["name"] == "outcome"


def test_proposer_then_seconder_sentence_is_one_motion():
    text = "Proposed by Michael Prentice. Seconded by Brian Harris that the Constitution be approved."
    got = extract_decisions(split(text), text, [])
    assert [(d.vote, d.kind) for d in got] == \
        [({"mover": "Michael Prentice", "seconder": "Brian Harris"}, "approved")]
    alone = "Proposed by James Bell from Acme Bank."
    assert extract_decisions(split(alone), alone, []) == []  # who put a paper forward


def test_a_motion_made_at_another_meeting_is_not_this_meetings():
    text = "Art suggested, in the last meeting, that we pause and made a motion to move to a maintenance mode."
    assert extract_decisions(split(text), text, []) == []
    text = "Troy moves for the approval of the charter. Lou seconds. Motion carried."
    assert [(d.text, d.kind) for d in extract_decisions(split(text), text, [])] == [(text, "carried")]


def test_a_motion_replaces_the_one_before_only_when_amended():
    text = ("Thomas moves to add a licence field.\nOmar suggests to modify the motion to make it optional.\n"
            "Thomas agrees and moves to add a licence field as an optional field.\nOmar seconded. Motion passed.")
    assert [d.text for d in extract_decisions(split(text), text, [])] == \
        ["Thomas agrees and moves to add a licence field as an optional field. Omar seconded. Motion passed."]
    text = ("Thomas moves to add a licence field to the document.\nOmar asks about the field.\n"
            "Thomas moves to add a licence field to the summary.\nOmar seconded. Motion passed.")
    assert len(extract_decisions(split(text), text, [])) == 2  # two motions on one topic stay two


def test_moved_by_takes_in_its_whole_numbered_record():
    text = ("items approved at the meeting.\n98-3478 2. APPROVING AGENDA, AS PRESENTED: Moved by Hensley to adopt. "
            "Motion Carried 5-2.\n")
    start = text.index("98-3478")
    got = extract_decisions(split(text, breaks=[start]), text, [], item_starts=[start])
    assert got[0].text.startswith("98-3478 2. APPROVING AGENDA") and got[0].vote["mover"] == "Hensley"


def test_single_letter_initials_and_titles_without_a_space():
    assert vote_of("Proposed by Cllr A Smith, seconded by Mrs. Jones.") == {"mover": "A Smith", "seconder": "Jones"}
    assert vote_of("It was prop. Mr.Bonnett, 2nd Mr. Ward that the seat be removed.") == \
        {"mover": "Bonnett", "seconder": "Ward"}
    assert vote_of("A Motion was made by Cllr Smith, seconded by A. Jones.") == {"mover": "Smith", "seconder": "A. Jones"}


def test_needed_marks_screen_the_roll_call():
    from minutes_extract.extractors.screen import needed_marks
    from minutes_extract.extractors.votes import grammar
    assert needed_marks(r"x(?:-|\s:\s)y") == frozenset("-:")
    assert needed_marks(r"a[:;]b|c") is None and needed_marks(r"[a-c:]") is None
    assert grammar()["roll_marks"] == frozenset("–—:-")


def test_a_bulleted_sentence_is_read_without_its_glyph():
    assert follows("o Eric seconded the motion.")["name"] == "seconded"
    assert motion("• Moved by Reed to adopt.", "• moved by reed to adopt.")["name"] == "moved-by"
