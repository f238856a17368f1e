from datetime import date

import pytest

from openwmo.demo.gebruikers import demo_gebruikers_aanmaken

from ..factories import AanbiederFactory, ClientFactory, ProductFactory, ToewijzingFactory
from .test_shell import _inloggen

pytestmark = pytest.mark.browser


def test_consulent_ziet_berichten_met_retourcodes_en_open_verzoeken(
    page, live_server, transactional_db, artefacten_dir
):
    from openwmo.berichten.inbox import ontvang
    from openwmo.berichten.simulator import startbericht, verzoek_om_toewijzing
    from openwmo.catalogus.referentie import referentiegegevens_laden
    from openwmo.core.models import Gemeente

    referentiegegevens_laden()
    demo_gebruikers_aanmaken()
    client = ClientFactory(gemeente=Gemeente.objects.get(cbs_code="0603"))
    t = ToewijzingFactory(
        toewijzingsnummer="500123",
        beschikking__client=client,
        product=ProductFactory(),
        aanbieder=AanbiederFactory(agb_code="98100001"),
    )
    ontvang(startbericht(t, date(2016, 2, 3), date(2016, 2, 5)))
    ontvang(startbericht(t, date(2016, 2, 3), date(2016, 2, 5), nummer=4242))
    ontvang(verzoek_om_toewijzing(t, "REF1", date(2016, 3, 1), date(2016, 2, 5)))
    _inloggen(page, live_server, "consulent", "demo-consulent")
    page.get_by_role("link", name="Berichten").first.click()
    page.get_by_role("heading", name="iWmo-berichten").wait_for()
    assert page.get_by_text("Afgekeurd (9019)").is_visible()
    page.screenshot(path=f"{artefacten_dir}/berichten_lijst.png", full_page=True)
    page.get_by_role("link", name="Verzoeken").first.click()
    assert page.get_by_text("REF1").is_visible()
    page.screenshot(path=f"{artefacten_dir}/berichten_verzoeken.png", full_page=True)


def test_consulent_kent_een_verzoek_toe_vanuit_de_werkvoorraad(page, live_server, transactional_db, artefacten_dir):
    from decimal import Decimal

    from openwmo.berichten.inbox import ontvang
    from openwmo.berichten.models import Verzoek
    from openwmo.berichten.simulator import verzoek_om_toewijzing
    from openwmo.catalogus.referentie import referentiegegevens_laden
    from openwmo.core.models import Gemeente
    from openwmo.toegang.models import BeschiktProduct, Toewijzing

    from ..factories import BeschikkingFactory, TariefFactory

    referentiegegevens_laden()
    demo_gebruikers_aanmaken()
    client = ClientFactory(gemeente=Gemeente.objects.get(cbs_code="0603"), achternaam="Verzoeker")
    aanbieder = AanbiederFactory(agb_code="98100001", naam="Zorg Rijswijk")
    product = ProductFactory(productcode="02A02", naam="Begeleiding individueel midden")
    TariefFactory(contract__aanbieder=aanbieder, product=product)
    BeschiktProduct.objects.create(
        beschikking=BeschikkingFactory(client=client),
        product=product,
        volume=Decimal("3"),
        eenheid="04",
        frequentie="2",
        ingangsdatum=date(2016, 2, 1),
        einddatum=date(2016, 12, 31),
    )
    sjabloon = Toewijzing(client=client, gemeente=client.gemeente, aanbieder=aanbieder, product=product, volume=3)
    ontvang(verzoek_om_toewijzing(sjabloon, "REFBROWSER", date(2016, 3, 1), date(2016, 2, 5)))
    _inloggen(page, live_server, "consulent", "demo-consulent")
    page.goto(f"{live_server.url}/toegang/?alle=1")
    page.get_by_text("Verzoek van aanbieder beantwoorden (5 werkdagen)").wait_for()
    page.get_by_role("link", name="REFBROWSER", exact=False).click()
    page.get_by_role("heading", name="Verzoek toekennen").wait_for()
    assert page.get_by_label("Ingangsdatum").input_value() == "2016-03-01"
    page.screenshot(path=f"{artefacten_dir}/berichten_verzoek_toekennen.png", full_page=True)
    page.get_by_role("button", name="Toekennen").click()
    page.get_by_text("Verzoek REFBROWSER is toegekend").wait_for()
    assert Verzoek.objects.get().toewijzing.aanbieder == aanbieder
