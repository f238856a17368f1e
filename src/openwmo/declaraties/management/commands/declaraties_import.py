import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from openwmo.declaraties.werkers import parallel, verwerken

_AFZENDER = re.compile(rb"Afzender>\s*([0-9]{8})\s*<")


class Command(BaseCommand):
    help = (
        "Verwerkt WMO323-declaraties (bestanden of mappen met .xml) en schrijft het WMO325-antwoord naast elk "
        "bestand (<naam>.325.xml) of in --output. Opnieuw inlezen verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("paden", nargs="+", help="WMO323-bestanden of mappen")
        parser.add_argument("--output", help="map voor de WMO325-antwoorden (standaard: naast het bestand)")
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="aantal processen (alleen PostgreSQL); de bestanden van één aanbieder blijven op volgorde",
        )

    def handle(self, *args, paden, output=None, workers=1, **options):
        bestanden = []
        for pad in map(Path, paden):
            if pad.is_dir():
                bestanden += sorted(p for p in pad.glob("*.xml") if not p.name.endswith(".325.xml"))
            elif pad.is_file():
                bestanden.append(pad)
            else:
                raise CommandError(f"{pad}: bestand of map bestaat niet")
        if workers > 1 and connection.vendor != "postgresql":
            raise CommandError("--workers groter dan 1 kan alleen met PostgreSQL")
        uitmap = Path(output) if output else None
        if uitmap:
            uitmap.mkdir(parents=True, exist_ok=True)
        if workers > 1:
            # Files of one provider go to one worker, in order (a credit may refer to an earlier claim).
            delen: list[list[Path]] = [[] for _ in range(workers)]
            for bestand in bestanden:
                with open(bestand, "rb") as f:
                    gevonden = _AFZENDER.search(f.read(4096))
                delen[int(gevonden.group(1)) % workers if gevonden else 0].append(bestand)
            uitkomsten = parallel(delen, uitmap)
        else:
            uitkomsten = verwerken(bestanden, uitmap)
        for naam, codes, _regels, _afgekeurd, status in uitkomsten:
            self.stdout.write(f"{naam}: {codes} – {status}")
        regels = sum(u[2] for u in uitkomsten)
        afgekeurd = sum(u[3] for u in uitkomsten)
        self.stdout.write(f"{len(bestanden)} bestanden, {regels} prestaties, {afgekeurd} afgekeurd.")
