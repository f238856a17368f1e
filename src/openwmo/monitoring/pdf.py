"""The council report (raadsrapportage) as PDF: all dashboards' tables with server-drawn SVG bar charts.

WeasyPrint is imported lazily: it is heavy, and only this report needs it.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .dashboards import DASHBOARDS, svg_staven, tonen
from .geheugen import een_meting
from .tabellen import Scope

IN_RAPPORT = ("voorzieningen", "doorstroom", "combinaties", "aanbieders", "wijken", "kosten", "uitkomsten")


def raadsrapport_html(scope: Scope) -> str:
    with een_meting():
        return _html(scope)


def _html(scope: Scope) -> str:
    hoofdstukken = []
    for slug in IN_RAPPORT:
        dashboard = DASHBOARDS[slug]
        onderdelen = [
            {"tabel": g.tabel, "svg": mark_safe(svg_staven(g.grafieken[0])) if g.grafieken else ""}  # noqa: S308
            for g in tonen(dashboard, scope)
        ]
        hoofdstukken.append({"dashboard": dashboard, "onderdelen": onderdelen})
    return render_to_string("monitoring/raadsrapport.html", {"scope": scope, "hoofdstukken": hoofdstukken})


def raadsrapport_document(scope: Scope):
    """The rendered WeasyPrint document (pages and boxes), before writing it as PDF."""
    from weasyprint import HTML

    return HTML(string=raadsrapport_html(scope)).render()


def raadsrapport_pdf(scope: Scope, request=None) -> bytes:
    return raadsrapport_document(scope).write_pdf()
