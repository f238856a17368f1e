from django.core.management import call_command
from django.core.management.base import BaseCommand

from openwmo.core.rollen import Rol
from openwmo.demo.gebruikers import DEMO_RESERVECODES, demo_gebruikers_aanmaken


class Command(BaseCommand):
    help = "Zet een demo-omgeving klaar: database, referentiegegevens en demogebruikers; start daarna de website."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Stop na het klaarzetten.")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")

    def handle(self, *args, no_serve=False, host="127.0.0.1", port="8000", **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_reference", stdout=self.stdout)
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
        if no_serve:
            return
        self.stdout.write(self.style.SUCCESS(f"\nOpen Wmo draait op http://{host}:{port}/ (stoppen: Ctrl+C)\n"))
        call_command("runserver", f"{host}:{port}", use_reloader=False)
