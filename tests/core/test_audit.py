import pytest
from django.urls import reverse

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.models import Verwerking
from openwmo.core.rollen import rolgroep_beheerder_bijwerken

from ..factories import UserFactory


@pytest.fixture
def verwerking(consulent_rijswijk, client_rijswijk):
    return log_verwerking(
        consulent_rijswijk,
        Actie.LEZEN,
        activiteit="test",
        doel="test",
        object_type="Client",
        object_id=client_rijswijk.pk,
        betrokkene=client_rijswijk,
    )


def test_an_audit_entry_cannot_be_changed(verwerking):
    verwerking.doel = "iets anders"
    with pytest.raises(PermissionError):
        verwerking.save()
    verwerking.refresh_from_db()
    assert verwerking.doel == "test"


def test_an_audit_entry_cannot_be_deleted(verwerking):
    with pytest.raises(PermissionError):
        verwerking.delete()
    assert Verwerking.objects.filter(pk=verwerking.pk).exists()


def test_beheerder_can_read_but_not_edit_the_audit_log_in_the_admin(client, rijswijk, verwerking):
    beheerder = UserFactory(rol="beheerder", is_staff=True, gemeenten=[rijswijk])
    beheerder.groups.add(rolgroep_beheerder_bijwerken())
    client.force_login(beheerder)
    assert client.get(reverse("admin:core_verwerking_changelist")).status_code == 200
    response = client.post(reverse("admin:core_verwerking_change", args=[verwerking.pk]), {"doel": "x"})
    assert response.status_code == 403
    assert (
        client.post(reverse("admin:core_verwerking_delete", args=[verwerking.pk]), {"post": "yes"}).status_code == 403
    )
    verwerking.refresh_from_db()
    assert verwerking.doel == "test"
