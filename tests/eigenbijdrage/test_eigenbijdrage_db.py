"""Eigen bijdrage on the database: tariffs per year from the database, the Zoetermeer rules applied to
allocations, and the CAK export in its documented layout."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from openwmo.catalogus.models import Voorzieningsoort
from openwmo.core.models import Verwerking
from openwmo.eigenbijdrage.models import Abonnementstarief, Bijdrageregel
from openwmo.eigenbijdrage.services import CAK_KOLOMMEN, cak_export_csv, cak_regels, verschuldigd_voor
from tests.factories import ClientFactory, ProductFactory, ToewijzingFactory, UserFactory


def test_known_tariffs_are_loaded_by_the_migration(db):
    tarieven = {t.jaar: (t.bedrag, t.tijdvak) for t in Abonnementstarief.objects.all()}
    assert tarieven[2019] == (Decimal("17.50"), "4 weken")
    assert all(tarieven[j] == (Decimal("19.00"), "maand") for j in range(2020, 2024))
    assert tarieven[2024] == (Decimal("20.60"), "maand")


@pytest.fixture
def soorten(rijswijk):
    """Products of three kinds: individual support (IB), walk-in (INL) and short help (KAB)."""
    ib = ProductFactory(productcode="02A01", voorzieningsoort__code="IB")
    inloop = ProductFactory(
        productcategorie="09",
        productcode="09A01",
        naam="Inloop",
        voorzieningsoort=Voorzieningsoort.objects.create(code="INL", naam="Inloop", soort="algemeen"),
    )
    Bijdrageregel.objects.create(voorzieningsoort=inloop.voorzieningsoort, soort="laagdrempelige_inloop")
    kab = ProductFactory(
        productcode="02A03",
        naam="Kortdurende ambulante begeleiding",
        voorzieningsoort=Voorzieningsoort.objects.create(code="KAB", naam="KAB", soort="vrij_inzetbaar"),
    )
    return {"ib": ib, "inloop": inloop, "kab": kab}


def toewijzing(client, product, van, tot, nummer):
    return ToewijzingFactory(
        toewijzingsnummer=nummer, beschikking__client=client, product=product, ingangsdatum=van, einddatum=tot
    )


def test_zoetermeer_examples_on_allocations(rijswijk, soorten):
    lang = ClientFactory(gemeente=rijswijk)
    toewijzing(lang, soorten["ib"], date(2024, 1, 1), date(2024, 12, 31), "1")  # > 6 months: yes
    kort = ClientFactory(gemeente=rijswijk)
    toewijzing(kort, soorten["kab"], date(2024, 1, 1), date(2024, 6, 30), "2")  # exactly 6 months: no
    inloop = ClientFactory(gemeente=rijswijk)
    toewijzing(inloop, soorten["inloop"], date(2024, 1, 1), None, "3")  # walk-in: never
    regels = cak_regels([rijswijk], date(2024, 1, 1), date(2024, 12, 31))
    assert [(r.bsn, r.toewijzingsnummer) for r in regels] == [(lang.bsn, "1")]
    assert "langer dan 6 maanden" in regels[0].reden


def test_always_contribution_wins(rijswijk, soorten):
    Bijdrageregel.objects.create(voorzieningsoort=soorten["kab"].voorzieningsoort, soort="overig", altijd_bijdrage=True)
    client = ClientFactory(gemeente=rijswijk)
    toewijzing(client, soorten["kab"], date(2024, 1, 1), date(2024, 2, 29), "4")
    (regel,) = cak_regels([rijswijk], date(2024, 1, 1), date(2024, 12, 31))
    assert "altijd eigen bijdrage" in regel.reden


def test_amount_due_uses_the_tariff_of_the_year_in_the_database(rijswijk, soorten):
    client = ClientFactory(gemeente=rijswijk)
    toewijzing(client, soorten["ib"], date(2024, 1, 15), date(2024, 12, 31), "5")
    assert verschuldigd_voor(client, date(2024, 1, 1), date(2024, 3, 31)).bedrag == Decimal("61.80")  # 3 × 20.60
    Abonnementstarief.objects.filter(jaar=2024).update(bedrag=Decimal("21.00"))
    assert verschuldigd_voor(client, date(2024, 1, 1), date(2024, 3, 31)).bedrag == Decimal("63.00")


def test_amount_due_2019_per_four_weeks(rijswijk, soorten):
    client = ClientFactory(gemeente=rijswijk)
    toewijzing(client, soorten["ib"], date(2019, 1, 1), date(2019, 12, 31), "6")
    uitkomst = verschuldigd_voor(client, date(2019, 1, 1), date(2019, 12, 31))
    assert len(uitkomst.termijnen) == 13 and uitkomst.bedrag == Decimal("227.50")


def test_cak_csv_layout(rijswijk, soorten):
    client = ClientFactory(gemeente=rijswijk)
    toewijzing(client, soorten["ib"], date(2024, 1, 1), None, "7")
    tekst = cak_export_csv([rijswijk], date(2024, 1, 1), date(2024, 12, 31))
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert rijen[0] == CAK_KOLOMMEN == [
        "bsn", "gemeente_cbs", "toewijzingsnummer", "aanbieder_agb", "productcategorie", "productcode",
        "startdatum", "einddatum", "reden",
    ]  # fmt: skip
    assert rijen[1][:8] == [client.bsn, "0603", "7", rijen[1][3], "02", "02A01", "2024-01-01", ""]
    assert Verwerking.objects.filter(actie="exporteren", verwerkingsactiviteit="CAK-export eigen bijdrage").exists()


def test_cak_export_only_for_own_municipality(client, rijswijk, delft, soorten):
    toewijzing(ClientFactory(gemeente=rijswijk), soorten["ib"], date(2024, 1, 1), None, "8")
    client.force_login(UserFactory(rol="controller", gemeenten=[delft]))
    url = reverse("eigenbijdrage:cak-export")
    antwoord = client.get(url, {"gemeente": rijswijk.pk, "van": "2024-01-01", "tot": "2024-12-31"})
    assert antwoord.status_code == 400  # Rijswijk is not a choice for Delft's controller
    client.force_login(UserFactory(rol="controller", gemeenten=[rijswijk]))
    antwoord = client.get(url, {"gemeente": rijswijk.pk, "van": "2024-01-01", "tot": "2024-12-31"})
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("text/csv")
    assert antwoord.content.decode().splitlines()[0].startswith("bsn;gemeente_cbs")
    client.force_login(UserFactory(rol="consulent", gemeenten=[rijswijk]))
    assert client.get(url).status_code == 403


def test_cak_export_command(rijswijk, soorten, tmp_path):
    toewijzing(ClientFactory(gemeente=rijswijk), soorten["ib"], date(2024, 1, 1), None, "9")
    uit = tmp_path / "cak.csv"
    call_command("cak_export", "--gemeente", "0603", "--van", "2024-01-01", "--tot", "2024-12-31", "--output", uit)
    assert len(uit.read_text(encoding="utf-8").splitlines()) == 2


def test_zoetermeer_four_contacts_no_contribution_recorded_on_the_allocation_page(
    client, rijswijk, soorten, consulent_rijswijk
):
    """Zoetermeer: support of fewer than 5 contacts is a short question (no abonnementstarief), even when the
    allocation runs 7 months. The consulent records the contacts on the allocation page."""
    from openwmo.toegang.models import Contactmoment

    cliënt = ClientFactory(gemeente=rijswijk)
    t = toewijzing(cliënt, soorten["ib"], date(2024, 1, 1), date(2024, 7, 31), "1")  # 7 months
    jaar = (date(2024, 1, 1), date(2024, 12, 31))
    assert [r.toewijzingsnummer for r in cak_regels([rijswijk], *jaar)] == ["1"]  # no contacts known: yes

    client.force_login(consulent_rijswijk)
    url = reverse("toegang:toewijzing-contactmoment", args=[t.pk])
    for dag in (3, 10, 17, 24):
        antwoord = client.post(url, {"datum": f"{dag:02d}-01-2024", "omschrijving": "Huisbezoek"})
        assert antwoord.status_code == 302, antwoord.content.decode()[:500]
    assert Contactmoment.objects.filter(toewijzing=t).count() == 4
    assert "4 contactmomenten" in client.get(reverse("toegang:dossier", args=[cliënt.pk])).content.decode()

    assert cak_regels([rijswijk], *jaar) == []
    assert verschuldigd_voor(cliënt, *jaar).bedrag == Decimal("0.00")

    assert client.post(url, {"datum": "31-01-2024"}).status_code == 302  # the 5th contact
    assert [r.toewijzingsnummer for r in cak_regels([rijswijk], *jaar)] == ["1"]
    assert verschuldigd_voor(cliënt, *jaar).bedrag == Decimal("20.60") * 7


def test_contact_moment_outside_the_allocation_or_in_the_future_is_refused(
    client, rijswijk, soorten, consulent_rijswijk
):
    from openwmo.toegang.models import Contactmoment

    t = toewijzing(ClientFactory(gemeente=rijswijk), soorten["ib"], date(2024, 1, 1), date(2024, 7, 31), "1")
    client.force_login(consulent_rijswijk)
    url = reverse("toegang:toewijzing-contactmoment", args=[t.pk])
    voor = client.post(url, {"datum": "31-12-2023"}).content.decode()
    assert "Een contactmoment ligt binnen de toewijzing (01-01-2024 t/m 31-07-2024)." in voor
    t.einddatum = None
    t.save(update_fields=["einddatum"])
    toekomst = client.post(url, {"datum": "01-01-2999"}).content.decode()
    assert "Een contactmoment kan niet in de toekomst liggen." in toekomst
    assert not Contactmoment.objects.exists()
