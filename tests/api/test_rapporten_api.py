import pytest

from ..factories import AanbiederGebruikerFactory
from .conftest import api_als

pytestmark = pytest.mark.django_db


def test_reports_are_listed_and_computed_as_json(controller_rijswijk, twee_aanbieders):
    api = api_als(controller_rijswijk)
    namen = [r["naam"] for r in api.get("/api/v1/rapporten/").json()]
    assert "clienten-hh-begeleiding" in namen
    tabel = api.get("/api/v1/rapporten/clienten-hh-begeleiding/?gemeente=0603&peildatum=2016-06-01").json()
    assert tabel["gemeenten"] == ["0603"] and tabel["peildatum"] == "2016-06-01"
    assert tabel["kolommen"] == ["Voorziening", "Cliënten"]
    assert tabel["rijen"][0]["Voorziening"] == "Hulp bij het huishouden"


def test_a_report_for_another_municipality_is_refused(controller_rijswijk, delft):
    antwoord = api_als(controller_rijswijk).get("/api/v1/rapporten/clienten-hh-begeleiding/?gemeente=0503")
    assert antwoord.status_code == 403
    assert antwoord.json() == {"detail": "U werkt niet voor gemeente 0503."}


def test_unknown_report_and_bad_date(controller_rijswijk):
    api = api_als(controller_rijswijk)
    assert api.get("/api/v1/rapporten/bestaat-niet/").status_code == 404
    fout = api.get("/api/v1/rapporten/clienten-hh-begeleiding/?peildatum=0001-01-01")
    assert fout.status_code == 400 and fout.json() == {"peildatum": ["Kies een datum tussen 1900 en 2999."]}


def test_providers_get_no_reports(rijswijk):
    assert api_als(AanbiederGebruikerFactory().user).get("/api/v1/rapporten/").status_code == 403
