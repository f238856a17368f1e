"""Beschikkingen: municipal staff of the decision's municipality; created through `toegang.services`."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from openwmo.catalogus.models import Product
from openwmo.toegang.models import Beschikking
from openwmo.toegang.selectors import beschikkingen_voor
from openwmo.toegang.services import beschikking_create

from .filters import PeriodeFilter
from .permissions import (
    AuditLeesMixin,
    GescoptMixin,
    IsGemeentemedewerker,
    SchrijvenMetPersoonsgegevens,
    SleutelPaginaMixin,
)
from .velden import ClientBsnField, GemeenteCodeField, ZichtbaarBsnField


class BeschikkingSerializer(serializers.ModelSerializer):
    client = serializers.PrimaryKeyRelatedField(read_only=True, help_text="Id van de cliënt.")
    bsn = ZichtbaarBsnField()
    gemeente = serializers.SlugRelatedField(slug_field="cbs_code", read_only=True, help_text="CBS-code.")

    class Meta:
        model = Beschikking
        fields = [
            "beschikkingsnummer",
            "client",
            "bsn",
            "gemeente",
            "besluitdatum",
            "ingangsdatum",
            "einddatum",
            "besluit",
            "motivering",
        ]


class ToegekendProductSerializer(serializers.Serializer):
    """One granted product; eenheid and frequentie default to the catalogue's."""

    productcode = serializers.RegexField(r"^[0-9A-Z]{5}$")
    volume = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=0, required=False)
    eenheid = serializers.CharField(max_length=2, required=False)
    frequentie = serializers.CharField(max_length=1, required=False)

    def validate(self, attrs):
        product = Product.objects.filter(productcode=attrs["productcode"]).first()
        if product is None:
            raise serializers.ValidationError({"productcode": f"Onbekende productcode {attrs['productcode']}."})
        regel = {"product": product, "eenheid": attrs.get("eenheid", product.eenheid)}
        regel["frequentie"] = attrs.get("frequentie", product.frequentie)
        if "volume" in attrs:
            regel["volume"] = attrs["volume"]
        return regel


class BeschikkingAanmakenSerializer(serializers.ModelSerializer):
    bsn = ClientBsnField(source="client")
    gemeente = GemeenteCodeField(required=False, help_text="CBS-code; standaard de gemeente van de cliënt.")
    beschikkingsnummer = serializers.RegexField(
        r"^[0-9A-Za-z-]{1,20}$",
        required=False,
        help_text="Leeg laten: Open Wmo kent het volgende nummer toe.",
    )

    producten = ToegekendProductSerializer(
        many=True,
        required=False,
        help_text="Wat wordt toegekend, voor de periode van de beschikking (verplicht bij toekenning).",
    )

    class Meta:
        model = Beschikking
        fields = [
            "beschikkingsnummer",
            "bsn",
            "gemeente",
            "besluitdatum",
            "ingangsdatum",
            "einddatum",
            "besluit",
            "motivering",
            "producten",
        ]
        extra_kwargs = {"beschikkingsnummer": {"validators": []}}


@extend_schema_view(
    list=extend_schema(
        summary="Beschikkingen",
        description="Beschikkingen van uw gemeenten. Het BSN is alleen zichtbaar voor rollen met persoonsgegevens.",
        parameters=[PeriodeFilter],
    ),
    retrieve=extend_schema(summary="Eén beschikking", description="Eén beschikking op beschikkingsnummer."),
    create=extend_schema(
        summary="Beschikking vastleggen",
        description=(
            "Legt een beschikking vast met dezelfde controles als de webapplicatie: een toekenning noemt de "
            "toegekende producten en vraagt een doel in het actieve ondersteuningsplan van de cliënt. Fouten komen "
            "terug als 400 "
            "met per veld een Nederlandse melding; 403 als u niet voor de gemeente werkt."
        ),
        request=BeschikkingAanmakenSerializer,
        responses={201: BeschikkingSerializer},
    ),
)
class BeschikkingViewSet(
    AuditLeesMixin,
    SleutelPaginaMixin,
    GescoptMixin,
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = BeschikkingSerializer
    permission_classes = [IsGemeentemedewerker, SchrijvenMetPersoonsgegevens]
    lookup_field = "beschikkingsnummer"
    lookup_value_regex = r"[0-9A-Za-z-]{1,20}"
    selector = beschikkingen_voor
    filter_class = PeriodeFilter
    audit_object_type = "Beschikking"
    audit_activiteit_lijst = "Beschikkingen raadplegen (API)"
    audit_activiteit_detail = "Beschikking raadplegen (API)"

    def get_queryset(self):
        return super().get_queryset().order_by("-besluitdatum", "beschikkingsnummer")

    def create(self, request, *args, **kwargs):
        invoer = BeschikkingAanmakenSerializer(data=request.data, context=self.get_serializer_context())
        invoer.is_valid(raise_exception=True)
        velden = dict(invoer.validated_data)
        velden.setdefault("gemeente", velden["client"].gemeente)
        beschikking = beschikking_create(user=request.user, **velden)
        return Response(self.get_serializer(beschikking).data, status=status.HTTP_201_CREATED)
