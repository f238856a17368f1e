"""Security pages in a real browser: two-factor login, the audit log, the lockout page; no CSP violations."""

from pathlib import Path

import pytest
from django.test import override_settings

from openwmo.demo.gebruikers import DEMO_RESERVECODES, demo_gebruikers_aanmaken

from ..factories import ClientFactory, UserFactory
from .test_shell import _inloggen

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(transactional_db):
    from openwmo.catalogus.referentie import referentiegegevens_laden

    referentiegegevens_laden()
    demo_gebruikers_aanmaken()


@pytest.fixture
def csp_meldingen(page):
    """Console messages about the Content-Security-Policy blocking something."""
    meldingen = []
    page.on("console", lambda m: meldingen.append(m.text) if "Content Security Policy" in m.text else None)
    return meldingen


@pytest.fixture(autouse=True)
def _tweestaps_aan():
    with override_settings(OPENWMO_2FA_VERPLICHT=True):
        yield


def _foto(page, artefacten_dir, naam):
    page.screenshot(path=str(Path(artefacten_dir) / f"beveiliging-{naam}.png"), full_page=True)


def test_beheerder_passes_the_second_step_and_reads_the_log(page, live_server, demo, csp_meldingen, artefacten_dir):
    from openwmo.core.models import Gemeente

    rijswijk = Gemeente.objects.get(cbs_code="0603")
    client = ClientFactory(gemeente=rijswijk, achternaam="Rijswijker")
    consulent = UserFactory(username="c-rijswijk", rol="consulent", gemeenten=[rijswijk])
    from openwmo.core.selectors import client_ophalen

    client_ophalen(consulent, client.pk)

    _inloggen(page, live_server, "beheerder", "demo-beheerder")
    page.get_by_role("heading", name="Tweestapsverificatie").wait_for()
    _foto(page, artefacten_dir, "tweestaps-code")
    page.get_by_label("Code").fill(DEMO_RESERVECODES[1])
    page.get_by_role("button", name="Controleren").click()
    page.get_by_role("heading", name="Welkom, Pieter Bakker").wait_for()

    page.get_by_role("link", name="Logboek").click()
    page.get_by_role("heading", name="Logboek dataverwerkingen").wait_for()
    assert page.get_by_role("cell", name=client.bsn).is_visible()
    page.get_by_label("BSN van de cliënt").fill(client.bsn)
    page.get_by_role("button", name="Filteren").click()
    assert page.get_by_text("1 verwerking", exact=True).is_visible()
    _foto(page, artefacten_dir, "logboek")

    page.goto(f"{live_server.url}/beheer/core/verwerking/")
    page.goto(f"{live_server.url}/beheer/core/client/add/")
    assert csp_meldingen == []


def test_staff_member_without_a_device_sees_a_qr_code(page, live_server, demo, csp_meldingen, artefacten_dir):
    UserFactory(username="nieuwe-beheerder", rol="beheerder", is_staff=True)
    _inloggen(page, live_server, "nieuwe-beheerder", "geheim-wachtwoord")
    page.get_by_role("heading", name="Tweestapsverificatie instellen").wait_for()
    assert page.locator("figure.ow-qr svg").is_visible()
    assert page.get_by_text("Geheime sleutel:").is_visible()
    _foto(page, artefacten_dir, "tweestaps-instellen")
    assert csp_meldingen == []


def test_five_wrong_passwords_show_the_lockout_page(page, live_server, demo, artefacten_dir):
    for _poging in range(5):
        _inloggen(page, live_server, "consulent", "verkeerd")
    page.get_by_role("heading", name="Tijdelijk geblokkeerd").wait_for()
    assert "Probeer het over 15 minuten opnieuw." in page.get_by_role("alert").inner_text()
    _foto(page, artefacten_dir, "geblokkeerd")
