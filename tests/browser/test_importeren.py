import pytest

from openwmo.demo.gebruikers import demo_gebruikers_aanmaken

from ..importeren.conftest import VOORBEELD

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(transactional_db):
    from openwmo.catalogus.referentie import referentiegegevens_laden

    referentiegegevens_laden()
    demo_gebruikers_aanmaken()


def test_beheerder_runs_a_dry_run_import_and_sees_the_errors_per_row(page, live_server, demo, tmp_path):
    bestand = tmp_path / "clienten.csv"
    bestand.write_text(
        (VOORBEELD / "clienten.csv").read_text(encoding="utf-8").replace("999990020;", "999990021;"), encoding="utf-8"
    )
    page.goto(f"{live_server.url}/")
    page.get_by_label("Gebruikersnaam").fill("beheerder")
    page.get_by_label("Wachtwoord").fill("demo-beheerder")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Importeren").click()
    page.get_by_label("Bestand", exact=True).set_input_files(str(bestand))
    page.get_by_role("button", name="Importeren").click()
    page.get_by_role("heading", name="Resultaat van de proefimport").wait_for()
    assert page.get_by_text("Dit BSN is ongeldig: het voldoet niet aan de elfproef.").is_visible()
    assert page.get_by_role("link", name="Download het foutrapport (CSV)").is_visible()
