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
