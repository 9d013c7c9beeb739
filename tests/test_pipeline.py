"""The pipeline around the extractors: the garbage collector paused for big documents, and always restored."""
import gc

import pytest

from minutes_extract import extract, pipeline

SHORT = "MINUTES\n1. Apologies\nNone were received.\n2. Finance\nIt was resolved to pay the Clerk £120.\n"
LONG = SHORT + "".join(f"{n}. Item {n}\nThe minutes of the last meeting were approved.\n" for n in range(3, 9))


@pytest.fixture
def collector_states(monkeypatch):
    """gc.isenabled() as each document's extraction starts; documents over 200 characters count as big."""
    seen = []
    real = pipeline._extract_document
    monkeypatch.setattr(pipeline, "_extract_document", lambda doc: seen.append(gc.isenabled()) or real(doc))
    monkeypatch.setattr(pipeline, "PAUSE_GC_ABOVE", 200)
    return seen


def test_the_collector_is_paused_only_while_a_big_document_is_extracted(collector_states):
    assert len(SHORT) < 200 < len(LONG)
    assert extract(text=SHORT).items[0].title == "Apologies"
    assert extract(text=LONG).amounts[0].raw == "£120"
    assert collector_states == [True, False] and gc.isenabled()


def test_the_collector_is_restored_when_extraction_fails(collector_states, monkeypatch):
    monkeypatch.setattr(pipeline, "extract_amounts", lambda *args: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        extract(text=LONG)
    assert collector_states == [False] and gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(collector_states):
    gc.disable()
    try:
        extract(text=LONG)
        assert not gc.isenabled()
    finally:
        gc.enable()
