from decimal import Decimal

from minutes_extract.extractors.amounts import extract_amounts


def values(text):
    return [(a.value, a.currency) for a in extract_amounts(text)]


def test_symbols_multipliers_and_ranges():
    text = "Costs of £18,143.74, £710.00 per pallet, around £130,000, $2.5m, £54k, €1,200 and £5-10k."
    got = extract_amounts(text)
    assert [(a.value, a.currency) for a in got] == [
        (Decimal("18143.74"), "GBP"), (Decimal("710.00"), "GBP"), (Decimal("130000"), "GBP"),
        (Decimal("2500000.0"), "USD"), (Decimal("54000"), "GBP"), (Decimal("1200"), "EUR"), (Decimal("5000"), "GBP"),
    ]
    assert got[-1].upper == Decimal("10000") and got[-1].raw == "£5-10k"


def test_pence_and_words():
    assert values("Emptying costs 23p a week, or 40 pounds a year.") == [(Decimal("0.23"), "GBP"), (Decimal("40"), "GBP")]


def test_not_money():
    text = ("Tel. 0116 305 2583, PDF 108 KB, 14,000 checks, 2017/18, 99% of staff, item 15/19, 36 sessions "
            "and 7 MBFU lights.")
    assert values(text) == []


def test_payment_table_cells_take_the_document_currency():
    text = ("Payee | Net | VAT | Gross |\n| K&M Lighting | 24.27 | 4.85 | 29.12 |\n| Total | £2555.17 | £82.85 | |\n"
            "Version 1.10 of the plan.")
    assert values(text) == [(Decimal("24.27"), "GBP"), (Decimal("4.85"), "GBP"), (Decimal("29.12"), "GBP"),
                            (Decimal("2555.17"), "GBP"), (Decimal("82.85"), "GBP")]


def test_unsigned_figures_without_a_money_table_are_not_money():
    assert values("Scores were 12.50 and 13.75 in the survey.") == []


def test_currency_of_the_documents_country_and_written_codes():
    from minutes_extract.signals import Signals
    assert [(a.value, a.currency) for a in extract_amounts("we have $22.4K and spend $1,195.23",
                                                           Signals(currency="SGD"))] == [
        (Decimal("22400.0"), "SGD"), (Decimal("1195.23"), "SGD")]
    assert values("S$400, CA$ 12, 4500 USD and USD 30") == [
        (Decimal("400"), "SGD"), (Decimal("12"), "CAD"), (Decimal("4500"), "USD"), (Decimal("30"), "USD")]


def test_written_forms_of_figures():
    assert values("cost by $10, 743. A balance of £201-00p; a grant of £ 1 000 and $ 3,225 costs") == [
        (Decimal("10743"), "USD"), (Decimal("201.00"), "GBP"), (Decimal("1000"), "GBP"), (Decimal("3225"), "USD")]


def test_a_range_with_two_symbols_is_two_amounts():
    assert values("If we can raise $4000 -$5000 to do") == [(Decimal("4000"), "USD"), (Decimal("5000"), "USD")]


def test_clipped_and_trailing_symbol_figures_are_not_read():
    assert values("Department, $269,1\nMoved. Totals 32,827.60£ 10176420.00£ and £10.527 per hour") == []


def test_money_column_of_a_pipe_table():
    from minutes_extract.signals import Signals
    text = "| Expense | Amount | Frequency |\n| -- | -- | -- |\n| Rental | 3400 | 12 |\n| Aircon | 980 | 1 |\n"
    got = extract_amounts(text, Signals(currency="SGD"))
    assert [(a.value, a.currency) for a in got] == [(Decimal("3400"), "SGD"), (Decimal("980"), "SGD")]
    assert extract_amounts(text) == []  # no currency known: unsigned figures stay figures


def test_payments_row_and_money_context():
    from minutes_extract.extractors.amounts import _MONEY_TABLE_HEADER, _payments_row, _preceded_by
    text = "Payments\nNet VAT Gross\nBT 10.00 2.00 12.00\nTotal 5.00\n| x | 3.00 |"
    assert _payments_row(text, 23) == (23, 42, True)  # several figures
    assert _payments_row(text, 43) == (43, 53, False)  # one figure, no table
    assert _payments_row(text, 54)[2] is True  # a table row
    header = _preceded_by(_MONEY_TABLE_HEADER, text.lower(), 10)  # 'net' at 9, 'gross' at 17; asked in order
    assert [header(pos) for pos in (5, 9, 10, 19, 27, 28, 60)] == [False, False, True, True, True, False, False]


def test_pence_found_before_their_p():
    from minutes_extract.extractors.amounts import _pence
    text = "Bins 23p a week, 5p per bag, 123p each, x7p for one, 9p\tfor two, 45p\nan hour, 6pa year."
    assert [m.group() for m in _pence(text)] == ["23p", "5p", "9p", "45p"]
