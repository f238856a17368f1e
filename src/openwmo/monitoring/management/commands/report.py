from datetime import date

from django.core.management.base import BaseCommand, CommandError

from openwmo.core.models import Gemeente

from ...export import als_csv, als_json, als_tekst, als_xlsx
from ...tabellen import RAPPORTEN, Scope


def _datum(tekst: str) -> date:
    try:
        return date.fromisoformat(tekst)
    except ValueError as fout:
        raise CommandError(f"Ongeldige datum {tekst!r}: gebruik JJJJ-MM-DD.") from fout


class Command(BaseCommand):
    help = "Drukt een tabel uit de sturingsinformatie af (openwmo report --list toont ze allemaal)."

    def add_arguments(self, parser):
        parser.add_argument("naam", nargs="?", help="De naam van het rapport.")
        parser.add_argument("--list", action="store_true", help="Toon de beschikbare rapporten.")
        parser.add_argument(
            "--bijwerken",
            action="store_true",
            help="Reken de bewaarde stand van de dashboards opnieuw uit (elke gemeente en regio, per --jaar).",
        )
        parser.add_argument(
            "--jaar", type=int, action="append", help="Jaar voor --bijwerken (herhaalbaar; standaard dit jaar)."
        )
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--gemeente", help="CBS-code van de gemeente, bijv. 0603.")
        scope.add_argument("--regio", help="Code van de regio, bijv. H4.")
        parser.add_argument("--peildatum", type=_datum)
        parser.add_argument("--van", type=_datum)
        parser.add_argument("--tot", type=_datum)
        parser.add_argument("--format", choices=["table", "csv", "json", "xlsx"], default="table")
        parser.add_argument("--output", help="Schrijf naar dit bestand (verplicht bij xlsx).")

    def handle(
        self,
        *args,
        naam=None,
        list=False,
        bijwerken=False,
        jaar=None,
        gemeente=None,
        regio=None,
        peildatum=None,
        van=None,
        tot=None,
        format="table",
        output=None,
        **options,
    ):
        if bijwerken:
            from ...stand import bijwerken as stand_bijwerken

            aantal = stand_bijwerken(jaar or [date.today().year])
            self.stdout.write(f"Stand bijgewerkt: {aantal} tabellen en waarden bewaard.")
            return
        if list or not naam:
            for rapport in RAPPORTEN.values():
                self.stdout.write(f"{rapport.naam:<34} {rapport.titel}")
            return
        if naam not in RAPPORTEN:
            raise CommandError(f"Onbekend rapport {naam!r}. Zie openwmo report --list.")
        if gemeente:
            gemeenten = Gemeente.objects.filter(cbs_code=gemeente)
        elif regio:
            gemeenten = Gemeente.objects.filter(regio__code=regio)
        else:
            raise CommandError("Kies --gemeente CBS of --regio CODE.")
        if not gemeenten:
            raise CommandError(f"Geen gemeente gevonden voor {gemeente or regio!r}.")
        tabel = RAPPORTEN[naam].maak(Scope(gemeenten=tuple(gemeenten), peildatum=peildatum, van=van, tot=tot))
        if format == "xlsx":
            if not output:
                raise CommandError("Geef bij --format xlsx een bestand op met --output.")
            with open(output, "wb") as bestand:
                bestand.write(als_xlsx(tabel))
            return
        tekst = {"table": als_tekst, "csv": als_csv, "json": als_json}[format](tabel)
        if output:
            with open(output, "w", encoding="utf-8") as bestand:
                bestand.write(tekst)
        else:
            self.stdout.write(tekst, ending="")
