from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from openwmo.core.models import Gemeente

from ...bestanden import BestandFout, Grenzen, lees_map, lees_upload
from ...service import ImportOpties, importeer


class Command(BaseCommand):
    help = (
        "Importeert bestaande gegevens uit een map met clienten.csv, beschikkingen.csv, toewijzingen.csv en "
        "declaraties.csv (of één XLSX met die bladen, of een ZIP). Zie docs/import.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("map", help="Map (of ZIP/XLSX-bestand) met de importbestanden.")
        parser.add_argument("--gemeente", help="CBS-code: vult een lege kolom gemeente en weigert andere gemeenten.")
        parser.add_argument("--dry-run", action="store_true", help="Controleer alles en toon wat er zou gebeuren.")
        parser.add_argument("--partial", action="store_true", help="Sla de goede rijen op, ook als er fouten zijn.")
        parser.add_argument(
            "--historisch",
            action="store_true",
            help="Sla alleen de contract- en tariefcontrole van toewijzingen over (lopende toewijzingen van vóór "
            "de contracten in Open Wmo). Overlap, BSN en datums worden altijd gecontroleerd.",
        )
        parser.add_argument("--aanbieders-aanmaken", action="store_true", help="Maak onbekende aanbieders aan.")
        parser.add_argument("--producten-aanmaken", action="store_true", help="Maak onbekende producten aan.")

    def handle(self, *args, **options):
        from pathlib import Path

        pad = Path(options["map"])
        gemeente = options.get("gemeente")
        if gemeente and not Gemeente.objects.filter(cbs_code=gemeente).exists():
            raise CommandError(f"Onbekende gemeente {gemeente!r}; laad eerst de referentiegegevens (load_reference).")
        try:
            grenzen = Grenzen.uit_instellingen(settings)
            bladen = lees_map(pad, grenzen) if pad.is_dir() else lees_upload(pad.name, pad.read_bytes(), grenzen)
        except (BestandFout, OSError) as fout:
            raise CommandError(f"Kan niet importeren: {fout}") from fout
        opties = ImportOpties(
            gemeente=gemeente,
            dry_run=options["dry_run"],
            partial=options["partial"],
            historisch=options["historisch"],
            aanbieders_aanmaken=options["aanbieders_aanmaken"],
            producten_aanmaken=options["producten_aanmaken"],
        )
        totaal = sum(len(blad.rijen) for blad in bladen.values())
        with tqdm(total=totaal, unit="rij", desc="Importeren", disable=None, file=self.stderr._out) as balk:
            resultaat = importeer(bladen, opties, user=None, voortgang=balk.update)
        self.stdout.write(resultaat.samenvatting())
        if not resultaat.geslaagd:
            raise CommandError("De import bevat fouten (zie hierboven).")
