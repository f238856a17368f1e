"""A functioneel beheerder manages staff of own municipalities, and cannot hand out superuser power."""

import pytest
from django.urls import reverse

from openwmo.core.rollen import rolgroep_beheerder_bijwerken

from ..factories import UserFactory


@pytest.fixture
def beheerder(rijswijk):
    user = UserFactory(username="beheerder-rijswijk", rol="beheerder", is_staff=True, gemeenten=[rijswijk])
    user.groups.add(rolgroep_beheerder_bijwerken())
    return user


def _wijzigen(client, user, **velden):
    data = {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "rol": user.rol,
        "gemeenten": [g.pk for g in user.gemeenten.all()],
        "date_joined_0": "2025-01-01",
        "date_joined_1": "10:00:00",
        **velden,
    }
    return client.post(reverse("admin:core_user_change", args=[user.pk]), data)


def test_beheerder_cannot_make_anyone_superuser(client, beheerder):
    client.force_login(beheerder)
    response = _wijzigen(client, beheerder, is_superuser="on", is_staff="on")
    assert response.status_code == 302
    beheerder.refresh_from_db()
    assert not beheerder.is_superuser


def test_beheerder_cannot_add_a_municipality_outside_own_scope(client, beheerder, rijswijk, delft):
    client.force_login(beheerder)
    response = _wijzigen(client, beheerder, gemeenten=[rijswijk.pk, delft.pk], is_staff="on")
    assert response.status_code == 200
    assert "gemeenten" in response.context["adminform"].form.errors
    assert list(beheerder.gemeenten.all()) == [rijswijk]


def test_editing_a_shared_colleague_keeps_the_other_municipalities(client, beheerder, rijswijk, delft):
    collega = UserFactory(username="regio-consulent", rol="consulent", gemeenten=[rijswijk, delft])
    client.force_login(beheerder)
    response = _wijzigen(client, collega, gemeenten=[rijswijk.pk], first_name="Ria")
    assert response.status_code == 302
    collega.refresh_from_db()
    assert collega.first_name == "Ria"
    assert set(collega.gemeenten.all()) == {rijswijk, delft}


def test_a_new_user_needs_a_municipality(client, beheerder):
    client.force_login(beheerder)
    response = client.post(
        reverse("admin:core_user_add"),
        {
            "username": "nieuw",
            "password1": "Een-Lang-Wachtwoord-1",
            "password2": "Een-Lang-Wachtwoord-1",
            "rol": "consulent",
            "usable_password": "true",
        },
    )
    assert response.status_code == 200
    assert "gemeenten" in response.context["adminform"].form.errors
