from minutes_extract.signals import Signals, document_signals


def test_us_township_minutes():
    s = document_signals("Crete Township Board. Meeting called to order. Trustee Elton moved; the program costs $500.\n"
                         "Roll Call: ayes 5. Crews went out on 2/17/2022.")
    assert (s.currency, s.day_first) == ("USD", False)


def test_uk_parish_minutes():
    s = document_signals("Stoke Ferry Parish Council. Cllr Smith sent apologies. The programme cost £40.\n"
                         "1. Apologies\n2. Minutes\n3. Finance")
    assert (s.currency, s.day_first, s.numbering) == ("GBP", True, "plain")


def test_country_from_registries_and_symbols():
    s = document_signals("## Regulatory\n- IRAS filing done; ACRA returns signed. **$22.4K** in the bank")
    assert (s.currency, s.dollar()) == ("SGD", "SGD")


def test_any_state_or_province_names_the_country():
    assert document_signals("Held at the Town Hall, Burlington, Vermont. Fees $20.").currency == "USD"
    assert document_signals("Held in Regina, Saskatchewan. Fees $20.").dollar() == "CAD"


def test_the_documents_own_dates_set_the_order():
    assert document_signals("Paid on 25/03/2021 and 3/4/2021.").day_first is True
    assert document_signals("Paid on 03/25/2021 and 3/4/2021.").day_first is False


def test_numbering_schemes():
    assert document_signals("21.01.01 Apologies\n21.01.02 Minutes\n21.01.03 Finance").numbering == "dotted"
    assert document_signals("01/19 Apologies\n02/19 Minutes").numbering == "slash"
    assert document_signals("No numbers here.").numbering == "none"


def test_nothing_known():
    s = document_signals("We met and talked.")
    assert s == Signals() and s.dollar() == "USD"


def test_opening_before_finds_what_finditer_finds():
    from minutes_extract.signals import _NUMERIC_DATE, opening_before, separators
    text = "On 25/3/2022 and 1/12/21, not 3/4/5/2020 nor x1/2/2020; 12-05-2019 9/9/99 and 2019/10/01."
    assert separators(text, "/-") == [i for i, c in enumerate(text) if c in "/-" and text[i - 1].isdigit()
                                      and text[i + 1].isdigit()]
    found = opening_before(_NUMERIC_DATE, text, separators(text, "/"), (2, 1))
    assert [m.group() for m in found] == [m.group() for m in _NUMERIC_DATE.finditer(text)] == \
        ["25/3/2022", "1/12/21", "9/9/99"]


def test_cues_are_whole_consecutive_words():
    from minutes_extract.signals import _winner
    assert _winner("Held in New York.", "countries") == "US"
    assert _winner("Held in New $ York, at Newark's", "countries") is None  # '$' is a word
    assert _winner("D.C$", "countries") == "CA"  # 'C$', not 'D.C.'
    assert _winner("the programmes of the organisations", "countries") is None
    assert _winner("a programme; US$ 5", "countries") == "UK" and _winner("US$ 5", "countries") == "US"


def test_find_looks_from_the_shared_stem():
    from minutes_extract.signals import _find
    stems: dict[str, int] = {}
    text = "an organisation organised by the organizer"
    assert _find(text, "organised", stems) == text.find("organised") == 16
    assert stems == {"orga": 3}
    assert _find(text, "organizer", stems) == 33
    assert _find(text, "organized", stems) == -1
    assert _find(text, "colour", stems) == -1 and stems["colo"] == -1


def test_the_folded_text_of_the_document_in_hand_is_made_once():
    from minutes_extract.signals import folded_text
    text = "Motion CARRIED by the \u212aeeper"
    assert folded_text(text) == "motion carried by the keeper" and folded_text(text) is folded_text(text)
