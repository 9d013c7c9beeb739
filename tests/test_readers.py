"""Readers on small documents made in the tests: PDF (pages, scans, passwords), Word, HTML, odd text."""
import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from minutes_extract import InputError, extract, load
from minutes_extract.readers import sniff

PAGES = [
    ["MINUTES OF THE MEETING OF THE PARKS COMMITTEE", "HELD ON MONDAY, 6 MARCH 2023 AT 7.00 PM", "",
     "1. APOLOGIES", "None.", "2. FINANCE", "Spend to date is £1,250.00 this year."],
    ["3. PLAYGROUND", "The Committee approved the purchase of a swing at £800.00.", "",
     "4. NEXT MEETING", "Monday, 3 April 2023"],
]


def make_pdf(pages, encrypt=None, header="Parks Committee - 6 March 2023") -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    for number, lines in enumerate(pages, start=1):
        c.drawString(72, 800, header)
        y = 760
        for line in lines:
            c.drawString(72, y, line)
            y -= 18
        c.drawString(280, 40, f"Page {number}")
        c.showPage()
    c.save()
    return buf.getvalue()


def test_pdf_pages_give_each_record_its_page():
    m = extract(make_pdf(PAGES))
    assert m.source.format == "pdf" and m.source.pages == 2
    assert [(i.number, i.page) for i in m.items] == [("1", 1), ("2", 1), ("3", 2), ("4", 2)]
    assert [(str(a.value), a.page) for a in m.amounts] == [("1250.00", 1), ("800.00", 2)]
    assert [(d.kind, d.page) for d in m.decisions] == [("approved", 2)]
    assert [n.date for n in m.next_meetings] == ["2023-04-03"]


def test_pdf_running_header_and_page_numbers_are_removed():
    doc = load(make_pdf(PAGES))
    assert "Parks Committee - 6 March 2023" not in doc.text
    assert "Page 1" not in doc.text and "Page 2" not in doc.text


def test_pdf_without_text_layer_needs_ocr():
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(100, 100, 200, 200, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(InputError, match="OCR"):
        extract(buf.getvalue())


def test_pdf_with_a_password_is_a_clear_error():
    with pytest.raises(InputError, match="password"):
        extract(make_pdf(PAGES, encrypt="secret"))


def test_pdf_encrypted_with_an_empty_user_password_is_read():
    from reportlab.lib.pdfencrypt import StandardEncryption

    data = make_pdf(PAGES, encrypt=StandardEncryption("", ownerPassword="owner", canPrint=1))
    assert [i.number for i in extract(data).items] == ["1", "2", "3", "4"]


def test_truncated_pdf_is_a_clear_error():
    with pytest.raises(InputError, match="not a readable PDF"):
        extract(make_pdf(PAGES)[:300])


def test_docx_paragraphs_numbering_and_tables():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Minutes of the Parks Committee", level=1)
    document.add_paragraph("Present: Cllr A Smith (Chair), Cllr B Jones")
    document.add_paragraph("APOLOGIES", style="List Number")
    document.add_paragraph("None received.")
    document.add_paragraph("FINANCE", style="List Number")
    document.add_paragraph("The Committee approved spending of £400.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Payee", "Amount"
    table.cell(1, 0).text, table.cell(1, 1).text = "Parks Ltd", "£120.50"
    buf = io.BytesIO()
    document.save(buf)
    m = extract(buf.getvalue())
    assert m.source.format == "docx"
    assert [(i.number, i.title) for i in m.items] == [("1", "APOLOGIES"), ("2", "FINANCE")]
    assert [a.name for a in m.attendees] == ["A Smith", "B Jones"]
    assert [str(a.value) for a in m.amounts] == ["400", "120.50"]


def test_html_drops_scripts_and_navigation_and_keeps_structure():
    page = b"""<html><head><title>x</title><script>var a = '\xc2\xa31,000';</script></head><body>
    <nav>Home | 12 June 2001</nav>
    <h1>Parks Committee</h1><p>Meeting held on 6 March 2023 at 7pm.</p>
    <h4>PRESENT</h4><p>Councillors Ann Smith and Bob Jones.</p>
    <ol><li><h4>FINANCE</h4><p>Spend was &pound;50.</p></li><li><h4>PLAY AREA</h4>
    <p>The swing was approved.\t\t<em>Clerk</em></p></li></ol></body></html>"""
    m = extract(page)
    assert m.source.format == "html"
    assert [i.title for i in m.items] == ["FINANCE", "PLAY AREA"]
    assert [str(a.value) for a in m.amounts] == ["50"]
    assert [d.date for d in m.dates] == ["2023-03-06"]
    assert [a.name for a in m.attendees] == ["Ann Smith", "Bob Jones"]


def test_misnamed_pdf_is_sniffed_by_content(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes(make_pdf(PAGES))
    assert sniff(path.read_bytes(), str(path)) == "pdf"
    assert extract(path).source.format == "pdf"


def test_cp1252_text_with_pound_signs_and_curly_quotes(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes("1. FINANCE\r\n\r\nThe Clerk\u2019s report: spend of \u00a3250.00 was approved.\r\n\r\n"
                     "2. CLOSE\r\n\r\nClosed.\r\n".encode("cp1252"))
    m = extract(path)
    assert [str(a.value) for a in m.amounts] == ["250.00"]
    assert "Clerk\u2019s report" in m.items[0].text


def test_utf16_and_bom_and_form_feed_pages(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes("1. ONE\n\nSpend £5.\f2. TWO\n\nSpend £6.\n".encode("utf-16"))
    m = extract(path)
    assert [(str(a.value), a.page) for a in m.amounts] == [("5", 1), ("6", 2)]


def test_empty_input_is_an_error(tmp_path):
    path = tmp_path / "empty.md"
    path.write_bytes(b"   \n")
    with pytest.raises(InputError, match="no text"):
        extract(path)


def test_docx_with_a_foreign_document_part_is_a_clear_error():
    import zipfile

    from minutes_extract.fuzzing import seed_docx

    src = zipfile.ZipFile(io.BytesIO(seed_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                body = b'<?xml version="1.0"?><other xmlns="urn:x"/>'
            dst.writestr(info, body)
    with pytest.raises(InputError, match="not a readable Word document"):
        extract(out.getvalue())


def test_pdf_ruled_attendance_table_keeps_its_columns():
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    from reportlab.lib.styles import getSampleStyleSheet

    styles = getSampleStyleSheet()
    rows = [["Company", "Name", "Role"], ["Kaiser Permanente", "Jonathan Bitle", "Voting Member"],
            ["Cisco Systems", "Omar Santos", "Chair"], ["Tenable, Inc", "Lucas Tamagna-Darr", "Member"]]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build([Paragraph("Security TC Meeting, 27 March 2019", styles["Title"]),
                                  Paragraph("Members Present", styles["Heading2"]), table,
                                  Paragraph("1. APPROVAL OF AGENDA", styles["Heading2"]),
                                  Paragraph("Approved.", styles["Normal"]),
                                  Paragraph("2. NEXT STEPS", styles["Heading2"]),
                                  Paragraph("Omar will check with OASIS staff.", styles["Normal"])])
    m = extract(buf.getvalue())
    assert [(a.name, a.organisation, a.role) for a in m.attendees] == [
        ("Jonathan Bitle", "Kaiser Permanente", "Voting Member"), ("Omar Santos", "Cisco Systems", "Chair"),
        ("Lucas Tamagna-Darr", "Tenable, Inc", "Member")]
    assert [(a.owners, a.page) for a in m.actions] == [(["Omar Santos"], 1)]


def test_moderngov_agenda_table_rows_are_items():
    page = b"""<html><body><div id="modgov"><h1>Agenda and minutes</h1>
    <p>Venue: Council Chamber. Contact: Democratic Services</p>
    <table class="mgItemTable">
    <tr><td class="mgItemNumberCell">1.</td><td><p class="mgAiTitleTxt">Apologies for absence</p>
        <div class="mgWordPara"><p>Minutes: Apologies were received from Cllr Ann Smith.</p></div></td></tr>
    <tr><td class="mgItemNumberCell">2.</td><td><p class="mgAiTitleTxt">Minutes of the previous meeting</p>
        <a href="x.pdf">PDF 108 KB</a><div class="mgWordPara"><p>Minutes: RESOLVED: That the minutes of the meeting
        held on 15 December 2023 be confirmed.</p></div></td></tr>
    <tr><td class="mgItemNumberCell">3.</td><td><p class="mgAiTitleTxt">Budget monitoring</p>
        <div class="mgWordPara"><p>Minutes: The Board noted spend of &pound;1,200. RESOLVED: That the report be
        noted.</p></div></td></tr>
    </table></div></body></html>"""
    m = extract(page)
    assert [(i.number, i.title) for i in m.items] == [("1", "Apologies for absence"),
                                                      ("2", "Minutes of the previous meeting"),
                                                      ("3", "Budget monitoring")]
    assert [d.item for d in m.decisions] == ["2", "3"]
    assert [(str(a.value), a.item) for a in m.amounts] == [("1200", "3")]
    assert m.meeting.date is None  # 15 December 2023 is the previous meeting's


def test_two_column_pdf_page_is_read_column_by_column():
    left = ["1. APOLOGIES", "None were received.", "2. FINANCE", "The Committee approved", "spending of £300.",
            "It was agreed to buy", "a new bench.", "The Clerk will order it.", "Spend to date £900.", "More text."]
    right = ["3. PLANNING", "No objections were", "raised to the plan.", "4. CLOSE", "The meeting closed",
             "at 9.00 pm.", "Signed by the Chair.", "Dated 3 May 2023.", "End of minutes.", "Nothing else."]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for k, (a, b) in enumerate(zip(left, right)):
        c.drawString(60, 760 - 18 * k, a)
        c.drawString(330, 760 - 18 * k, b)
    c.showPage()
    c.save()
    doc = load(buf.getvalue())
    assert doc.text.index("The Clerk will order it.") < doc.text.index("3. PLANNING")
    assert [i.number for i in extract(buf.getvalue()).items] == ["1", "2", "3", "4"]


def test_real_pdf_records_carry_the_page_they_are_printed_on():
    import pypdfium2 as pdfium

    from conftest import shared

    path = shared("dev", "docs", "owbc_csp_2017_10_16_pdf.pdf")
    pdf = pdfium.PdfDocument(str(path))
    pages = [" ".join(page.get_textpage().get_text_range().split()) for page in pdf]
    m = extract(path)
    assert m.source.pages == 8
    checked = 0
    for record in [*m.amounts, *m.dates]:
        assert record.raw.split()[0] in pages[record.page - 1], (record.raw, record.page)
        checked += 1
    for action in m.actions:
        assert " ".join(action.text.split()[:4]) in pages[action.page - 1], (action.text, action.page)
        checked += 1
    assert checked > 40
    assert [(i.number, i.page) for i in m.items][:3] == [("27", 1), ("28", 1), ("29", 2)]


def test_the_same_minutes_as_word_extract_like_the_text(fixtures):
    docx = pytest.importorskip("docx")
    text = (fixtures / "owbc_csp_2017_10_16.txt").read_text(encoding="utf-8")
    document = docx.Document()
    for para in text.split("\n\n"):
        document.add_paragraph(para.strip())
    buf = io.BytesIO()
    document.save(buf)
    as_word, as_text = extract(buf.getvalue()), extract(fixtures / "owbc_csp_2017_10_16.txt")
    assert as_word.source.format == "docx"
    for field in ("items", "attendees", "actions", "decisions", "amounts", "next_meetings"):
        assert len(getattr(as_word, field)) == len(getattr(as_text, field)), field
    assert [a.owners for a in as_word.actions] == [a.owners for a in as_text.actions]
    assert as_word.meeting == as_text.meeting


# --- trust (issue 12): nothing lost, nothing garbled ---------------------------------------------------------

def test_pdf_line_repeated_at_the_foot_of_two_of_three_pages_is_kept():
    from minutes_extract.readers.pdf import strip_furniture

    pages = [["Report 1", "1. AGENDA", "Approved.", "Motion Carried 6-0."],
             ["Report 2", "2. WEATHER", "Moved by Boesen.", "Motion Carried 6-0.", "Page 2"],
             ["Report 3", "3. ADJOURN", "Motion Carried 5-0.", "View agendas online", "Page 3"]]
    cleaned = strip_furniture(pages)
    assert [ln for page in cleaned for ln in page].count("Motion Carried 6-0.") == 2
    assert not any(ln.startswith(("Report", "Page")) for page in cleaned for ln in page)


def test_real_pdf_keeps_motion_carried_at_page_feet():
    from conftest import shared

    doc = load(shared("extra", "us_desmoines_council_2022_01_14.pdf"))
    assert doc.text.count("Motion Carried 6-0.") == 2


MINUTES_UTF8 = "1. FINANCE\n\nThe Clerk\u2019s fee of \u00a336.00 was approved.\n\n2. CLOSE\n\nSpend \u00a35.\n"


def test_stray_cp1252_byte_in_utf8_keeps_utf8_with_a_warning(tmp_path):
    path = tmp_path / "minutes.md"
    path.write_bytes(MINUTES_UTF8.encode().replace(b"CLOSE", b"CLOSE \x92"))
    m = extract(path)
    assert [str(a.value) for a in m.amounts] == ["36.00", "5"]
    assert "Clerk\u2019s fee of \u00a336.00" in m.items[0].text and "CLOSE \u2019" in m.items[1].title
    assert any("not UTF-8" in w for w in m.warnings)


@pytest.mark.parametrize("declaration", ['<meta charset="windows-1252">',
                                         '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
                                         '<?xml version="1.0" encoding="windows-1252"?>'])
def test_html_honours_its_declared_charset(declaration):
    page = (f"{declaration}<html><body><h2>1. FINANCE</h2><p>The Clerk\u2019s fee of \u00a336.00 was approved.</p>"
            "<h2>2. CLOSE</h2><p>Closed at 9pm.</p></body></html>")
    m = extract(page.encode("cp1252"))
    assert [str(a.value) for a in m.amounts] == ["36.00"]
    assert "Clerk\u2019s fee" in m.items[0].text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_ascii_utf16_without_bom_is_recognised(tmp_path, encoding):
    path = tmp_path / "minutes.txt"
    path.write_bytes("1. ONE\n\nSpend 5 pounds.\n\n2. TWO\n\nIt was resolved to approve the plan.\n".encode(encoding))
    m = extract(path)
    assert [i.title for i in m.items] == ["ONE", "TWO"] and "\x00" not in m.items[0].text


@pytest.mark.parametrize("name", ["minutes.pdf", "minutes.docx", "minutes.txt", "minutes.md"])
def test_random_bytes_are_refused_whatever_their_name(tmp_path, name):
    import random

    path = tmp_path / name
    rng = random.Random(3)
    path.write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    with pytest.raises(InputError, match="binary data of no known format|not text: \\d+% control bytes"):
        extract(path)


def test_html_named_pdf_is_refused_unless_the_format_is_forced(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(b"<html><body><h1>404 Not Found</h1><p>Server at council.gov.uk</p></body></html>")
    with pytest.raises(InputError, match="named .pdf but is HTML"):
        extract(path)
    assert extract(path, "html").source.format == "html"


def test_a_path_with_a_typo_is_an_error_and_text_goes_in_as_text():
    with pytest.raises(InputError, match="no such file: typo.pdf"):
        extract("typo.pdf")
    assert [i.title for i in extract(text="1. ONE\n\nSpend \u00a35.\n\n2. TWO\n\nNoted.\n").items] == ["ONE", "TWO"]
    assert [i.title for i in extract(text="minutes.pdf").items] == []  # text= is always text


def test_docx_with_too_many_paragraphs_is_refused_before_it_is_parsed():
    import time
    import zipfile

    from minutes_extract.fuzzing import seed_docx

    src = zipfile.ZipFile(io.BytesIO(seed_docx()))
    out = io.BytesIO()
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                body = (f"<w:document {ns}><w:body>" + "<w:p><w:r><w:t>Spend 5.</w:t></w:r></w:p>" * 25_000
                        + "</w:body></w:document>").encode()
            dst.writestr(info.filename, body)
    started = time.perf_counter()
    with pytest.raises(InputError, match="more than 20,000 paragraphs"):
        extract(out.getvalue())
    with pytest.raises(InputError, match="characters of text"):
        extract(seed_docx(), max_chars=20)
    assert time.perf_counter() - started < 5


def test_docx_time_is_linear_in_paragraphs():
    import time

    from minutes_extract.fuzzing import seed_docx
    from minutes_extract.readers.docx import read_docx

    import docx

    d = docx.Document(io.BytesIO(seed_docx()))
    for k in range(1500):
        d.add_paragraph(f"Cllr Smith will send item {k}.", style="List Number" if k % 2 else None)
    buf = io.BytesIO()
    d.save(buf)
    started = time.perf_counter()
    lines = read_docx(buf.getvalue())[0].splitlines()
    assert time.perf_counter() - started < 2  # was 15 s: python-docx looked each paragraph's style up again
    assert lines[-1] == "751. Cllr Smith will send item 1499."


def test_control_characters_never_reach_the_output(tmp_path):
    m = extract(text="1. ONE\x00\x07\n\nSpend \x1b[31m\u00a35.\n\n2. TWO\n\nNoted.\n")
    assert [i.title for i in m.items] == ["ONE", "TWO"] and "\x00" not in m.items[0].text + m.items[0].title
    assert "\x1b" not in m.items[0].text
    with pytest.raises(InputError, match=r"no such file: .*evil\\x1b\[2Jname.pdf"):
        extract(tmp_path / "evil\x1b[2Jname.pdf")
