"""One client through the consultant's screens: melding → onderzoek (ZRM) → plan with goal → aanvraag →
beschikking → toewijzing → evaluatie. Asserts the records and keeps a screenshot per step."""

from decimal import Decimal
from pathlib import Path

import pytest

from openwmo.demo.gebruikers import demo_gebruikers_aanmaken

from ..factories import AanbiederFactory, ContractFactory, TariefFactory, geldig_bsn

pytestmark = pytest.mark.browser

ZRM_EERST = {"Financiën": "2", "Huisvesting": "4", "Sociaal netwerk": "2"}


@pytest.fixture
def opzet(transactional_db):
    from openwmo.catalogus.models import Product
    from openwmo.catalogus.referentie import referentiegegevens_laden

    referentiegegevens_laden()
    demo_gebruikers_aanmaken()
    product = Product.objects.get(productcode="02A01")
    aanbieder = AanbiederFactory(naam="Zorg aan Zee (test)")
    TariefFactory(contract=ContractFactory(aanbieder=aanbieder), product=product, bedrag=Decimal("58.40"))
    return {"product": product, "aanbieder": aanbieder}


def _zrm(page, anders, standaard="3"):
    from openwmo.toegang.codelijsten import ZRM_DOMEINEN

    for naam in ZRM_DOMEINEN.values():
        page.get_by_label(f"ZRM: {naam}", exact=True).select_option(anders.get(naam, standaard))


def test_consultant_walks_a_client_from_melding_to_evaluation(page, live_server, opzet, artefacten_dir):
    from openwmo.core.models import Client, Verwerking
    from openwmo.toegang.models import Beschikking, Evaluatie, Melding, Ondersteuningsplan, Toewijzing, ZrmMeting

    map_ = Path(artefacten_dir) / "toegang"
    map_.mkdir(parents=True, exist_ok=True)
    stap = iter(range(1, 100))

    def foto(naam):
        page.screenshot(path=str(map_ / f"{next(stap):02d}-{naam}.png"), full_page=True)

    bsn = geldig_bsn()
    page.goto(f"{live_server.url}/")
    page.get_by_label("Gebruikersnaam").fill("consulent")
    page.get_by_label("Wachtwoord").fill("demo-consulent")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Naar mijn werkvoorraad").click()
    page.get_by_role("heading", name="Werkvoorraad").wait_for()
    foto("werkvoorraad")

    # 1. Melding for a new client.
    page.get_by_role("main").get_by_role("link", name="Nieuwe melding").click()
    page.get_by_label("BSN", exact=True).fill(bsn)
    page.get_by_label("Voorletters", exact=True).fill("M.")
    page.get_by_label("Achternaam", exact=True).fill("Visser")
    page.get_by_label("Geboortedatum", exact=True).fill("1941-03-12")
    page.get_by_label("Meldingsdatum", exact=True).fill("2016-01-04")
    page.get_by_label("Kanaal", exact=True).select_option("telefoon")
    page.get_by_label("Hulpvraag", exact=True).fill("Redt het huishouden en de administratie niet meer")
    foto("melding")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="M. Visser").wait_for()
    client = Client.objects.get(bsn=bsn)
    melding = Melding.objects.get(client=client)
    assert melding.onderzoek_uiterlijk.isoformat() == "2016-02-15"

    # 2. Onderzoek with the ZRM.
    page.get_by_role("link", name="Onderzoek vastleggen").click()
    page.get_by_label("Datum gesprek", exact=True).fill("2016-01-18")
    page.get_by_label("Deelnemers", exact=True).fill("Mevrouw Visser, haar zoon, consulent")
    page.get_by_label("Verslag", exact=True).fill("Keukentafelgesprek: administratie loopt achter.")
    _zrm(page, ZRM_EERST)
    foto("onderzoek-zrm")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="M. Visser").wait_for()
    assert ZrmMeting.objects.get(client=client).scores_per_domein()["financien"] == 2

    # 3. Plan with a goal.
    page.get_by_role("link", name="Nieuw plan").click()
    page.get_by_label("Ingangsdatum", exact=True).fill("2016-01-20")
    page.get_by_label("Geplande evaluatie", exact=True).fill("2016-10-01")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Doel toevoegen").click()
    page.get_by_label("Resultaatgebied", exact=True).select_option(label="Thuisadministratie")
    page.get_by_label("Doel", exact=True).fill("Zelf de post en rekeningen bijhouden")
    page.get_by_label("Bijdrage netwerk", exact=True).fill("Zoon kijkt wekelijks mee")
    page.get_by_label("Bijdrage algemene voorzieningen", exact=True).fill("Formulierenbrigade")
    page.get_by_label("Bijdrage maatwerkondersteuning", exact=True).fill("Begeleiding individueel")
    foto("doel")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("cell", name="Zelf de post en rekeningen bijhouden").wait_for()
    plan = Ondersteuningsplan.objects.get(client=client)
    assert plan.doelen.get().resultaatgebied.naam == "Thuisadministratie"

    # 4. Aanvraag and beschikking.
    page.get_by_role("link", name="Nieuwe aanvraag").click()
    page.get_by_label("Aanvraagdatum", exact=True).fill("2016-01-21")
    page.get_by_label("Wat vraagt de cliënt aan?", exact=True).fill("Begeleiding bij de administratie")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Besluit nemen").click()
    page.get_by_label("Toegekend", exact=True).check()
    page.get_by_label("Besluitdatum", exact=True).fill("2016-01-28")
    page.get_by_label("Ingangsdatum", exact=True).fill("2016-02-01")
    page.get_by_label("Einddatum", exact=True).fill("2016-12-31")
    page.get_by_label("Motivering", exact=True).fill("Zonder begeleiding raakt mevrouw in de schulden.")
    page.get_by_label("Wat wordt toegekend?", exact=True).select_option("product")
    page.get_by_label("Product", exact=True).select_option(str(opzet["product"].pk))
    page.get_by_label("Volume", exact=True).fill("3")
    page.get_by_label("Eenheid", exact=True).select_option("04")
    page.get_by_label("Frequentie", exact=True).select_option("2")
    page.get_by_label("Gekozen aanbieder", exact=True).select_option(label=opzet["aanbieder"].naam)
    foto("beschikking")
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.get_by_role("link", name="Beschikkingsbrief (PDF)").wait_for()
    beschikking = Beschikking.objects.get(client=client)
    assert beschikking.besluit == "toegekend" and beschikking.aanvraag.aanvraagdatum.isoformat() == "2016-01-21"
    assert beschikking.producten.get().product == opzet["product"]

    # 5. Toewijzing: only the contracted provider is offered, the decision's choice is preselected.
    page.get_by_role("link", name="Toewijzen", exact=True).click()
    aanbieders = page.get_by_label("Aanbieder", exact=True).locator("option").all_inner_texts()
    assert [a for a in aanbieders if not a.startswith("---")] == [opzet["aanbieder"].naam]
    foto("toewijzing")
    page.get_by_role("button", name="Toewijzen").click()
    page.get_by_role("cell", name=opzet["aanbieder"].naam).wait_for()
    toewijzing = Toewijzing.objects.get(client=client)
    assert (toewijzing.aanbieder, toewijzing.volume, toewijzing.einddatum.isoformat()) == (
        opzet["aanbieder"],
        Decimal("3.00"),
        "2016-12-31",
    )

    # 6. Evaluatie: goal outcome, new ZRM, satisfaction and the next step for the allocation.
    page.get_by_role("link", name="Evaluatie vastleggen").click()
    page.get_by_label("Evaluatiedatum", exact=True).fill("2016-10-03")
    page.get_by_label("Doel: Zelf de post en rekeningen bijhouden", exact=True).select_option("deels")
    page.get_by_label("Tevredenheid cliënt (1–10)", exact=True).select_option("8")
    page.get_by_label("Vervolgstap", exact=True).select_option("afschalen")
    page.get_by_label("Vervolgstap gaat in op", exact=True).fill("2017-01-01")
    page.get_by_label("Over toewijzing / traject", exact=True).select_option(str(toewijzing.pk))
    _zrm(page, {"Financiën": "4", "Huisvesting": "4", "Sociaal netwerk": "3"}, standaard="4")
    foto("evaluatie")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="Evaluatie 03-10-2016 – tevredenheid 8/10").wait_for()
    evaluatie = Evaluatie.objects.get(client=client)
    assert [d.uitkomst for d in evaluatie.doelen.all()] == ["deels"]
    assert (evaluatie.toewijzing, evaluatie.vervolgstap) == (toewijzing, "afschalen")
    assert ZrmMeting.objects.filter(client=client).count() == 2

    # The dossier tells the story: the ZRM chart was drawn, and the audit trail shows this consultant.
    breedte = page.evaluate("document.getElementById('zrm-grafiek').width")
    assert breedte > 0
    assert page.evaluate("typeof Chart !== 'undefined' && !!Chart.getChart(document.getElementById('zrm-grafiek'))")
    assert page.get_by_role("cell", name="Cliëntdossier raadplegen").first.is_visible()
    foto("dossier")
    schrijfacties = set(
        Verwerking.objects.filter(betrokkene=client, actie="aanmaken").values_list("object_type", flat=True)
    )
    assert {
        "Client",
        "Melding",
        "Onderzoek",
        "Ondersteuningsplan",
        "Doel",
        "Aanvraag",
        "Beschikking",
        "Toewijzing",
        "Evaluatie",
    } <= schrijfacties
