import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from openwmo.inkoop.models import Contract, Tarief
from openwmo.inkoop.selectors import tarief_op
from openwmo.inkoop.services import contract_create, tarief_create

from ..factories import AanbiederFactory, ContractFactory, ProductFactory, TariefFactory

D = datetime.date


def test_contract_that_ends_before_it_starts_is_refused_and_not_saved(db):
    aanbieder = AanbiederFactory()
    with pytest.raises(ValidationError) as fout:
        contract_create(
            user=None, nummer="C-1", aanbieder=aanbieder, ingangsdatum=D(2017, 1, 1), einddatum=D(2016, 12, 31)
        )
    assert fout.value.message_dict["einddatum"] == ["De einddatum van het contract ligt vóór de ingangsdatum."]
    assert not Contract.objects.exists()


def test_invalid_agb_code_is_refused(db):
    with pytest.raises(ValidationError) as fout:
        AanbiederFactory.build(agb_code="1234").full_clean()
    assert fout.value.message_dict["agb_code"] == ["Een AGB-code bestaat uit precies 8 cijfers."]


def test_overlapping_tariff_periods_for_the_same_product_and_contract_are_refused(db):
    bestaand = TariefFactory(ingangsdatum=D(2016, 1, 1), einddatum=D(2016, 12, 31))
    with pytest.raises(ValidationError) as fout:
        tarief_create(
            user=None,
            contract=bestaand.contract,
            product=bestaand.product,
            ingangsdatum=D(2016, 7, 1),
            einddatum=None,
            bedrag=Decimal("60.00"),
        )
    assert fout.value.message_dict["ingangsdatum"] == [
        "Deze periode overlapt met het tarief vanaf 01-01-2016 voor hetzelfde product en contract."
    ]
    assert Tarief.objects.count() == 1


def test_consecutive_tariff_periods_are_accepted(db):
    bestaand = TariefFactory(ingangsdatum=D(2016, 1, 1), einddatum=D(2016, 12, 31))
    tarief_create(
        user=None,
        contract=bestaand.contract,
        product=bestaand.product,
        ingangsdatum=D(2017, 1, 1),
        bedrag=Decimal("59.50"),
        indexatie_pct=Decimal("1.88"),
    )
    assert Tarief.objects.count() == 2


def test_open_ended_tariff_overlaps_a_later_one(db):
    bestaand = TariefFactory(ingangsdatum=D(2016, 1, 1), einddatum=None)
    with pytest.raises(ValidationError):
        tarief_create(
            user=None,
            contract=bestaand.contract,
            product=bestaand.product,
            ingangsdatum=D(2030, 1, 1),
            bedrag=Decimal("1.00"),
        )


def test_tarief_op_respects_accession_date_and_periods(rijswijk):
    product = ProductFactory()
    contract = ContractFactory(ingangsdatum=D(2015, 1, 1), toetredingsdatum=D(2016, 3, 1))
    TariefFactory(
        contract=contract,
        product=product,
        ingangsdatum=D(2015, 1, 1),
        einddatum=D(2016, 12, 31),
        bedrag=Decimal("50.00"),
    )
    TariefFactory(contract=contract, product=product, ingangsdatum=D(2017, 1, 1), bedrag=Decimal("51.00"))
    assert tarief_op(contract.aanbieder, product, rijswijk, D(2016, 2, 29)) is None  # before accession
    assert tarief_op(contract.aanbieder, product, rijswijk, D(2016, 3, 1)).bedrag == Decimal("50.00")
    assert tarief_op(contract.aanbieder, product, rijswijk, D(2017, 1, 1)).bedrag == Decimal("51.00")
    assert tarief_op(contract.aanbieder, product, rijswijk, D(2027, 1, 1)) is None  # contract ended
