"""Template filters for amounts: `{{ bedrag|euro }}` → "€ 1.234,56"; no amount → "–"."""

from decimal import ROUND_HALF_UP, Decimal

from django import template

register = template.Library()


@register.filter
def euro(bedrag):
    if bedrag is None or bedrag == "":
        return "–"
    waarde = Decimal(bedrag).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    teken = "−" if waarde < 0 else ""
    heel, _punt, centen = f"{abs(waarde):.2f}".partition(".")
    groepen = []
    while len(heel) > 3:
        groepen.insert(0, heel[-3:])
        heel = heel[:-3]
    groepen.insert(0, heel)
    return f"{teken}€ {'.'.join(groepen)},{centen}"
