"""Declaraties (claims) with their lines and retourcodes, and payment batches (read-only).

Reads through `declaraties.selectors`: a provider sees only its own claims, the controller and the functioneel
beheerder those of their municipalities. BSNs on lines only for roles with personal data, and then logged.
A provider submits a claim as JSON (`POST declaraties/`): it goes through `declaraties.services.
declaratie_verwerken_regels`, the same checks as a WMO323 and the CSV import.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response

from openwmo.catalogus.codelijsten import RETOURCODE
from openwmo.core.audit import Actie, log_verwerking
from openwmo.declaraties.models import Betaalbatch, Bron, Declaratie, Prestatie
from openwmo.declaraties.selectors import betaalbatches_voor, declaraties_voor
from openwmo.declaraties.services import declaratie_verwerken_regels
from openwmo.inkoop.selectors import aanbieder_van

from .declaratie_invoer import DeclaratieInvoerSerializer, als_declaratie
from .filters import DeclaratieFilter, GemeenteFilter
from .permissions import GescoptMixin, is_aanbieder, ziet_bsn_van, ziet_persoonsgegevens


class RetourcodeSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Retourcode uit iWmo-codelijst WJ001.")
    omschrijving = serializers.CharField(help_text="Betekenis van de retourcode.")


def _retourcodes(codes) -> list[dict]:
    return [{"code": c, "omschrijving": RETOURCODE.get(c, "")} for c in codes]


@extend_schema_field(RetourcodeSerializer(many=True))
class RetourcodesField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "De retourcodes met hun betekenis; leeg als goedgekeurd.")
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, waarde):
        codes = waarde.split(",") if isinstance(waarde, str) else waarde
        return _retourcodes(c for c in codes if c)


@extend_schema_field({"type": "string", "nullable": True, "pattern": "^[0-9]{9}$"})
class PrestatieBsnField(serializers.Field):
    """The BSN as claimed, or null for roles that may not see personal data.

    The view decides once per claim (`bsn_zichtbaar` in the context, from `permissions.ziet_bsn_van`): a
    provider's employee sees the BSNs on its own claims' lines. Without that key only roles with personal data.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            "BSN zoals gedeclareerd; leeg (null) voor rollen zonder persoonsgegevens. Een aanbieder ziet het BSN "
            "bij de eigen declaraties.",
        )
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, bsn):
        zichtbaar = self.context.get("bsn_zichtbaar")
        if zichtbaar is None:
            zichtbaar = ziet_persoonsgegevens(self.context["request"].user)
        return bsn if zichtbaar else None


class DeclaratieSerializer(serializers.ModelSerializer):
    aanbieder = serializers.SlugRelatedField(slug_field="agb_code", read_only=True, help_text="AGB-code.")
    gemeente = serializers.SlugRelatedField(slug_field="cbs_code", read_only=True, help_text="CBS-code.")
    retourcode = serializers.CharField(
        read_only=True, help_text="Retourcode van de declaratie: 8001 volledig, 0200 deels goedgekeurd."
    )
    aantal_regels = serializers.IntegerField(read_only=True, min_value=0, help_text="Aantal prestaties.")
    aantal_afgekeurd = serializers.IntegerField(read_only=True, min_value=0, help_text="Aantal afgekeurde prestaties.")

    class Meta:
        model = Declaratie
        fields = [
            "id",
            "declaratienummer",
            "aanbieder",
            "gemeente",
            "periode_begindatum",
            "periode_einddatum",
            "dagtekening",
            "ingediend_totaal",
            "toegekend_totaal",
            "status",
            "retourcode",
            "aantal_regels",
            "aantal_afgekeurd",
            "ontvangen_op",
            "bron",
        ]


class PrestatieSerializer(serializers.ModelSerializer):
    bsn = PrestatieBsnField()
    volgnummer = serializers.IntegerField(read_only=True, min_value=1)
    volume = serializers.IntegerField(read_only=True, min_value=0, help_text="Geleverd volume.")
    retourcodes = RetourcodesField()
    betaalbatch = serializers.SlugRelatedField(
        slug_field="nummer", read_only=True, allow_null=True, help_text="De betaalbatch die de prestatie betaalt."
    )

    class Meta:
        model = Prestatie
        fields = [
            "volgnummer",
            "referentienummer",
            "vorige_referentienummer",
            "toewijzingsnummer",
            "bsn",
            "productcategorie",
            "productcode",
            "begindatum",
            "einddatum",
            "volume",
            "eenheid",
            "tarief",
            "bedrag",
            "debet_credit",
            "status",
            "retourcodes",
            "betaalbatch",
        ]


class DeclaratieUitkomstSerializer(serializers.Serializer):
    herhaald = serializers.BooleanField(
        help_text="Waar als dezelfde declaratie eerder is ingediend: er is niets veranderd."
    )
    retourcodes = RetourcodesField(help_text="Retourcode van de declaratie: 8001 volledig, 0200 deels goedgekeurd.")
    declaratie = DeclaratieSerializer()
    prestaties = PrestatieSerializer(many=True, help_text="Per prestatie de uitkomst en retourcodes.")


class DeclaratieAfgewezenSerializer(serializers.Serializer):
    """A refused claim: the checks' retourcodes and rules; or, for malformed input, one list of messages per field."""

    detail = serializers.CharField(required=False, help_text="De reden, in het Nederlands.")
    retourcodes = RetourcodesField(
        required=False, help_text="0001 technisch afgekeurd of 9333 declaratienummer al gebruikt."
    )
    meldingen = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="Welke regels zijn overtreden."
    )


class DeclaratieStatusFilter(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=["goedgekeurd", "afgekeurd"], required=False, help_text="Alleen goedgekeurde of afgekeurde prestaties."
    )


class IndienenAlleenAanbieder(BasePermission):
    message = _("Alleen een medewerker van een aanbieder kan declaraties indienen.")

    def has_permission(self, request, view):
        if not request.user.is_authenticated:
            return False
        return request.method in SAFE_METHODS or is_aanbieder(request.user)


@extend_schema_view(
    list=extend_schema(
        summary="Declaraties",
        description=(
            "Ontvangen declaraties (WMO323, CSV of API) met hun uitkomst. Een aanbieder ziet alleen de eigen "
            "declaraties; de controller en de functioneel beheerder die van hun gemeenten; andere rollen geen."
        ),
        parameters=[DeclaratieFilter],
    ),
    retrieve=extend_schema(summary="Eén declaratie", description="Eén declaratie op id, met totalen en status."),
    create=extend_schema(
        summary="Declaratie indienen",
        description=(
            "Een aanbieder dient een declaratie in als JSON: kop en prestaties, met de inhoud van een WMO323. De "
            "aanbieder is die van uw token. De declaratie gaat door dezelfde controles als een WMO323 en de "
            "CSV-import. Antwoord 201 met per prestatie de uitkomst en retourcodes; dezelfde declaratie opnieuw "
            "indienen verandert niets (200, `herhaald`). Technisch afgekeurd (0001): 400, er is niets opgeslagen. "
            "Declaratienummer al gebruikt met een andere inhoud (9333): 409, er is niets opgeslagen."
        ),
        request=DeclaratieInvoerSerializer,
        responses={
            200: DeclaratieUitkomstSerializer,
            201: DeclaratieUitkomstSerializer,
            400: OpenApiResponse(DeclaratieAfgewezenSerializer, description="Ongeldige invoer of technisch afgekeurd."),
            409: OpenApiResponse(DeclaratieAfgewezenSerializer, description="Declaratienummer al gebruikt (9333)."),
        },
    ),
)
class DeclaratieViewSet(
    GescoptMixin, mixins.CreateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    lookup_value_regex = r"[0-9]{1,18}"
    serializer_class = DeclaratieSerializer
    permission_classes = [IndienenAlleenAanbieder]
    selector = declaraties_voor
    filter_class = DeclaratieFilter

    def get_queryset(self):
        return super().get_queryset().order_by("-ontvangen_op", "-id")

    @extend_schema(
        summary="Prestaties van een declaratie",
        description=(
            "De regels van één declaratie met per prestatie de status en retourcodes. Het BSN alleen voor rollen "
            "met persoonsgegevens en voor de aanbieder bij de eigen declaraties; die raadpleging komt in het "
            "logboek dataverwerkingen."
        ),
        parameters=[DeclaratieStatusFilter],
        responses=PrestatieSerializer(many=True),
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def prestaties(self, request, pk=None):
        declaratie = self.get_object()
        filt = DeclaratieStatusFilter(data=request.query_params.dict())
        filt.is_valid(raise_exception=True)
        regels = declaratie.prestaties.select_related("betaalbatch").order_by("volgnummer")
        if "status" in filt.validated_data:
            regels = regels.filter(status=filt.validated_data["status"])
        pagina = self.paginate_queryset(regels)
        bsn_zichtbaar = ziet_bsn_van(request, declaratie.aanbieder_id)
        if bsn_zichtbaar:
            log_verwerking(
                request.user,
                Actie.LEZEN,
                activiteit="Declaratie met BSN's raadplegen (API)",
                doel="Uitvoering Wmo 2015: "
                + ("declareren" if is_aanbieder(request.user) else "declaraties controleren"),
                object_type="Declaratie",
                object_id=declaratie.pk,
                gemeente=declaratie.gemeente,
                omschrijving=f"API {request.get_full_path()}"[:500],
            )
        context = {**self.get_serializer_context(), "bsn_zichtbaar": bsn_zichtbaar}
        return self.get_paginated_response(PrestatieSerializer(pagina, many=True, context=context).data)

    def create(self, request, *args, **kwargs):
        aanbieder = aanbieder_van(request.user)
        if aanbieder is None:
            raise PermissionDenied(_("Uw gebruiker is niet aan een aanbieder gekoppeld."))
        invoer = DeclaratieInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            declaratie = als_declaratie(invoer.validated_data, aanbieder)
        except ValueError as fout:  # the serializer should have refused it; never a 500 for a value it missed
            raise ValidationError({"non_field_errors": [str(fout)]}) from None
        uitkomst = declaratie_verwerken_regels(declaratie, bron=Bron.API, user=request.user)
        if uitkomst.declaratie is None:
            afgewezen = "9333" in uitkomst.retourcodes
            detail = (
                (
                    _("Dit declaratienummer is al gebruikt voor een declaratie met een andere inhoud (9333).")
                    if afgewezen
                    else _("De declaratie is technisch afgekeurd (0001).")
                )
                + " "
                + _("Er is niets opgeslagen.")
            )
            return Response(
                {
                    "detail": detail,
                    "retourcodes": _retourcodes(uitkomst.retourcodes),
                    "meldingen": list(uitkomst.meldingen),
                },
                status=status.HTTP_409_CONFLICT if afgewezen else status.HTTP_400_BAD_REQUEST,
            )
        context = self.get_serializer_context()
        regels = uitkomst.declaratie.prestaties.select_related("betaalbatch").order_by("volgnummer")
        return Response(
            {
                "herhaald": uitkomst.herhaald,
                "retourcodes": _retourcodes(uitkomst.retourcodes),
                "declaratie": DeclaratieSerializer(
                    Declaratie.objects.get(pk=uitkomst.declaratie.pk), context=context
                ).data,
                "prestaties": PrestatieSerializer(regels, many=True, context=context).data,
            },
            status=status.HTTP_200_OK if uitkomst.herhaald else status.HTTP_201_CREATED,
        )


class BetaalbatchSerializer(serializers.ModelSerializer):
    aanbieder = serializers.SlugRelatedField(slug_field="agb_code", read_only=True, help_text="AGB-code.")
    gemeente = serializers.SlugRelatedField(slug_field="cbs_code", read_only=True, help_text="CBS-code.")
    aantal_regels = serializers.IntegerField(read_only=True, min_value=0, help_text="Aantal prestaties in de batch.")

    class Meta:
        model = Betaalbatch
        fields = ["id", "nummer", "aanbieder", "gemeente", "tot_datum", "aangemaakt_op", "aantal_regels", "debet",
                  "credit", "bedrag"]  # fmt: skip


@extend_schema_view(
    list=extend_schema(
        summary="Betaalbatches",
        description=(
            "Betaalbatches van uw gemeenten: per aanbieder de goedgekeurde, nog niet betaalde prestaties. Alleen "
            "voor de controller en de functioneel beheerder; andere rollen krijgen een lege lijst."
        ),
        parameters=[GemeenteFilter],
    ),
    retrieve=extend_schema(summary="Eén betaalbatch", description="Eén betaalbatch met zijn totalen in euro."),
)
class BetaalbatchViewSet(GescoptMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"[0-9]{1,18}"
    serializer_class = BetaalbatchSerializer
    selector = betaalbatches_voor
    filter_class = GemeenteFilter

    def get_queryset(self):
        return super().get_queryset().order_by("-aangemaakt_op", "-id")
