from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from openwmo.bekostiging.engine.inspanningsgericht import ToewijzingInput
from openwmo.bekostiging.engine.prognose import (
    LopendeInspanning,
    LopendeOutput,
    commitments,
    remaining_months,
    year_end_forecast,
)
from openwmo.core.periode import Periode

PEILDATUM = date(2024, 6, 30)  # remaining: 1 Jul – 31 Dec 2024 = 184 days


def test_commitments_of_running_allocations_to_year_end():
    lopend = [
        # A: 3 h/week at €64.32 all year: 184/7 weeks × 3 × 64.32 = 35,504.64 / 7 = 5,072.091… → 5,072.09
        LopendeInspanning(
            ToewijzingInput(Periode(date(2024, 1, 1), date(2024, 12, 31)), 3, "04", "2"),
            Decimal("64.32"),
            "A",
        ),
        # B: 10 h/month at €50.00 until 15 Sep: Jul 1 + Aug 1 + Sep 15/30 = 2.5 months × 10 × 50 = 1,250.00
        LopendeInspanning(
            ToewijzingInput(Periode(date(2024, 3, 1), date(2024, 9, 15)), 10, "04", "4"),
            Decimal("50.00"),
            "B",
        ),
        # C: 40 h in total (TBGT) at €60.00, 1 May – 31 Aug (123 days), 62 days left:
        #    40 × 60 × 62 / 123 = 148,800 / 123 = 1,209.756… → 1,209.76
        LopendeInspanning(
            ToewijzingInput(Periode(date(2024, 5, 1), date(2024, 8, 31)), 40, "04", "6"),
            Decimal("60.00"),
            "C",
        ),
        # D: €800 per 4 weeks from anchor 1 Jan 2024, open-ended. Blocks: 17 Jun–14 Jul (14 days left
        #    → 400.00), six full blocks from 15 Jul to 29 Dec (4,800.00), 30–31 Dec of the block from
        #    30 Dec (800 × 2/28 = 57.142… → 57.14): 5,257.14
        LopendeOutput(Periode(date(2024, 2, 1)), Decimal("800.00"), "4 weken", date(2024, 1, 1), "D"),
        # E: ended before the peildatum: nothing left.
        LopendeOutput(Periode(date(2024, 1, 1), date(2024, 5, 31)), Decimal("700.00"), "maand", None, "E"),
    ]
    result = commitments(PEILDATUM, lopend)
    assert {v.kenmerk: v.bedrag for v in result.regels} == {
        "A": Decimal("5072.09"),
        "B": Decimal("1250.00"),
        "C": Decimal("1209.76"),
        "D": Decimal("5257.14"),
        "E": Decimal("0.00"),
    }
    assert result.regels[4].resterend is None
    # 5,072.09 + 1,250.00 + 1,209.76 + 5,257.14 = 12,788.99
    assert result.totaal == Decimal("12788.99")


def test_nothing_is_committed_after_31_december():
    item = LopendeOutput(Periode(date(2024, 1, 1)), Decimal("700.00"), "maand")
    assert commitments(date(2024, 12, 31), [item]).totaal == Decimal("0.00")


def test_tbgt_without_end_date_is_refused():
    open_total = ToewijzingInput(Periode(date(2024, 1, 1)), 40, "04", "6")
    with pytest.raises(ValueError, match="TBGT allocation needs an end date"):
        commitments(PEILDATUM, [LopendeInspanning(open_total, Decimal("60.00"))])


def test_year_end_forecast():
    # Trend of new allocations: (30,000 + 36,000 + 33,000) / 3 = 33,000 per month × 6 months = 198,000.00
    # Forecast 1,250,000.00 + 980,000.00 + 198,000.00 = 2,428,000.00; budget 2,400,000.00 → −28,000.00
    trend = [Decimal("30000.00"), Decimal("36000.00"), Decimal("33000.00")]
    result = year_end_forecast(PEILDATUM, Decimal("1250000.00"), Decimal("980000.00"), trend, Decimal("2400000.00"))
    assert result.resterende_maanden == 6
    assert result.nieuwe_vraag == Decimal("198000.00")
    assert result.totaal == Decimal("2428000.00")
    assert result.saldo == Decimal("-28000.00")


def test_mid_month_peildatum_counts_the_rest_of_the_month_by_days():
    assert remaining_months(date(2024, 6, 15)) == Fraction(13, 2)  # 15/30 + 6
    # 10 Jan: 21/31 + 11 months; × €1,000.00 = 677.419… + 11,000 → 11,677.42
    result = year_end_forecast(date(2024, 1, 10), Decimal("0.00"), Decimal("0.00"), [Decimal("1000.00")])
    assert result.nieuwe_vraag == Decimal("11677.42")
    assert result.saldo is None
    assert year_end_forecast(date(2024, 1, 10), Decimal("5.00"), Decimal("0.00"), []).totaal == Decimal("5.00")


def test_expected_units_for_any_window_inside_the_allocation():
    from datetime import date as _d
    from fractions import Fraction

    from openwmo.bekostiging.engine import Periode, ToewijzingInput, expected_units

    tbgt = ToewijzingInput(Periode(_d(2025, 1, 1), _d(2025, 4, 10)), 100, "04", "6")  # 100 days, 100 hours
    assert expected_units(tbgt, Periode(_d(2025, 1, 1), _d(2025, 1, 31))) == 31
    week = ToewijzingInput(Periode(_d(2025, 1, 1), _d(2025, 12, 31)), 3, "04", "2")
    assert expected_units(week, Periode(_d(2024, 12, 1), _d(2025, 1, 14))) == 6  # only the 14 days inside
    maand = ToewijzingInput(Periode(_d(2025, 1, 1), None), 4, "04", "4")
    assert expected_units(maand, Periode(_d(2025, 2, 15), _d(2025, 3, 31))) == Fraction(14, 28) * 4 + 4
    assert expected_units(week, Periode(_d(2026, 1, 1), _d(2026, 1, 31))) == 0
