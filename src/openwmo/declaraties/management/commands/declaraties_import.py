from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openwmo.declaraties.services import declaratie_verwerken_323


class Command(BaseCommand):
    help = (
        "Verwerkt WMO323-declaraties (bestanden of mappen met .xml) en schrijft het WMO325-antwoord naast elk "
        "bestand (<naam>.325.xml) of in --output. Opnieuw inlezen verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("paden", nargs="+", help="WMO323-bestanden of mappen")
        parser.add_argument("--output", help="map voor de WMO325-antwoorden (standaard: naast het bestand)")

    def handle(self, *args, paden, output=None, **options):
        bestanden = []
        for pad in map(Path, paden):
            if pad.is_dir():
                bestanden += sorted(p for p in pad.glob("*.xml") if not p.name.endswith(".325.xml"))
            elif pad.is_file():
                bestanden.append(pad)
            else:
                raise CommandError(f"{pad}: bestand of map bestaat niet")
        uitmap = Path(output) if output else None
        if uitmap:
            uitmap.mkdir(parents=True, exist_ok=True)
        regels = afgekeurd = 0
        for bestand in bestanden:
            uitkomst = declaratie_verwerken_323(bestand.read_bytes())
            if uitkomst.antwoord_325 is not None:
                doel = (uitmap or bestand.parent) / f"{bestand.stem}.325.xml"
                doel.write_bytes(uitkomst.antwoord_325)
            d = uitkomst.declaratie
            if d is not None:
                regels += d.aantal_regels
                afgekeurd += d.aantal_afgekeurd
                status = (
                    f"{d.aantal_regels} prestaties, {d.aantal_afgekeurd} afgekeurd, toegekend € {d.toegekend_totaal}"
                )
                if uitkomst.herhaald:
                    status = "al eerder verwerkt: " + status
            else:
                status = "; ".join(uitkomst.meldingen[:3])
            self.stdout.write(f"{bestand.name}: {','.join(uitkomst.retourcodes)} – {status}")
        self.stdout.write(f"{len(bestanden)} bestanden, {regels} prestaties, {afgekeurd} afgekeurd.")
