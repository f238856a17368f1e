"""Many households and clients at once: the rules of `client_create`, set-wise, all or nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from openwmo.core.models import Client, Huishouden, Verwerking, Wijk
from openwmo.core.services import clienten_bulk_opslaan

from ..factories import UserFactory, geldig_bsn


def _client(gemeente, **extra):
    return {
        "bsn": geldig_bsn(),
        "achternaam": "Visser",
        "geboortedatum": datetime.date(1948, 3, 2),
        "postcode": "2281AB",
        "gemeente": gemeente.pk,
        **extra,
    }


def test_households_and_clients_are_stored_linked_and_logged(consulent_rijswijk, rijswijk):
    wijk = Wijk.objects.create(gemeente=rijswijk, code="01", naam="Oud Rijswijk")
    uitkomst = clienten_bulk_opslaan(
        user=consulent_rijswijk,
        huishoudens=[{"gemeente": rijswijk.pk, "omschrijving": "Fam. Visser"}],
        clienten=[_client(rijswijk, huishouden=0, wijk=wijk.pk), _client(rijswijk, huishouden=0, achternaam="Bos")],
    )
    leden = Client.objects.filter(pk__in=uitkomst.clienten).order_by("achternaam")
    assert [c.achternaam for c in leden] == ["Bos", "Visser"]
    assert {c.huishouden_id for c in leden} == set(uitkomst.huishoudens) == {Huishouden.objects.get().pk}
    assert Client.objects.get(achternaam="Visser").wijk == wijk
    log = Verwerking.objects.get(object_type="Client")
    assert (log.gebruiker, log.gemeente, log.omschrijving) == (consulent_rijswijk, rijswijk, "2 cliënten")


def test_every_bad_row_is_named_with_the_services_dutch_message_and_nothing_is_written(
    consulent_rijswijk, rijswijk, client_rijswijk
):
    ander = UserFactory(rol="consulent", gemeenten=[rijswijk])
    dubbel = geldig_bsn()
    with pytest.raises(ValidationError) as fout:
        clienten_bulk_opslaan(
            user=ander,
            huishoudens=[{"gemeente": rijswijk.pk}],
            clienten=[
                _client(rijswijk, bsn="123456789"),
                _client(rijswijk, postcode="12345"),
                _client(rijswijk, bsn=client_rijswijk.bsn),
                _client(rijswijk, bsn=dubbel),
                _client(rijswijk, bsn=dubbel),
                _client(rijswijk, huishouden=7),
                _client(rijswijk, achternaam=""),
            ],
        )
    meldingen = fout.value.messages
    assert any(m.startswith("clienten[0] bsn: ") and "elfproef" in m for m in meldingen), meldingen
    assert any(m.startswith("clienten[1] postcode: ") for m in meldingen), meldingen
    assert any(m.startswith("clienten[6] achternaam: ") for m in meldingen), meldingen
    assert not Client.objects.exclude(pk=client_rijswijk.pk).exists() and not Huishouden.objects.exists()
    with pytest.raises(ValidationError) as fout:
        clienten_bulk_opslaan(
            user=ander,
            clienten=[
                _client(rijswijk, bsn=client_rijswijk.bsn),
                _client(rijswijk, bsn=dubbel),
                _client(rijswijk, bsn=dubbel),
                _client(rijswijk, huishouden=7),
            ],
        )
    assert fout.value.messages == [
        "clienten[0] bsn: Deze gemeente heeft al een cliënt met dit BSN.",
        "clienten[2] bsn: Deze gemeente heeft al een cliënt met dit BSN.",
        "clienten[3] huishouden: Verwijst naar een huishouden dat niet in deze levering zit.",
    ]
    assert Client.objects.count() == 1


def test_district_and_household_must_belong_to_the_clients_municipality(consulent_rijswijk, rijswijk, delft):
    beheerder = UserFactory(rol="beheerder", gemeenten=[rijswijk, delft])
    wijk_delft = Wijk.objects.create(gemeente=delft, code="01", naam="Binnenstad")
    with pytest.raises(ValidationError) as fout:
        clienten_bulk_opslaan(
            user=beheerder,
            huishoudens=[{"gemeente": delft.pk}],
            clienten=[_client(rijswijk, wijk=wijk_delft.pk), _client(rijswijk, huishouden=0)],
        )
    assert fout.value.messages == [
        "clienten[0] wijk: Deze wijk hoort niet bij de gemeente van de cliënt.",
        "clienten[1] huishouden: Dit huishouden hoort bij een andere gemeente.",
    ]


def test_the_same_person_in_two_municipalities_is_two_records(client_rijswijk, rijswijk, delft):
    uitkomst = clienten_bulk_opslaan(user=None, clienten=[_client(delft, bsn=client_rijswijk.bsn)])
    assert Client.objects.get(pk=uitkomst.clienten[0]).gemeente == delft


def test_a_municipality_the_user_does_not_work_for_is_refused(consulent_rijswijk, delft):
    with pytest.raises(PermissionDenied):
        clienten_bulk_opslaan(user=consulent_rijswijk, clienten=[_client(delft)])
    controller = UserFactory(rol="controller", gemeenten=[delft])
    with pytest.raises(PermissionDenied):
        clienten_bulk_opslaan(user=controller, clienten=[_client(delft)])
    assert not Client.objects.exists()
