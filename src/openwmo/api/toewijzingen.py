"""Toewijzingen: municipal staff see their municipalities', a provider only its own (toegang.selectors);
created through `toegang.services.toewijzing_create` with the contract, tariff and overlap checks."""

from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from openwmo.toegang.models import Toewijzing
from openwmo.toegang.selectors import beschikkingen_voor, toewijzingen_voor
from openwmo.toegang.services import toewijzing_create

from .filters import PeriodeFilter
from .permissions import (
    AuditLeesMixin,
    GescoptMixin,
    SchrijvenMetPersoonsgegevens,
    SleutelPaginaMixin,
    eigen_aanbieder_id,
)
from .velden import AgbCodeField, ClientBsnField, GemeenteCodeField, ProductcodeField, ZichtbaarBsnField


class ToewijzingSerializer(serializers.ModelSerializer):
    beschikking = serializers.SlugRelatedField(slug_field="beschikkingsnummer", read_only=True, allow_null=True)
    client = serializers.PrimaryKeyRelatedField(read_only=True, help_text="Id van de cliënt.")
    bsn = ZichtbaarBsnField(eigen_aanbieder=True)
    gemeente = serializers.SlugRelatedField(slug_field="cbs_code", read_only=True, help_text="CBS-code.")
    productcode = ProductcodeField(source="product", read_only=True)
    productcategorie = serializers.CharField(source="product.productcategorie", read_only=True)
    aanbieder = serializers.SlugRelatedField(slug_field="agb_code", read_only=True, help_text="AGB-code.")
    vorige = serializers.SlugRelatedField(
        slug_field="toewijzingsnummer", read_only=True, allow_null=True, help_text="De toewijzing die deze vervangt."
    )

    class Meta:
        model = Toewijzing
        fields = [
            "toewijzingsnummer",
            "beschikking",
            "client",
            "bsn",
            "gemeente",
            "productcategorie",
            "productcode",
            "aanbieder",
            "ingangsdatum",
            "einddatum",
            "volume",
            "eenheid",
            "frequentie",
            "budget",
            "uitvoeringsvariant",
            "leveringsvorm",
            "reden_wijziging",
            "reden_beeindiging",
            "vorige",
        ]


@extend_schema_field({"type": "string", "pattern": "^[0-9A-Za-z-]{1,20}$"})
class BeschikkingNummerField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="beschikkingsnummer", **kwargs)

    def get_queryset(self):
        return beschikkingen_voor(self.context["request"].user)


class ToewijzingAanmakenSerializer(serializers.ModelSerializer):
    bsn = ClientBsnField(source="client")
    gemeente = GemeenteCodeField(required=False, help_text="CBS-code; standaard de gemeente van de cliënt.")
    beschikking = BeschikkingNummerField(
        required=False,
        help_text="Beschikkingsnummer waarop de toewijzing berust (optioneel).",
        error_messages={"does_not_exist": "Geen beschikking {value} in uw gemeenten."},
    )
    productcode = ProductcodeField(source="product")
    aanbieder = AgbCodeField()

    class Meta:
        model = Toewijzing
        fields = [
            "bsn",
            "gemeente",
            "beschikking",
            "productcode",
            "aanbieder",
            "ingangsdatum",
            "einddatum",
            "volume",
            "eenheid",
            "frequentie",
            "budget",
            "uitvoeringsvariant",
            "leveringsvorm",
        ]


@extend_schema_view(
    list=extend_schema(
        summary="Toewijzingen",
        description=(
            "Toewijzingen van uw gemeenten; een aanbieder ziet alleen de eigen toewijzingen. Het BSN is zichtbaar "
            "voor rollen met persoonsgegevens en voor de aanbieder bij de eigen toewijzingen (het staat in de "
            "WMO301 en hoort in elke 305, 307 en 323); elke raadpleging komt in het logboek dataverwerkingen."
        ),
        parameters=[PeriodeFilter],
    ),
    retrieve=extend_schema(summary="Eén toewijzing", description="Eén toewijzing op toewijzingsnummer."),
    create=extend_schema(
        summary="Toewijzing vastleggen",
        description=(
            "Wijst een product toe aan een aanbieder, met dezelfde controles als de webapplicatie: een contract "
            "met tarief op de ingangsdatum, geen overlap met een toewijzing van hetzelfde product, iWmo-regels. "
            "Fouten: 400 met per veld een Nederlandse melding; 403 als u niet voor de gemeente werkt."
        ),
        request=ToewijzingAanmakenSerializer,
        responses={201: ToewijzingSerializer},
    ),
)
class ToewijzingViewSet(
    AuditLeesMixin,
    SleutelPaginaMixin,
    GescoptMixin,
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = ToewijzingSerializer
    permission_classes = [SchrijvenMetPersoonsgegevens]
    lookup_field = "toewijzingsnummer"
    lookup_value_regex = r"[0-9A-Za-z-]{1,20}"
    selector = toewijzingen_voor
    filter_class = PeriodeFilter
    audit_object_type = "Toewijzing"
    audit_activiteit_lijst = "Toewijzingen raadplegen (API)"
    audit_activiteit_detail = "Toewijzing raadplegen (API)"

    def audit_nodig(self) -> bool:
        # A provider's employee sees the BSN on its own allocations (the only ones its selector returns).
        return super().audit_nodig() or eigen_aanbieder_id(self.request) is not None

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("beschikking", "vorige")
            .order_by("-ingangsdatum", "toewijzingsnummer")
        )

    def create(self, request, *args, **kwargs):
        invoer = ToewijzingAanmakenSerializer(data=request.data, context=self.get_serializer_context())
        invoer.is_valid(raise_exception=True)
        velden = dict(invoer.validated_data)
        velden.setdefault("gemeente", velden["client"].gemeente)
        toewijzing = toewijzing_create(user=request.user, **velden)
        return Response(self.get_serializer(toewijzing).data, status=status.HTTP_201_CREATED)
