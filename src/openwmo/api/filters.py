"""Query filters shared by the list endpoints: municipality (CBS code) and dates.

Every filter is validated: a wrong value gives 400 with a Dutch message naming the parameter.
Periods follow `core.periodes` (inclusive start, inclusive and possibly open end); nothing here
re-writes the overlap rule.
"""

from datetime import date

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from openwmo.core.periodes import actief_op_q

EERSTE_DAG = date(1900, 1, 1)
LAATSTE_DAG = date(2999, 12, 31)
DATUM_PATROON = r"^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$"


class Datum(serializers.DateField):
    """An ISO date (JJJJ-MM-DD)."""

    default_error_messages = {"invalid": "Geef een datum als JJJJ-MM-DD."}


@extend_schema_field({"type": "string", "format": "date", "pattern": DATUM_PATROON})
class RedelijkeDatum(Datum):
    """A date between 1900 and 2999: for calculations (reports) where year 1 makes no sense."""

    def to_internal_value(self, value):
        dag = super().to_internal_value(value)
        if not EERSTE_DAG <= dag <= LAATSTE_DAG:
            raise serializers.ValidationError("Kies een datum tussen 1900 en 2999.")
        return dag


class GemeenteFilter(serializers.Serializer):
    gemeente = serializers.RegexField(
        r"^\d{4}$",
        required=False,
        help_text="CBS-code van de gemeente (4 cijfers, bijv. 0603 voor Rijswijk).",
        error_messages={"invalid": "Geef de CBS-code van de gemeente met 4 cijfers, bijv. 0603."},
    )


class PeriodeFilter(GemeenteFilter):
    ingangsdatum_vanaf = Datum(required=False, help_text="Alleen met een ingangsdatum op of na deze datum.")
    ingangsdatum_tot = Datum(required=False, help_text="Alleen met een ingangsdatum tot en met deze datum.")
    actief_op = Datum(required=False, help_text="Alleen wat op deze datum loopt (ingangsdatum t/m einddatum).")


class IngangsdatumFilter(GemeenteFilter):
    """For records with a start date but no end date (ondersteuningsplannen)."""

    ingangsdatum_vanaf = Datum(required=False, help_text="Alleen met een ingangsdatum op of na deze datum.")
    ingangsdatum_tot = Datum(required=False, help_text="Alleen met een ingangsdatum tot en met deze datum.")


class MeldingFilter(GemeenteFilter):
    meldingsdatum_vanaf = Datum(required=False, help_text="Alleen meldingen op of na deze datum.")
    meldingsdatum_tot = Datum(required=False, help_text="Alleen meldingen tot en met deze datum.")


class DeclaratieFilter(GemeenteFilter):
    periode_begindatum_vanaf = Datum(
        required=False, help_text="Alleen declaraties waarvan de declaratieperiode op of na deze datum begint."
    )
    periode_begindatum_tot = Datum(
        required=False, help_text="Alleen declaraties waarvan de declaratieperiode tot en met deze datum begint."
    )


def filter_toepassen(request, queryset: QuerySet, filter_class, gemeente_veld: str = "gemeente") -> QuerySet:
    """Apply the validated query filters to `queryset` (400 on a wrong value)."""
    # A plain dict, so that an empty value (`?gemeente=`) is refused instead of read as "not given".
    filt = filter_class(data=request.query_params.dict())
    filt.is_valid(raise_exception=True)
    waarden = filt.validated_data
    if "gemeente" in waarden:
        queryset = queryset.filter(**{f"{gemeente_veld}__cbs_code": waarden["gemeente"]})
        if gemeente_veld.endswith("gemeenten"):  # a many-to-many path can repeat rows; a foreign key cannot
            queryset = queryset.distinct()
    for naam, waarde in waarden.items():  # <datefield>_vanaf / <datefield>_tot, both inclusive
        if naam.endswith("_vanaf"):
            queryset = queryset.filter(**{f"{naam.removesuffix('_vanaf')}__gte": waarde})
        elif naam.endswith("_tot"):
            queryset = queryset.filter(**{f"{naam.removesuffix('_tot')}__lte": waarde})
    if "actief_op" in waarden:
        queryset = queryset.filter(actief_op_q(waarden["actief_op"]))
    return queryset
