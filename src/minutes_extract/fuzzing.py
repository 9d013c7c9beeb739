"""Inputs for robustness testing: seed documents of every format and ways to break them. Used by the fuzz
tests (bounded, fixed seed) and by scripts/fuzz.py (long runs)."""
from __future__ import annotations

import io
import json
import random
import time
import zipfile
from pathlib import Path

from .errors import InputError
from .export import to_json
from .pipeline import extract
from .schema import Minutes

TOKENS = ["1. ", "27. ", "4.2 ", "01/19 ", "(a) ", "i) ", "Item 5 ", "# ", "## ", "- ", "* ", "| ", "|\n", "\n", "\n\n",
          "\t", "PRESENT", "Present: ", "Apologies: ", "Cllr ", "Cllr. ", "Councillor ", "Mrs ", "K J Loydall ",
          "(Chair) ", "KL ", "MS ", "the Clerk ", "to send ", "will ", "agreed to ", "It was agreed that ",
          "RESOLVED: ", "RESOLVED THAT:", "That the report be noted. ", "was approved. ", "proposed by ",
          "seconded by ", "ACTION: ", "£18,143.74 ", "$2.5m ", "£5-10k ", "23p a week ", "16 October 2017 ",
          "Thursday, 19 October ", "14 – 21 October ", "April 15, 2009 ", "15/09/2015 ", "2017-10-25 ", "2017/18 ",
          "10.00am ", "CLOSED AT 4.40 PM ", "Minutes: ", "PDF 108 KB ", "Net | VAT | Gross ", "24.27 ", ". ", ", ",
          "é", "€", "“", "”", "\u00a0", "\ufeff", "Сковорода ", "<div>", "</div>", "<p>", "<table><tr><td>",
          "**",
          "_", "[x](y)", "\\", "(", ")", "0" * 40, "A" * 200, " " * 50]


def minutes_like(rng: random.Random, n: int = 300) -> str:
    return "".join(rng.choice(TOKENS) for _ in range(rng.randint(0, n)))


def seed_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for page in range(2):
        c.drawString(72, 800, "Parks Committee")
        c.drawString(72, 760, f"{page + 1}. FINANCE")
        c.drawString(72, 740, "The Committee approved £1,250.00 on 6 March 2023. KL to send it.")
        c.showPage()
    c.save()
    return buf.getvalue()


def seed_docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_heading("Minutes", 1)
    d.add_paragraph("APOLOGIES", style="List Number")
    d.add_paragraph("Present: Cllr A Smith (Chair). RESOLVED: That the report be noted. £400.")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Payee"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Truncation, byte flips, duplicated or deleted runs."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        if not b:
            break
        i = rng.randrange(len(b))
        if op < 0.3:
            b = b[:i]
        elif op < 0.7:
            b[i] = rng.randrange(256)
        elif op < 0.85:
            j = min(len(b), i + rng.randint(1, 200))
            b[i:i] = b[i:j]
        else:
            del b[i:i + rng.randint(1, 200)]
    return bytes(b)


def mutate_zip_member(data: bytes, rng: random.Random) -> bytes:
    """A .docx whose document.xml is mutated but which is still a valid zip."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                body = mutate(body, rng)
            dst.writestr(info, body)
    return out.getvalue()


_VALIDATOR = None


def check(data: bytes, time_limit: float = 20.0) -> str | None:
    """Extracts `data`; returns a description of what went wrong, or None when it extracted (schema-valid
    output within the time limit) or failed cleanly with an InputError."""
    global _VALIDATOR
    if _VALIDATOR is None:
        import jsonschema

        _VALIDATOR = jsonschema.Draft202012Validator(Minutes.model_json_schema(by_alias=True, mode="serialization"))
    started = time.perf_counter()
    try:
        minutes = extract(data)
    except InputError:
        return None
    except Exception as exc:  # noqa: BLE001 - the point is to catch everything
        return f"{type(exc).__name__}: {exc}"
    errors = list(_VALIDATOR.iter_errors(json.loads(to_json(minutes))))
    if errors:
        return f"schema: {errors[0].message}"
    elapsed = time.perf_counter() - started
    if elapsed > time_limit:
        return f"took {elapsed:.1f} s"
    return None


def nested_brackets(rng: random.Random) -> bytes:
    """Markdown links and images nested without end: '[[[...](](](...' (was quadratic)."""
    n = rng.randint(1, 60_000)
    opener = rng.choice(["[", "![", "[a](", "(", "[x]("])
    return (minutes_like(rng, 20) + opener * n + rng.choice(["](", ")", "]", "[)"]) * (n // 2)).encode()


def mostly_utf8(rng: random.Random) -> bytes:
    """UTF-8 minutes with a few stray bytes (a cp1252 quote pasted in, a truncated sequence)."""
    b = bytearray(minutes_like(rng).encode("utf-8"))
    for _ in range(rng.randint(1, 5)):
        b[rng.randint(0, len(b)):0] = bytes([rng.choice([0x92, 0x93, 0xa3, 0xe2, 0xc3, 0xff, rng.randrange(128, 256)])])
    return bytes(b)


def charset_html(rng: random.Random) -> bytes:
    """An HTML page declaring a charset (true, false or unknown) in a meta tag or XML declaration."""
    charset = rng.choice(["windows-1252", "iso-8859-1", "utf-8", "utf-16", "koi8-r", "no-such-charset", ""])
    head = rng.choice([f'<meta charset="{charset}">', f"<?xml version='1.0' encoding='{charset}'?>",
                       f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'])
    body = minutes_like(rng).replace("<", "&lt;")
    page = f"{head}<html><body><h2>1. FINANCE</h2><p>{body}</p></body></html>"
    return page.encode(rng.choice(["cp1252", "utf-8", "latin-1", "utf-16-le"]), errors="replace")


def ascii_utf16(rng: random.Random) -> bytes:
    """Minutes saved as UTF-16 without a byte-order mark, sometimes cut at an odd byte."""
    data = minutes_like(rng).encode(rng.choice(["utf-16-le", "utf-16-be"]), errors="replace")
    return data[:-1] if data and rng.random() < 0.3 else data


def many_paragraphs_docx(rng: random.Random) -> bytes:
    """A Word file with up to 80,000 paragraphs (refused past the limit, never slow)."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    para = "<w:p><w:r><w:t>" + minutes_like(rng, 3).replace("<", "&lt;").replace("&", "&amp;") + "</w:t></w:r></w:p>"
    body = f"<w:document {ns}><w:body>" + para * rng.randint(1, 80_000) + "</w:body></w:document>"
    src = zipfile.ZipFile(io.BytesIO(seed_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, body.encode() if info.filename == "word/document.xml" else src.read(info))
    return out.getvalue()


GENERATORS = [nested_brackets, mostly_utf8, charset_html, ascii_utf16, many_paragraphs_docx]


def generate(rng: random.Random, seeds: list[bytes]) -> bytes:
    """One fuzz case: random bytes, minutes-like text, deep HTML, one of the GENERATORS, or a mutated seed."""
    kind = rng.random()
    if kind < 0.15:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 3000)))
    if kind < 0.3:
        return minutes_like(rng).encode(rng.choice(["utf-8", "utf-16", "cp1252"]), errors="replace")
    if kind < 0.35:
        depth = rng.randint(1, 3000)
        return ("<html><body>" + "<div><ul><li>" * depth + "27. ITEM £5" + "</li></ul></div>" * depth).encode()
    if kind < 0.6:
        return rng.choice(GENERATORS)(rng)
    seed = rng.choice(seeds)
    if seed.startswith(b"PK") and rng.random() < 0.6:
        return mutate_zip_member(seed, rng)
    return mutate(seed, rng)


def check_output_fault(data: bytes, fault: str) -> str | None:
    """Runs a batch on `data` into an output that fails ('read-only': no file can be made; 'full': every write
    fails with ENOSPC); returns what went wrong, or None when it ended with exit 1, one line on stderr and no
    temporary file left."""
    import errno
    import os
    import tempfile
    from unittest import mock

    from click.testing import CliRunner

    from . import export
    from .cli import main

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS if fault == "read-only" else errno.ENOSPC, "injected " + fault)

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "in").mkdir()
        (Path(tmp) / "in" / "case.txt").write_bytes(data)
        patch = mock.patch.object(export, "_open", refuse) if fault == "full" else \
            mock.patch.object(export.tempfile, "mkstemp", refuse)
        with patch:
            result = CliRunner().invoke(main, ["batch", f"{tmp}/in", "-o", f"{tmp}/out", "--jobs", "1",
                                               "--timeout", "20"])
        lines = [ln for ln in result.stderr.splitlines() if ln.startswith("minutes-extract:")]
        leftovers = [f for _, _, files in os.walk(tmp) for f in files if f.endswith(".tmp")]
    if result.exit_code != 1 or len(lines) != 1 or "Traceback" in result.stderr or leftovers:
        return f"output {fault}: exit {result.exit_code}, {len(lines)} lines, {leftovers or ''} " \
               f"{result.stderr[-300:]!r}"
    return None
