"""Fuzzing with a fixed seed: random and mutated bytes of every format either extract (schema-valid output,
bounded time) or fail with a clean InputError; never another exception."""
import random

from hypothesis import HealthCheck, given, settings, strategies as st

from minutes_extract.fuzzing import (GENERATORS, check, check_output_fault, minutes_like, mutate,
                                     mutate_zip_member, seed_docx, seed_pdf, TOKENS)

SETTINGS = settings(max_examples=120, derandomize=True, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PDF, DOCX = seed_pdf(), seed_docx()


@SETTINGS
@given(st.binary(max_size=5000))
def test_random_bytes(data):
    assert check(data) is None


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=400).map("".join),
       st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_minutes_like_text(text, encoding):
    assert check(text.encode(encoding, errors="replace")) is None


@SETTINGS
@given(st.integers(min_value=0, max_value=2**32))
def test_mutated_pdf(seed):
    assert check(mutate(PDF, random.Random(seed))) is None


@SETTINGS
@given(st.integers(min_value=0, max_value=2**32))
def test_mutated_docx(seed):
    rng = random.Random(seed)
    data = mutate_zip_member(DOCX, rng) if seed % 2 else mutate(DOCX, rng)
    assert check(data) is None


@settings(max_examples=25, derandomize=True, deadline=None)
@given(st.integers(min_value=1, max_value=20000))
def test_deeply_nested_html(depth):
    html = "<html><body>" + "<div><ul><li>" * depth + "27. ITEM £5" + "</li></ul></div>" * depth
    assert check(html.encode()) is None


def test_huge_lines_and_thousands_of_numbered_lines():
    assert check(("word " * 200_000).encode()) is None
    assert check("".join(f"{i}. ITEM {i}\n" for i in range(5000)).encode()) is None
    assert check(minutes_like(random.Random(7), 20000).encode()) is None


@settings(max_examples=8, derandomize=True, deadline=None)
@given(st.sampled_from(GENERATORS), st.integers(min_value=0, max_value=2**32))
def test_trust_generators(generator, seed):
    assert check(generator(random.Random(seed))) is None


def test_markdown_nested_brackets_are_linear():
    import time

    from minutes_extract import extract

    started = time.perf_counter()
    extract(text="[" * 40_000 + "](" * 20_000 + "\n")  # was 12.5 s
    extract(text="![" * 40_000 + "](" * 20_000 + "\n")
    assert time.perf_counter() - started < 3


def test_output_faults_end_cleanly():
    text = b"1. ONE\n\nSpend 5.\n\n2. TWO\n\nNoted.\n"
    assert check_output_fault(text, "full") is None and check_output_fault(text, "read-only") is None
    assert check_output_fault(b"\x00\x01\x02" * 99, "full") is None
