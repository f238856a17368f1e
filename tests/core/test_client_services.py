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


def test_the_same_person_can_be_a_client_of_delft_and_of_rijswijk(client_rijswijk, delft):
    """The Wmo is municipal: Delft registers the person as its own client and learns nothing of Rijswijk's record."""
    consulent_delft = UserFactory(rol="consulent", gemeenten=[delft])
    velden = _velden(delft, bsn=client_rijswijk.bsn, achternaam="Delftse naam")
    eigen = client_create(user=consulent_delft, **velden)
    assert eigen.pk != client_rijswijk.pk and eigen.gemeente == delft
    assert Client.objects.filter(bsn=client_rijswijk.bsn).count() == 2
    client_rijswijk.refresh_from_db()
    assert client_rijswijk.achternaam != "Delftse naam"


def test_a_duplicate_bsn_within_one_municipality_is_refused_in_dutch(consulent_rijswijk, client_rijswijk, rijswijk):
    with pytest.raises(ValidationError) as fout:
        client_create(user=consulent_rijswijk, **_velden(rijswijk, bsn=client_rijswijk.bsn))
    assert fout.value.message_dict["bsn"] == ["Deze gemeente heeft al een cliënt met dit BSN."]
    assert Client.objects.filter(bsn=client_rijswijk.bsn).count() == 1
