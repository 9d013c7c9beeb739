"""The people layer: Roster.resolve for every reference form minutes use."""
from minutes_extract.extractors.people import parse_entry
from minutes_extract.extractors.roster import Roster, mentioned_people

ROSTER = Roster([parse_entry(e, allow_single=True) for e in (
    "Councillor K J Loydall (Chair)", "Helen Richardson (Parish Clerk)", "Trustee Jane Elton", "Supervisor Mantay",
    "Council Member Hensley", "Ray Thompson", "Dan Burnett", "Michael Dawson @mhdawson", "Alun Davies",
    "Arwel Davies", "Bob Treasure (Treasurer)")])


def resolve(ref, roster=ROSTER):
    return roster.resolve(ref)


def test_full_names_and_titled_names():
    assert resolve("Jane Elton") == (["Jane Elton"], True)
    assert resolve("Supervisor Gary Mantay") == (["Mantay"], True)
    assert resolve("Trustee Elton") == (["Jane Elton"], True)
    assert resolve("Council Member Hensley") == (["Hensley"], True)
    assert resolve("Cllr. K. Loydall") == (["K J Loydall"], True)
    assert resolve("Mr Thompson") == (["Ray Thompson"], True)


def test_bare_surname_first_name_initials_and_handles():
    assert resolve("Hensley") == (["Hensley"], True)
    assert resolve("Ray") == (["Ray Thompson"], True)
    assert resolve("KL") == (["K J Loydall"], True)
    assert resolve("K.L.") == (["K J Loydall"], True)
    assert resolve("@mhdawson") == (["Michael Dawson"], True)
    assert resolve("@burn") == (["Dan Burnett"], True)
    assert resolve("@raythompson") == (["Ray Thompson"], True)
    assert resolve("RayT") == (["Ray Thompson"], True)


def test_roles():
    assert resolve("the Parish Clerk") == (["Helen Richardson"], True)
    assert resolve("the Clerk") == (["Helen Richardson"], True)
    assert resolve("Chair") == (["K J Loydall"], True)
    assert resolve("the Treasurer") == (["Bob Treasure"], True)
    assert resolve("the Secretary") == (["Secretary"], True)  # a role no attendee holds: the role itself
    assert resolve("All members") == (["All"], True)


def test_ambiguous_and_unknown_references_stay_unresolved():
    assert resolve("Davies") == (["Davies"], False)
    assert resolve("Cllr A Davies") == (["Cllr A Davies"], False)
    assert resolve("Councillor Bell") == (["Councillor Bell"], False)
    assert resolve("@nobody") == (["@nobody"], False)


def test_people_named_with_a_title_in_the_text_resolve_but_are_not_attendees():
    text = ("Councillor Bell reported on the footpaths. Councillor Mary Bell would write to the county. "
            "Trustee Picha moved the motion.")
    assert [p.name for p in mentioned_people(text)] == ["Mary Bell", "Picha"]
    roster = Roster([], text)
    assert roster.people == []
    assert resolve("Councillor Bell", roster) == (["Mary Bell"], True)
    assert resolve("Picha", roster) == (["Picha"], True)
    assert resolve("Bell", Roster([parse_entry("Ann Bell")], text)) == (["Ann Bell"], True)  # attendees first


def test_bracketed_capitals_are_initials_only_when_they_fit_the_name():
    ray = parse_entry("Ray Cole (RC)")
    assert (ray.stated_initials, ray.organisation) == ("RC", None)
    ann = parse_entry("Ann Marsh (IBM)")
    assert (ann.stated_initials, ann.organisation, ann.initials) == (None, "IBM", "AM")
    assert parse_entry("Tom Reed (Acme, Inc.)").organisation == "Acme, Inc"
    assert parse_entry("Dave Hill (DHI)").stated_initials == "DHI"
    assert parse_entry("Dave Hill (DAH)").stated_initials is None


def test_notes_and_connectives_are_not_descriptors():
    from minutes_extract.extractors.people import parse_list
    tom = parse_entry("Tom Reed (NCC) – March 3rd only")
    assert (tom.organisation, tom.role) == ("NCC", None)
    people = parse_list("Mrs N Cole (Clerk) ALSO Cllr M Reed, Ms A Lee (Warden, Westshire District Council)")
    assert [(p.name, p.role, p.organisation) for p in people] == [
        ("N Cole", "Clerk", None), ("M Reed", None, None), ("A Lee", "Warden", "Westshire District Council")]


def test_reasons_for_absence_are_not_roles():
    from minutes_extract.extractors.people import parse_list
    people = parse_list("Kit Hale (personal reasons), Ann Cole – away on business, Jim Neal (Vice Chair)")
    assert [(p.name, p.role) for p in people] == [("Kit Hale", None), ("Ann Cole", None), ("Jim Neal", "Vice Chair")]
    people = parse_list("Cllr Ann Hale (illness) and for Cllr Bob Lee (work commitment)")
    assert [(p.name, p.role) for p in people] == [("Ann Hale", None), ("Bob Lee", None)]


def test_titles_with_full_stops_and_glued_titles():
    assert (parse_entry("P.C. P Smith").name, parse_entry("P.C. P Smith").title) == ("P Smith", "P.C.")
    assert (parse_entry("D.S. Hart").name, parse_entry("D.S. Hart").title) == ("D.S Hart", None)
    assert (parse_entry("Mr.Lionel Hale").name, parse_entry("T.Manley").name) == ("Lionel Hale", "T Manley")


def test_titled_mentions_finds_what_finditer_finds():
    from minutes_extract.extractors.roster import _TITLED, titled_mentions
    text = ("Councillor Mary Bell and Cllr. A. Davies met Mrs Jones. Members: Trustee Elton, MrSmith, "
            "Supervisor Gary Mantay; the Chair Smith Director (no name) Mr  Lee")
    assert list(titled_mentions(text)) == [m.group() for m in _TITLED.finditer(text)] == [
        "Councillor Mary Bell", "Cllr. A. Davies", "Mrs Jones", "Trustee Elton", "Supervisor Gary Mantay",
        "Chair Smith Director", "Mr  Lee"]


def test_list_parts_split_as_without_the_lookahead():
    import re
    from minutes_extract.extractors.people import _PARTS
    plain = re.compile(r"\s*[;,]\s*|\n+|\t+|(?<=\))\s+(?=[A-Z])|\s+[/·•]\s+")
    for text in ("Cllr A Lee ; B Cole,C Hay", "A Lee (Chair) B Cole\tC Hay\n\nD Roe", "A / B · C • D", "  , x ,", ""):
        assert _PARTS.split(text) == plain.split(text)
    assert _PARTS.split("A Lee (Chair) B Cole; C Hay") == ["A Lee (Chair)", "B Cole", "C Hay"]
