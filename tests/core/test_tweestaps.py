"""Two-factor authentication: staff pass a TOTP code (or a backup code) before any page, including /beheer/."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from openwmo.core.rollen import rolgroep_beheerder_bijwerken
from openwmo.demo.gebruikers import DEMO_RESERVECODES, demo_gebruikers_aanmaken

from ..factories import UserFactory

pytestmark = pytest.mark.usefixtures("tweestaps_aan")
WACHTWOORD = "geheim-wachtwoord"


@pytest.fixture
def tweestaps_aan():
    with override_settings(OPENWMO_2FA_VERPLICHT=True):
        yield


@pytest.fixture
def beheerder(rijswijk):
    user = UserFactory(username="beheerder-rijswijk", rol="beheerder", is_staff=True, gemeenten=[rijswijk])
    user.groups.add(rolgroep_beheerder_bijwerken())
    return user


def _inloggen(client, user, volgende=""):
    data = {"username": user.username, "password": WACHTWOORD}
    url = reverse("login") + (f"?next={volgende}" if volgende else "")
    return client.post(url, data | ({"next": volgende} if volgende else {}), follow=True)


def _code(apparaat):
    return f"{totp(apparaat.bin_key, step=apparaat.step, t0=apparaat.t0, digits=apparaat.digits):06d}"


def test_beheerder_without_a_device_must_link_an_app_before_anything_else(client, beheerder):
    response = _inloggen(client, beheerder)
    assert response.request["PATH_INFO"] == reverse("beveiliging:tweestaps-instellen")
    assert "Tweestapsverificatie instellen" in response.text
    assert "<svg" in response.text and "Geheime sleutel:" in response.text
    for url in (reverse("start"), reverse("admin:index"), reverse("core:client-lijst")):
        assert client.get(url)["Location"].startswith(reverse("beveiliging:tweestaps"))

    fout = client.post(reverse("beveiliging:tweestaps-instellen"), {"code": "000000"})
    assert "Deze code klopt niet" in fout.text
    apparaat = TOTPDevice.objects.get(user=beheerder)
    assert not apparaat.confirmed
    apparaat.throttling_failure_count = 0  # the wrong code above slowed verification down; reset for the test
    apparaat.throttling_failure_timestamp = None
    apparaat.save()

    response = client.post(reverse("beveiliging:tweestaps-instellen"), {"code": _code(apparaat)}, follow=True)
    assert "Tweestapsverificatie is ingesteld." in response.text
    assert TOTPDevice.objects.get(user=beheerder).confirmed
    assert client.get(reverse("admin:index")).status_code == 200


def test_beheerder_with_an_app_enters_its_code_and_reaches_the_admin(client, beheerder):
    apparaat = TOTPDevice.objects.create(user=beheerder, name="Telefoon", confirmed=True)
    response = _inloggen(client, beheerder, volgende=reverse("admin:index"))
    assert response.request["PATH_INFO"] == reverse("beveiliging:tweestaps")
    assert "code uit uw authenticator-app" in response.text
    assert client.get(reverse("admin:index")).status_code == 302

    fout = client.post(reverse("beveiliging:tweestaps"), {"code": "123"})
    assert "Deze code is onjuist of verlopen" in fout.text
    apparaat.refresh_from_db()
    apparaat.throttle_reset()

    response = client.post(
        reverse("beveiliging:tweestaps"), {"code": _code(apparaat), "next": reverse("admin:index")}, follow=True
    )
    assert response.request["PATH_INFO"] == reverse("admin:index")
    assert response.status_code == 200


def test_a_password_alone_cannot_link_a_second_app(client, beheerder):
    TOTPDevice.objects.create(user=beheerder, name="Telefoon", confirmed=True)
    _inloggen(client, beheerder)
    response = client.get(reverse("beveiliging:tweestaps-instellen"))
    assert response["Location"].startswith(reverse("beveiliging:tweestaps"))
    assert TOTPDevice.objects.filter(user=beheerder).count() == 1


def test_demo_beheerder_logs_in_with_the_printed_backup_code_once(client, referentie):
    demo_gebruikers_aanmaken()
    response = client.post(reverse("login"), {"username": "beheerder", "password": "demo-beheerder"}, follow=True)
    # No app linked yet, but a backup code: the code page, not the set-up page.
    assert response.request["PATH_INFO"] == reverse("beveiliging:tweestaps")
    response = client.post(reverse("beveiliging:tweestaps"), {"code": DEMO_RESERVECODES[0]}, follow=True)
    assert "Welkom, Pieter Bakker" in response.text
    assert "Rijswijk" in client.get(reverse("admin:core_gemeente_changelist")).text
    client.logout()
    client.post(reverse("login"), {"username": "beheerder", "password": "demo-beheerder"})
    response = client.post(reverse("beveiliging:tweestaps"), {"code": DEMO_RESERVECODES[0]})
    assert "Deze code is onjuist of verlopen" in response.text  # a backup code works once
    demo_gebruikers_aanmaken()  # `openwmo demo` puts the codes back
    assert StaticDevice.objects.get(user__username="beheerder").token_set.count() == len(DEMO_RESERVECODES)


@pytest.mark.parametrize("soort", ["is_staff", "is_superuser"])
def test_other_staff_must_pass_the_second_factor_too(client, rijswijk, soort):
    user = UserFactory(rol="controller", gemeenten=[rijswijk], **{soort: True})
    _inloggen(client, user)
    assert client.get(reverse("start"))["Location"].startswith(reverse("beveiliging:tweestaps"))


def test_consulent_is_not_asked_for_a_second_factor(client, consulent_rijswijk):
    response = _inloggen(client, consulent_rijswijk)
    assert "Welkom" in response.text


def test_logging_out_works_before_the_second_factor(client, beheerder):
    _inloggen(client, beheerder)
    response = client.post(reverse("logout"), follow=True)
    assert response.request["PATH_INFO"] == reverse("login")


def test_next_never_leads_off_site(client, beheerder):
    StaticDevice.objects.create(user=beheerder, name="Reserve").token_set.create(token="12345678")
    _inloggen(client, beheerder)
    response = client.post(reverse("beveiliging:tweestaps"), {"code": "12345678", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_the_requirement_can_be_switched_off(client, beheerder):
    with override_settings(OPENWMO_2FA_VERPLICHT=False):
        _inloggen(client, beheerder)
        assert client.get(reverse("admin:index")).status_code == 200
