import re

from minutes_extract.extractors.actions import extract_actions
from minutes_extract.extractors.people import parse_entry
from minutes_extract.extractors.roster import Roster
from minutes_extract.sentences import split

ROSTER = Roster([parse_entry(e) for e in ("Councillor K J Loydall (Chair)", "M Smith", "M Cawley", "W Gale",
                                           "Helen Richardson (Clerk)", "Alun Davies", "Arwel Davies", "Rod Vagg",
                                           "Owen Williams")])


def actions(text):
    return [(t.text, t.owners, t.unresolved) for t in extract_actions(split(text), ROSTER, text)]


def test_action_markers_and_initials():
    text = ("ACTIONS: KL to check the training. MS to send details to KL.\n\nACTIONS: Update at next meeting from MC.\n"
            "\nACTIONS: It was agreed that KL would attend the JAG meeting.")
    assert actions(text) == [
        ("KL to check the training.", ["K J Loydall"], []), ("MS to send details to KL.", ["M Smith"], []),
        ("Update at next meeting from MC.", ["M Cawley"], []),
        ("It was agreed that KL would attend the JAG meeting.", ["K J Loydall"], [])]


def test_several_owners_and_roles():
    got = actions("MC and WG to arrange the mapping. The Clerk agreed to ask the Handyman to collect the leaves.")
    assert [o for _, o, _ in got] == [["M Cawley", "W Gale"], ["Helen Richardson"]]


def test_commitments_with_will_and_lead_ins():
    got = actions("Rod will take it as an action item to document the state of things. Following a request the "
                  "Clerk agreed to contact the developer.")
    assert [(t[:20], o) for t, o, _ in got] == [("Rod will take it as ", ["Rod Vagg"]),
                                                ("the Clerk agreed to ", ["Helen Richardson"])]


def test_ambiguous_reference_is_flagged():
    (text, owners, unresolved), = actions("It was agreed that Cllrs. A. Davies would inspect the path.")
    assert owners == ["Cllrs. A. Davies"] or unresolved  # two A. Davies: not resolved to either


def test_owner_column_at_the_end_of_a_minute():
    text = "The identification of Common Land in Salem was still ongoing.\tClerk\n"
    assert actions(text) == [("The identification of Common Land in Salem was still ongoing.", ["Helen Richardson"],
                              [])]


def test_not_actions():
    text = ("Police will know the outcome of this bid by next quarter. Hope to see TSC members there. "
            "Myles had volunteered to set up a meeting. The notices will be displayed.")
    assert actions(text) == []


def test_trailing_action_marker_names_the_owner_of_the_sentence_before():
    text = "The Clerk to write to the County Council about the verges.\n\nACTION: CLERK\n\nThe hedge was cut. Action: MS"
    assert actions(text) == [("The Clerk to write to the County Council about the verges.", ["Helen Richardson"], []),
                             ("The hedge was cut.", ["M Smith"], [])]


def test_github_handles_resolve_to_attendees():
    from minutes_extract.extractors.people import parse_entry as entry

    roster = Roster([entry("Michael Dawson @mhdawson (TSC)"), entry("Rich Trott @Trott (TSC)")])
    text = "@mhdawson to open an issue about the release schedule."
    assert [(t.owners, t.refs) for t in extract_actions(split(text), roster, text)] == [(["Michael Dawson"],
                                                                                        ["@mhdawson"])]


def test_relative_clause_names_the_owner():
    text = "It was agreed that the residents would forward the information to the Clerk, who would then draft a letter."
    assert actions(text) == [(text, ["Helen Richardson"], [])]


def test_reported_promises_and_passive_tasks_name_their_owner():
    text = ("The Clerk advised that she would be contacting the Conservation Officer for an update. "
            "It was agreed that householders nearby should be consulted at an early stage by Cllr Rod Vagg.")
    assert [o for _, o, _ in actions(text)] == [["Helen Richardson"], ["Rod Vagg"]]


US_ROSTER = Roster([parse_entry(e) for e in ("Gary Mantay", "Ann Picha", "Tom Whitmer", "Ray Jones", "Susan Bell",
                                             "Peter King (Parish Clerk)", "Jen Tan", "Valentine Lim", "Eric Idle",
                                             "Dan Burnett @burn", "Joe Andrieu @JoeAndrieu")])


def us_actions(text):
    return [(t.text, t.owners) for t in extract_actions(split(text), US_ROSTER, text)]


def test_office_titles_first_names_and_roles_own_commitments():
    text = ("Supervisor Gary Mantay will contact the county engineer. Trustee Picha offered to draft the letter. "
            "Director Whitmer is to review the budget. Ray will get the paperwork. "
            "The Parish Clerk noted that he would chase the contractor.")
    assert [o for _, o in us_actions(text)] == [["Gary Mantay"], ["Ann Picha"], ["Tom Whitmer"], ["Ray Jones"],
                                                ["Peter King"]]


def test_a_pronoun_names_the_person_before_it():
    text = ("Councillor Bell advised he would enquire about the street lights. Supervisor Mantay spoke to the "
            "attorneys. The attorneys are working on it. He will keep us posted. "
            "Trustee Picha says the event is on hold but will keep us posted.")
    assert us_actions(text) == [
        ("Councillor Bell advised he would enquire about the street lights.", ["Susan Bell"]),
        ("He will keep us posted.", ["Gary Mantay"]),
        ("Trustee Picha says the event is on hold but will keep us posted.", ["Ann Picha"])]


def test_requests_name_the_one_asked():
    text = ("The Chair asked the Parish Clerk to write to the school. It was agreed for Ray to book the hall. "
            "Moved by Whitmer to adopt and to refer to the City Manager to implement.")
    assert [o for _, o in us_actions(text)] == [["Peter King"], ["Ray Jones"], ["City Manager"]]


def test_speaker_notes_bracketed_owners_and_handles():
    text = ("Eric: Will take care of this.\n(Jen and/or Valentine) Send notice to the members.\n"
            "(Valentine) Seeking advice on the lease.\nACTION: @burn & @JoeAndrieu to close out the explainer\n")
    assert us_actions(text) == [("Eric: Will take care of this.", ["Eric Idle"]),
                                ("(Jen and/or Valentine) Send notice to the members.", ["Jen Tan", "Valentine Lim"]),
                                ("@burn & @JoeAndrieu to close out the explainer", ["Dan Burnett", "Joe Andrieu"])]


def test_action_lists_give_each_line_its_owner_and_a_review_is_not_new():
    text = ("3. Review of actions from last meeting\nRay - Fix the gate\n\n"
            "9. Actions for follow-up at next meeting\nWho What Status\nRay - Website - Training\n- Update the "
            "football pitch\nEric - Contact the housing\nassociation\n10. Close\n")
    assert us_actions(text) == [("Website - Training", ["Ray Jones"]), ("Update the football pitch", ["Ray Jones"]),
                                ("Contact the housing association", ["Eric Idle"])]


def test_action_tables_with_an_owner_column():
    text = "| Action | Owner | Due |\n|---|---|---|\n| Book the hall | Ray | May |\n| Print posters | Eric | June |\n"
    assert us_actions(text) == [("Book the hall", ["Ray Jones"]), ("Print posters", ["Eric Idle"])]


def test_reports_and_wishes_are_not_tasks():
    text = ("Councillor Bell said he would like to see more bins. Mr Smith stated that he had a letter from the "
            "council confirming that they will continue to chair the meetings. Moved Mahaffey to adopt the plan. "
            "Ray reported that he would be going to New Hampshire.")
    assert us_actions(text) == []


def test_markers_closing_a_sentence_and_marker_variants():
    text = ("The hedge by the hall needs cutting back (Action: Ray). ACTION POINT: Eric to book the hall. "
            "It was agreed for the secretary to write to the council.")
    got = [(t.text, t.owners) for t in extract_actions(split(text), US_ROSTER, text)]
    assert got[:2] == [("The hedge by the hall needs cutting back", ["Ray Jones"]),
                       ("Eric to book the hall.", ["Eric Idle"])]
    assert got[2][0] == "It was agreed for the secretary to write to the council."


def test_check_lists_trailing_owners_and_duty_lines_with_several_tasks():
    text = ("- [ ] Open an issue about the release (@burn)\n- [x] Done already (@burn)\n\n## Action items\n"
            "- Draft the agenda - Ray\nEric: print the posters; book the hall\n")
    assert us_actions(text) == [("Open an issue about the release", ["Dan Burnett"]),
                                ("Draft the agenda", ["Ray Jones"]), ("print the posters", ["Eric Idle"]),
                                ("book the hall", ["Eric Idle"])]


def test_action_lines_whatever_the_sentences_made_of_them():
    text = "Roads\tupdate\tgiven.\nACTION\t–\tCllr\tBell will\tseek\ta\tcost\testimate\n"
    assert us_actions(text) == [("Cllr Bell will seek a cost estimate", ["Susan Bell"])]


def test_action_item_headings_in_bold_and_owners_without_a_separator():
    text = "**Action items:**\n- @burn open an issue about the release\n- Ray fix the gate\n- Update the website\n"
    assert us_actions(text) == [("open an issue about the release", ["Dan Burnett"]), ("fix the gate", ["Ray Jones"])]


def test_an_owner_outside_the_list_must_read_as_a_person():
    text = ("Eclipse will issue trademarks to the members. The Eclipse Foundation will publish the bylaws. "
            "Rich will start an email thread. Mandy advised that the deed was signed. Mandy will send it back. "
            "Jane Doe will bring the keys. The chair welcomed Daphne Clements, Ray Cole and Tom Fox. "
            "Daphne would ask the paper to attend. Councillor Agate and Pogmore will meet the manager.")
    roster = Roster([parse_entry(e) for e in ("Richard Lau", "Ann Picha")])
    got = [(t.text[:14], t.owners) for t in extract_actions(split(text), roster, text)]
    assert got == [("Rich will star", ["Rich"]), ("Mandy will sen", ["Mandy"]), ("Jane Doe will ", ["Jane Doe"]),
                   ("Daphne would a", ["Daphne"]), ("Councillor Aga", ["Agate", "Pogmore"])]



def test_adverbs_between_an_owner_and_the_modal():
    text = "Ray very kindly agreed to replace the post. Ray very much hopes to see them."
    assert [o for _, o in us_actions(text)] == [["Ray Jones"]]


def test_asked_that_and_directs_to_a_list():
    text = ("The Council asked that the Parish Clerk check the budget. The Board directs Tom Whitmer to: (a) at his "
            "discretion, take steps to enforce the licence; and (b) review it. The Council asked that the meeting be "
            "moved.")
    assert [o for _, o in us_actions(text)] == [["Peter King"], ["Tom Whitmer"]]


def test_volunteering_to_take_on_a_role_is_a_task_agreeing_to_a_status_is_not():
    text = "Jen and Valentine volunteered to be the initial maintainers. Ray agreed to be a signatory."
    assert [o for _, o in us_actions(text)] == [["Jen Tan", "Valentine Lim"]]


def test_requests_made_earlier_or_carried_out_at_once_are_no_tasks():
    text = ("Grit Bins: Following the last meeting the Parish Clerk was asked to investigate the cost of grit bins. "
            "Ray was asked to provide his county update at this point. Jen was asked to present her report. "
            "The Parish Clerk was asked to investigate the cost of salt. Ray was asked to provide a report next time.")
    assert [t for t, _ in us_actions(text)] == ["The Parish Clerk was asked to investigate the cost of salt.",
                                                "Ray was asked to provide a report next time."]


def test_a_whole_sentence_task_does_not_start_in_slide_text_run_into_it():
    text = ("Foundation slides 6 Changes \x01 Principles – a mission statement [new] \x01 Reviews – archive inactive "
            "projects as-written Following discussion, it was agreed that Ray would lead a working group. "
            "It was agreed that Jen would book the hall.")
    assert [t for t, _ in us_actions(text)] == [
        "Following discussion, it was agreed that Ray would lead a working group.",
        "It was agreed that Jen would book the hall."]


def test_the_whole_meeting_agreeing_without_an_action_verb_is_a_decision_not_a_task():
    text = "Councillors agreed to support the application. Councillors agreed to check the railings."
    assert [t for t, _ in us_actions(text)] == ["Councillors agreed to check the railings."]


def test_a_label_or_a_word_also_written_in_lower_case_is_no_persons_name():
    text = ("Resolution: agreed. Resolution will adopt the standing orders as a resolution. Andy Shaw, Ray Cole and "
            "Jo Bell were present. And would be sending the papers. Highways are to inspect the verge. "
            "Andy will check the verge.")
    assert [(t[:10], o) for t, o in us_actions(text)] == [("Andy will ", ["Andy"])]


def test_cue_words_are_the_cue_words_a_sentence_holds():
    from minutes_extract.extractors.commitments import cue_words
    assert cue_words("Took it to them; he’ll: toward Will's, AGREED.") == {"took", "to", "he’ll", "agreed"}


def test_cue_words_in_ascii_text_are_whole_runs_of_word_characters():
    from minutes_extract.extractors.commitments import _words_regex, cue_words
    for text in ("He'll WILL-do it, to_do to2 'to' x/would.", "it's to' shall\tshould;directs", "", "KL to",
                 "She'll – to"):
        assert cue_words(text) == frozenset(_words_regex().findall(text.lower()))
    assert cue_words("He'll WILL-do it, to_do to2 'to' x/would.") == {"he'll", "will", "would"}  # not "'to'"
    assert cue_words("to_do 2to x") == frozenset()


def test_name_starts_are_the_capitals_the_and_handles_before_an_anchor():
    from minutes_extract.extractors.commitments import _name_starts
    anchor = re.compile(r"\sagreed")
    body = "Joe said the Clerk and @kl agreed. Later, X agreed."
    assert _name_starts(body, anchor) == [0, 9, 13, 23, 35, 42]
    assert _name_starts("the Clerk and Bob.", anchor) == []


def test_the_pronoun_antecedent_is_read_only_when_a_clause_needs_it():
    from minutes_extract.extractors.actions import _Antecedent
    from minutes_extract.extractors.commitments import cue_words, needs_antecedent
    assert needs_antecedent(cue_words("He will keep us posted.")) is True
    assert needs_antecedent(cue_words("The Clerk will write to the school.")) is False
    antecedent = _Antecedent()
    antecedent.sentences += ["Supervisor Mantay spoke to the attorneys.", "the attorneys are working on it."]
    assert antecedent() == "Supervisor Mantay" and antecedent.sentences == []
    antecedent.sentences.append("Trustee Picha reported on the event.")
    assert antecedent() == "Trustee Picha"


def test_the_owner_to_guard_passes_its_examples_and_rejects_sentences_without_an_owner_before_a_modal():
    from minutes_extract.extractors.commitments import clauses, grammar
    from minutes_extract.lexicon import lexicon
    guard = next(c.guard for c in clauses() if c.name == "owner-to")
    examples = next(c["examples"] for c in grammar()["clauses"] if c["name"] == "owner-to")
    assert all(guard.search(e) for e in examples + ["the clerk to write.", "@joe will open an issue."])
    assert not any(guard.search(s) for s in ("It was agreed to replace the post.", "Police and Highways."))
    # the guard takes the last word of every owner for a capitalised word: so must be every role and title's
    assert all(re.fullmatch(r"[A-Z][\w'’./-]*", entry.split()[-1]) for key in ("office_titles", "owner_roles")
               for entry in lexicon()[key])


def test_known_writes_lower_finds_whole_lower_case_words_only():
    from minutes_extract.extractors.commitments import Known
    known = Known("Ray sent it. An array, a re-ray and ray's ray-gun; then ray.", None)
    assert not known.writes_lower("arr")  # inside 'array'
    assert not known.writes_lower("Ray")  # not a lower-case word
    assert known.writes_lower("ray")  # the last word
    assert Known("Ray and x-ray, ray's; Ray.", None).writes_lower("ray") is False
    assert Known("ray", None).writes_lower("ray") and Known("re-ray", None).writes_lower("re-ray")


def test_section_headings_are_the_action_section_lines():
    from minutes_extract.extractors.action_lists import _rules, _section_headings
    text = "Minutes\n## Next  steps\nAction: Clerk to write\n**Action items:**\nTo-do\nTotal\nTODO"
    spans = [m.span() for m in _section_headings(text)]
    assert spans == [m.span() for m in _rules()["action_section"].finditer(text)] == [(8, 22), (46, 63), (64, 69),
                                                                                      (76, 80)]


def test_ends_in_name_reads_the_last_character_before_bars_and_spaces():
    from minutes_extract.extractors.actions import _ends_in_name
    assert _ends_in_name("Write to NCC.\tClerk | \t|") and _ends_in_name("x. O’Neil-") and _ends_in_name("a.\tRay ")
    assert not _ends_in_name("Write to NCC.") and not _ends_in_name(" | |") and not _ends_in_name("")


def test_a_clause_is_tried_only_with_a_word_of_each_of_its_needs():
    from minutes_extract.extractors.commitments import _clauses_for, cue_words
    names = lambda s: [c.name for c in _clauses_for(cue_words(s))]  # noqa: E731
    assert "agreed-that" in names("It was agreed that KL would attend.")
    assert "agreed-that" not in names("It was agreed to attend.")
    assert "said-would" in names("Ann said he’ll send it.") and "said-would" in names("Ann said she would send it.")
    assert "said-would" not in names("Ann said she sent it.")


def test_clauses_sharing_a_guard_share_one_pattern_and_each_match_satisfies_it():
    from minutes_extract.extractors.commitments import clauses
    by_name = {c.name: c for c in clauses()}
    guards = {by_name[n].guard for n in ("owner-to", "owner-agreed", "agreed-for")}
    assert len(guards) == 1 and None not in guards
    guard = guards.pop()
    for text in ("Following a request the Clerk agreed to contact the developer.",
                 "It was agreed for the Secretary to write to the council.", "Cllr Nicholas very kindly agreed to go."):
        assert guard.search(text)
    assert guard.search("It was agreed to defer the item.") is None


def test_who_would_is_tried_only_where_who_is_followed_by_its_modal():
    from minutes_extract.extractors.commitments import clauses
    guard = {c.name: c for c in clauses()}["who-would"].guard
    assert guard.search("... to the Clerk, who would then draft a letter.")
    assert guard.search("Residents who attended asked questions.") is None
