"""The message pages: scoping per municipality and per provider, upload as own AGB, export ZIP, worklist."""

import io
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openwmo.berichten.inbox import ontvang
from openwmo.berichten.models import Bericht, Verzoek
from openwmo.berichten.outbox import outbox_bijwerken
from openwmo.berichten.simulator import startbericht, verzoek_om_toewijzing
from tests.factories import AanbiederGebruikerFactory, GemeenteFactory, UserFactory

pytestmark = pytest.mark.django_db
DAG = date(2016, 2, 5)


def test_gemeente_ziet_alleen_eigen_berichten(opzet, client):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG, identificatie="ZICHTBAAR"))
    delft = UserFactory(rol="consulent", gemeenten=[GemeenteFactory(cbs_code="0503", naam="Delft")])
    client.force_login(delft)
    assert "ZICHTBAAR" not in client.get("/berichten/").content.decode()
    assert client.get(f"/berichten/{Bericht.objects.get(berichtcode='305').pk}/").status_code == 404
    client.force_login(UserFactory(rol="consulent", gemeenten=[opzet.gemeente]))
    pagina = client.get("/berichten/").content.decode()
    assert "ZICHTBAAR" in pagina and "WMO306" in pagina


def test_detail_toont_xml_ontsnapt_en_retourcodes_met_betekenis(opzet, client):
    ontvangst = ontvang(startbericht(opzet, date(2016, 2, 3), DAG, nummer=4242))
    client.force_login(UserFactory(rol="consulent", gemeenten=[opzet.gemeente]))
    pagina = client.get(f"/berichten/{ontvangst.bericht.pk}/").content.decode()
    assert "&lt;wmo305:Bericht" in pagina and "9019" in pagina and "niet gekoppeld worden aan een toewijzing" in pagina


def test_filter_op_type_en_status(opzet, client):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG, identificatie="GOED"))
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG, identificatie="FOUT", nummer=1))
    client.force_login(UserFactory(rol="consulent", gemeenten=[opzet.gemeente]))
    pagina = client.get("/berichten/?berichtcode=305&status=afgekeurd").content.decode()
    assert "FOUT" in pagina and "GOED" not in pagina


def test_aanbieder_uploadt_alleen_als_zichzelf_en_ziet_alleen_eigen_berichten(opzet, client):
    koppeling = AanbiederGebruikerFactory(aanbieder=opzet.aanbieder)
    client.force_login(koppeling.user)
    xml = startbericht(opzet, date(2016, 2, 3), DAG, identificatie="EIGEN")
    pagina = client.post("/berichten/uploaden/", {"bestand": SimpleUploadedFile("s.xml", xml)}).content.decode()
    assert "Verwerkt" in pagina
    ander = AanbiederGebruikerFactory()
    client.force_login(ander.user)
    xml2 = startbericht(opzet, date(2016, 2, 4), DAG, identificatie="NAMENS")
    pagina = client.post("/berichten/uploaden/", {"bestand": SimpleUploadedFile("s.xml", xml2)}).content.decode()
    assert "Geweigerd" in pagina and not Bericht.objects.filter(identificatie="NAMENS").exists()
    assert "EIGEN" not in client.get("/berichten/").content.decode()
    assert client.get("/berichten/export/").status_code == 403


def test_export_download_is_een_zip_per_aanbieder(opzet, client):
    outbox_bijwerken()
    client.force_login(UserFactory(rol="consulent", gemeenten=[opzet.gemeente]))
    assert "98100001" in client.get("/berichten/export/").content.decode()
    antwoord = client.post("/berichten/export/", {"ontvanger": "98100001"})
    assert antwoord["Content-Type"] == "application/zip"
    namen = zipfile.ZipFile(io.BytesIO(antwoord.content)).namelist()
    assert len(namen) == 1 and namen[0].startswith("WMO301_0603_")
    assert Bericht.objects.get(berichtcode="301").status == "verzonden"


def test_werklijst_verzoeken_en_afwijzen(opzet, client):
    ontvang(verzoek_om_toewijzing(opzet, "REF1", date(2016, 3, 1), DAG))
    client.force_login(UserFactory(rol="consulent", gemeenten=[opzet.gemeente]))
    assert "REF1" in client.get("/berichten/verzoeken/").content.decode()
    verzoek = Verzoek.objects.get()
    pagina = client.post(f"/berichten/verzoeken/{verzoek.pk}/afwijzen/", {"reden": "3"}, follow=True)
    verzoek.refresh_from_db()
    assert verzoek.status == "afgewezen" and Bericht.objects.filter(berichtcode="319").count() == 1
    assert "Verzoek REF1 is afgewezen" in pagina.content.decode()
    assert "Er staan geen verzoeken open." in client.get("/berichten/verzoeken/").content.decode()


def test_api_geeft_de_retour_terug(opzet, client):
    client.force_login(UserFactory(rol="consulent", gemeenten=[opzet.gemeente]))
    antwoord = client.post(
        "/berichten/api/ontvangen/", startbericht(opzet, date(2016, 2, 3), DAG), content_type="application/xml"
    )
    assert antwoord.status_code == 200 and b"wmo306" in antwoord.content
    fout = client.post("/berichten/api/ontvangen/", b"<kapot", content_type="application/xml")
    assert fout.status_code == 422 and fout.json()["retourcodes"] == ["0001"]


def test_controller_ziet_geen_berichten(opzet, client):
    client.force_login(UserFactory(rol="controller", gemeenten=[opzet.gemeente]))
    assert client.get("/berichten/").status_code == 403
