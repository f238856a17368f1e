"""The import page of the functioneel beheerder: upload, dry run, errors per row, CSV error report."""

import io
import zipfile

import pytest

from openwmo.core.models import Client

from ..factories import UserFactory
from .conftest import VOORBEELD

pytestmark = pytest.mark.django_db


def _zip(bestanden="*.csv", **vervangingen) -> io.BytesIO:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archief:
        for pad in VOORBEELD.glob(bestanden):
            tekst = pad.read_text(encoding="utf-8")
            for oud, nieuw in vervangingen.items():
                tekst = tekst.replace(oud, nieuw)
            archief.writestr(f"map/{pad.name}", tekst)
    data.seek(0)
    data.name = "import.zip"
    return data


@pytest.fixture
def beheerder(referentie):
    from openwmo.core.models import Gemeente

    return UserFactory(rol="beheerder", gemeenten=list(Gemeente.objects.filter(cbs_code__in=["0603", "0637"])))


def test_only_the_beheerder_may_open_the_import_page(client, consulent_rijswijk):
    client.force_login(consulent_rijswijk)
    assert client.get("/importeren/").status_code == 403


def test_dry_run_then_real_import_from_the_page(client, beheerder):
    client.force_login(beheerder)
    velden = {"historisch": "on", "aanbieders_aanmaken": "on"}
    proef = client.post("/importeren/", {"bestand": _zip(), "proef": "on", **velden})
    assert "Geen fouten gevonden. Er is nog niets opgeslagen" in proef.content.decode()
    assert not Client.objects.exists()
    echt = client.post("/importeren/", {"bestand": _zip(), **velden})
    assert "De import is zonder fouten uitgevoerd." in echt.content.decode()
    assert Client.objects.count() == 4


def test_errors_are_shown_per_row_and_downloadable_as_csv(client, beheerder):
    client.force_login(beheerder)
    antwoord = client.post(
        "/importeren/",
        {
            "bestand": _zip("clienten.csv", **{"999990020;": "999990021;"}),
            "historisch": "on",
            "aanbieders_aanmaken": "on",
        },
    )
    pagina = antwoord.content.decode()
    assert "Er is 1 fout gevonden." in pagina
    assert "Dit BSN is ongeldig: het voldoet niet aan de elfproef." in pagina
    rapport = client.get("/importeren/foutrapport.csv")
    assert rapport["Content-Disposition"] == 'attachment; filename="foutrapport-import.csv"'
    regels = rapport.content.decode("utf-8-sig").splitlines()
    assert regels == [
        "bestand;rij;kolom;melding",
        "clienten.csv;4;bsn;Dit BSN is ongeldig: het voldoet niet aan de elfproef.",
    ]


def test_a_file_in_another_encoding_is_refused_with_a_clear_message(client, beheerder):
    client.force_login(beheerder)
    data = io.BytesIO((VOORBEELD / "clienten.csv").read_text(encoding="utf-8").encode("cp1252"))
    data.name = "clienten.csv"
    pagina = client.post("/importeren/", {"bestand": data, "proef": "on"}).content.decode()
    assert "is geen UTF-8" in pagina and not Client.objects.exists()
