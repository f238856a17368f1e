"""`openwmo scenario`: price one year's demand under another funding model, print it, optionally save it.

    openwmo scenario --jaar 2025 --regio H4 --model output_per_4_weken --param tarief=800 --format json
    openwmo scenario --jaar 2025 --gemeente 0603 --model tarief_index --param percentage=3.5
    openwmo scenario --jaar 2025 --regio H4 --model populatiebudget --param korting_pct=5 --opslaan "Populatie -5%"

Parameters: tarief_index: percentage; output_per_4_weken: tarief (all products) and/or
tarief.<productcode>; populatiebudget: korting_pct, sleutel (inwoners|historisch).
"""

import json
import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from openwmo.bekostiging import scenario as rekenen
from openwmo.bekostiging.models import Scenario
from openwmo.bekostiging.services import scenario_create
from openwmo.catalogus.models import Product
from openwmo.core.models import Gemeente
from openwmo.inkoop.models import Aanbieder


def _parameters(paren: list[str]) -> dict:
    data: dict = {}
    for paar in paren:
        sleutel, is_, waarde = paar.partition("=")
        if not is_:
            raise CommandError(f"--param {paar}: schrijf naam=waarde")
        if sleutel.startswith("tarief."):
            data.setdefault("tarieven", {})[sleutel.removeprefix("tarief.")] = waarde
        else:
            data[sleutel] = waarde
    return data


def _fouttekst(fout: ValidationError) -> str:
    if hasattr(fout, "error_dict"):
        return "; ".join(f"{veld}: {' '.join(m)}" for veld, m in fout.message_dict.items())
    return " ".join(fout.messages)


class Command(BaseCommand):
    help = "Bereken een bekostigingsscenario over de werkelijke vraag van een jaar."

    def add_arguments(self, parser):
        parser.add_argument("--jaar", type=int, required=True)
        parser.add_argument("--regio", help="regiocode, bijvoorbeeld H4")
        parser.add_argument("--gemeente", action="append", default=[], help="CBS-code; mag vaker")
        parser.add_argument("--model", required=True, choices=Scenario.Model.values)
        parser.add_argument("--param", action="append", default=[], help="naam=waarde; mag vaker")
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument("--opslaan", metavar="NAAM", help="sla het scenario op onder deze naam")

    def handle(self, *args, **opties):
        gemeenten = Gemeente.objects.all()
        if opties["regio"]:
            gemeenten = gemeenten.filter(regio__code=opties["regio"])
        if opties["gemeente"]:
            gemeenten = gemeenten.filter(cbs_code__in=opties["gemeente"])
        gemeenten = list(gemeenten.order_by("naam"))
        if not (opties["regio"] or opties["gemeente"]) or not gemeenten:
            raise CommandError("Geef --regio of --gemeente met bestaande codes.")
        data = _parameters(opties["param"])
        start = time.perf_counter()
        try:
            if opties["opslaan"]:
                opgeslagen = scenario_create(
                    user=None,
                    naam=opties["opslaan"],
                    jaar=opties["jaar"],
                    gemeenten=gemeenten,
                    model=opties["model"],
                    parameters=data,
                )
            parameters = rekenen.parameters_lezen(opties["model"], data)
            uitkomst = rekenen.berekenen(gemeenten, opties["jaar"], opties["model"], parameters)
        except ValidationError as fout:
            raise CommandError(_fouttekst(fout)) from None
        duur = time.perf_counter() - start
        namen = {
            "gemeente": {g.pk: g.naam for g in gemeenten},
            "aanbieder": dict(Aanbieder.objects.values_list("pk", "naam")),
            "product": dict(Product.objects.values_list("pk", "productcode")),
        }
        resultaat = {
            "jaar": opties["jaar"],
            "gemeenten": [g.cbs_code for g in gemeenten],
            "model": opties["model"],
            "parameters": rekenen.parameters_als_json(parameters),
            "aantal_toewijzingen": uitkomst.aantal_toewijzingen,
            "zonder_tarief": uitkomst.zonder_tarief,
            "totaal": {
                "werkelijk": str(uitkomst.totaal_werkelijk),
                "scenario": str(uitkomst.totaal_scenario),
                "verschil": str(uitkomst.totaal_scenario - uitkomst.totaal_werkelijk),
            },
            "per_gemeente": self._per(uitkomst, "gemeente_id", namen["gemeente"]),
            "per_aanbieder": self._per(uitkomst, "aanbieder_id", namen["aanbieder"]),
            "per_product": self._per(uitkomst, "product_id", namen["product"]),
            "rekentijd_s": round(duur, 3),
        }
        if opties["opslaan"]:
            resultaat["scenario_id"] = opgeslagen.pk
        if opties["format"] == "json":
            self.stdout.write(json.dumps(resultaat, ensure_ascii=False, indent=2))
        else:
            self._tabel(resultaat)

    @staticmethod
    def _per(uitkomst, veld, namen):
        totalen: dict = {}
        for r in uitkomst.regels:
            naam = namen.get(getattr(r, veld), "–")
            t = totalen.setdefault(naam, [0, 0, 0])
            t[0] += r.aantal_toewijzingen
            t[1] += r.werkelijk
            t[2] += r.scenario
        return [
            {"naam": n, "toewijzingen": a, "werkelijk": str(w), "scenario": str(s), "verschil": str(s - w)}
            for n, (a, w, s) in sorted(totalen.items())
        ]

    def _tabel(self, r):
        t = r["totaal"]
        self.stdout.write(f"Scenario {r['model']} {r['parameters']} – vraag {r['jaar']}, {', '.join(r['gemeenten'])}")
        self.stdout.write(f"{r['aantal_toewijzingen']} toewijzingen ({r['zonder_tarief']} deels zonder tarief)")
        for kop, sleutel in (("Gemeente", "per_gemeente"), ("Aanbieder", "per_aanbieder"), ("Product", "per_product")):
            self.stdout.write("")
            self.stdout.write(f"{kop:<40} {'werkelijk':>16} {'scenario':>16} {'verschil':>16}")
            for rij in r[sleutel]:
                self.stdout.write(
                    f"{rij['naam'][:40]:<40} {rij['werkelijk']:>16} {rij['scenario']:>16} {rij['verschil']:>16}"
                )
        self.stdout.write("")
        self.stdout.write(f"{'Totaal':<40} {t['werkelijk']:>16} {t['scenario']:>16} {t['verschil']:>16}")
