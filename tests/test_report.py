"""The review report: its HTML checked in Python, then the pages opened in headless Chromium (skipped where
Chromium is absent; CI installs it and sets MINUTES_REQUIRE_BROWSER=1 so a missing browser fails there)."""
import json
import os
import shutil
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from conftest import SHARED
from minutes_extract.cli import main
from minutes_extract.pipeline import extract_document, load
from minutes_extract.report import KINDS, render, report

SEED = Path(__file__).parent / "fixtures" / "owbc_csp_2017_10_16.txt"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "build" / "report-screenshots"
HOSTILE = """TOWN COUNCIL
Minutes of the meeting held on 3 March 2021

Present: Cllr A Smith (Chair), Cllr B Jones

1. <script>window.hacked = 1; alert(1)</script> Apologies
Cllr C Brown <img src=x onerror="window.hacked = 2; alert(2)">

2. Finance \x00 \x0b \x1b
</textarea><script>window.hacked = 3</script><a href="javascript:window.hacked=4">pay</a> or javascript:window.hacked=4
RESOLVED that the payment of £500 to <b onmouseover="window.hacked=5">Acme</b> be approved.
ACTION: Clerk to write to "><svg onload=window.hacked=6> by 1 April 2021.
</script><!-- <iframe src="https://example.com/x"></iframe> &amp; &lt;
"""


def _pdf(path: Path, text: str, pages: int) -> Path:
    """A PDF of `text` repeated over `pages` pages, one line of text per PDF line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    lines = text.splitlines()
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(pages):
        y = 800
        for line in lines[(page * 60) % len(lines):][:60]:
            c.drawString(40, y, line[:95])
            y -= 13
        c.showPage()
    c.save()
    return path


def _parts(report_html: str):
    tree = lxml_html.fromstring(report_html)
    data = json.loads(tree.get_element_by_id("data").text)
    return tree, data


# --- the HTML, without a browser ------------------------------------------------------------------------------

def test_pages_hold_the_text_and_marks_hold_each_span():
    doc = load(SEED)
    minutes = extract_document(doc)
    tree, data = _parts(render(doc, minutes))
    assert "".join(t.text_content() for t in tree.find_class("tx")) == doc.text
    assert len(data["records"]) == sum(len(getattr(minutes, k)) for k in KINDS if k != "votes") + sum(
        d.vote is not None for d in minutes.decisions)
    marked: dict[str, str] = {}
    for mark in tree.iter("mark"):
        for rid in mark.get("data-r").split():
            marked[rid] = marked.get(rid, "") + mark.text_content()
    for rid, record in data["records"].items():
        start, end = record["span"]
        assert marked.get(rid, "") == doc.text[start:end], rid
    assert data["records"]["a3"]["fields"]["owners"] == ["W Gale"]


def test_votes_and_declarations_are_shown_and_marked():
    from minutes_extract.schema import Declaration, RollCall, Vote

    doc = load(SEED)
    minutes = extract_document(doc)
    decision = minutes.decisions[4]
    decision.vote = Vote(mover="K J Loydall", seconder="M Smith", **{"for": 5, "against": 1},
                         roll_call=[RollCall(name="W Gale", vote="no")])
    start = doc.text.index("S Penny")
    minutes.declarations = [Declaration(name="S Penny", item="33", text="an interest as a member of the board",
                                        span=(start, start + 7), line=doc.line_of(start), rule="test")]
    tree, data = _parts(render(doc, minutes))
    assert [tree.xpath(f"string(//b[@data-count='{k}'])") for k in ("votes", "declarations")] == ["1", "1"]
    vote = tree.xpath("//li[@data-r='v1']")[0].text_content()
    assert decision.text[:40] in vote
    assert "for 5 · against 1 · mover K J Loydall · seconder M Smith · roll call 1" in vote
    assert data["records"]["v1"]["fields"]["roll_call"] == [{"name": "W Gale", "vote": "no"}]
    assert data["records"]["v1"]["fields"]["decision"] == "d5"
    assert "S Penny: an interest as a member of the board" in tree.xpath("//li[@data-r='x1']")[0].text_content()
    marks = {m.get("data-r"): m.text_content() for m in tree.iter("mark")}
    assert marks["x1 p7"] == "S Penny" and "v1" in next(k for k, v in marks.items() if v == decision.text)


def test_line_and_page_of_every_anchor_match_the_record(tmp_path):
    doc = load(_pdf(tmp_path / "m.pdf", SEED.read_text(), 3))
    minutes = extract_document(doc)
    tree, data = _parts(render(doc, minutes))
    assert [h.text for h in tree.find_class("pg")] == ["Page 1", "Page 2", "Page 3"]
    line, seen = 0, {}
    for section in tree.find_class("page"):
        page = int(section.get("id").removeprefix("page-"))
        for el in section.iter("i", "a"):
            if el.get("class") == "ln":
                line = int(el.get("data-n"))
            elif el.get("class") == "anc":
                seen[el.get("id").removeprefix("r-")] = (line, page)
    assert seen == {rid: (r["line"], r["page"]) for rid, r in data["records"].items()}
    assert {r["page"] for r in data["records"].values()} == {1, 2, 3}


def test_hostile_text_is_escaped_and_the_policy_admits_only_our_code():
    tree, data = _parts(report(HOSTILE, "txt"))
    scripts = tree.findall(".//script")
    assert [s.get("type") for s in scripts] == ["application/json", None]
    assert not tree.xpath("//img|//iframe|//svg|//textarea|//main//b|//*[@onerror or @onload or @onmouseover]")
    assert not [a for a in tree.iter("a") if not (a.get("href") or "#").startswith("#")]
    text = "".join(t.text_content() for t in tree.find_class("tx"))
    assert text == load(HOSTILE, "txt").text.replace("\0", "\ufffd")  # one character for one, so offsets hold
    assert "<script>window.hacked = 1; alert(1)</script>" in text and 'onerror="window.hacked = 2' in text
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert csp.startswith("default-src 'none'; style-src 'sha256-") and "unsafe" not in csp


def test_report_command_and_format_html(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(SEED), "-o", str(out)])
    assert result.exit_code == 0 and result.output == ""
    same = CliRunner().invoke(main, [str(SEED), "--format", "html"])
    assert same.exit_code == 0 and same.output == out.read_text()
    tree, _ = _parts(out.read_text())
    assert tree.xpath("string(//b[@data-count='actions'])") == "13"
    assert "COMMUNITY SAFETY PARTNERSHIP" in tree.findtext(".//h1")
    bad = CliRunner().invoke(main, ["report", str(tmp_path / "missing.pdf")])
    assert bad.exit_code == 1 and "missing.pdf" in bad.output and "Traceback" not in bad.output


def test_batch_html_reports_and_index(tmp_path):
    inputs = tmp_path / "in"
    (inputs / "2024").mkdir(parents=True)
    shutil.copy(SEED, inputs / "2024" / "seed.txt")
    (inputs / '"><img src=x onerror=alert(1)>.txt').write_text(HOSTILE)
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(inputs), "--format", "html", "-o", str(out), "-j", "1"])
    assert result.exit_code == 1  # one input failed
    assert (out / "2024" / "seed.txt.html").exists() and (out / "2024" / "seed.txt.json").exists()
    index = lxml_html.fromstring((out / "index.html").read_text())
    rows = {tr.findtext("td/a") or tr.findtext("td"): tr for tr in index.iter("tr") if tr.find("td") is not None}
    assert set(rows) == {"2024/seed.txt", '"><img src=x onerror=alert(1)>.txt', "broken.pdf"}
    seed = [td.text_content() for td in rows["2024/seed.txt"]]
    assert seed[1:6] == ["2017-10-16", "COMMUNITY SAFETY PARTNERSHIP", "15", "10", "13"]
    assert rows["2024/seed.txt"].find("td/a").get("href") == "2024/seed.txt.html"
    assert (out / unquote(rows['"><img src=x onerror=alert(1)>.txt'].find("td/a").get("href"))).exists()
    assert rows["broken.pdf"].get("class") == "failed" and rows["broken.pdf"].find("td/a") is None
    assert rows["broken.pdf"][-1].text_content()  # the reason
    assert not index.xpath("//img") and len(index.findall(".//script")) == 1
    again = CliRunner().invoke(main, ["batch", str(inputs), "--format", "html", "-o", str(out), "-j", "1"])
    summary = json.loads((out / "_summary.json").read_text())
    assert (again.exit_code, summary["skipped"], summary["failed"]) == (1, 2, 1)  # resume: unchanged are skipped
    assert len(lxml_html.fromstring((out / "index.html").read_text()).findall(".//tbody/tr")) == 3


# --- in Chromium ----------------------------------------------------------------------------------------------

def _chromium_or_skip():
    chromium = shutil.which("chromium")
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    try:
        import selenium  # noqa: F401
    except ImportError:
        chromium = None
    if not chromium or not Path(driver).exists():
        if os.environ.get("MINUTES_REQUIRE_BROWSER"):
            pytest.fail("chromium, chromium-driver or selenium is missing (apt install chromium chromium-driver; "
                        "pip install -e '.[browser]')")
        pytest.skip("headless Chromium not available")
    return chromium, driver


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium, driver = _chromium_or_skip()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    yield chrome
    chrome.quit()


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    path = tmp_path_factory.mktemp("seed") / "seed.html"
    assert CliRunner().invoke(main, ["report", str(SEED), "-o", str(path)]).exit_code == 0
    return path


def _open(browser, path: Path):
    browser.set_window_size(1400, 900)
    browser.get("about:blank")
    browser.get_log("browser"), browser.get_log("performance")  # drop earlier pages' entries
    browser.get(path.resolve().as_uri())
    return browser


def _css(browser, selector):
    return browser.find_elements("css selector", selector)


def _json(path: Path) -> dict:
    result = CliRunner().invoke(main, [str(path)])
    assert result.exit_code == 0
    return json.loads(result.output)


def _check_counts_and_spans(browser, expected: dict, text: str):
    for kind in KINDS:
        n = sum(d.get("vote") is not None for d in expected["decisions"]) if kind == "votes" else len(expected[kind])
        assert _css(browser, f'b[data-count="{kind}"]')[0].text == str(n), kind
        assert len(_css(browser, f"#sec-{kind} li[data-r]")) == n
    shown = browser.execute_script("""
        var out = {};
        document.querySelectorAll('#doc mark').forEach(function (m) {
          m.getAttribute('data-r').split(' ').forEach(function (id) { out[id] = (out[id] || '') + m.textContent; });
        });
        return out;""")
    spans = {}
    for kind, (letter, _) in KINDS.items():
        records = [d for d in expected["decisions"] if d.get("vote")] if kind == "votes" else expected[kind]
        spans.update({f"{letter}{k + 1}": r["span"] for k, r in enumerate(records)})
    assert spans and {rid: shown.get(rid, "") for rid in spans} == {rid: text[a:b] for rid, (a, b) in spans.items()}


def _in_view(browser, element) -> bool:
    return browser.execute_script("var r = arguments[0].getBoundingClientRect();"
                                  "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", element)


def _no_network_and_no_errors(browser):
    requests = [json.loads(e["message"])["message"] for e in browser.get_log("performance")]
    urls = {m["params"]["request"]["url"] for m in requests if m["method"] == "Network.requestWillBeSent"}
    assert all(url.startswith("file://") for url in urls), urls
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []  # CSP violations are SEVERE


def test_seed_report_in_chromium(browser, seed_report):
    _open(browser, seed_report)
    expected = _json(SEED)
    _check_counts_and_spans(browser, expected, load(SEED).text)
    assert browser.execute_script("return window.scrollY") == 0
    third = _css(browser, "#sec-actions li[data-r]")[2]
    assert third.get_attribute("data-r") == "a3"
    third.find_element("css selector", "a").click()
    first_mark = _css(browser, 'mark[data-r~="a3"]')[0]
    assert browser.execute_script("return window.scrollY") > 0 and _in_view(browser, first_mark)
    assert first_mark.text == expected["actions"][2]["text"] == "WG to send KL a copy of the LFRS logo."
    assert "sel" in first_mark.get_attribute("class") and "flash" in first_mark.get_attribute("class")
    details = _css(browser, "#sel")[0]
    assert details.is_displayed() and "W Gale" in details.text and "line\n51" in details.text
    _no_network_and_no_errors(browser)


def test_click_highlight_shows_record_and_keys_step(browser, seed_report):
    _open(browser, seed_report)
    browser.find_element("css selector", "body").send_keys("j", "j")  # before any click, j steps through actions
    assert _css(browser, "li.cur")[0].get_attribute("data-r") == "a2"
    amount = _css(browser, 'mark[data-r~="m1"]')[0]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", amount)
    amount.click()
    details = _css(browser, "#sel")[0].text
    assert details.startswith("Amounts 1") and "£710.00" in details and "amount.symbol" in details
    assert "GBP" in details and "2799–2806" in details
    body = browser.find_element("css selector", "body")
    body.send_keys("j")  # from amount 1 to amount 2
    assert _css(browser, "li.cur")[0].get_attribute("data-r") == "m2"
    assert _in_view(browser, _css(browser, 'mark[data-r~="m2"]')[0])
    body.send_keys("k", "k")  # back to 1, and stays at the first
    assert _css(browser, "li.cur")[0].get_attribute("data-r") == "m1"


def test_filter_hides_records_that_do_not_match(browser, seed_report):
    _open(browser, seed_report)
    box = _css(browser, "#filter")[0]
    box.send_keys("logo")
    shown = [li.get_attribute("data-r") for li in _css(browser, "#panel li[data-r]") if li.is_displayed()]
    assert shown and all(_css(browser, f'li[data-r="{rid}"]')[0].text.lower().count("logo") for rid in shown)
    assert "a3" in shown and "p1" not in shown and "i1" not in shown
    assert _css(browser, "#sec-actions .n")[0].text == f"{len([s for s in shown if s[0] == 'a'])} of 13"
    box.clear()
    box.send_keys(" ")  # an empty query shows everything again
    assert all(li.is_displayed() for li in _css(browser, "#sec-actions li[data-r]"))


def test_pdf_report_in_chromium(browser, tmp_path):
    pdf = SHARED / "dev" / "docs" / "owbc_csp_2017_10_16_pdf.pdf"
    if not pdf.exists():
        pdf = _pdf(tmp_path / "minutes.pdf", SEED.read_text(), 3)
    out = tmp_path / "pdf.html"
    assert CliRunner().invoke(main, ["report", str(pdf), "-o", str(out)]).exit_code == 0
    _open(browser, out)
    expected = _json(pdf)
    _check_counts_and_spans(browser, expected, load(pdf).text)
    pages = _css(browser, "h2.pg")
    assert len(pages) == expected["source"]["pages"] > 1 and pages[1].text == "Page 2"
    last = expected["actions"][-1]
    _css(browser, f'li[data-r="a{len(expected["actions"])}"] a')[0].click()
    mark = _css(browser, f'mark[data-r~="a{len(expected["actions"])}"]')[0]
    assert _in_view(browser, mark)
    assert browser.execute_script("return arguments[0].closest('section').id", mark) == f"page-{last['page']}"
    _no_network_and_no_errors(browser)


def test_hostile_document_runs_nothing(browser, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException

    source = tmp_path / "hostile.txt"
    source.write_text(HOSTILE)
    out = tmp_path / "hostile.html"
    assert CliRunner().invoke(main, ["report", str(source), "-o", str(out)]).exit_code == 0
    _open(browser, out)
    for mark in _css(browser, "#doc mark"):  # hover and click everything a reader might
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        mark.click()
    for link in _css(browser, "#panel li[data-r] a"):
        browser.execute_script("arguments[0].click()", link)
    assert browser.execute_script("return typeof window.hacked") == "undefined"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    text = _css(browser, "#doc")[0].text
    assert "<script>window.hacked = 1; alert(1)</script>" in text and "javascript:window.hacked=4" in text
    assert browser.current_url.startswith(out.resolve().as_uri())  # no link led anywhere
    _check_counts_and_spans(browser, _json(source), load(source).text.replace("\0", "\ufffd"))
    _no_network_and_no_errors(browser)


def test_readable_without_javascript_narrow_and_in_print(browser, seed_report):
    _open(browser, seed_report)
    browser.set_window_size(420, 900)
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    panel, text = _css(browser, "#panel")[0], _css(browser, "#doc")[0]
    assert panel.rect["y"] < text.rect["y"]  # the panel comes first on a narrow screen
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert browser.execute_script("return getComputedStyle(document.getElementById('panel')).position") == "static"
    assert not _css(browser, "#filter")[0].is_displayed()
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        _open(browser, seed_report)
        assert not _css(browser, "#filter")[0].is_displayed()  # only scripts can filter
        assert len(_css(browser, "#sec-actions li")) == 13
        _css(browser, '#sec-actions li[data-r="a3"] a')[0].click()  # a plain link to the span
        assert browser.current_url.endswith("#r-a3")
        assert _in_view(browser, _css(browser, 'mark[data-r~="a3"]')[0])
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_screenshot_of_each_seed_report(browser, tmp_path):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name in ("owbc_csp_2017_10_16.txt", "leics_scsb_2024_03.txt"):
        out = tmp_path / f"{name}.html"
        assert CliRunner().invoke(main, ["report", str(SEED.parent / name), "-o", str(out)]).exit_code == 0
        _open(browser, out)
        browser.set_window_size(1400, 1300)
        _css(browser, "mark.k-d")[0].click()  # the first decision, near the top: it shows in the panel
        assert _css(browser, "#sel")[0].text.startswith("Decisions 1")
        assert _in_view(browser, _css(browser, 'li[data-r="d1"]')[0])
        png = SCREENSHOTS / f"{name}.png"
        assert browser.save_screenshot(str(png)) and png.stat().st_size > 20_000


def test_batch_index_over_archive_documents(browser, tmp_path):
    archive = SHARED / "archive"
    if not archive.is_dir():
        pytest.skip("shared archive not available")
    picked = tmp_path / "in"
    picked.mkdir()
    docs = sorted(archive.iterdir())[::18][:20]
    for doc in docs:
        shutil.copy(doc, picked / doc.name)  # copies: symlinks leading outside are skipped
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(picked), "--format", "html", "-o", str(out), "-j", "2"])
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.html"))) == len(docs) + 1
    _open(browser, out / "index.html")
    rows = _css(browser, "#index tbody tr")
    assert len(rows) == len(docs)
    _css(browser, "#index th button")[1].click()  # Date, ascending; blanks last
    dates = [r.find_elements("css selector", "td")[1].text for r in _css(browser, "#index tbody tr")]
    filled = [d for d in dates if d]
    assert filled and filled == sorted(filled) and dates[:len(filled)] == filled
    _css(browser, "#index th button")[1].click()
    dates = [r.find_elements("css selector", "td")[1].text for r in _css(browser, "#index tbody tr")]
    assert [d for d in dates if d] == sorted(filled, reverse=True)
    first = _css(browser, "#index tbody tr")[0]
    name = first.find_element("css selector", "td a").text
    summary = json.loads((out / f"{name}.json").read_text())
    first.find_element("css selector", "td a").click()
    assert browser.title.startswith("Review") and browser.current_url.endswith(".html")
    assert _css(browser, 'b[data-count="actions"]')[0].text == str(len(summary["actions"]))
    _no_network_and_no_errors(browser)


def test_largest_pdf_report_is_small_and_fast(browser, tmp_path):
    """A 100-page PDF: the report stays a few MB and Chromium lays it out in well under a second."""
    pdf = _pdf(tmp_path / "long.pdf", SEED.read_text() * 2, 100)
    out = tmp_path / "long.html"
    assert CliRunner().invoke(main, ["report", str(pdf), "-o", str(out), "--max-chars", "0"]).exit_code == 0
    assert out.stat().st_size < 5_000_000
    _open(browser, out)
    started = time.perf_counter()
    browser.refresh()
    ms = browser.execute_script("var t = performance.timing; return t.loadEventEnd - t.navigationStart")
    assert len(_css(browser, "h2.pg")) == 100
    assert ms < 2000, f"{ms} ms (wall {time.perf_counter() - started:.2f} s)"  # under 1 s when the machine is idle
