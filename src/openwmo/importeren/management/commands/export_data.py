from django.core.management.base import BaseCommand, CommandError

from openwmo.core.models import Gemeente

from ...export import exporteer


class Command(BaseCommand):
    help = (
        "Exporteert cliënten, beschikkingen, toewijzingen en declaraties als clienten.csv, beschikkingen.csv, "
        "toewijzingen.csv en declaraties.csv (of export.xlsx) in dezelfde vorm als de import leest."
    )

    def add_arguments(self, parser):
        parser.add_argument("map", help="Map waarin de bestanden komen (wordt aangemaakt).")
        parser.add_argument("--gemeente", help="Alleen deze gemeente (CBS-code).")
        parser.add_argument("--xlsx", action="store_true", help="Schrijf één Excel-bestand export.xlsx.")

    def handle(self, *args, map, gemeente=None, xlsx=False, **options):
        if gemeente and not Gemeente.objects.filter(cbs_code=gemeente).exists():
            raise CommandError(f"Onbekende gemeente {gemeente!r}.")
        aantallen = exporteer(map, user=None, gemeente=gemeente, xlsx=xlsx)
        for naam, aantal in aantallen.items():
            self.stdout.write(f"{naam}: {aantal} rijen")
