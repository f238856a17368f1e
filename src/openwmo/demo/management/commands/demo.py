import time
from datetime import date, timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from openwmo.berichten.simulator import simuleer
from openwmo.core.models import Client
from openwmo.core.rollen import Rol
from openwmo.demo.gebruikers import DEMO_RESERVECODES, demo_gebruikers_aanmaken
from openwmo.demo.planner import plan
from openwmo.demo.scenario import SCENARIO_DIR, ScenarioError, load_scenario
from openwmo.demo.schrijver import plan_opslaan
from openwmo.demo.schrijver_declaraties import declaraties_versturen


class Command(BaseCommand):
    help = (
        "Zet een demo-omgeving klaar: database, referentiegegevens, een gegenereerde regio en demogebruikers; "
        "start daarna de website."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scenario", default="h4", help="Scenario in demo/scenarios (standaard: h4).")
        parser.add_argument("--seed", type=int, default=2017, help="Zelfde seed, zelfde gegevens.")
        parser.add_argument("--no-serve", action="store_true", help="Stop na het klaarzetten.")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")

    def handle(self, *args, scenario="h4", seed=2017, no_serve=False, host="127.0.0.1", port="8000", **options):
        begin = time.monotonic()
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_reference", stdout=self.stdout)
        if Client.objects.exists():
            self.stdout.write("De database bevat al gegevens; er wordt niets gegenereerd.")
        else:
            self._genereer(scenario, seed)
        gebruikers = demo_gebruikers_aanmaken()
        self.stdout.write(self.style.SUCCESS("\nDemogebruikers (alleen voor deze lokale demo):"))
        for demo in gebruikers:
            self.stdout.write(
                f"  {Rol(demo.rol).label:<32} gebruikersnaam: {demo.gebruikersnaam:<16} wachtwoord: {demo.wachtwoord}"
            )
        self.stdout.write(
            "  De beheerder logt in met een tweede stap; reservecode (elk eenmalig bruikbaar): "
            + ", ".join(DEMO_RESERVECODES)
        )
        self.stdout.write(f"\nKlaar in {time.monotonic() - begin:.1f} s.")
        if no_serve:
            return
        self.stdout.write(self.style.SUCCESS(f"\nOpen Wmo draait op http://{host}:{port}/ (stoppen: Ctrl+C)\n"))
        call_command("runserver", f"{host}:{port}", use_reloader=False)

    def _genereer(self, naam: str, seed: int) -> None:
        bestand = SCENARIO_DIR / f"{naam}.yaml"
        if not bestand.exists():
            beschikbaar = ", ".join(sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml")))
            raise CommandError(f"Onbekend scenario {naam!r}; beschikbaar: {beschikbaar}.")
        try:
            scenario = load_scenario(bestand)
        except ScenarioError as fout:
            raise CommandError(f"Scenario {naam} is ongeldig: {fout}") from fout
        stappen = [
            "plan",
            "inkoop",
            "huishoudens",
            "cliënten",
            "meldingen",
            "beschikkingen",
            "toewijzingen",
            "evaluaties",
            "berichten",
            "declaraties",
        ]
        with tqdm(total=len(stappen), desc=f"Scenario {naam} (seed {seed})", unit="stap", file=self.stderr) as balk:
            gepland = plan(scenario, seed)
            balk.update()

            def voortgang(stap: str, aantal: int) -> None:
                balk.set_postfix_str(f"{stap}: {aantal}")
                balk.update()

            aantallen = plan_opslaan(scenario, gepland, voortgang)
            # The providers answer the recent allocations: 301s out, 302/305/307/317 back (with a few mistakes).
            berichten = simuleer(seed, vanaf=date.today() - timedelta(days=45), max_berichten=300)
            voortgang("berichten", sum(berichten.values()))
            # The providers claim the last complete months (323 in, 325 out); approved lines are paid in batches.
            declaraties = declaraties_versturen(gepland)
            voortgang("declaraties", declaraties["323"])
        self.stdout.write(
            "Gegenereerd: {cliënten} cliënten, {beschikkingen} beschikkingen, {toewijzingen} toewijzingen, "
            "{evaluaties} evaluaties.".format(**aantallen)
        )
        self.stdout.write(
            f"Declaraties: {declaraties['323']} ontvangen (WMO323) en beantwoord (WMO325), "
            f"{declaraties['goedgekeurd']} prestaties goedgekeurd, {declaraties['afgekeurd']} afgekeurd, "
            f"{declaraties['betaalbatches']} betaalbatches."
        )
