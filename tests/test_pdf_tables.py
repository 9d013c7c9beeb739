"""Ruled tables in PDFs: read from the page's drawn lines with pypdfium2, as pdfplumber would read them."""
import io

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings, strategies as st
from reportlab.lib import colors
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from minutes_extract.readers import pdf as reader


def _minutes_with_tables() -> bytes:
    styles = getSampleStyleSheet()
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    present = Table([["Company", "Name", "Role"], ["Kaiser Permanente", "Jonathan Bitle", "Voting Member"],
                     ["Cisco Systems", "Omar Santos", "Chair"], ["Tenable, Inc", "Lucas Tamagna-Darr", ""]])
    actions = Table([["Action", "Owner", "Due"], ["Circulate the draft budget", "Omar Santos", "1 May 2019"],
                     ["Book the hall", "Jonathan Bitle", "3 June 2019"]])
    present.setStyle(grid)
    actions.setStyle(grid)
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build([Paragraph("Security TC Meeting, 27 March 2019", styles["Title"]),
                                  Paragraph("Members Present", styles["Heading2"]), present,
                                  Paragraph("The minutes were approved.", styles["Normal"]),
                                  Paragraph("Actions", styles["Heading2"]), actions,
                                  Paragraph("The meeting closed at 2 pm.", styles["Normal"])])
    return buf.getvalue()


def test_ruled_tables_become_rows_between_the_text_around_them():
    lines = reader._with_tables(_minutes_with_tables(), [0])[0]
    assert [ln for ln in lines if ln.strip()] == [
        "Security TC Meeting, 27 March 2019", "Members Present",
        "| Company | Name | Role |", "| Kaiser Permanente | Jonathan Bitle | Voting Member |",
        "| Cisco Systems | Omar Santos | Chair |", "| Tenable, Inc | Lucas Tamagna-Darr |  |",
        "The minutes were approved.", "Actions",
        "| Action | Owner | Due |", "| Circulate the draft budget | Omar Santos | 1 May 2019 |",
        "| Book the hall | Jonathan Bitle | 3 June 2019 |", "The meeting closed at 2 pm."]


def test_pdfium_tables_match_pdfplumber_tables():
    data = _minutes_with_tables()
    ours = reader._with_tables(data, [0])[0]
    theirs = reader._with_tables_pdfplumber(data, [0])[0]
    assert [ln.rstrip() for ln in ours if ln.strip()] == [ln.rstrip() for ln in theirs if ln.strip()]


def test_a_page_pdfium_cannot_walk_is_read_by_pdfplumber(monkeypatch):
    def broken(page):
        raise pdfium.PdfiumError("unreadable path segment")

    monkeypatch.setattr(reader, "_page_with_tables", broken)
    lines = reader._with_tables(_minutes_with_tables(), [0])[0]
    assert "| Cisco Systems | Omar Santos | Chair |" in lines


def test_a_page_of_many_drawings_is_not_searched_for_tables(monkeypatch):
    buf = io.BytesIO()
    page = canvas.Canvas(buf)
    page.drawString(72, 800, "Site plan")
    for k in range(12):  # a grid of 12 by 12 lines: ruled, until there are too many drawings
        page.line(72 + 30 * k, 400, 72 + 30 * k, 730)
        page.line(72, 400 + 30 * k, 402, 400 + 30 * k)
    page.save()
    pdf = pdfium.PdfDocument(buf.getvalue())
    assert reader._ruled(pdf[0])
    monkeypatch.setattr(reader, "_MAX_PATHS", 10)
    assert not reader._ruled(pdf[0])
    assert reader._with_tables(buf.getvalue(), [0]) == {}
    pdf.close()


@pytest.mark.parametrize("empty_share", [0.5, 0.0])
def test_a_grid_of_mostly_empty_cells_is_not_a_table(empty_share):
    buf = io.BytesIO()
    rows = [["Name", "Role"], ["Ann Smith", "Chair"], ["", ""], ["", ""]] if empty_share else \
        [["Name", "Role"], ["Ann Smith", "Chair"]]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(buf).build([table])
    found = reader._with_tables(buf.getvalue(), [0])
    assert (found == {}) if empty_share else found[0] == ["| Name | Role |", "| Ann Smith | Chair |"]


def test_a_rotated_page_keeps_its_table_and_all_its_text():
    pdf = pdfium.PdfDocument(_minutes_with_tables())
    pdf[0].set_rotation(90)  # the page box turns; the text and lines keep their own coordinates
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    lines = reader._with_tables(out.getvalue(), [0])[0]
    assert lines[0] == "Security TC Meeting, 27 March 2019"
    assert lines[-1] == "The meeting closed at 2 pm."
    assert "| Cisco Systems | Omar Santos | Chair |" in lines


def test_a_dense_lattice_is_given_up_quickly():
    import time

    buf = io.BytesIO()
    page = canvas.Canvas(buf)
    page.drawString(72, 810, "Floor plan")
    for k in range(151):  # 151 by 151 lines cross 22,801 times: a drawing, not a table
        page.line(20 + 550 * k / 150, 20, 20 + 550 * k / 150, 790)
        page.line(20, 20 + 770 * k / 150, 570, 20 + 770 * k / 150)
    page.save()
    start = time.process_time()
    assert reader._with_tables(buf.getvalue(), [0]) == {}
    assert time.process_time() - start < 2


def test_a_spanning_cell_leaves_gaps_in_the_rows_below_it():
    from minutes_extract.readers.grid import ruled_tables

    lines = [("h", 0, 0, 200), ("h", 20, 0, 200), ("h", 40, 0, 200),  # a heading row spanning two columns
             ("v", 0, 0, 40), ("v", 200, 0, 40), ("v", 100, 20, 40)]
    assert ruled_tables(lines) == [((0, 0, 200, 40), [[(0, 0, 200, 20), None],
                                                      [(0, 20, 100, 40), (100, 20, 200, 40)]])]


def _pdfplumber_tables(lines):
    """The same lines through pdfplumber's own table functions."""
    from pdfplumber.table import Table, cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
    from pdfplumber.utils import filter_edges

    edges = []
    for orientation, pos, start, end in lines:
        x0, x1, top, bottom = (start, end, pos, pos) if orientation == "h" else (pos, pos, start, end)
        edges.append({"object_type": "line", "orientation": orientation, "x0": x0, "x1": x1, "top": top,
                      "bottom": bottom, "doctop": top, "width": x1 - x0, "height": bottom - top})
    merged = filter_edges(merge_edges(edges, 3, 3, 3, 3), min_length=3)
    tables = [Table(None, cells) for cells in cells_to_tables(intersections_to_cells(edges_to_intersections(
        merged, 3, 3)))]
    return [(t.bbox, [list(row.cells) for row in t.rows]) for t in tables]


_LINE = st.tuples(st.sampled_from("hv"), st.integers(0, 12), st.integers(0, 12), st.integers(1, 12))


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.lists(_LINE, max_size=24))
def test_the_grid_finds_the_tables_pdfplumber_finds(raw):
    lines = [(o, 10.0 * pos, 10.0 * start, 10.0 * (start + length)) for o, pos, start, length in raw]
    lines += [(o, pos + 1.5, start + 2, end - 2) for o, pos, start, end in lines[:3]]  # near lines to snap
    from minutes_extract.readers.grid import ruled_tables

    ours = [(box, [[tuple(c) if c else None for c in row] for row in rows]) for box, rows in ruled_tables(lines)]
    assert sorted(ours) == sorted(_pdfplumber_tables(lines))
