"""The tables of Rijswijk's procurement plan 2017 (seeds/000), computed from the records.

Row definitions follow the catalogue's voorzieningsoorten; `docs/monitoring.md` explains them.
Tabel 2's total counts individuele begeleiding, dagbesteding and kortdurend verblijf: the three
AWBZ functions that moved to the Wmo in 2015 (the seed prints 570 while its two rows add up to 568).
"""

from datetime import date

from openwmo.core.rekenen import aandeel_pct, ontwikkeling_pct

from ..selectors import clienten_met_soort, indicaties_per_soort_en_zwaarte, voorzieningen_en_clienten_per_soort
from .basis import Scope, Tabel, rapport

BRON = "Inkoopplan Wmo 2017 Rijswijk (seeds/000)"
TABEL_1_RIJEN = (
    ("HH", "Hulp bij het huishouden"),
    ("RV", "Rolstoelvoorziening"),
    ("VV", "Vervoervoorziening"),
    ("WV", "Woonvoorziening"),
)
TABEL_2_RIJEN = (("IB", "Individuele begeleiding"), ("DB", "Dagbesteding"), ("KV", "Kortdurend verblijf"))
ZWAARTES = {"IB": ("basis", "speciaal"), "DB": ("licht", "basis", "speciaal")}


def _jaar(scope: Scope, jaren_terug: int = 0) -> int:
    """The year of the reference date; without one, this year (minus `jaren_terug`)."""
    return scope.peildatum.year if scope.peildatum else date.today().year - jaren_terug


def _d(datum: date) -> str:
    return datum.strftime("%d-%m-%Y")


@rapport("voorzieningen-per-soort", "Voorzieningen en cliënten per soort (Tabel 1)", BRON)
def voorzieningen_per_soort(scope: Scope) -> Tabel:
    """Provisions and clients per provision type at 31-12 of the year before and of the given year."""
    jaar = _jaar(scope, jaren_terug=1)
    data = [date(jaar - 1, 12, 31), date(jaar, 12, 31)]
    tellingen = [voorzieningen_en_clienten_per_soort(scope, d) for d in data]
    kolommen = ["Voorziening"]
    for d in data:
        kolommen += [f"Voorzieningen {_d(d)}", f"Cliënten {_d(d)}"]
    tabel = Tabel(titel=f"Aantal voorzieningen en cliënten (ZiN + PGB), {scope.omschrijving}", kolommen=kolommen)
    for code, naam in TABEL_1_RIJEN:
        rij = [naam]
        for telling in tellingen:
            rij += list(telling.get(code, (0, 0)))
        tabel.rijen.append(rij)
    return tabel


@rapport("indicaties-begeleiding", "Indicaties begeleiding per 1 januari (Tabel 2)", BRON)
def indicaties_begeleiding(scope: Scope) -> Tabel:
    """Indications (active allocations) of begeleiding at 1 January of two years, change in whole percent."""
    jaar = _jaar(scope)
    oud_d, nieuw_d = date(jaar - 1, 1, 1), date(jaar, 1, 1)
    oud = indicaties_per_soort_en_zwaarte(scope, oud_d)
    nieuw = indicaties_per_soort_en_zwaarte(scope, nieuw_d)

    def som(telling, code):
        return sum(aantal for (soort, _zwaarte), aantal in telling.items() if soort == code)

    tabel = Tabel(
        titel=f"Indicaties Wmo begeleiding, {scope.omschrijving}",
        kolommen=["Indicatie", f"Per {_d(oud_d)}", f"Per {_d(nieuw_d)}", "Ontwikkeling (%)"],
        toelichting="Ontwikkeling in hele procenten, naar beneden afgerond.",
    )
    totaal_oud = totaal_nieuw = 0
    for code, naam in TABEL_2_RIJEN:
        a, b = som(oud, code), som(nieuw, code)
        totaal_oud, totaal_nieuw = totaal_oud + a, totaal_nieuw + b
        tabel.rijen.append([naam, a, b, ontwikkeling_pct(a, b)])
    tabel.rijen.insert(0, ["Totaal", totaal_oud, totaal_nieuw, ontwikkeling_pct(totaal_oud, totaal_nieuw)])
    return tabel


def _zwaarte_tabel(scope: Scope, soort: str, titel: str) -> Tabel:
    jaar = _jaar(scope)
    data = [date(jaar - 1, 1, 1), date(jaar, 1, 1)]
    tellingen = [indicaties_per_soort_en_zwaarte(scope, d) for d in data]
    kolommen = ["Zwaarte"]
    for d in data:
        kolommen += [f"Per {_d(d)}", f"% {d.year}"]
    tabel = Tabel(
        titel=f"{titel}, {scope.omschrijving}",
        kolommen=kolommen,
        toelichting="Aandelen in hele procenten, half naar boven afgerond.",
    )
    totalen = [sum(n for (s, _z), n in telling.items() if s == soort) for telling in tellingen]
    for zwaarte in ZWAARTES[soort]:
        rij = [zwaarte]
        for telling, totaal in zip(tellingen, totalen, strict=True):
            aantal = telling.get((soort, zwaarte), 0)
            rij += [aantal, aandeel_pct(aantal, totaal)]
        tabel.rijen.append(rij)
    rij = ["totaal"]
    for totaal in totalen:
        rij += [totaal, 100 if totaal else None]
    tabel.rijen.append(rij)
    return tabel


@rapport("zwaarte-individuele-begeleiding", "Zwaarte individuele begeleiding (Bijlage 1.2)", BRON)
def zwaarte_individuele_begeleiding(scope: Scope) -> Tabel:
    return _zwaarte_tabel(scope, "IB", "Zwaarte indicaties individuele begeleiding")


@rapport("zwaarte-dagbesteding", "Zwaarte dagbesteding (Bijlage 1.3)", BRON)
def zwaarte_dagbesteding(scope: Scope) -> Tabel:
    return _zwaarte_tabel(scope, "DB", "Zwaarte indicaties dagbesteding")


@rapport("clienten-hh-begeleiding", "Cliënten hulp bij het huishouden en begeleiding op een peildatum", BRON)
def clienten_hh_begeleiding(scope: Scope) -> Tabel:
    peildatum = scope.peildatum or date.today()
    return Tabel(
        titel=f"Cliënten per {_d(peildatum)}, {scope.omschrijving}",
        kolommen=["Voorziening", "Cliënten"],
        rijen=[
            ["Hulp bij het huishouden", clienten_met_soort(scope, peildatum, ["HH"])],
            ["Begeleiding (individueel of dagbesteding)", clienten_met_soort(scope, peildatum, ["IB", "DB"])],
        ],
    )
