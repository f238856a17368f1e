"""The JSON form of a claim (a WMO323 in content: header + lines) and its translation to the checks' facts.

The serializer refuses what could never come from a schema-valid WMO323 (wrong pattern, code list, more than
two decimals), with a Dutch message per field, so `declaraties.checks` never sees a malformed value. Rules a
valid message can still break (calendar month, totals, elfproef) are the checks' business: 0001.
"""

from decimal import Decimal

from rest_framework import serializers

from openwmo.catalogus.codelijsten import EENHEID, PRODUCTCATEGORIE, choices
from openwmo.declaraties import checks
from openwmo.declaraties.models import Prestatie

from .filters import RedelijkeDatum

MAX_PRESTATIES = 10_000
_BEDRAG = {"max_digits": 12, "decimal_places": 2, "min_value": Decimal("0")}


_DEBET_CREDIT = Prestatie._meta.get_field("debet_credit").choices  # one enum in the spec


class PrestatieInvoerSerializer(serializers.Serializer):
    referentienummer = serializers.RegexField(
        r"^[0-9A-Za-z-]{1,20}$", help_text="Uw unieke nummer voor deze prestatie (max. 20 tekens)."
    )
    vorige_referentienummer = serializers.RegexField(
        r"^[0-9A-Za-z-]{1,20}$",
        required=False,
        help_text="Bij een creditprestatie: het referentienummer van de debetprestatie die wordt gecrediteerd.",
    )
    toewijzingsnummer = serializers.RegexField(r"^[0-9]{1,9}$", help_text="Het toewijzingsnummer uit de WMO301.")
    bsn = serializers.RegexField(r"^[0-9]{9}$", help_text="BSN van de cliënt.")
    productcategorie = serializers.ChoiceField(
        choices=choices(PRODUCTCATEGORIE),
        required=False,
        help_text="WMO020; standaard de eerste twee tekens van de productcode.",
    )
    productcode = serializers.RegexField(r"^[0-9A-Z]{5}$", help_text="iWmo-productcode, bijv. 02A01.")
    begindatum = RedelijkeDatum(help_text="Begin van de productperiode.")
    einddatum = RedelijkeDatum(help_text="Einde van de productperiode (in dezelfde kalendermaand).")
    geleverd_volume = serializers.IntegerField(min_value=0, max_value=99_999_999)
    eenheid = serializers.ChoiceField(choices=choices(EENHEID), help_text="WJ756, bijv. 04 (uur).")
    producttarief = serializers.DecimalField(
        **_BEDRAG,
        required=False,
        allow_null=True,
        help_text="Tarief per eenheid in euro; leeg bij eenheid 83 (euro's).",
    )
    ingediend_bedrag = serializers.DecimalField(**_BEDRAG, help_text="Bedrag in euro (zonder teken).")
    debet_credit = serializers.ChoiceField(
        choices=_DEBET_CREDIT, default="D", help_text="D (debet, standaard) of C (credit)."
    )

    def validate(self, attrs):
        if attrs["einddatum"] < attrs["begindatum"]:
            raise serializers.ValidationError({"einddatum": "De einddatum ligt vóór de begindatum."})
        categorie = attrs.setdefault("productcategorie", attrs["productcode"][:2])
        if categorie not in PRODUCTCATEGORIE:
            raise serializers.ValidationError({"productcategorie": f"Onbekende productcategorie {categorie}."})
        if attrs["debet_credit"] == "C" and not attrs.get("vorige_referentienummer"):
            raise serializers.ValidationError(
                {"vorige_referentienummer": "Verplicht bij een creditprestatie (het gecrediteerde referentienummer)."}
            )
        if attrs["debet_credit"] == "D" and attrs.get("vorige_referentienummer"):
            raise serializers.ValidationError({"vorige_referentienummer": "Alleen bij een creditprestatie."})
        return attrs


class DeclaratieInvoerSerializer(serializers.Serializer):
    declaratienummer = serializers.RegexField(
        r"^[0-9A-Za-z]{1,12}$", help_text="Uw nummer voor deze declaratie (max. 12 letters en cijfers)."
    )
    gemeente = serializers.RegexField(
        r"^[0-9]{4}$",
        help_text="CBS-code van de gemeente waaraan u declareert.",
        error_messages={"invalid": "Geef de CBS-code van de gemeente met 4 cijfers, bijv. 0603."},
    )
    periode_begindatum = RedelijkeDatum(help_text="Begin van de declaratieperiode (de eerste van een maand).")
    periode_einddatum = RedelijkeDatum(help_text="Einde van de declaratieperiode (de laatste van dezelfde maand).")
    totaal_ingediend_bedrag = serializers.DecimalField(
        **_BEDRAG, required=False, help_text="Debet min credit van de prestaties, zonder teken; standaard berekend."
    )
    totaal_debet_credit = serializers.RegexField(  # a pattern, not a second enum of the same D/C choices
        r"^[DC]$",
        required=False,
        help_text="Teken van het totaal: D (debet) of C (credit); standaard berekend.",
        error_messages={"invalid": "Geef D (debet) of C (credit)."},
    )
    prestaties = PrestatieInvoerSerializer(many=True, allow_empty=False, max_length=MAX_PRESTATIES)

    def validate(self, attrs):
        if attrs["periode_einddatum"] < attrs["periode_begindatum"]:
            raise serializers.ValidationError({"periode_einddatum": "De einddatum ligt vóór de begindatum."})
        if ("totaal_ingediend_bedrag" in attrs) != ("totaal_debet_credit" in attrs):
            raise serializers.ValidationError(
                {"totaal_debet_credit": "Geef totaal_ingediend_bedrag en totaal_debet_credit samen, of geen van beide."}
            )
        return attrs


def als_declaratie(waarden: dict, aanbieder) -> checks.Declaratie:
    """The validated JSON as the checks' facts; the provider is the token's."""
    prestaties = tuple(
        checks.Prestatie(
            referentienummer=p["referentienummer"],
            toewijzingsnummer=p["toewijzingsnummer"],
            bsn=p["bsn"],
            productcategorie=p["productcategorie"],
            productcode=p["productcode"],
            begindatum=p["begindatum"],
            einddatum=p["einddatum"],
            geleverd_volume=p["geleverd_volume"],
            eenheid=p["eenheid"],
            producttarief=p.get("producttarief"),
            ingediend_bedrag=p["ingediend_bedrag"],
            debet_credit=p["debet_credit"],
            vorige_referentienummer=p.get("vorige_referentienummer"),
        )
        for p in waarden["prestaties"]
    )
    if "totaal_ingediend_bedrag" in waarden:
        totaal, teken = waarden["totaal_ingediend_bedrag"], waarden["totaal_debet_credit"]
    else:
        som = sum((p.bedrag_met_teken for p in prestaties), Decimal("0.00"))
        totaal, teken = abs(som), ("D" if som >= 0 else "C")
    return checks.Declaratie(
        declaratienummer=waarden["declaratienummer"],
        aanbieder_agb=aanbieder.agb_code,
        gemeente_cbs=waarden["gemeente"],
        periode_begindatum=waarden["periode_begindatum"],
        periode_einddatum=waarden["periode_einddatum"],
        totaal_ingediend_bedrag=totaal,
        totaal_debet_credit=teken,
        prestaties=prestaties,
    )
