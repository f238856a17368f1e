from django.core.management.base import BaseCommand

from openwmo.catalogus.referentie import referentiegegevens_laden


class Command(BaseCommand):
    help = "Laadt de referentiegegevens: gemeenten, wijken, iWmo-codelijsten en de catalogus (idempotent)."

    def handle(self, *args, **options):
        aantallen = referentiegegevens_laden()
        self.stdout.write(
            "Referentiegegevens geladen: {gemeenten} gemeenten, {codewaarden} codewaarden, "
            "{producten} producten.".format(**aantallen)
        )
