"""Rapporten: the indicator tables of `monitoring.tabellen.RAPPORTEN` as JSON, for municipal staff."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from openwmo.core.selectors import gemeenten_voor
from openwmo.monitoring.tabellen import RAPPORTEN, Scope

from .filters import RedelijkeDatum
from .permissions import IsGemeentemedewerker


class RapportSerializer(serializers.Serializer):
    naam = serializers.CharField(help_text="De naam in de URL, bijv. indicaties-begeleiding.")
    titel = serializers.CharField()
    bron = serializers.CharField(help_text="Het beleidsdocument waaruit de tabel komt.")


class RapportTabelSerializer(RapportSerializer):
    gemeenten = serializers.ListField(child=serializers.CharField(), help_text="CBS-codes van de gemeenten.")
    peildatum = serializers.DateField(allow_null=True)
    van = serializers.DateField(allow_null=True)
    tot = serializers.DateField(allow_null=True)
    tabeltitel = serializers.CharField()
    kolommen = serializers.ListField(child=serializers.CharField())
    rijen = serializers.ListField(
        child=serializers.DictField(), help_text="Eén object per rij met de kolomnamen als sleutels."
    )
    toelichting = serializers.CharField(allow_blank=True)


class RapportParameters(serializers.Serializer):
    gemeente = serializers.RegexField(
        r"^\d{4}$",
        required=False,
        help_text="CBS-code; zonder: alle gemeenten waarvoor u werkt.",
        error_messages={"invalid": "Geef de CBS-code van de gemeente met 4 cijfers, bijv. 0603."},
    )
    peildatum = RedelijkeDatum(required=False, help_text="De peildatum (JJJJ-MM-DD); zonder: vandaag.")
    van = RedelijkeDatum(required=False, help_text="Begin van de periode (voor tabellen over een periode).")
    tot = RedelijkeDatum(required=False, help_text="Einde van de periode, tot en met.")


def _cel(waarde):
    return str(waarde) if isinstance(waarde, Decimal) else waarde


class RapportViewSet(viewsets.ViewSet):
    permission_classes = [IsGemeentemedewerker]
    lookup_field = "naam"
    lookup_value_regex = r"[a-z0-9-]{1,60}"

    @extend_schema(
        summary="Rapporten",
        description="De beschikbare rapporttabellen uit de sturingsinformatie.",
        responses=RapportSerializer(many=True),
    )
    def list(self, request):
        return Response([{"naam": r.naam, "titel": r.titel, "bron": r.bron} for r in RAPPORTEN.values()])

    @extend_schema(
        summary="Eén rapporttabel",
        description=(
            "Berekent de tabel uit de records voor de gekozen gemeente (of al uw gemeenten) en peildatum. "
            "Getallen blijven getallen; bedragen en percentages met decimalen komen als tekst (exact)."
        ),
        parameters=[
            OpenApiParameter("naam", str, OpenApiParameter.PATH, description="De naam van het rapport."),
            RapportParameters,
        ],
        responses=RapportTabelSerializer,
    )
    def retrieve(self, request, naam=None):
        rapport = RAPPORTEN.get(naam)
        if rapport is None:
            raise Http404("Onbekend rapport.")
        parameters = RapportParameters(data=request.query_params.dict())
        parameters.is_valid(raise_exception=True)
        waarden = parameters.validated_data
        gemeenten = gemeenten_voor(request.user).order_by("cbs_code")
        if "gemeente" in waarden:
            gemeenten = gemeenten.filter(cbs_code=waarden["gemeente"])
            if not gemeenten:
                raise PermissionDenied(f"U werkt niet voor gemeente {waarden['gemeente']}.")
        if not gemeenten:
            raise PermissionDenied("U werkt voor geen enkele gemeente.")
        scope = Scope(
            gemeenten=tuple(gemeenten),
            peildatum=waarden.get("peildatum"),
            van=waarden.get("van"),
            tot=waarden.get("tot"),
        )
        tabel = rapport.maak(scope)
        return Response(
            {
                "naam": rapport.naam,
                "titel": rapport.titel,
                "bron": rapport.bron,
                "gemeenten": [g.cbs_code for g in gemeenten],
                "peildatum": scope.peildatum,
                "van": scope.van,
                "tot": scope.tot,
                "tabeltitel": tabel.titel,
                "kolommen": tabel.kolommen,
                "rijen": [{k: _cel(v) for k, v in rij.items()} for rij in tabel.als_dicts()],
                "toelichting": tabel.toelichting,
            }
        )
