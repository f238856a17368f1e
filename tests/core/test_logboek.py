"""The audit log viewer of the functioneel beheerder: own municipalities, filters, CSV export, read-only."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.models import Verwerking
from openwmo.core.rollen import rolgroep_beheerder_bijwerken

from ..factories import UserFactory


@pytest.fixture
def beheerder(rijswijk):
    user = UserFactory(username="beheerder-rijswijk", rol="beheerder", is_staff=True, gemeenten=[rijswijk])
    user.groups.add(rolgroep_beheerder_bijwerken())
    return user


@pytest.fixture
def logboek(consulent_rijswijk, client_rijswijk, client_delft, delft):
    consulent_delft = UserFactory(username="consulent-delft", rol="consulent", gemeenten=[delft])
    for user, betrokkene, actie in (
        (consulent_rijswijk, client_rijswijk, Actie.LEZEN),
        (consulent_rijswijk, client_rijswijk, Actie.WIJZIGEN),
        (consulent_delft, client_delft, Actie.LEZEN),
    ):
        log_verwerking(
            user,
            actie,
            activiteit="Cliëntdossier raadplegen",
            doel="Uitvoering Wmo 2015",
            object_type="Client",
            object_id=betrokkene.pk,
            betrokkene=betrokkene,
        )
    log_verwerking(consulent_rijswijk, Actie.LEZEN, activiteit="Cliëntenlijst", doel="Wmo", object_type="Lijst")
    log_verwerking(consulent_delft, Actie.LEZEN, activiteit="Cliëntenlijst", doel="Wmo", object_type="Lijst")


def _regels(response):
    return response.context["verwerkingen"]


def test_beheerder_sees_the_log_of_own_municipalities_only(client, beheerder, logboek, client_rijswijk, client_delft):
    client.force_login(beheerder)
    response = client.get(reverse("beveiliging:logboek"))
    assert response.status_code == 200
    assert "Logboek dataverwerkingen" in response.text
    assert client_rijswijk.bsn in response.text
    assert client_delft.bsn not in response.text
    assert "consulent-delft" not in response.text
    # Entries without a municipality show up for the beheerders of their author's municipalities; reading the
    # log is logged as well, and shows at the top.
    assert [v.object_type for v in _regels(response)] == ["Verwerking", "Lijst", "Client", "Client"]
    assert "Logboek" in [label for label, _url in response.context["navigatie"]]


@pytest.mark.parametrize(
    ("filters", "aantal"),
    [
        ({"actie": "wijzigen"}, 1),
        ({"object_type": "Lijst"}, 1),
        ({"gebruiker": "consulent"}, 3),
        ({"van": "today", "tot": "today"}, 4),  # including this reading of the log
        ({"van": "tomorrow"}, 0),
    ],
)
def test_filters(client, beheerder, logboek, consulent_rijswijk, filters, aantal):
    client.force_login(beheerder)
    vandaag = timezone.localdate()
    waarden = {"today": vandaag, "tomorrow": vandaag + timedelta(days=1), "consulent": consulent_rijswijk.pk}
    query = {k: waarden.get(v, v) for k, v in filters.items()}
    response = client.get(reverse("beveiliging:logboek"), query)
    assert response.context["form"].errors == {}
    assert len(_regels(response)) == aantal


def test_filter_on_client_bsn(client, beheerder, logboek, client_rijswijk, client_delft):
    client.force_login(beheerder)
    response = client.get(reverse("beveiliging:logboek"), {"bsn": client_rijswijk.bsn})
    assert len(_regels(response)) == 2
    # A Delft client's BSN finds nothing for a Rijswijk beheerder.
    assert len(_regels(client.get(reverse("beveiliging:logboek"), {"bsn": client_delft.bsn}))) == 0


def test_bad_filters_get_a_dutch_message_naming_the_field(client, beheerder, logboek):
    client.force_login(beheerder)
    response = client.get(
        reverse("beveiliging:logboek"), {"bsn": "123456789", "van": "2025-02-01", "tot": "2025-01-01"}
    )
    fouten = response.context["form"].errors
    assert "bsn" in fouten and "tot" in fouten
    assert "‘Tot en met’ ligt vóór ‘Vanaf’." in response.text
    assert len(_regels(response)) == 0


def test_reading_the_log_is_itself_logged(client, beheerder, logboek):
    client.force_login(beheerder)
    client.get(reverse("beveiliging:logboek"), {"actie": "lezen"})
    laatste = Verwerking.objects.first()
    assert (laatste.gebruiker, laatste.actie, laatste.verwerkingsactiviteit) == (
        beheerder,
        "lezen",
        "Logboek dataverwerkingen raadplegen",
    )
    assert "actie=lezen" in laatste.omschrijving


def test_pagination_keeps_the_filters(client, beheerder, consulent_rijswijk):
    for nummer in range(60):
        log_verwerking(consulent_rijswijk, Actie.LEZEN, activiteit=f"a{nummer}", doel="d", object_type="Client")
    client.force_login(beheerder)
    response = client.get(reverse("beveiliging:logboek"), {"object_type": "Client"})
    assert len(_regels(response)) == 50
    assert "Pagina 1 van 2" in response.text
    assert "object_type=Client&amp;page=2" in response.text
    assert len(_regels(client.get(reverse("beveiliging:logboek"), {"object_type": "Client", "page": 2}))) == 10


def test_csv_export_is_filtered_and_logged(client, beheerder, logboek, client_rijswijk, client_delft):
    client.force_login(beheerder)
    response = client.get(reverse("beveiliging:logboek-export"), {"object_type": "Client"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    tekst = b"".join(response.streaming_content).decode("utf-8-sig")
    regels = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert regels[0][:4] == ["tijdstip", "gebruiker", "rol", "actie"]
    assert len(regels) == 3
    assert {r[8] for r in regels[1:]} == {client_rijswijk.bsn}
    assert client_delft.bsn not in tekst
    export = Verwerking.objects.filter(actie=Actie.EXPORTEREN).get()
    assert export.gebruiker == beheerder
    assert export.omschrijving.startswith("2 regels; filters: object_type=Client")


def test_csv_export_neutralises_spreadsheet_formulas(client, beheerder, consulent_rijswijk):
    log_verwerking(consulent_rijswijk, Actie.LEZEN, activiteit="=HYPERLINK(1)", doel="d", object_type="Client")
    client.force_login(beheerder)
    tekst = b"".join(client.get(reverse("beveiliging:logboek-export")).streaming_content).decode("utf-8-sig")
    assert ";'=HYPERLINK(1);" in tekst


@pytest.mark.parametrize("rol", ["consulent", "contractmanager", "controller", "aanbieder"])
def test_other_roles_may_not_read_the_log(client, rijswijk, logboek, rol):
    client.force_login(UserFactory(rol=rol, gemeenten=[rijswijk]))
    assert client.get(reverse("beveiliging:logboek")).status_code == 403
    assert client.get(reverse("beveiliging:logboek-export")).status_code == 403
    assert not Verwerking.objects.filter(actie=Actie.EXPORTEREN).exists()


def test_anonymous_is_sent_to_log_in(client, db):
    response = client.get(reverse("beveiliging:logboek"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("methode", ["post", "put", "patch", "delete"])
def test_no_route_changes_the_log(client, beheerder, logboek, methode):
    client.force_login(beheerder)
    voor = list(Verwerking.objects.values_list("pk", "doel"))
    for naam in ("beveiliging:logboek", "beveiliging:logboek-export"):
        assert getattr(client, methode)(reverse(naam)).status_code == 405
    assert list(Verwerking.objects.values_list("pk", "doel")) == voor


def test_the_admin_cannot_add_change_or_delete_log_entries(client, beheerder, logboek):
    client.force_login(beheerder)
    verwerking = Verwerking.objects.filter(gemeente__isnull=False).first()
    assert client.get(reverse("admin:core_verwerking_add")).status_code == 403
    assert client.post(reverse("admin:core_verwerking_change", args=[verwerking.pk]), {"doel": "x"}).status_code == 403
    assert (
        client.post(reverse("admin:core_verwerking_delete", args=[verwerking.pk]), {"post": "yes"}).status_code == 403
    )
    aantal = Verwerking.objects.count()
    response = client.post(
        reverse("admin:core_verwerking_changelist"),
        {"action": "delete_selected", "_selected_action": [verwerking.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302, 403)
    assert Verwerking.objects.count() == aantal
