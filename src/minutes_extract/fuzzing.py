"""Inputs for robustness testing: seed documents of every format and ways to break them. Used by the fuzz
tests (bounded, fixed seed) and by scripts/fuzz.py (long runs)."""
from __future__ import annotations

import io
import json
import random
import time
import zipfile

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


def generate(rng: random.Random, seeds: list[bytes]) -> bytes:
    """One fuzz case: random bytes, minutes-like text, or a mutated seed document."""
    kind = rng.random()
    if kind < 0.2:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 3000)))
    if kind < 0.45:
        return minutes_like(rng).encode(rng.choice(["utf-8", "utf-16", "cp1252"]), errors="replace")
    if kind < 0.55:
        depth = rng.randint(1, 3000)
        return ("<html><body>" + "<div><ul><li>" * depth + "27. ITEM £5" + "</li></ul></div>" * depth).encode()
    seed = rng.choice(seeds)
    if seed.startswith(b"PK") and rng.random() < 0.6:
        return mutate_zip_member(seed, rng)
    return mutate(seed, rng)
