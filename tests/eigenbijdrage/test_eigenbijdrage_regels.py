"""Abonnementstarief rules with the Zoetermeer examples (seeds/003) and the tariffs 2019–2024."""

from datetime import date
from decimal import Decimal

import pytest

from openwmo.eigenbijdrage.regels import (
    Abonnementstarief,
    TariefTabel,
    Tijdvak,
    Voorziening,
    VoorzieningSoort,
    beoordeel,
    termijnen_in_jaar,
    verschuldigd,
)

S = VoorzieningSoort
TABEL = TariefTabel(
    [Abonnementstarief(2019, Decimal("17.50"), Tijdvak.VIER_WEKEN)]
    + [Abonnementstarief(j, Decimal("19.00"), Tijdvak.MAAND) for j in range(2020, 2024)]
    + [Abonnementstarief(2024, Decimal("20.60"), Tijdvak.MAAND)]
)


def ib(**kw):
    return Voorziening(soort=kw.pop("soort", S.INDIVIDUELE_ONDERSTEUNING_THUIS), startdatum=date(2024, 1, 1), **kw)


def test_seven_months_individual_support_pays():
    b = beoordeel(ib(verwachte_duur_maanden=7))
    assert b.van_toepassing
    assert "langer dan 6 maanden" in b.reden


def test_walk_in_does_not_pay():
    b = beoordeel(ib(soort=S.LAAGDREMPELIGE_INLOOP, verwachte_duur_maanden=24))
    assert not b.van_toepassing
    assert b.reden.startswith("Laagdrempelige inloop")


def test_four_contacts_is_a_short_question():
    b = beoordeel(ib(verwachte_duur_maanden=7, aantal_contactmomenten=4))
    assert not b.van_toepassing
    assert "Kortdurende hulpvraag" in b.reden


def test_five_contacts_is_not_excluded_by_the_short_question_rule():
    assert beoordeel(ib(verwachte_duur_maanden=7, aantal_contactmomenten=5)).van_toepassing


@pytest.mark.parametrize(
    ("voorziening", "verwacht"),
    [
        (ib(verwachte_duur_maanden=6), False),  # exactly 6 months is not "over 6 months"
        (ib(einddatum=date(2024, 6, 30)), False),  # 1 Jan – 30 Jun: exactly 6 months
        (ib(einddatum=date(2024, 7, 1)), True),  # 6 months and a day
        (ib(), True),  # open end: a lasting relationship
        (ib(soort=S.INDIVIDUELE_ONDERSTEUNING_OP_LOCATIE, verwachte_duur_maanden=12), True),
        (ib(soort=S.GROEPSONDERSTEUNING, verwachte_duur_maanden=12), True),
        (ib(soort=S.DAGBESTEDING, verwachte_duur_maanden=12), True),
        (ib(soort=S.PREVENTIEVE_ACTIVITEIT, verwachte_duur_maanden=12), False),
        (ib(soort=S.INFORMATIE_EN_ADVIES), False),
        (ib(soort=S.GROEPSACTIVITEIT, verwachte_duur_maanden=12), False),
        (ib(soort=S.OVERIG, verwachte_duur_maanden=12), False),
        (ib(soort=S.OVERIG, verwachte_duur_maanden=1, altijd_bijdrage=True), True),
    ],
)
def test_rules(voorziening, verwacht):
    assert beoordeel(voorziening).van_toepassing is verwacht


def test_configured_always_contribution_gives_its_reason():
    b = beoordeel(ib(soort="overig", altijd_bijdrage=True, aantal_contactmomenten=1))
    assert b.van_toepassing and "altijd eigen bijdrage" in b.reden


def test_amount_per_month_2024_without_proration():
    # Support from 15 March to 10 May 2024: March, April and May are charged in full.
    v = Voorziening(S.DAGBESTEDING, date(2024, 3, 15), date(2024, 5, 10), verwachte_duur_maanden=12)
    uit = verschuldigd([v], date(2024, 1, 1), date(2024, 12, 31), TABEL)
    assert [t.begindatum.month for t in uit.termijnen] == [3, 4, 5]
    assert uit.bedrag == Decimal("61.80")


def test_amount_is_charged_once_per_client_however_many_provisions():
    a = Voorziening(S.DAGBESTEDING, date(2023, 1, 1), verwachte_duur_maanden=12)
    b = Voorziening(S.INDIVIDUELE_ONDERSTEUNING_THUIS, date(2023, 1, 1), verwachte_duur_maanden=12)
    assert verschuldigd([a, b], date(2023, 1, 1), date(2023, 12, 31), TABEL).bedrag == Decimal("228.00")


def test_amount_per_four_weeks_2019():
    v = Voorziening(S.INDIVIDUELE_ONDERSTEUNING_THUIS, date(2019, 1, 1), date(2019, 12, 31))
    uit = verschuldigd([v], date(2019, 1, 1), date(2019, 12, 31), TABEL)
    assert len(uit.termijnen) == 13
    assert uit.termijnen[-1].einddatum == date(2019, 12, 31)
    assert uit.bedrag == Decimal("227.50")  # 13 × 17.50


def test_across_years_uses_each_years_tariff():
    v = Voorziening(S.INDIVIDUELE_ONDERSTEUNING_THUIS, date(2023, 11, 1))
    uit = verschuldigd([v], date(2023, 11, 1), date(2024, 2, 29), TABEL)
    assert [t.bedrag for t in uit.termijnen] == [Decimal("19.00")] * 2 + [Decimal("20.60")] * 2
    assert uit.bedrag == Decimal("79.20")


def test_no_applicable_provision_costs_nothing():
    v = Voorziening(S.LAAGDREMPELIGE_INLOOP, date(2024, 1, 1))
    assert verschuldigd([v], date(2024, 1, 1), date(2024, 12, 31), TABEL).bedrag == Decimal("0.00")


def test_yearly_tariff_and_four_week_terms():
    assert termijnen_in_jaar(2024, Tijdvak.JAAR) == [(date(2024, 1, 1), date(2024, 12, 31))]
    vier = termijnen_in_jaar(2020, Tijdvak.VIER_WEKEN)
    assert vier[1] == (date(2020, 1, 29), date(2020, 2, 25)) and vier[-1][1] == date(2020, 12, 31)
    jaar = TariefTabel([Abonnementstarief(2025, Decimal("250.00"), "jaar")])
    v = Voorziening(S.DAGBESTEDING, date(2025, 6, 1))
    assert verschuldigd([v], date(2025, 1, 1), date(2025, 12, 31), jaar).bedrag == Decimal("250.00")


@pytest.mark.parametrize(
    ("bouw", "melding"),
    [
        (lambda: Voorziening("thuiszorg", date(2024, 1, 1)), "Voorziening.soort"),
        (lambda: Voorziening(S.DAGBESTEDING, date(2024, 2, 1), date(2024, 1, 1)), "Voorziening.einddatum"),
        (lambda: Voorziening(S.DAGBESTEDING, date(2024, 1, 1), aantal_contactmomenten=-1), "aantal_contact"),
        (lambda: Abonnementstarief(2024, 20.6, Tijdvak.MAAND), "Abonnementstarief.bedrag"),
        (lambda: Abonnementstarief(2024, Decimal("20.60"), "week"), "Abonnementstarief.tijdvak"),
        (lambda: TariefTabel([Abonnementstarief(2024, Decimal("1.00"), "maand")] * 2), "twee keer"),
        (
            lambda: verschuldigd([ib()], date(2025, 1, 1), date(2025, 1, 31), TABEL),
            "geen abonnementstarief voor 2025",
        ),
    ],
)
def test_bad_input_raises_a_clear_value_error(bouw, melding):
    with pytest.raises(ValueError, match=melding):
        bouw()
