"""iWmo deadlines on the consultant's main worklist (toegang's signalen_voor), per municipality."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from openwmo.berichten.inbox import ontvang
from openwmo.berichten.models import Bericht, Richting, Status, Verzoek
from openwmo.berichten.outbox import exporteren
from openwmo.berichten.simulator import startbericht, verzoek_om_toewijzing
from openwmo.toegang.selectors import signalen_voor
from tests.factories import GemeenteFactory, MeldingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rijswijk_consulent(opzet):
    return UserFactory(rol="consulent", gemeenten=[opzet.gemeente])


@pytest.fixture
def delft_consulent(db):
    return UserFactory(rol="consulent", gemeenten=[GemeenteFactory(cbs_code="0503", naam="Delft")])


def _van_soort(user, vandaag, soort, alleen_eigen=False):
    return [s for s in signalen_voor(user, vandaag, alleen_eigen=alleen_eigen) if s.soort == soort]


def test_open_verzoek_staat_met_zijn_termijn_van_5_werkdagen_op_de_werkvoorraad(
    opzet, rijswijk_consulent, delft_consulent
):
    ontvang(verzoek_om_toewijzing(opzet, "REFW", date(2016, 3, 1), date(2016, 2, 5)))
    verzoek = Verzoek.objects.get()
    vandaag = timezone.localdate()
    [s] = _van_soort(rijswijk_consulent, vandaag, "verzoek")
    assert (s.uiterlijk, s.client, s.status) == (verzoek.deadline, opzet.client, "nadert")
    assert "REFW" in s.omschrijving and s.url == f"/berichten/verzoeken/{verzoek.pk}/toekennen/"
    assert _van_soort(rijswijk_consulent, verzoek.deadline + timedelta(days=1), "verzoek")[0].status == "verlopen"
    # "only my clients": the request shows once the consultant handles the client
    assert _van_soort(rijswijk_consulent, vandaag, "verzoek", alleen_eigen=True) == []
    MeldingFactory(client=opzet.client, consulent=rijswijk_consulent)
    assert len(_van_soort(rijswijk_consulent, vandaag, "verzoek", alleen_eigen=True)) == 1
    assert _van_soort(delft_consulent, vandaag, "verzoek") == []
    Verzoek.objects.update(status=Verzoek.VerzoekStatus.AFGEWEZEN)
    assert _van_soort(rijswijk_consulent, vandaag, "verzoek") == []


def test_retour_die_we_nog_moeten_versturen_staat_per_aanbieder_tot_de_export(
    opzet, rijswijk_consulent, delft_consulent, tmp_path
):
    ontvang(startbericht(opzet, date(2016, 2, 3), date(2016, 2, 5)))
    ontvang(startbericht(opzet, date(2016, 2, 3), date(2016, 2, 5), nummer=4242))  # rejected: a retour too
    ontvangen = Bericht.objects.filter(richting=Richting.IN).order_by("pk").first()
    vandaag = timezone.localdate()
    [s] = _van_soort(rijswijk_consulent, vandaag, "retour")
    assert s.omschrijving == "2 retourbericht(en) aan Zorg Rijswijk (Rijswijk) nog niet verzonden"
    assert (s.uiterlijk, s.client, s.url) == (ontvangen.deadline, None, "/berichten/export/")
    assert _van_soort(rijswijk_consulent, vandaag, "retour", alleen_eigen=True) == []  # not about one client
    assert _van_soort(delft_consulent, vandaag, "retour") == []
    exporteren(tmp_path)
    assert _van_soort(rijswijk_consulent, vandaag, "retour") == []


def test_323_die_op_een_325_wacht_staat_met_zijn_termijn_van_10_werkdagen(opzet, rijswijk_consulent, delft_consulent):
    vandaag = timezone.localdate()
    bericht = Bericht.objects.create(
        richting=Richting.IN,
        berichtcode="323",
        afzender="98100001",
        ontvanger="0603",
        identificatie="DECL1",
        sha256="0" * 64,
        status=Status.WACHT,
        gemeente=opzet.gemeente,
        aanbieder=opzet.aanbieder,
        deadline=vandaag + timedelta(days=3),
    )
    [s] = _van_soort(rijswijk_consulent, vandaag, "declaratie_325")
    assert "DECL1" in s.omschrijving and s.uiterlijk == bericht.deadline and s.url == f"/berichten/{bericht.pk}/"
    assert _van_soort(rijswijk_consulent, vandaag - timedelta(days=10), "declaratie_325") == []  # not due yet
    assert _van_soort(delft_consulent, vandaag, "declaratie_325") == []
    Bericht.objects.filter(pk=bericht.pk).update(status=Status.VERWERKT)
    assert _van_soort(rijswijk_consulent, vandaag, "declaratie_325") == []


def test_te_laat_gemelde_start_staat_twee_weken_op_de_werkvoorraad(opzet, rijswijk_consulent, delft_consulent):
    laat = ontvang(startbericht(opzet, date(2016, 2, 3), date(2016, 2, 22))).bericht
    assert laat.te_laat, laat.meldingen
    [s] = _van_soort(rijswijk_consulent, date(2016, 2, 23), "te_laat")
    assert (s.client, s.status, s.uiterlijk) == (opzet.client, "verlopen", date(2016, 2, 22))
    assert "Start zorg bij toewijzing 500123 te laat gemeld door Zorg Rijswijk" in s.omschrijving
    assert _van_soort(rijswijk_consulent, date(2016, 3, 10), "te_laat") == []  # older than two weeks
    assert _van_soort(delft_consulent, date(2016, 2, 23), "te_laat") == []


def test_werkvoorraadpagina_toont_de_berichtsignalen_met_link(opzet, rijswijk_consulent, delft_consulent, client):
    ontvang(verzoek_om_toewijzing(opzet, "REFPAGINA", date(2016, 3, 1), date(2016, 2, 5)))
    verzoek = Verzoek.objects.get()
    client.force_login(rijswijk_consulent)
    pagina = client.get("/toegang/?alle=1").content.decode()
    assert "Verzoek van aanbieder beantwoorden (5 werkdagen)" in pagina and "REFPAGINA" in pagina
    assert f'href="/berichten/verzoeken/{verzoek.pk}/toekennen/"' in pagina
    assert "Retourberichten versturen (3 werkdagen)" in pagina
    client.force_login(delft_consulent)
    pagina = client.get("/toegang/?alle=1").content.decode()
    assert "REFPAGINA" not in pagina and "Retourberichten versturen" not in pagina


def test_verzoek_voor_een_bsn_uit_een_andere_gemeente_toont_geen_naam(opzet, rijswijk_consulent):
    from tests.factories import ClientFactory

    delftenaar = ClientFactory(gemeente=GemeenteFactory(cbs_code="0503", naam="Delft"), achternaam="Delftenaar")
    sjabloon = type(opzet).objects.get(pk=opzet.pk)
    sjabloon.client = delftenaar
    ontvang(verzoek_om_toewijzing(sjabloon, "REFDELFT", date(2016, 3, 1), date(2016, 2, 5)))
    verzoek = Verzoek.objects.get()
    assert verzoek.client is None and verzoek.bsn == delftenaar.bsn
    [s] = _van_soort(rijswijk_consulent, timezone.localdate(), "verzoek")
    assert s.client is None and "onbekend" in s.omschrijving and "Delftenaar" not in s.omschrijving
