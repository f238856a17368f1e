"""A small world for spend and scenarios: two municipalities, one provider, hour and output products."""

import datetime
from decimal import Decimal

import pytest

from openwmo.core.models import Inwonertal

from ..factories import (
    AanbiederFactory,
    ClientFactory,
    ContractFactory,
    ContractProductFactory,
    ProductFactory,
    TariefFactory,
    ToewijzingFactory,
    VoorzieningsoortFactory,
)

D = datetime.date


class Wereld:
    def __init__(self, rijswijk, delft):
        self.rijswijk, self.delft = rijswijk, delft
        Inwonertal.objects.create(gemeente=rijswijk, jaar=2025, aantal=30000)
        Inwonertal.objects.create(gemeente=delft, jaar=2025, aantal=10000)
        self.aanbieder = AanbiederFactory(naam="Zorg BV")
        self.uur = ProductFactory()  # 02A01, hours per week
        self.output = ProductFactory(
            voorzieningsoort=VoorzieningsoortFactory(code="ARR", naam="Arrangement"),
            productcategorie="10",
            productcode="10A01",
            naam="Kort herstel",
            eenheid="82",
            frequentie="4",
        )
        self.contract = ContractFactory(aanbieder=self.aanbieder, ingangsdatum=D(2020, 1, 1), einddatum=D(2030, 12, 31))
        ContractProductFactory(contract=self.contract, product=self.uur, bekostigingsvorm="inspanningsgericht")
        ContractProductFactory(contract=self.contract, product=self.output, bekostigingsvorm="outputgericht")
        TariefFactory(contract=self.contract, product=self.uur, ingangsdatum=D(2020, 1, 1), bedrag=Decimal("60.00"))
        TariefFactory(contract=self.contract, product=self.output, ingangsdatum=D(2020, 1, 1), bedrag=Decimal("800.00"))

    def toewijzing(self, gemeente, start, eind, product=None, volume=Decimal("3"), eenheid="04", frequentie="2", **kw):
        client = ClientFactory(gemeente=gemeente)
        return ToewijzingFactory(
            beschikking__client=client,
            client=client,
            gemeente=gemeente,
            aanbieder=kw.pop("aanbieder", self.aanbieder),
            product=product or self.uur,
            ingangsdatum=start,
            einddatum=eind,
            volume=volume,
            eenheid=eenheid,
            frequentie=frequentie,
            **kw,
        )


@pytest.fixture
def wereld(rijswijk, delft):
    return Wereld(rijswijk, delft)
