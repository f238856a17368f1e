"""The Dutch decision letter (beschikkingsbrief) as PDF. WeasyPrint is imported only when a letter is rendered."""

from datetime import timedelta

from django.template.loader import render_to_string

from .models import Beschikking

BEZWAARTERMIJN = timedelta(weeks=6)  # Awb art. 6:7


def beschikkingsbrief_html(beschikking: Beschikking) -> str:
    return render_to_string(
        "toegang/brief.html",
        {
            "b": beschikking,
            "client": beschikking.client,
            "producten": beschikking.producten.select_related(
                "product", "arrangement", "trajecttype", "voorkeur_aanbieder"
            ),
            "bezwaar_uiterlijk": beschikking.besluitdatum + BEZWAARTERMIJN,
        },
    )


def beschikkingsbrief_pdf(beschikking: Beschikking) -> bytes:
    from weasyprint import HTML  # heavy import: only when a letter is actually rendered

    return HTML(string=beschikkingsbrief_html(beschikking)).write_pdf()
