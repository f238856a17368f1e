from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rest_framework.authtoken.models import Token

from openwmo.core.audit import Actie, log_verwerking


class Command(BaseCommand):
    help = (
        "Maakt een nieuw API-token voor een gebruiker of systeemaccount en drukt het af. Een bestaand token "
        "vervalt (roteren). Een systeemaccount is een gebruiker met een rol en gemeenten."
    )

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")

    @transaction.atomic
    def handle(self, *args, gebruikersnaam, **options):
        user = get_user_model().objects.filter(username=gebruikersnaam).first()
        if user is None:
            raise CommandError(f"Geen gebruiker {gebruikersnaam!r}.")
        if not user.is_active:
            raise CommandError(f"Gebruiker {gebruikersnaam!r} is niet actief.")
        Token.objects.filter(user=user).delete()
        token = Token.objects.create(user=user)
        log_verwerking(
            None,
            Actie.AANMAKEN,
            activiteit="API-token uitgeven",
            doel="Beheer toegang",
            object_type="Token",
            object_id=user.pk,
            omschrijving=f"token voor {user.username}",
        )
        self.stdout.write(token.key)
