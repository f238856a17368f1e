"""The dashboards: which report tables each shows and how each table is charted.

A chart is derived from its table (labels from one column, one series per chosen column), so the
chart, the HTML table, the CSV/XLSX export and the PDF always show the same numbers.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

from .tabellen import RAPPORTEN, Scope, Tabel

TOTAALRIJEN = {"Totaal", "totaal", "Alle cliënten", "Alle producten", "Alle domeinen"}
KLEUREN = ("#154273", "#e17000", "#39870c", "#a90061", "#007bc7", "#673327")


@dataclass(frozen=True)
class Grafiek:
    reeksen: tuple[int, ...]  # column indexes of the series
    soort: str = "bar"  # bar or line
    horizontaal: bool = False
    labels: tuple[int, ...] = (0,)  # columns joined into the label
    titel: str = ""

    def data(self, tabel: Tabel) -> dict:
        """The Chart.js data of this chart for the table (totals left out)."""
        rijen = [r for r in tabel.rijen if str(r[0]) not in TOTAALRIJEN]
        return {
            "soort": self.soort,
            "horizontaal": self.horizontaal,
            "titel": self.titel or tabel.titel,
            "labels": [" → ".join(str(r[i]) for i in self.labels) for r in rijen],
            "reeksen": [
                {
                    "label": tabel.kolommen[k],
                    "data": [_getal(r[k]) for r in rijen],
                    "kleur": KLEUREN[n % len(KLEUREN)],
                }
                for n, k in enumerate(self.reeksen)
            ],
        }


@dataclass(frozen=True)
class Onderdeel:
    rapport: str
    grafieken: tuple[Grafiek, ...] = ()


@dataclass(frozen=True)
class Dashboard:
    slug: str
    titel: str
    inleiding: str
    onderdelen: tuple[Onderdeel, ...]
    regio: bool = False  # the region view: municipalities side by side


@dataclass
class Getoond:
    """One table as a page shows it: the report, its table and its charts' data."""

    naam: str
    tabel: Tabel
    grafieken: list[dict] = field(default_factory=list)


def _getal(waarde):
    if isinstance(waarde, Decimal):
        return float(waarde)
    return waarde if isinstance(waarde, int | float) else None


DASHBOARDS: dict[str, Dashboard] = {
    d.slug: d
    for d in (
        Dashboard(
            "voorzieningen",
            "Voorzieningen en cliënten",
            "Aantallen op peildata: voorzieningen en cliënten per soort, indicaties begeleiding en hun zwaarte.",
            (
                Onderdeel("voorzieningen-per-soort", (Grafiek((1, 3)), Grafiek((2, 4)))),
                Onderdeel("indicaties-begeleiding", (Grafiek((1, 2)),)),
                Onderdeel("zwaarte-individuele-begeleiding", (Grafiek((1, 3)),)),
                Onderdeel("zwaarte-dagbesteding", (Grafiek((1, 3)),)),
                Onderdeel("clienten-hh-begeleiding", (Grafiek((1,), horizontaal=True),)),
            ),
        ),
        Dashboard(
            "doorstroom",
            "Doorstroom",
            "Instroom en uitstroom van toewijzingen per maand, de gemiddelde duur per product en de doorlooptijd "
            "van melding tot beschikking tegenover de wettelijke termijnen.",
            (
                Onderdeel("instroom-uitstroom", (Grafiek((1, 2), soort="line"),)),
                Onderdeel("gemiddelde-duur", (Grafiek((3,), horizontaal=True),)),
                Onderdeel("doorlooptijden", (Grafiek((3, 4), horizontaal=True), Grafiek((6,), horizontaal=True))),
            ),
        ),
        Dashboard(
            "combinaties",
            "Combinaties en volgordes",
            "Hoeveel cliënten één soort voorziening hebben, welke soorten samen voorkomen en wat op wat volgt.",
            (
                Onderdeel("combinaties", (Grafiek((2,), horizontaal=True),)),
                Onderdeel("volgordes", (Grafiek((4,), horizontaal=True, labels=(0, 1)),)),
            ),
        ),
        Dashboard(
            "aanbieders",
            "Aanbieders",
            "Hoe geconcentreerd de levering per product is: het aandeel van de grootste aanbieders.",
            (Onderdeel("aanbiedersconcentratie", (Grafiek((3, 4), horizontaal=True),)),),
        ),
        Dashboard(
            "wijken",
            "Wijken",
            "Cliënten per 1.000 inwoners en geraamde kosten per inwoner, per wijk.",
            (Onderdeel("wijken", (Grafiek((3,), horizontaal=True), Grafiek((5,), horizontaal=True))),),
        ),
        Dashboard(
            "kosten",
            "Kosten en subsidies",
            "Gedeclareerde en geraamde kosten per product, uitgaven tegenover de begroting en subsidies per "
            "organisatie.",
            (
                Onderdeel("gedeclareerd-per-product", (Grafiek((2, 3), horizontaal=True),)),
                Onderdeel("financien", (Grafiek((1, 2)),)),
                Onderdeel("geraamde-kosten-per-product", (Grafiek((2,), horizontaal=True),)),
                Onderdeel("subsidies", (Grafiek((1,), horizontaal=True),)),
            ),
        ),
        Dashboard(
            "uitkomsten",
            "Uitkomsten",
            "Wat de ondersteuning oplevert: behaalde doelen per resultaatgebied, aanbieder en arrangement, de kosten "
            "per behaald doel, de ontwikkeling van de zelfredzaamheid (ZRM) en de tevredenheid van cliënten.",
            (
                Onderdeel("doelen-per-resultaatgebied", (Grafiek((2, 3, 4), horizontaal=True),)),
                Onderdeel("doelen-per-aanbieder", (Grafiek((5, 6), horizontaal=True), Grafiek((9,), horizontaal=True))),
                Onderdeel(
                    "doelen-per-arrangement", (Grafiek((5, 6), horizontaal=True), Grafiek((9,), horizontaal=True))
                ),
                Onderdeel(
                    "zrm-ontwikkeling", (Grafiek((2, 3), horizontaal=True), Grafiek((5, 6, 7), horizontaal=True))
                ),
                Onderdeel("tevredenheid", (Grafiek((2,), horizontaal=True),)),
            ),
        ),
        Dashboard(
            "regio",
            "Regio: gemeenten naast elkaar",
            "De gemeenten van de regio naast elkaar: cliënten per 1.000 inwoners, doorstroom en kosten per inwoner.",
            (
                Onderdeel(
                    "gemeenten-naast-elkaar",
                    (Grafiek((3,)), Grafiek((4, 5)), Grafiek((7,))),
                ),
                Onderdeel("voorzieningen-per-soort", (Grafiek((1, 3)),)),
            ),
            regio=True,
        ),
    )
}


def tonen(dashboard: Dashboard, scope: Scope) -> list[Getoond]:
    uitkomst = []
    for onderdeel in dashboard.onderdelen:
        tabel = RAPPORTEN[onderdeel.rapport].maak(scope)
        uitkomst.append(Getoond(onderdeel.rapport, tabel, [g.data(tabel) for g in onderdeel.grafieken]))
    return uitkomst


def svg_staven(grafiek: dict, breedte: int = 640) -> str:
    """A simple horizontal bar chart as SVG (for the PDF, drawn on the server): the first series."""
    labels = grafiek["labels"]
    reeks = grafiek["reeksen"][0] if grafiek["reeksen"] else {"data": [], "label": ""}
    waarden = [w or 0 for w in reeks["data"]]
    hoogste = max([abs(w) for w in waarden] + [1])
    regel, links, rechts = 18, 230, 70
    hoogte = regel * len(labels) + 28
    kleur = reeks.get("kleur", KLEUREN[0])
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{breedte}" height="{hoogte}" '
        f'viewBox="0 0 {breedte} {hoogte}" role="img" aria-label="{escape(grafiek["titel"])}">',
        f'<text x="0" y="12" font-size="11" font-weight="bold">{escape(reeks["label"])}</text>',
    ]
    for i, (label, waarde) in enumerate(zip(labels, waarden, strict=True)):
        y = 20 + i * regel
        lengte = (breedte - links - rechts) * abs(waarde) / hoogste
        delen.append(f'<text x="{links - 6}" y="{y + 12}" font-size="10" text-anchor="end">{escape(label[:40])}</text>')
        delen.append(f'<rect x="{links}" y="{y + 2}" width="{lengte:.1f}" height="{regel - 5}" fill="{kleur}"/>')
        delen.append(f'<text x="{links + lengte + 4:.1f}" y="{y + 12}" font-size="10">{_nl(waarde)}</text>')
    delen.append("</svg>")
    return "".join(delen)


def _nl(waarde) -> str:
    """A number the Dutch way for a chart label: 1.234,5."""
    if isinstance(waarde, float) and not waarde.is_integer():
        tekst = f"{waarde:,.1f}"
    else:
        tekst = f"{int(waarde):,}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")
