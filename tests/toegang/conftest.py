import datetime
from decimal import Decimal

import pytest

from openwmo.toegang.services import doel_create, plan_create

from ..factories import ResultaatgebiedFactory, TariefFactory

D = datetime.date


@pytest.fixture
def plan_met_doel(consulent_rijswijk, client_rijswijk):
    plan = plan_create(user=consulent_rijswijk, client=client_rijswijk, ingangsdatum=D(2016, 1, 15))
    doel_create(
        user=consulent_rijswijk,
        plan=plan,
        resultaatgebied=ResultaatgebiedFactory(),
        omschrijving="Zelf de post en rekeningen bijhouden",
        bijdrage_client="Opent de post dagelijks",
        bijdrage_netwerk="Dochter helpt één keer per week",
        bijdrage_algemene_voorziening="Formulierenbrigade",
        bijdrage_maatwerk="Begeleiding individueel",
    )
    return plan


@pytest.fixture
def tarief(rijswijk):
    return TariefFactory(ingangsdatum=D(2015, 1, 1), bedrag=Decimal("58.40"))
