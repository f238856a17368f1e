from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def getal(waarde):
    """A number the Dutch way (1.234 and 1.234,56); empty cells as an en dash."""
    if waarde is None or waarde == "":
        return "–"
    if isinstance(waarde, bool) or not isinstance(waarde, int | float | Decimal):
        return waarde
    if isinstance(waarde, Decimal) and waarde != waarde.to_integral_value() or isinstance(waarde, float):
        plaatsen = max(1, -Decimal(str(waarde)).as_tuple().exponent) if isinstance(waarde, Decimal) else 1
        tekst = f"{waarde:,.{plaatsen}f}"
    elif isinstance(waarde, Decimal) and waarde.as_tuple().exponent < 0:
        tekst = f"{waarde:,.{-waarde.as_tuple().exponent}f}"
    else:
        tekst = f"{int(waarde):,}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


@register.filter
def is_getal(waarde):
    return isinstance(waarde, int | float | Decimal) and not isinstance(waarde, bool) or waarde is None
