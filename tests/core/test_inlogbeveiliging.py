"""Login throttling (django-axes): five wrong passwords lock that username from that address for 15 minutes."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from ..factories import UserFactory

WACHTWOORD = "geheim-wachtwoord"


def _inloggen(client, username, password, url=None, **extra):
    return client.post(url or reverse("login"), {"username": username, "password": password}, **extra)


def test_five_wrong_passwords_lock_the_account_with_a_dutch_page(client, consulent_rijswijk):
    for _poging in range(4):
        response = _inloggen(client, consulent_rijswijk.username, "fout")
        assert response.status_code == 200
        assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.text
    response = _inloggen(client, consulent_rijswijk.username, "fout")
    assert response.status_code == 429
    assert "Tijdelijk geblokkeerd" in response.text
    assert "Er is 5 keer een verkeerd wachtwoord ingevoerd." in response.text
    assert "Probeer het over 15 minuten opnieuw." in response.text
    # Even the right password is refused during the lockout.
    response = _inloggen(client, consulent_rijswijk.username, WACHTWOORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_username_and_address(client, consulent_rijswijk, rijswijk):
    collega = UserFactory(username="collega", rol="consulent", gemeenten=[rijswijk])
    for _poging in range(5):
        _inloggen(client, consulent_rijswijk.username, "fout")
    # Another user from the same address, and the same user from another address, can still log in.
    assert _inloggen(client, collega.username, WACHTWOORD).status_code == 302
    client.logout()
    response = _inloggen(client, consulent_rijswijk.username, WACHTWOORD, REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 302


def test_the_lockout_ends_after_fifteen_minutes(client, consulent_rijswijk):
    for _poging in range(5):
        _inloggen(client, consulent_rijswijk.username, "fout")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert _inloggen(client, consulent_rijswijk.username, WACHTWOORD).status_code == 302


def test_a_successful_login_resets_the_count(client, consulent_rijswijk):
    for _poging in range(4):
        _inloggen(client, consulent_rijswijk.username, "fout")
    assert _inloggen(client, consulent_rijswijk.username, WACHTWOORD).status_code == 302
    client.logout()
    for _poging in range(4):
        assert _inloggen(client, consulent_rijswijk.username, "fout").status_code == 200


def test_the_admin_login_is_throttled_too(client, rijswijk):
    beheerder = UserFactory(username="beheerder-x", rol="beheerder", is_staff=True, gemeenten=[rijswijk])
    for _poging in range(5):
        response = _inloggen(client, beheerder.username, "fout", url=reverse("admin:login"))
    assert response.status_code == 429
    assert "Tijdelijk geblokkeerd" in response.text


def test_test_client_login_still_works_without_a_request(client, consulent_rijswijk):
    # Django's test client (and the shell) authenticate without a request; the lockout backend steps aside.
    assert client.login(username=consulent_rijswijk.username, password=WACHTWOORD)
    assert not client.login(username=consulent_rijswijk.username, password="fout")
