"""Contract management services: extension, open-house accession, indexation, lots, budgets."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from openwmo.core.models import Verwerking
from openwmo.inkoop.models import Aanbesteding, Budgetafspraak, Contract, Perceel, Tarief
from openwmo.inkoop.services import (
    aanbesteding_create,
    budgetafspraak_create,
    contract_create,
    contract_verlengen,
    perceel_create,
    tarief_create,
    tarieven_indexeren,
    toetreden,
)

from ..factories import AanbiederFactory, ContractFactory, ContractProductFactory, ProductFactory, TariefFactory

D = datetime.date


@pytest.fixture
def perceel(rijswijk, delft):
    aanbesteding = Aanbesteding.objects.create(naam="Begeleiding H4", procedure="bestuurlijk")
    p = Perceel.objects.create(aanbesteding=aanbesteding, naam="Begeleiding", soort="regionaal")
    p.gemeenten.set([rijswijk, delft])
    return p


@pytest.fixture
def contract_2_plus_2(perceel):
    contract = ContractFactory(
        perceel=perceel,
        ingangsdatum=D(2021, 1, 1),
        einddatum=D(2022, 12, 31),
        verlenging_jaren=2,
        verlengingen_maximaal=1,
    )
    cp = ContractProductFactory(contract=contract)
    TariefFactory(contract=contract, product=cp.product, ingangsdatum=D(2021, 1, 1), einddatum=D(2021, 12, 31))
    TariefFactory(
        contract=contract, product=cp.product, ingangsdatum=D(2022, 1, 1), einddatum=None, bedrag=Decimal("60.00")
    )
    return contract


def test_extension_adds_the_option_years_once_then_is_refused(contract_2_plus_2, consulent_rijswijk):
    verlengd = contract_verlengen(user=consulent_rijswijk, contract=contract_2_plus_2)
    assert verlengd.einddatum == D(2024, 12, 31)
    assert verlengd.verlengingen_gebruikt == 1
    assert Verwerking.objects.filter(verwerkingsactiviteit="Contract verlengen").count() == 1
    with pytest.raises(ValidationError) as fout:
        contract_verlengen(user=None, contract=verlengd)
    assert fout.value.message_dict["verlengingen_gebruikt"] == [
        "Alle verlengingsopties van dit contract zijn gebruikt (1 van 1)."
    ]
    verlengd.refresh_from_db()
    assert verlengd.einddatum == D(2024, 12, 31)


def test_extension_of_29_february_lands_on_28_february(db):
    contract = ContractFactory(
        ingangsdatum=D(2020, 1, 1), einddatum=D(2024, 2, 29), verlenging_jaren=1, verlengingen_maximaal=2
    )
    assert contract_verlengen(user=None, contract=contract).einddatum == D(2025, 2, 28)


def test_accession_copies_lot_terms_products_and_tariffs_still_running(contract_2_plus_2):
    nieuwkomer = AanbiederFactory(naam="Nieuwkomer", agb_code="98199999")
    nieuw = toetreden(user=None, contract=contract_2_plus_2, aanbieder=nieuwkomer, toetredingsdatum=D(2022, 3, 1))
    assert nieuw.nummer == f"{contract_2_plus_2.nummer}-98199999"
    assert nieuw.perceel == contract_2_plus_2.perceel
    assert (nieuw.ingangsdatum, nieuw.einddatum, nieuw.toetredingsdatum) == (
        D(2021, 1, 1),
        D(2022, 12, 31),
        D(2022, 3, 1),
    )
    assert set(nieuw.gemeenten.all()) == set(contract_2_plus_2.gemeenten.all())
    assert [cp.product for cp in nieuw.producten.all()] == [cp.product for cp in contract_2_plus_2.producten.all()]
    # Only the 2022 tariff still applies on or after the accession date.
    assert [(t.ingangsdatum, t.bedrag) for t in nieuw.tarieven.all()] == [(D(2022, 1, 1), Decimal("60.00"))]


@pytest.mark.parametrize(
    ("datum", "melding"),
    [
        (D(2023, 1, 1), "De toetredingsdatum ligt na de einddatum van het contract."),
        (D(2020, 12, 31), "De toetredingsdatum ligt vóór de ingangsdatum van het contract."),
        (D(2021, 1, 1), "Toetreden gebeurt tijdens de looptijd, na de ingangsdatum van het contract."),
    ],
)
def test_accession_outside_the_term_is_refused_and_nothing_is_written(contract_2_plus_2, datum, melding):
    aantal = Contract.objects.count(), Tarief.objects.count()
    with pytest.raises(ValidationError) as fout:
        toetreden(user=None, contract=contract_2_plus_2, aanbieder=AanbiederFactory(), toetredingsdatum=datum)
    assert fout.value.message_dict["toetredingsdatum"] == [melding]
    assert (Contract.objects.count(), Tarief.objects.count()) == aantal


def test_accession_twice_or_to_a_european_tender_is_refused(contract_2_plus_2):
    aanbieder = AanbiederFactory(naam="Dubbel")
    toetreden(user=None, contract=contract_2_plus_2, aanbieder=aanbieder, toetredingsdatum=D(2022, 3, 1))
    with pytest.raises(ValidationError) as fout:
        toetreden(user=None, contract=contract_2_plus_2, aanbieder=aanbieder, toetredingsdatum=D(2022, 6, 1))
    assert "Dubbel heeft in dit perceel al contract" in fout.value.message_dict["aanbieder"][0]
    Aanbesteding.objects.update(procedure="europees")
    contract_2_plus_2.refresh_from_db()
    with pytest.raises(ValidationError) as fout:
        toetreden(user=None, contract=contract_2_plus_2, aanbieder=AanbiederFactory(), toetredingsdatum=D(2022, 6, 1))
    assert fout.value.message_dict["aanbieder"] == [
        "Toetreden kan niet bij een Europese aanbesteding, alleen bij open house."
    ]


def test_indexation_makes_next_years_tariffs_with_the_engine_rounding(db):
    contract = ContractFactory(ingangsdatum=D(2023, 1, 1), einddatum=D(2026, 12, 31))
    p1, p2 = ProductFactory(), ProductFactory(productcode="02A02", naam="Speciaal")
    TariefFactory(
        contract=contract, product=p1, ingangsdatum=D(2023, 1, 1), einddatum=D(2023, 12, 31), bedrag=Decimal("58.20")
    )
    TariefFactory(
        contract=contract, product=p2, ingangsdatum=D(2023, 1, 1), einddatum=D(2023, 12, 31), bedrag=Decimal("1.00")
    )
    nieuw = tarieven_indexeren(user=None, contract=contract, jaar=2024, percentage=Decimal("3.10"))
    assert sorted((t.product.productcode, t.bedrag) for t in nieuw) == [
        ("02A01", Decimal("60.00")),
        ("02A02", Decimal("1.03")),
    ]
    assert {(t.ingangsdatum, t.einddatum, t.indexatie_pct) for t in nieuw} == {
        (D(2024, 1, 1), D(2024, 12, 31), Decimal("3.10"))
    }
    assert Verwerking.objects.filter(verwerkingsactiviteit="Tarieven indexeren").count() == 2


def test_indexation_refuses_an_overlap_and_writes_nothing(db):
    contract = ContractFactory(ingangsdatum=D(2023, 1, 1), einddatum=D(2026, 12, 31))
    p1, p2 = ProductFactory(), ProductFactory(productcode="02A02", naam="Speciaal")
    TariefFactory(contract=contract, product=p1, ingangsdatum=D(2023, 1, 1), einddatum=D(2023, 12, 31))
    TariefFactory(contract=contract, product=p2, ingangsdatum=D(2023, 1, 1), einddatum=None)
    with pytest.raises(ValidationError) as fout:
        tarieven_indexeren(user=None, contract=contract, jaar=2024, percentage=Decimal("2.00"))
    assert fout.value.message_dict["jaar"] == [
        "Het tarief van Speciaal op 01-01-2023 loopt door in 2024; er is al een tarief in 2024. "
        "Geef het bestaande tarief eerst een einddatum."
    ]
    assert Tarief.objects.count() == 2


def test_indexation_without_tariffs_in_the_previous_year_is_refused(db):
    contract = ContractFactory(ingangsdatum=D(2023, 1, 1), einddatum=D(2026, 12, 31))
    with pytest.raises(ValidationError) as fout:
        tarieven_indexeren(user=None, contract=contract, jaar=2024, percentage=Decimal("2.00"))
    assert fout.value.message_dict["jaar"] == ["Er zijn geen tarieven op 31-12-2023 om te indexeren."]


def test_tariff_after_the_contract_end_is_refused(db):
    contract = ContractFactory(ingangsdatum=D(2023, 1, 1), einddatum=D(2023, 12, 31))
    with pytest.raises(ValidationError) as fout:
        tarief_create(
            user=None, contract=contract, product=ProductFactory(), ingangsdatum=D(2024, 1, 1), bedrag=Decimal("1.00")
        )
    assert fout.value.message_dict["ingangsdatum"] == ["Het tarief begint na de einddatum van het contract."]


def test_lot_needs_a_municipality_and_a_contract_only_takes_municipalities_of_its_lot(rijswijk, delft):
    aanbesteding = aanbesteding_create(user=None, naam="HH", procedure="europees")
    with pytest.raises(ValidationError) as fout:
        perceel_create(user=None, aanbesteding=aanbesteding, naam="HH lokaal", soort="lokaal", gemeenten=[])
    assert fout.value.message_dict["gemeenten"] == ["Kies minstens één deelnemende gemeente."]
    assert not Perceel.objects.exists()
    perceel = perceel_create(user=None, aanbesteding=aanbesteding, naam="HH", soort="lokaal", gemeenten=[rijswijk])
    with pytest.raises(ValidationError) as fout:
        contract_create(
            user=None,
            nummer="X",
            aanbieder=AanbiederFactory(),
            perceel=perceel,
            ingangsdatum=D(2024, 1, 1),
            gemeenten=[delft],
        )
    assert fout.value.message_dict["gemeenten"] == ["Delft neemt niet deel aan perceel HH."]
    contract = contract_create(
        user=None, nummer="Y", aanbieder=AanbiederFactory(), perceel=perceel, ingangsdatum=D(2024, 1, 1)
    )
    assert list(contract.gemeenten.all()) == [rijswijk]


def test_budget_agreement_once_per_provider_municipality_and_year(rijswijk):
    aanbieder = AanbiederFactory()
    budgetafspraak_create(user=None, aanbieder=aanbieder, gemeente=rijswijk, jaar=2025, bedrag=Decimal("100000.00"))
    with pytest.raises(ValidationError) as fout:
        budgetafspraak_create(user=None, aanbieder=aanbieder, gemeente=rijswijk, jaar=2025, bedrag=Decimal("1.00"))
    assert fout.value.message_dict["jaar"] == ["Er is al een budgetafspraak voor deze aanbieder, gemeente en dit jaar."]
    assert Budgetafspraak.objects.count() == 1
