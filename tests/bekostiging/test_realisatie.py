"""Spend estimated from allocations × contract tariffs, and the budget table, against hand-computed figures."""

import datetime
from decimal import Decimal

from openwmo.bekostiging.models import Begroting
from openwmo.bekostiging.realisatie import TariefIndex, prijzen, vraag_in
from openwmo.bekostiging.selectors import begrotingstabel, realisatie
from openwmo.core.periode import Periode, year_periode

from ..factories import AanbiederFactory, TariefFactory

D = datetime.date
JAN_2025 = Periode(D(2025, 1, 1), D(2025, 1, 28))


def test_hours_per_week_cost_days_over_seven_times_volume_times_tariff(wereld):
    wereld.toewijzing(wereld.rijswijk, D(2025, 1, 1), D(2025, 1, 28))  # 4 weeks × 3 h × €60
    wereld.toewijzing(wereld.rijswijk, D(2024, 12, 1), D(2025, 1, 14))  # 14 days in January: 2 weeks
    assert realisatie([wereld.rijswijk], JAN_2025) == Decimal("720.00") + Decimal("360.00")


def test_minutes_against_an_hour_tariff_convert_through_the_engine(wereld):
    wereld.toewijzing(wereld.rijswijk, D(2025, 1, 1), D(2025, 1, 28), volume=Decimal("90"), eenheid="01")
    assert realisatie([wereld.rijswijk], JAN_2025) == Decimal("360.00")  # 4 × 90 min = 6 h × €60


def test_a_tariff_change_within_the_period_prices_each_stretch_with_its_tariff(wereld):
    tarief = wereld.contract.tarieven.get(product=wereld.uur)
    tarief.einddatum = D(2025, 1, 14)
    tarief.save()
    TariefFactory(contract=wereld.contract, product=wereld.uur, ingangsdatum=D(2025, 1, 15), bedrag=Decimal("70.00"))
    wereld.toewijzing(wereld.rijswijk, D(2025, 1, 1), D(2025, 1, 28))
    assert realisatie([wereld.rijswijk], JAN_2025) == Decimal("780.00")  # 2 × 3 × 60 + 2 × 3 × 70


def test_output_per_month_is_prorated_by_days(wereld):
    wereld.toewijzing(
        wereld.rijswijk, D(2025, 3, 1), D(2025, 4, 15), product=wereld.output, volume=1, eenheid="82", frequentie="4"
    )
    # March in full (800.00) + April 15 of 30 days (400.00)
    assert realisatie([wereld.rijswijk], year_periode(2025)) == Decimal("1200.00")


def test_days_without_a_tariff_cost_nothing_and_are_counted(wereld, rijswijk):
    onbekend = AanbiederFactory(naam="Zonder contract")
    wereld.toewijzing(rijswijk, D(2025, 1, 1), D(2025, 1, 28), aanbieder=onbekend)
    gemeenten = [rijswijk]
    geprijsd = prijzen(vraag_in(gemeenten, JAN_2025), TariefIndex(gemeenten, JAN_2025), JAN_2025)
    assert [(g.bedrag, g.zonder_tarief_dagen) for g in geprijsd] == [(Decimal("0.00"), 28)]


def test_accession_date_limits_the_tariff_to_the_days_after_it(wereld):
    wereld.contract.toetredingsdatum = D(2025, 1, 15)
    wereld.contract.save()
    wereld.toewijzing(wereld.rijswijk, D(2025, 1, 1), D(2025, 1, 28))
    assert realisatie([wereld.rijswijk], JAN_2025) == Decimal("360.00")  # 15–28 January only


def test_other_municipalities_are_not_counted(wereld):
    wereld.toewijzing(wereld.delft, D(2025, 1, 1), D(2025, 1, 28))
    assert realisatie([wereld.rijswijk], JAN_2025) == Decimal("0.00")


def test_budget_table_past_year_running_year_and_future_year(wereld):
    soort = wereld.uur.voorzieningsoort
    Begroting.objects.create(gemeente=wereld.rijswijk, voorzieningsoort=soort, jaar=2024, uitgaven=Decimal("10000.00"))
    Begroting.objects.create(
        gemeente=wereld.rijswijk,
        voorzieningsoort=soort,
        jaar=2025,
        uitgaven=Decimal("9000.00"),
        inkomsten=Decimal("500.00"),
    )
    Begroting.objects.create(gemeente=wereld.rijswijk, voorzieningsoort=soort, jaar=2026, uitgaven=Decimal("9500.00"))
    wereld.toewijzing(wereld.rijswijk, D(2024, 1, 1), D(2024, 1, 28))  # 720.00 in 2024
    wereld.toewijzing(wereld.rijswijk, D(2025, 1, 1), D(2025, 12, 31))  # the whole of 2025
    # A new allocation in May 2025: 3 h/week from 1 to 31 May, 31/7 × 180 = 797.142… → 797.14 in May.
    wereld.toewijzing(wereld.rijswijk, D(2025, 5, 1), D(2025, 5, 31))
    regels = begrotingstabel([wereld.rijswijk], [2024, 2025, 2026], D(2025, 6, 30))
    vorig, dit, volgend = regels
    assert (vorig.begroting_uitgaven, vorig.realisatie_uitgaven, vorig.prognose, vorig.saldo) == (
        Decimal("10000.00"),
        Decimal("720.00"),
        Decimal("720.00"),
        Decimal("9280.00"),
    )
    assert vorig.begroting_inkomsten is None and vorig.realisatie_inkomsten is None
    # 2025 to 30 June: whole-year allocation 181/7 × 180 = 4654.285… → 4654.29, plus May 797.14.
    assert dit.realisatie_uitgaven == Decimal("5451.43")
    assert dit.tot_en_met == D(2025, 6, 30)
    # Commitments: 184/7 × 180 = 4731.428… → 4731.43. Trend: April 0, May 797.14, June 0 → mean
    # 265.713… × 6 months = 1594.28. Forecast 5451.43 + 4731.43 + 1594.28 = 11777.14.
    assert dit.prognose == Decimal("11777.14")
    assert dit.saldo == Decimal("9000.00") - Decimal("11777.14")
    assert dit.begroting_inkomsten == Decimal("500.00")
    assert (volgend.begroting_uitgaven, volgend.realisatie_uitgaven, volgend.prognose) == (
        Decimal("9500.00"),
        None,
        None,
    )
