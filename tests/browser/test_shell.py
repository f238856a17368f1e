import pytest

from openwmo.demo.gebruikers import demo_gebruikers_aanmaken

from ..factories import ClientFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(transactional_db):
    from openwmo.catalogus.referentie import referentiegegevens_laden

    referentiegegevens_laden()
    demo_gebruikers_aanmaken()


def _inloggen(page, live_server, gebruikersnaam, wachtwoord):
    page.goto(f"{live_server.url}/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()


def test_consulent_logs_in_and_finds_a_client_of_rijswijk_only(page, live_server, demo):
    from openwmo.core.models import Gemeente

    ClientFactory(gemeente=Gemeente.objects.get(cbs_code="0603"), achternaam="Rijswijker")
    ClientFactory(gemeente=Gemeente.objects.get(cbs_code="0503"), achternaam="Delftenaar")
    _inloggen(page, live_server, "consulent", "demo-consulent")
    page.get_by_role("heading", name="Welkom, Sanne de Vries").wait_for()
    page.get_by_role("link", name="Cliënten").click()
    assert page.get_by_role("link", name="J. Rijswijker").is_visible()
    assert page.get_by_text("Delftenaar").count() == 0
    assert page.get_by_text("1 cliënt", exact=True).is_visible()
    # The NL Design System CSS is served from our own static files, not from a CDN.
    regels = page.evaluate(
        "[...document.styleSheets].filter(s => s.href && s.href.startsWith(location.origin))"
        ".map(s => s.cssRules.length)"
    )
    assert len(regels) == 3 and min(regels) >= 1 and max(regels) > 1000


def test_wrong_password_shows_a_dutch_error(page, live_server, demo):
    _inloggen(page, live_server, "consulent", "verkeerd")
    assert page.get_by_role("alert").inner_text().startswith("Voer een juiste gebruikersnaam en wachtwoord in")
