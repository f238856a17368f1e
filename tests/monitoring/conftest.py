"""A small hand-computed data set for the monitoring tables (expectations in the tests' comments).

Rijswijk, two districts (Oud: 1,000 inhabitants, Nieuw: 2,000; municipality 3,000 in 2017), products
IB (02A01, hours per week) and HH (01A01), providers Zorg Een (tariffs IB 60.00, HH 30.00) and Zorg Twee
(HH 32.00, no IB tariff). Allocations:
  t1 c1 (Oud)   IB Een   2017-01-02..2017-01-15  3/wk  2 ISO weeks  →   6 h × 60 =   360.00
  t2 c2 (Nieuw) HH Twee  2016-06-01..open        2/wk  53 weeks     → 106 h × 32 = 3,392.00
  t3 c2 (Nieuw) IB Een   2017-03-01..2017-03-31  1/wk  5 weeks      →   5 h × 60 =   300.00
  t4 c3 (Oud)   HH Een   2017-05-01..2017-05-14  1/wk  2 weeks      →   2 h × 30 =    60.00
  t5 c3 (Oud)   IB Een   2017-06-01..2017-06-30  1/wk  5 weeks      →   5 h × 60 =   300.00
  t6 c4 (none)  IB Twee  2017-01-01..2017-12-31  2/wk  no tariff    →   unknown
"""

import datetime
from decimal import Decimal

import pytest

from openwmo.monitoring.tabellen import Scope

from ..factories import (
    AanbiederFactory,
    ClientFactory,
    ContractFactory,
    GemeenteFactory,
    InwonertalFactory,
    ProductFactory,
    TariefFactory,
    ToewijzingFactory,
    VoorzieningsoortFactory,
    WijkFactory,
)

D = datetime.date


@pytest.fixture
def kleine_gemeente(db):
    rijswijk = GemeenteFactory(cbs_code="0603", naam="Rijswijk")
    delft = GemeenteFactory(cbs_code="0503", naam="Delft")
    oud = WijkFactory(gemeente=rijswijk, code="01", naam="Oud")
    nieuw = WijkFactory(gemeente=rijswijk, code="02", naam="Nieuw")
    InwonertalFactory(gemeente=rijswijk, aantal=3000)
    InwonertalFactory(gemeente=rijswijk, wijk=oud, aantal=1000)
    InwonertalFactory(gemeente=rijswijk, wijk=nieuw, aantal=2000)
    InwonertalFactory(gemeente=delft, aantal=5000)
    ib = ProductFactory()
    hh = ProductFactory(
        productcategorie="01",
        productcode="01A01",
        naam="Hulp bij het huishouden",
        voorzieningsoort=VoorzieningsoortFactory(code="HH", naam="Hulp bij het huishouden"),
    )
    een, twee = AanbiederFactory(naam="Zorg Een"), AanbiederFactory(naam="Zorg Twee")
    k1, k2 = ContractFactory(aanbieder=een), ContractFactory(aanbieder=twee)
    TariefFactory(contract=k1, product=ib, bedrag=Decimal("60.00"))
    TariefFactory(contract=k1, product=hh, bedrag=Decimal("30.00"))
    TariefFactory(contract=k2, product=hh, bedrag=Decimal("32.00"))
    c1, c3 = ClientFactory(gemeente=rijswijk, wijk=oud), ClientFactory(gemeente=rijswijk, wijk=oud)
    c2, c4 = ClientFactory(gemeente=rijswijk, wijk=nieuw), ClientFactory(gemeente=rijswijk)

    def toewijzing(client, product, aanbieder, start, eind, volume):
        return ToewijzingFactory(
            beschikking__client=client,
            product=product,
            aanbieder=aanbieder,
            ingangsdatum=start,
            einddatum=eind,
            volume=Decimal(volume),
        )

    toewijzing(c1, ib, een, D(2017, 1, 2), D(2017, 1, 15), 3)
    toewijzing(c2, hh, twee, D(2016, 6, 1), None, 2)
    toewijzing(c2, ib, een, D(2017, 3, 1), D(2017, 3, 31), 1)
    toewijzing(c3, hh, een, D(2017, 5, 1), D(2017, 5, 14), 1)
    toewijzing(c3, ib, een, D(2017, 6, 1), D(2017, 6, 30), 1)
    toewijzing(c4, ib, twee, D(2017, 1, 1), D(2017, 12, 31), 2)
    # Delft: one allocation that no Rijswijk figure may include.
    toewijzing(ClientFactory(gemeente=delft), ib, een, D(2017, 1, 1), D(2017, 12, 31), 9)
    return {
        "gemeente": rijswijk,
        "delft": delft,
        "oud": oud,
        "nieuw": nieuw,
        "ib": ib,
        "hh": hh,
        "een": een,
        "twee": twee,
    }


@pytest.fixture
def scope_2017(kleine_gemeente):
    def maak(**filters):
        return Scope(
            gemeenten=(kleine_gemeente["gemeente"],),
            peildatum=D(2017, 1, 10),
            van=D(2017, 1, 1),
            tot=D(2017, 12, 31),
            **filters,
        )

    return maak
