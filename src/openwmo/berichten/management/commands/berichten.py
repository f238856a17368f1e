"""openwmo berichten import PATH… | export DIR | outbox — the iWmo inbox and outbox from the command line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openwmo.berichten.inbox import ontvang, wachtende_verwerken
from openwmo.berichten.models import Kanaal
from openwmo.berichten.outbox import exporteren, outbox_bijwerken


class Command(BaseCommand):
    help = "iWmo-berichten: import (bestanden of mappen), export (per ontvanger) en outbox (ontbrekende 301's maken)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="actie", required=True)
        importeren = sub.add_parser("import", help="Berichten ontvangen uit bestanden of mappen (*.xml).")
        importeren.add_argument("paden", nargs="+")
        export = sub.add_parser("export", help="Klaarstaande berichten schrijven naar DIR/<ontvanger>/.")
        export.add_argument("map")
        outbox = sub.add_parser("outbox", help="Ontbrekende 301's aanmaken en wachtende 323's opnieuw verwerken.")
        outbox.add_argument("--max", type=int, default=None, dest="max_berichten")

    def handle(self, *args, actie, **opties):
        getattr(self, f"_{actie}")(**opties)

    def _import(self, paden, **_opties):
        bestanden = []
        for pad in map(Path, paden):
            if pad.is_dir():
                bestanden.extend(sorted(p for p in pad.rglob("*") if p.is_file() and p.suffix.lower() == ".xml"))
            elif pad.is_file():
                bestanden.append(pad)
            else:
                raise CommandError(f"{pad} bestaat niet")
        for bestand in bestanden:
            ontvangst = ontvang(bestand.read_bytes(), kanaal=Kanaal.IMPORT)
            b = ontvangst.bericht
            codes = f" [{b.retourcodes}]" if b.retourcodes else ""
            herhaald = " (al eerder ontvangen)" if ontvangst.herhaald else ""
            naam = f"WMO{b.berichtcode}" if b.berichtcode else "onleesbaar"
            self.stdout.write(f"{bestand}: {naam} {b.identificatie} {b.get_status_display()}{codes}{herhaald}")
            if b.meldingen and b.status == "afgekeurd":
                self.stdout.write("    " + b.meldingen.replace("\n", "\n    "))

    def _export(self, map, **_opties):
        per_ontvanger = exporteren(Path(map))
        for ontvanger, aantal in sorted(per_ontvanger.items()):
            self.stdout.write(f"{ontvanger}: {aantal} bericht(en)")
        self.stdout.write(f"{sum(per_ontvanger.values())} bericht(en) geëxporteerd naar {map}")

    def _outbox(self, max_berichten=None, **_opties):
        geweigerd = []
        nieuw = outbox_bijwerken(max_berichten=max_berichten, geweigerd=geweigerd)
        self.stdout.write(f"{len(nieuw)} nieuwe 301-bericht(en) aangemaakt")
        for toewijzing, reden in geweigerd:
            self.stdout.write(f"geen 301 voor toewijzing {toewijzing.toewijzingsnummer}: {reden}")
        verwerkt = wachtende_verwerken()
        if verwerkt:
            self.stdout.write(f"{verwerkt} wachtende declaratie(s) verwerkt")
