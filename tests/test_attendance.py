"""The attendance grid builder on rows written here: bodies apart, meetings in date order, people by surname."""
from minutes_extract.attendance import grids, svg

DOCUMENTS = [{"doc_id": "b", "path": "b.md", "body": "Oakley Parish Council", "date": "2020-02-03"},
             {"doc_id": "a", "path": "a.md", "body": "OAKLEY PARISH COUNCIL", "date": "2020-01-06"},
             {"doc_id": "c", "path": "c.md", "body": "Oakley Parish Council", "date": "2021-01-04"},
             {"doc_id": "d", "path": "d.md", "body": "Elm Village Hall Committee", "date": "2020-01-09"},
             {"doc_id": "e", "path": "e.md", "body": "Oakley Parish Council", "date": None}]
PEOPLE = [{"person_id": "p1", "name": "Ann Young", "surname": "young"},
          {"person_id": "p2", "name": "Bob Ash", "surname": "ash"},
          {"person_id": "p3", "name": "Cy <Elm>", "surname": "elm"}]
ATTENDEES = [{"doc_id": "a", "person_id": "p1", "status": "present"},
             {"doc_id": "a", "person_id": "p2", "status": "apologies"},
             {"doc_id": "b", "person_id": "p1", "status": "absent"},
             {"doc_id": "c", "person_id": "p2", "status": "present"},
             {"doc_id": "d", "person_id": "p3", "status": "present"},
             {"doc_id": "e", "person_id": "p1", "status": "present"},
             {"doc_id": "b", "person_id": None, "status": "present"}]


def test_grids_per_body_in_date_order():
    elm, oakley = grids(DOCUMENTS, ATTENDEES, PEOPLE)
    assert (elm["body_key"], [m["doc_id"] for m in elm["meetings"]]) == ("elm village hall committee", ["d"])
    assert oakley["body"] == "Oakley Parish Council"
    assert [m["date"] for m in oakley["meetings"]] == ["2020-01-06", "2020-02-03", "2021-01-04"]  # undated left out
    ash, young = oakley["people"]
    assert (ash["name"], ash["statuses"], ash["present"], ash["apologies"]) == ("Bob Ash", {"a": "apologies",
                                                                                            "c": "present"}, 1, 1)
    assert (young["statuses"], young["absent"]) == ({"a": "present", "b": "absent"}, 1)


def test_grids_filter_by_body_and_year():
    body, = grids(DOCUMENTS, ATTENDEES, PEOPLE, body="Oakley Annual Parish Council", year="2020")
    assert [m["doc_id"] for m in body["meetings"]] == ["a", "b"]
    assert [p["name"] for p in body["people"]] == ["Bob Ash", "Ann Young"]
    assert grids(DOCUMENTS, ATTENDEES, PEOPLE, body="Nowhere") == []


def test_svg_escapes_names_and_draws_a_legend():
    from xml.etree import ElementTree

    picture = ElementTree.fromstring(svg(grids(DOCUMENTS, ATTENDEES, PEOPLE, body="elm")))
    rects = picture.findall("{http://www.w3.org/2000/svg}rect")
    cell, = [r for r in rects if r.get("class") != "legend"]
    assert (cell.get("fill"), cell[0].text) == ("#2e7d32", "Cy <Elm>, 2020-01-09: present")
    assert len(rects) == 5
    assert {t.text for t in picture.iter("{http://www.w3.org/2000/svg}text")} >= {"Cy <Elm>", "apologies",
                                                                                 "not listed"}
