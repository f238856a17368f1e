"""The demo's provider user works for a provider that has work in the demo, so its pages are not empty."""

from openwmo.core.models import User
from openwmo.demo.gebruikers import demo_gebruikers_aanmaken
from tests.factories import AanbiederFactory, ToewijzingFactory


def test_demo_provider_user_works_for_the_provider_with_the_most_allocations(referentie):
    AanbiederFactory(naam="Aaa Zorg zonder cliënten")
    druk = AanbiederFactory(naam="Zzz Zorg")
    ToewijzingFactory(aanbieder=druk)

    demo_gebruikers_aanmaken()

    assert User.objects.get(username="aanbieder").aanbieder_koppeling.aanbieder == druk
