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
