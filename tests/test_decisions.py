from minutes_extract.extractors.decisions import _sentence_decision, extract_decisions
from minutes_extract.sentences import split


def decisions(text):
    return [(d.text, d.kind) for d in extract_decisions(split(text), text, [])]


def test_resolved_blocks_and_lettered_parts():
    text = ("RESOLVED THAT:\n\nThe Minutes of the Meeting held on 31 July 2017 be taken as read and confirmed.\n\n"
            "RESOLVED: a) That the presentation be noted; b) That the slides be circulated.")
    assert decisions(text) == [
        ("The Minutes of the Meeting held on 31 July 2017 be taken as read and confirmed.", "resolved"),
        ("That the presentation be noted", "resolved"), ("That the slides be circulated", "resolved")]


def test_approved_agreed_and_votes():
    text = ("The final draft of the plan was unanimously approved at this meeting. The Partnership has agreed to this "
            "expenditure. It was proposed by Cllr. O. Williams, seconded by Cllr. W. Loynton and unanimously agreed "
            "that the minutes were correct.")
    got = extract_decisions(split(text), text, [])
    assert [d.kind for d in got] == ["approved", "agreed", "agreed"]
    assert got[2].vote == {"mover": "O. Williams", "seconder": "W. Loynton"}


def test_motion_and_its_outcome_are_one_decision():
    text = "- Thomas moves to accept the Issue #882.\n- Stefan seconded.\n- No objections. Motion passed."
    assert decisions(text) == [("Thomas moves to accept the Issue #882. Stefan seconded. No objections. Motion passed.",
                                "agreed")]


def test_planning_observation_names_the_application():
    text = "E/32714 Proposed Agricultural Building\nGruffydd Stables\n\nNo Objections\n"
    assert decisions(text) == [("E/32714 Proposed Agricultural Building Gruffydd Stables No Objections", "approved")]


def test_not_decisions():
    text = ("The Return to be signed by the Chairperson. It was confirmed that this should be carried out twice "
            "monthly. This planting was carried out by residents. The application has now been approved. "
            "It was noted that the scheme is funded by the County.")
    assert decisions(text) == []


def test_decision_block_with_a_lead_in_and_lettered_parts_across_sentences():
    text = ("DECISION: It was agreed that the following needed to be actioned: a) The Parish Council would ask "
            "questions at the meeting. b) The Clerk would ask the mill about the klaxons.")
    assert decisions(text) == [("The Parish Council would ask questions at the meeting", "resolved"),
                               ("The Clerk would ask the mill about the klaxons.", "resolved")]


def test_chained_passive_and_long_no_objections():
    text = ("The accounts for the year were scrutinised and all approved by all Councillors. "
            "No objections and enough approvals, will land by end of week unless there are objections.")
    assert [k for _, k in decisions(text)] == ["approved", "approved"]


def test_restated_motion_keeps_the_amended_one_and_vote_lines_join_their_decision():
    text = ("- Thomas moves to add a license identifier for CSAF v2.1.\n- Omar suggests to amend the motion to make it optional.\n"
            "- Thomas agrees and moves to add a license identifier for CSAF v2.1 as an optional field.\n"
            "- Omar seconded.\n- Sonny comments.\n- Christian notes the presets.\n- No further discussion. Motion passed.")
    got = extract_decisions(split(text), text, [])
    assert [d.text for d in got] == ["Thomas agrees and moves to add a license identifier for CSAF v2.1 as an "
                                     "optional field. Omar seconded."]
    text = ("The minutes of the meeting held on 7 February 2018 were approved. Proposed. Cllr Jim McNeill, Seconded "
            "Cllr Grant Tomkins, eight were in favour, one abstained.")
    (d,) = extract_decisions(split(text), text, [])
    assert d.vote == {"mover": "Jim McNeill", "seconder": "Grant Tomkins", "for": 8, "abstain": 1}


def test_planning_objection_names_the_application_from_the_sentence_before():
    text = ("It was resolved that the following observations be forwarded: E/32698 Proposed Outline Planning "
            "Permission for One Dwelling\nSchool House\nSA19 7LY\nThe Council objects to the application due to density.")
    got = [t for t, _ in decisions(text)]
    assert got[1].startswith("E/32698 Proposed Outline") and "objects to the application" in got[1]


def test_decisions_reported_or_taken_elsewhere_are_not_this_meetings():
    text = ("The Council had agreed that this report should now go out for consultation. Councillor Bell informed "
            "members that the Area Committee had decided to close the hall. Cllr Reed suggested a site visit, the "
            "Parish Council agreed that this was a good idea.")
    assert [t for t, _ in decisions(text)] == ["Cllr Reed suggested a site visit, the Parish Council agreed that this "
                                               "was a good idea."]


def test_consent_true_record_and_fixed_issues():
    text = ("Approved by General Consent. The minutes of the meeting held on 3 May were confirmed as a true record. "
            "The problem with the street light was resolved last week. The Committee noted that in 2015 the Council "
            "resolved to sell the land.")
    assert [k for _, k in decisions(text)] == ["approved", "approved"]


def test_elections_declared_and_re_elected():
    text = ("Nominations were received for Gerry Wait and James Webster, and Mr Kirby declared that Mr Wait and Mr "
            "Webster had been duly elected. Jon Pretty and Seth Tisue were re-nominated and unanimously re-elected. "
            "Cllr Reed declared an interest in item 5. The Chairman declared the meeting closed.")
    assert [k for _, k in decisions(text)] == ["approved", "approved"]


def test_outcome_words_in_prose_are_no_decisions():
    assert _sentence_decision("There was a row and tempers were lost on both sides.") is None
    assert _sentence_decision("The work was carried about a week before.") is None
    assert _sentence_decision("The motion was lost.") == ("lost", "decision.passive")
    assert _sentence_decision("Proposed Cllr A, seconded Cllr B, carried.")[0] == "carried"


def test_consensus_is_a_decision_only_when_reached():
    assert _sentence_decision("Three weeks of debate without consensus.") is None
    assert _sentence_decision("No consensus was reached on the release date.") is None
    assert _sentence_decision("We had consensus to land the patch.") == ("agreed", "decision.motion")
    assert _sentence_decision("The roadmap was adopted by consensus.") is not None


def test_a_decision_dated_before_the_meeting_is_history():
    assert _sentence_decision("In January 2010 it was agreed that the Clerk could spend up to £200.") is None
    assert _sentence_decision("The Plan was approved in August 2010.") is None
    assert _sentence_decision("The Plan was approved.") == ("approved", "decision.passive")
    assert _sentence_decision("The minutes of the meeting held on 7 May 2018 were approved.")[0] == "approved"
    assert _sentence_decision("It was agreed to hold the fete in August 2021.")[0] == "agreed"


def test_headline_outcomes():
    assert _sentence_decision("Agenda approved") == ("approved", "decision.headline")
    assert _sentence_decision("Previous minutes approved unchanged as published.") == ("approved", "decision.headline")
    assert _sentence_decision("Cllr Smith approved.") is None  # a person, not a headline
    assert _sentence_decision("Apologies accepted.") is None
    assert _sentence_decision("The budget was not approved because it was late.") is None


def test_an_outcome_opening_an_item_decides_its_title():
    text = "## 3. Approval of Agenda\nApproved. Motioned by Eric and seconded by Denny.\n## 4. Budget\nIt was discussed."
    starts = [0, text.index("## 4")]
    heading_ends = [text.index("\n", k) for k in starts]
    units = [u for u in split(text, breaks=starts) if not any(k <= u.start < e for k, e in zip(starts, heading_ends))]
    got = extract_decisions(units, text, [], item_starts=starts)
    assert [(d.text, d.rule) for d in got] == \
        [("Approval of Agenda: Approved. Motioned by Eric and seconded by Denny.", "decision.item-outcome")]


def test_board_instructs_directs_authorises():
    text = ("The Board hereby instructs each project to publish a plan. The Board authorized the office to support the "
            "event. The Board directs the Executive Director to report. The Director gave directions to the hall.")
    assert [d.kind for d in extract_decisions(split(text), text, [])] == ["resolved"] * 3


def test_resolved_label_with_its_reference():
    text = "Resolved 14/06/9.01\nThat the bank balances be received and adopted.\n\nResolved 14/06/10.03 The deed was signed."
    assert decisions(text) == [("That the bank balances be received and adopted.", "resolved"),
                               ("The deed was signed.", "resolved")]
    assert decisions("Resolved issues with the printer were discussed.") == []


def test_accepting_apologies_is_no_decision():
    text = "Apologies were received from Cllr Anderson and Cllr Brown. These were accepted. The budget was approved."
    assert decisions(text) == [("The budget was approved.", "approved")]
    text = "The new bench was installed. This was approved."
    assert decisions(text) == [("The new bench was installed. This was approved.", "approved")]


def test_resolved_label_skips_tables_and_a_title_line_runs_into_its_outcome():
    assert decisions("Resolved 14/06/9.02\n| Payee | Amount |\n\nResolved 14/06/9.03\nIt was agreed to buy a bench.") \
        == [("It was agreed to buy a bench.", "resolved")]
    assert _sentence_decision("It was unanimously carried that further action should be taken.")[0] == "carried"
    text = "3. Approval of Minutes from Previous Meetings\nApproved. Motioned by Eric and seconded by Troy.\n"
    units = [u for u in split(text, breaks=[0]) if u.text != "3."]  # the title line runs into 'Approved.'
    assert [d.text for d in extract_decisions(units, text, [], item_starts=[0])] == \
        ["Approval of Minutes from Previous Meetings: Approved. Motioned by Eric and seconded by Troy."]


def test_what_was_raised_at_the_last_meeting_is_not_dated_history():
    assert _sentence_decision("Following an issue raised at the last meeting it was agreed to discuss the expenses.") \
        == ("agreed", "decision.it-was-agreed")
    assert _sentence_decision("At the last meeting it was agreed to buy a bench.") is None
    assert decisions("Mr Preston also attended. It was agreed to donate £100.") == \
        [("It was agreed to donate £100.", "agreed")]


def test_headlines_of_other_bodies_are_not_ours():
    assert _sentence_decision("Extension to 5 Mill Road approved") is None
    assert _sentence_decision("Mill Road Approved by Borough") is None
    assert _sentence_decision("Application approved.") is None
    assert _sentence_decision("Budget approved by all.") == ("approved", "decision.headline")


def test_offsets_hold_after_characters_that_lower_case_to_two():
    """'İ'.lower() is two characters: the trigger search must not shift the decisions after it."""
    text = "1. GRANTS\n\n" + "İ" * 60 + " were present.\n\nThe grant was approved.\n\nThe hall was painted last year.\n"
    found = extract_decisions(split(text), text, [])
    assert [(d.text, text[d.start:d.end]) for d in found] == [("The grant was approved.",) * 2]


def test_trigger_starts_are_the_trigger_matches():
    from minutes_extract.extractors.decisions import _TRIGGER, _TRIGGER_WORDS, _trigger_starts
    text = ("it was agreed (approved) to co-opt mr x; disagreed, re-elected, prop. by a, 2nd b, taken as read. "
            "the motion_carried; favour/favor; record-keeping and declared ") + " ".join(_TRIGGER_WORDS)
    for pos in (0, 1, 7, 40):
        assert _trigger_starts(text, pos) == [m.start() for m in _TRIGGER.finditer(text, pos)]
    assert _trigger_starts("disagree _vote agree", 0) == [15]
