"""A user of one municipality never sees another municipality's clients: list, detail and admin."""

import pytest
from django.urls import reverse

from openwmo.core.models import Verwerking
from openwmo.core.rollen import rolgroep_beheerder_bijwerken

from ..factories import UserFactory


def test_consulent_of_rijswijk_does_not_see_a_delft_client_in_the_list(
    client, consulent_rijswijk, client_rijswijk, client_delft
):
    client.force_login(consulent_rijswijk)
    response = client.get(reverse("core:client-lijst"))
    assert response.status_code == 200
    assert client_rijswijk.achternaam in response.text
    assert client_delft.achternaam not in response.text
    assert client_delft.bsn not in response.text


def test_consulent_of_rijswijk_cannot_open_a_delft_client(client, consulent_rijswijk, client_delft):
    client.force_login(consulent_rijswijk)
    response = client.get(reverse("core:client-detail", args=[client_delft.pk]))
    assert response.status_code == 404
    assert client_delft.bsn not in response.text


def test_searching_a_delft_bsn_finds_nothing_for_rijswijk(client, consulent_rijswijk, client_delft):
    client.force_login(consulent_rijswijk)
    response = client.get(reverse("core:client-lijst"), {"q": client_delft.bsn})
    assert "Geen cliënten gevonden." in response.text


def test_consulent_has_no_access_to_the_admin(client, consulent_rijswijk, client_delft):
    client.force_login(consulent_rijswijk)
    response = client.get(reverse("admin:core_client_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.fixture
def beheerder_rijswijk(rijswijk):
    user = UserFactory(username="beheerder-rijswijk", rol="beheerder", is_staff=True, gemeenten=[rijswijk])
    user.groups.add(rolgroep_beheerder_bijwerken())
    return user


def test_admin_client_list_of_rijswijk_beheerder_hides_delft(client, beheerder_rijswijk, client_rijswijk, client_delft):
    client.force_login(beheerder_rijswijk)
    response = client.get(reverse("admin:core_client_changelist"))
    assert response.status_code == 200
    assert client_rijswijk.achternaam in response.text
    assert client_delft.achternaam not in response.text


def test_admin_change_page_of_a_delft_client_is_not_reachable(client, beheerder_rijswijk, client_delft):
    client.force_login(beheerder_rijswijk)
    response = client.get(reverse("admin:core_client_change", args=[client_delft.pk]), follow=True)
    assert client_delft.bsn not in response.text
    assert "bestaat niet" in response.text or response.status_code == 404


def test_opening_a_client_page_is_logged(client, consulent_rijswijk, client_rijswijk):
    client.force_login(consulent_rijswijk)
    client.get(reverse("core:client-detail", args=[client_rijswijk.pk]))
    log = Verwerking.objects.get(betrokkene=client_rijswijk)
    assert (log.gebruiker, log.actie, log.verwerkingsactiviteit) == (
        consulent_rijswijk,
        "lezen",
        "Cliëntdossier raadplegen",
    )


def test_controller_sees_no_client_names(client, rijswijk, client_rijswijk):
    controller = UserFactory(rol="controller", gemeenten=[rijswijk])
    client.force_login(controller)
    response = client.get(reverse("core:client-lijst"))
    assert client_rijswijk.achternaam not in response.text
    assert client.get(reverse("core:client-detail", args=[client_rijswijk.pk])).status_code == 404
