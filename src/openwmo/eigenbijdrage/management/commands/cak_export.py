from datetime import date

from django.core.management.base import BaseCommand, CommandError

from openwmo.core.models import Gemeente
from openwmo.eigenbijdrage.services import cak_export_csv


class Command(BaseCommand):
    help = "Schrijft de CAK-export (CSV, indeling in docs/eigenbijdrage.md) van de voorzieningen met eigen bijdrage."

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", action="append", required=True, help="CBS-code (herhaalbaar)")
        parser.add_argument("--van", required=True, type=date.fromisoformat, help="JJJJ-MM-DD")
        parser.add_argument("--tot", required=True, type=date.fromisoformat, help="JJJJ-MM-DD (tot en met)")
        parser.add_argument("--output", help="bestand (standaard: standaarduitvoer)")

    def handle(self, *args, gemeente, van, tot, output=None, **options):
        gemeenten = list(Gemeente.objects.filter(cbs_code__in=gemeente))
        onbekend = set(gemeente) - {g.cbs_code for g in gemeenten}
        if onbekend:
            raise CommandError(f"onbekende gemeente(n): {', '.join(sorted(onbekend))}")
        if tot < van:
            raise CommandError("--tot ligt voor --van")
        tekst = cak_export_csv(gemeenten, van, tot)
        if output:
            with open(output, "w", encoding="utf-8", newline="") as bestand:
                bestand.write(tekst)
        else:
            self.stdout.write(tekst, ending="")
