"""Fixtures shared by the inbox/outbox tests: one municipality, provider, client and allocation."""

from datetime import date

import pytest

from tests.factories import AanbiederFactory, ClientFactory, GemeenteFactory, ProductFactory, ToewijzingFactory

BEGIN = date(2016, 2, 1)
EINDE = date(2016, 12, 31)


@pytest.fixture
def opzet(db):
    gemeente = GemeenteFactory(cbs_code="0603", naam="Rijswijk")
    aanbieder = AanbiederFactory(agb_code="98100001", naam="Zorg Rijswijk")
    client = ClientFactory(gemeente=gemeente)
    product = ProductFactory()
    toewijzing = ToewijzingFactory(
        toewijzingsnummer="500123",
        beschikking__client=client,
        product=product,
        aanbieder=aanbieder,
        ingangsdatum=BEGIN,
        einddatum=EINDE,
    )
    return toewijzing
