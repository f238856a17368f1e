import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from openwmo.core.models import Verwerking
from openwmo.toegang.models import Toewijzing
from openwmo.toegang.services import toewijzing_beeindigen, toewijzing_create, toewijzing_wijzigen

from ..factories import BeschikkingFactory, ProductFactory, TariefFactory, VoorzieningsoortFactory

D = datetime.date


@pytest.fixture
def tarief(rijswijk):
    return TariefFactory(ingangsdatum=D(2015, 1, 1))


@pytest.fixture
def beschikking(client_rijswijk):
    return BeschikkingFactory(client=client_rijswijk)


def _velden(beschikking, tarief, **extra):
    return {
        "beschikking": beschikking,
        "client": beschikking.client,
        "gemeente": beschikking.gemeente,
        "product": tarief.product,
        "aanbieder": tarief.contract.aanbieder,
        "ingangsdatum": D(2016, 2, 1),
        "einddatum": D(2016, 12, 31),
        "volume": Decimal("3"),
        "eenheid": "04",
        "frequentie": "2",
        **extra,
    }


def test_allocation_gets_a_unique_number_and_an_audit_entry(consulent_rijswijk, beschikking, tarief):
    eerste = toewijzing_create(user=consulent_rijswijk, **_velden(beschikking, tarief))
    tweede = toewijzing_create(
        user=consulent_rijswijk, **_velden(beschikking, tarief, ingangsdatum=D(2017, 1, 1), einddatum=D(2017, 6, 30))
    )
    assert eerste.toewijzingsnummer != tweede.toewijzingsnummer
    assert Verwerking.objects.filter(object_type="Toewijzing", actie="aanmaken").count() == 2


def test_overlapping_allocation_of_the_same_product_is_refused(consulent_rijswijk, beschikking, tarief):
    bestaand = toewijzing_create(user=consulent_rijswijk, **_velden(beschikking, tarief))
    with pytest.raises(ValidationError) as fout:
        toewijzing_create(user=consulent_rijswijk, **_velden(beschikking, tarief, ingangsdatum=D(2016, 12, 31)))
    assert fout.value.message_dict["ingangsdatum"] == [
        f"Deze cliënt heeft al toewijzing {bestaand.toewijzingsnummer} voor {tarief.product.naam} in deze periode; "
        "twee toewijzingen van hetzelfde product mogen niet overlappen."
    ]
    assert Toewijzing.objects.count() == 1


def test_wheelchairs_may_overlap(consulent_rijswijk, beschikking):
    rolstoel = ProductFactory(
        productcategorie="11",
        productcode="11X01",
        naam="Rolstoel",
        eenheid="82",
        frequentie="6",
        voorzieningsoort=VoorzieningsoortFactory(code="RV", naam="Rolstoelvoorziening"),
    )
    tarief = TariefFactory(product=rolstoel)
    velden = _velden(beschikking, tarief, volume=Decimal("1"), eenheid="82", frequentie="6", einddatum=None)
    toewijzing_create(user=consulent_rijswijk, **velden)
    toewijzing_create(user=consulent_rijswijk, **velden)
    assert Toewijzing.objects.count() == 2


def test_allocation_to_a_provider_without_contract_tariff_is_refused(consulent_rijswijk, beschikking, tarief):
    with pytest.raises(ValidationError) as fout:
        toewijzing_create(user=consulent_rijswijk, **_velden(beschikking, tarief, ingangsdatum=D(2014, 6, 1)))
    assert "geen contract met een tarief" in fout.value.message_dict["aanbieder"][0]
    assert not Toewijzing.objects.exists()


def test_weekly_allocation_needs_an_end_date(consulent_rijswijk, beschikking, tarief):
    with pytest.raises(ValidationError) as fout:
        toewijzing_create(user=consulent_rijswijk, **_velden(beschikking, tarief, einddatum=None))
    assert "CD076" in fout.value.message_dict["einddatum"][0]


def test_budget_and_volume_together_are_refused(consulent_rijswijk, beschikking, tarief):
    with pytest.raises(ValidationError) as fout:
        toewijzing_create(user=consulent_rijswijk, **_velden(beschikking, tarief, budget=Decimal("1000")))
    assert "CD077" in fout.value.message_dict["budget"][0]
    assert not Toewijzing.objects.exists()


def test_dagdelen_per_dag_are_refused_after_2020(consulent_rijswijk, beschikking, tarief):
    velden = _velden(beschikking, tarief, eenheid="16", frequentie="1", einddatum=D(2021, 6, 30))
    with pytest.raises(ValidationError) as fout:
        toewijzing_create(user=consulent_rijswijk, **velden)
    assert "CS338" in fout.value.message_dict["frequentie"][0]
    assert not Toewijzing.objects.exists()


def test_consulent_cannot_allocate_for_another_municipality(beschikking, tarief, delft):
    from ..factories import UserFactory

    consulent_delft = UserFactory(rol="consulent", gemeenten=[delft])
    with pytest.raises(PermissionDenied):
        toewijzing_create(user=consulent_delft, **_velden(beschikking, tarief))


def test_change_ends_the_old_allocation_and_creates_a_new_one(consulent_rijswijk, beschikking, tarief):
    oud = toewijzing_create(user=consulent_rijswijk, **_velden(beschikking, tarief))
    nieuw = toewijzing_wijzigen(
        user=consulent_rijswijk, toewijzing=oud, ingangsdatum=D(2016, 6, 1), reden_wijziging="05", volume=Decimal("2")
    )
    oud.refresh_from_db()
    assert oud.einddatum == D(2016, 5, 31)
    assert (nieuw.ingangsdatum, nieuw.einddatum, nieuw.volume, nieuw.reden_wijziging, nieuw.vorige) == (
        D(2016, 6, 1),
        D(2016, 12, 31),
        Decimal("2"),
        "05",
        oud,
    )


def test_ending_records_the_reason(consulent_rijswijk, beschikking, tarief):
    toewijzing = toewijzing_create(user=consulent_rijswijk, **_velden(beschikking, tarief))
    toewijzing_beeindigen(
        user=consulent_rijswijk, toewijzing=toewijzing, einddatum=D(2016, 8, 31), reden_beeindiging="21"
    )
    toewijzing.refresh_from_db()
    assert (toewijzing.einddatum, toewijzing.reden_beeindiging) == (D(2016, 8, 31), "21")
