"""Text a user typed is shown escaped: script and attribute-breaking payloads in a client's name, a melding's
question and a provider's name, stored through the services, never reach the HTML as markup."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils.html import escape

from openwmo.core.services import client_create
from openwmo.inkoop.services import aanbieder_create
from openwmo.toegang.services import melding_create
from tests.factories import UserFactory, geldig_bsn

pytestmark = pytest.mark.django_db
AANVALLEN = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


def _controleer(html: str, aanval: str) -> None:
    assert aanval not in html, "the payload reached the page unescaped"
    assert escape(aanval) in html, "the payload is not shown (escaped) at all"


@pytest.mark.parametrize("aanval", AANVALLEN)
def test_client_name_and_melding_question_are_escaped(client, rijswijk, consulent_rijswijk, aanval):
    persoon = client_create(
        user=consulent_rijswijk,
        bsn=geldig_bsn(),
        geboortedatum=date(1950, 5, 17),
        achternaam=f"Jansen {aanval}",
        gemeente=rijswijk,
    )
    melding_create(
        user=consulent_rijswijk,
        client=persoon,
        meldingsdatum=date(2016, 1, 4),
        kanaal="telefoon",
        vraag=f"Hulp bij {aanval} het huishouden",
    )
    client.force_login(consulent_rijswijk)
    dossier = client.get(reverse("toegang:dossier", args=[persoon.pk])).content.decode()
    _controleer(dossier, f"Jansen {aanval}")
    _controleer(dossier, f"Hulp bij {aanval} het huishouden")
    for url in (reverse("core:client-lijst") + "?q=Jansen", reverse("core:client-detail", args=[persoon.pk])):
        _controleer(client.get(url).content.decode(), f"Jansen {aanval}")
    werkvoorraad = client.get(reverse("toegang:werkvoorraad")).content.decode()
    assert aanval not in werkvoorraad


@pytest.mark.parametrize("aanval", AANVALLEN)
def test_provider_name_is_escaped(client, rijswijk, aanval):
    contractmanager = UserFactory(rol="contractmanager", gemeenten=[rijswijk])
    aanbieder = aanbieder_create(user=contractmanager, agb_code="98100007", naam=f"Zorg {aanval} BV")
    client.force_login(contractmanager)
    for url in (reverse("inkoop:aanbieder-lijst"), reverse("inkoop:aanbieder-detail", args=[aanbieder.pk])):
        _controleer(client.get(url).content.decode(), f"Zorg {aanval} BV")
