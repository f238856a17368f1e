"""Claims in the browser: the controller reads a claim with a rejected line; the provider uploads a 323."""

from datetime import date
from decimal import Decimal

import pytest

from openwmo.demo.gebruikers import DEMO_AANBIEDER, demo_gebruikers_aanmaken

from ..factories import ClientFactory, ContractFactory, TariefFactory, ToewijzingFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def claim(transactional_db, tmp_path):
    from openwmo.catalogus.models import Product
    from openwmo.catalogus.referentie import referentiegegevens_laden
    from openwmo.core.models import Gemeente
    from openwmo.declaraties.checks import Declaratie, Prestatie
    from openwmo.declaraties.services import declaratie_verwerken_323
    from openwmo.inkoop.models import Aanbieder
    from tests.declaraties.bericht_maker import als_323

    referentiegegevens_laden()
    demo_gebruikers_aanmaken()
    aanbieder = Aanbieder.objects.get(agb_code=DEMO_AANBIEDER["agb_code"])
    rijswijk = Gemeente.objects.get(cbs_code="0603")
    product = Product.objects.get(productcode="02A01")
    contract = ContractFactory(aanbieder=aanbieder, ingangsdatum=date(2024, 1, 1), einddatum=date(2024, 12, 31))
    TariefFactory(contract=contract, product=product, ingangsdatum=date(2024, 1, 1), bedrag=Decimal("62.50"))
    client = ClientFactory(gemeente=rijswijk)
    ToewijzingFactory(toewijzingsnummer="700001", beschikking__client=client, product=product, aanbieder=aanbieder,
                      ingangsdatum=date(2024, 1, 1), einddatum=date(2024, 12, 31), volume=Decimal("4"))  # fmt: skip

    def regel(ref, tnr, uren):
        return Prestatie(ref, tnr, client.bsn, "02", "02A01", date(2024, 3, 1), date(2024, 3, 31), uren, "04",
                         Decimal("62.50"), uren * Decimal("62.50"))  # fmt: skip

    def bericht(nummer, regels):
        som = sum((p.ingediend_bedrag for p in regels), Decimal("0.00"))
        d = Declaratie(nummer, aanbieder.agb_code, "0603", date(2024, 3, 1), date(2024, 3, 31), som, "D", regels)
        return als_323(d)

    declaratie_verwerken_323(bericht("D2403A", (regel("R1", "700001", 16), regel("R2", "799999", 3))))
    upload = tmp_path / "april.xml"
    upload.write_bytes(bericht("D2403B", (regel("R3", "700001", 99),)))
    return upload


def _inloggen(page, live_server, gebruikersnaam, wachtwoord):
    page.goto(f"{live_server.url}/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()


def test_controller_reads_a_partly_approved_claim(page, live_server, claim):
    _inloggen(page, live_server, "controller", "demo-controller")
    page.get_by_role("link", name="Declaraties").first.click()
    page.get_by_role("link", name="D2403A").click()
    page.get_by_role("heading", name="Declaratie D2403A").wait_for()
    assert page.get_by_text("Deels goedgekeurd").is_visible()
    assert page.get_by_text("9338", exact=True).is_visible()


def test_provider_uploads_a_claim_and_sees_the_rejection(page, live_server, claim):
    _inloggen(page, live_server, "aanbieder", "demo-aanbieder")
    page.get_by_role("link", name="Declaraties").first.click()
    page.get_by_role("link", name="Declaratie (WMO323) indienen").click()
    page.get_by_label("WMO323-bestand (XML)").set_input_files(str(claim))
    page.get_by_role("button", name="Indienen").click()
    page.get_by_role("heading", name="Declaratie D2403B").wait_for()
    assert page.get_by_text("9321", exact=True).is_visible()
