import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from openwmo.core.models import Client, Verwerking
from openwmo.core.services import client_create, client_update

from ..factories import UserFactory


def _velden(gemeente, **extra):
    return {
        "bsn": "111222333",
        "achternaam": "Visser",
        "geboortedatum": datetime.date(1948, 3, 2),
        "gemeente": gemeente,
        **extra,
    }


def test_client_create_saves_and_logs(consulent_rijswijk, rijswijk):
    client = client_create(user=consulent_rijswijk, **_velden(rijswijk))
    log = Verwerking.objects.get(betrokkene=client)
    assert (log.actie, log.gebruiker, log.gemeente) == ("aanmaken", consulent_rijswijk, rijswijk)


def test_client_create_with_invalid_bsn_saves_nothing(consulent_rijswijk, rijswijk):
    with pytest.raises(ValidationError) as fout:
        client_create(user=consulent_rijswijk, **_velden(rijswijk, bsn="123456789"))
    assert "bsn" in fout.value.message_dict
    assert not Client.objects.exists()
    assert not Verwerking.objects.exists()


def test_consulent_cannot_register_a_client_in_another_municipality(consulent_rijswijk, delft):
    with pytest.raises(PermissionDenied):
        client_create(user=consulent_rijswijk, **_velden(delft))
    assert not Client.objects.exists()


def test_controller_may_not_register_clients(rijswijk):
    controller = UserFactory(rol="controller", gemeenten=[rijswijk])
    with pytest.raises(PermissionDenied):
        client_create(user=controller, **_velden(rijswijk))


def test_client_update_logs_which_fields_changed(consulent_rijswijk, client_rijswijk):
    client_update(user=consulent_rijswijk, client=client_rijswijk, achternaam="Nieuwenhuis", huisnummer=14)
    client_rijswijk.refresh_from_db()
    assert client_rijswijk.achternaam == "Nieuwenhuis"
    log = Verwerking.objects.get(actie="wijzigen")
    assert log.omschrijving == "achternaam, huisnummer"
