"""The `openwmo` command: thin wrappers around Django management commands.

openwmo demo [--no-serve]       set up a demo (database, reference data, users) and serve it
openwmo serve [--port 8000]     serve the web UI
openwmo scenario --jaar … --model …  price a year's demand under another funding model
openwmo berichten import PATH… | export DIR | outbox   iWmo inbox and outbox
openwmo import DIR [--dry-run]  import clienten/beschikkingen/toewijzingen/declaraties (docs/import.md)
openwmo export DIR              export the same files
openwmo manage <command> …      any Django management command (migrate, shell, check --deploy, …)
"""

import os
import sys

SUBCOMMANDS = {
    "demo": "demo",
    "serve": "runserver",
    "report": "report",
    "scenario": "scenario",
    "berichten": "berichten",
    "import": "import_data",
    "export": "export_data",
}


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openwmo.conf.base")
    from django.core.management import execute_from_command_line

    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return
    command, rest = argv[0], argv[1:]
    _zorg_voor_var_map()
    if command == "manage":
        execute_from_command_line(["openwmo manage", *rest])
        return
    if command not in SUBCOMMANDS:
        print(f"Onbekende opdracht: {command}\n{__doc__}", file=sys.stderr)
        sys.exit(2)
    execute_from_command_line(["openwmo", SUBCOMMANDS[command], *rest])


def _zorg_voor_var_map() -> None:
    from django.conf import settings

    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)


if __name__ == "__main__":
    main()
