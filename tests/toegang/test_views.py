"""The consultant's screens: scoping, the refusals a user sees, audit entries, and the decision letter."""

import datetime
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse

from openwmo.core.models import Verwerking
from openwmo.toegang.models import Aanvraag, Melding, Toewijzing
from openwmo.toegang.services import aanvraag_create, beschikking_create, melding_create

from ..factories import ContractFactory, MeldingFactory, UserFactory, geldig_bsn

D = datetime.date


@pytest.fixture
def ingelogd(client, consulent_rijswijk):
    client.force_login(consulent_rijswijk)
    return client


@pytest.fixture
def beschikking(consulent_rijswijk, client_rijswijk, plan_met_doel, tarief):
    aanvraag = aanvraag_create(
        user=consulent_rijswijk, client=client_rijswijk, aanvraagdatum=D(2016, 1, 20), omschrijving="Begeleiding"
    )
    return beschikking_create(
        user=consulent_rijswijk,
        client=client_rijswijk,
        gemeente=client_rijswijk.gemeente,
        aanvraag=aanvraag,
        besluitdatum=D(2016, 1, 28),
        ingangsdatum=D(2016, 2, 1),
        einddatum=D(2016, 12, 31),
        motivering="Zelfstandig wonen lukt alleen met begeleiding.",
        producten=[
            {
                "product": tarief.product,
                "volume": Decimal("3"),
                "eenheid": "04",
                "frequentie": "2",
                "voorkeur_aanbieder": tarief.contract.aanbieder,
            }
        ],
    )


def test_dossier_tells_the_story_and_logs_who_looked(ingelogd, client_rijswijk, beschikking, consulent_rijswijk):
    voor = Verwerking.objects.filter(actie="lezen", betrokkene=client_rijswijk).count()
    response = ingelogd.get(reverse("toegang:dossier", args=[client_rijswijk.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for tekst in ("Zelf de post en rekeningen bijhouden", "Toegekend", "Beschikkingsbrief (PDF)", "Formulierenbrigade"):
        assert tekst in html
    assert Verwerking.objects.filter(actie="lezen", betrokkene=client_rijswijk).count() == voor + 1
    assert "Cliëntdossier raadplegen" in html  # the audit trail of who looked is on the page itself


def test_rijswijk_consultant_gets_404_for_everything_of_delft(client, consulent_rijswijk, client_delft):
    consulent_delft = UserFactory(rol="consulent", gemeenten=[client_delft.gemeente])
    melding = MeldingFactory(client=client_delft)
    aanvraag = aanvraag_create(
        user=consulent_delft, client=client_delft, aanvraagdatum=D(2016, 1, 20), omschrijving="x"
    )
    client.force_login(consulent_rijswijk)
    urls = [
        reverse("toegang:dossier", args=[client_delft.pk]),
        reverse("toegang:plan-nieuw", args=[client_delft.pk]),
        reverse("toegang:aanvraag-nieuw", args=[client_delft.pk]),
        reverse("toegang:onderzoek-nieuw", args=[melding.pk]),
        reverse("toegang:beschikking-nieuw", args=[aanvraag.pk]),
        f"{reverse('toegang:melding-nieuw')}?client={client_delft.pk}",
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        if "/clienten/" not in url or url.count("/") > 5:
            assert client.post(url, {}).status_code == 404, url


def test_other_roles_are_refused(client, rijswijk, client_rijswijk):
    for rol in ("controller", "contractmanager", "aanbieder"):
        client.force_login(UserFactory(rol=rol, gemeenten=[rijswijk]))
        assert client.get(reverse("toegang:werkvoorraad")).status_code == 403
        assert client.get(reverse("toegang:dossier", args=[client_rijswijk.pk])).status_code == 403
    client.logout()
    assert client.get(reverse("toegang:werkvoorraad")).status_code == 302  # to the login page


def test_new_melding_for_a_new_client_through_the_form(ingelogd, rijswijk):
    response = ingelogd.post(
        reverse("toegang:melding-nieuw"),
        {
            "client-bsn": geldig_bsn(),
            "client-achternaam": "Nieuwkomer",
            "client-geboortedatum": "1944-04-04",
            "client-geslacht": "1",
            "client-gemeente": rijswijk.pk,
            "meldingsdatum": "2016-01-04",
            "kanaal": "loket",
            "vraag": "Kan niet meer zelf koken",
        },
    )
    melding = Melding.objects.get()
    assert response.status_code == 302 and response.url == reverse("toegang:dossier", args=[melding.client.pk])
    assert melding.client.achternaam == "Nieuwkomer"


def test_invalid_bsn_shows_the_message_and_writes_nothing(ingelogd, rijswijk):
    response = ingelogd.post(
        reverse("toegang:melding-nieuw"),
        {
            "client-bsn": "123456789",
            "client-achternaam": "X",
            "client-geboortedatum": "1944-04-04",
            "client-geslacht": "1",
            "client-gemeente": rijswijk.pk,
            "meldingsdatum": "2016-01-04",
            "kanaal": "loket",
            "vraag": "x",
        },
    )
    assert response.status_code == 200
    assert "elfproef" in response.content.decode()
    assert not Melding.objects.exists()


def test_decision_without_a_goal_shows_the_refusal(ingelogd, consulent_rijswijk, client_rijswijk, tarief):
    aanvraag = aanvraag_create(
        user=consulent_rijswijk, client=client_rijswijk, aanvraagdatum=D(2016, 1, 20), omschrijving="Begeleiding"
    )
    response = ingelogd.post(
        reverse("toegang:beschikking-nieuw", args=[aanvraag.pk]),
        {
            "besluit": "toegekend",
            "besluitdatum": "2016-01-28",
            "ingangsdatum": "2016-02-01",
            "einddatum": "2016-12-31",
            "soort": "product",
            "product": tarief.product.pk,
            "volume": "3",
            "eenheid": "04",
            "frequentie": "2",
        },
    )
    assert "Een toekenning heeft minstens één doel in het actieve ondersteuningsplan" in response.content.decode()
    assert not Aanvraag.objects.filter(beschikking__isnull=False).exists()


def test_second_active_plan_shows_the_refusal(ingelogd, client_rijswijk, plan_met_doel):
    response = ingelogd.post(reverse("toegang:plan-nieuw", args=[client_rijswijk.pk]), {"ingangsdatum": "2016-03-01"})
    assert "Deze cliënt heeft al een actief ondersteuningsplan (sinds 15-01-2016)" in response.content.decode()


def test_allocation_form_offers_only_contracted_providers_and_shows_refusals(
    ingelogd, consulent_rijswijk, beschikking, tarief
):
    bp = beschikking.producten.get()
    zonder_tarief = ContractFactory().aanbieder
    url = reverse("toegang:toewijzing-nieuw", args=[bp.pk])
    html = ingelogd.get(url).content.decode()
    assert tarief.contract.aanbieder.naam in html and zonder_tarief.naam not in html
    velden = {
        "aanbieder": tarief.contract.aanbieder.pk,
        "ingangsdatum": "2016-02-01",
        "einddatum": "2016-12-31",
        "volume": "3",
        "eenheid": "04",
        "frequentie": "2",
    }
    assert ingelogd.post(url, velden).status_code == 302
    nummer = Toewijzing.objects.get().toewijzingsnummer
    response = ingelogd.post(url, {**velden, "ingangsdatum": "2016-03-01"})
    assert f"Deze cliënt heeft al toewijzing {nummer}" in response.content.decode()
    # A provider without tariff is not offered; posting it anyway is refused by the form's choices.
    response = ingelogd.post(url, {**velden, "aanbieder": zonder_tarief.pk, "ingangsdatum": "2016-03-01"})
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert Toewijzing.objects.count() == 1


def test_worklist_shows_a_passed_deadline(ingelogd, consulent_rijswijk, client_rijswijk):
    melding_create(
        user=consulent_rijswijk, client=client_rijswijk, meldingsdatum=D(2015, 1, 5), kanaal="loket", vraag="Hulp"
    )
    html = ingelogd.get(reverse("toegang:werkvoorraad")).content.decode()
    assert "Verlopen" in html and "Onderzoek (6 weken na melding)" in html and client_rijswijk.naam in html


def _pdf_tekst(pdf: bytes, tmp_path) -> str:
    pad = tmp_path / "brief.pdf"
    pad.write_bytes(pdf)
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", str(pad), "-"], capture_output=True, text=True, check=True).stdout
    # No poppler here: read the text WeasyPrint laid out, page by page (the same boxes that were drawn).
    from weasyprint import HTML

    from openwmo.toegang.brief import beschikkingsbrief_html

    return _boxtekst_van(HTML(string=beschikkingsbrief_html(_BRIEF["beschikking"])).render())


_BRIEF = {}


def _boxtekst_van(document) -> str:
    delen = []

    def loop(box):
        if hasattr(box, "text") and box.text:
            delen.append(box.text)
        for kind in getattr(box, "children", []) or []:
            loop(kind)

    for pagina in document.pages:
        loop(pagina._page_box)
    return " ".join(delen)


def test_decision_letter_pdf_names_the_product_and_how_to_object(ingelogd, beschikking, tarief, tmp_path):
    response = ingelogd.get(reverse("toegang:beschikking-brief", args=[beschikking.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    _BRIEF["beschikking"] = beschikking
    tekst = " ".join(_pdf_tekst(pdf, tmp_path).split())
    assert tarief.product.naam in tekst
    assert "bezwaar binnen zes weken" in tekst
    assert tarief.contract.aanbieder.naam in tekst
    assert Verwerking.objects.filter(actie="exporteren", object_type="Beschikking").count() == 1


def test_decision_letter_of_delft_is_not_found_for_rijswijk(client, consulent_rijswijk, client_delft):
    from ..factories import BeschikkingFactory

    beschikking = BeschikkingFactory(client=client_delft)
    client.force_login(consulent_rijswijk)
    assert client.get(reverse("toegang:beschikking-brief", args=[beschikking.pk])).status_code == 404


def test_beheerder_records_a_transition_rule_in_the_admin_through_the_service(client, rijswijk, tarief):
    from openwmo.core.rollen import rolgroep_beheerder_bijwerken
    from openwmo.toegang.models import Overgangsregel

    beheerder = UserFactory(rol="beheerder", gemeenten=[rijswijk], is_staff=True)
    beheerder.groups.add(rolgroep_beheerder_bijwerken())
    client.force_login(beheerder)
    response = client.post(
        reverse("admin:toegang_overgangsregel_add"),
        {"gemeente": rijswijk.pk, "product": tarief.product.pk, "datum": "2016-04-01", "toelichting": "Nieuw model"},
    )
    assert response.status_code == 302
    assert Overgangsregel.objects.get().datum == D(2016, 4, 1)
    assert Verwerking.objects.filter(object_type="Overgangsregel", actie="aanmaken", gebruiker=beheerder).exists()
    assert client.get(reverse("admin:toegang_melding_changelist")).status_code == 200


def _melding_nieuwe_client(gemeente, bsn):
    return {
        "client-bsn": bsn,
        "client-achternaam": "Nieuwkomer",
        "client-geboortedatum": "1944-04-04",
        "client-geslacht": "1",
        "client-gemeente": gemeente.pk,
        "meldingsdatum": "2016-01-04",
        "kanaal": "loket",
        "vraag": "Kan niet meer zelf koken",
    }


def test_a_delft_consultant_registers_a_client_of_rijswijk_without_learning_it(client, delft, client_rijswijk):
    """A refusal "BSN bestaat al" would tell Delft the person is a client of Rijswijk: Delft gets its own record."""
    client.force_login(UserFactory(rol="consulent", gemeenten=[delft]))
    response = client.post(reverse("toegang:melding-nieuw"), _melding_nieuwe_client(delft, client_rijswijk.bsn))
    melding = Melding.objects.get()
    assert response.status_code == 302 and melding.client.gemeente == delft and melding.client != client_rijswijk
    dossier = client.get(response.url).content.decode()
    assert "Nieuwkomer" in dossier and client_rijswijk.achternaam not in dossier


def test_a_duplicate_bsn_in_the_own_municipality_is_refused_on_the_form(ingelogd, rijswijk, client_rijswijk):
    response = ingelogd.post(reverse("toegang:melding-nieuw"), _melding_nieuwe_client(rijswijk, client_rijswijk.bsn))
    assert response.status_code == 200
    assert "Deze gemeente heeft al een cliënt met dit BSN." in response.content.decode()
    assert not Melding.objects.exists()
