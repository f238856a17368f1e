"""Contracten and tarieven: read-only; municipal staff see the contracts of their municipalities,
a provider only its own."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from openwmo.inkoop.models import Contract, ContractProduct, Tarief
from openwmo.inkoop.selectors import contracten_voor, tarieven_voor

from .filters import PeriodeFilter
from .permissions import GescoptMixin


class ContractProductSerializer(serializers.ModelSerializer):
    productcode = serializers.CharField(source="product.productcode", read_only=True)

    class Meta:
        model = ContractProduct
        fields = ["productcode", "bekostigingsvorm"]


class ContractSerializer(serializers.ModelSerializer):
    aanbieder = serializers.SlugRelatedField(slug_field="agb_code", read_only=True, help_text="AGB-code.")
    gemeenten = serializers.SlugRelatedField(
        slug_field="cbs_code", many=True, read_only=True, help_text="CBS-codes van de gemeenten."
    )
    producten = ContractProductSerializer(many=True, read_only=True)
    # Declared, not derived from the model: the derived maximum differs per database and the spec must not.
    verlenging_jaren = serializers.IntegerField(read_only=True, min_value=0, help_text="Jaren per verlenging.")
    verlengingen_maximaal = serializers.IntegerField(read_only=True, min_value=0, help_text="Aantal verlengingsopties.")
    verlengingen_gebruikt = serializers.IntegerField(read_only=True, min_value=0, help_text="Gebruikte verlengingen.")

    class Meta:
        model = Contract
        fields = [
            "id",
            "nummer",
            "aanbieder",
            "gemeenten",
            "ingangsdatum",
            "einddatum",
            "toetredingsdatum",
            "verlenging_jaren",
            "verlengingen_maximaal",
            "verlengingen_gebruikt",
            "producten",
        ]


class TariefSerializer(serializers.ModelSerializer):
    contract = serializers.SlugRelatedField(slug_field="nummer", read_only=True, help_text="Contractnummer.")
    aanbieder = serializers.CharField(source="contract.aanbieder.agb_code", read_only=True, help_text="AGB-code.")
    productcode = serializers.CharField(source="product.productcode", read_only=True)

    class Meta:
        model = Tarief
        fields = ["id", "contract", "aanbieder", "productcode", "ingangsdatum", "einddatum", "bedrag", "indexatie_pct"]


@extend_schema_view(
    list=extend_schema(
        summary="Contracten",
        description="Contracten met aanbieders voor uw gemeenten; een aanbieder ziet alleen de eigen contracten.",
        parameters=[PeriodeFilter],
    ),
    retrieve=extend_schema(summary="Eén contract", description="Eén contract met zijn producten."),
)
class ContractViewSet(GescoptMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"[0-9]+"  # a malformed id is a 404, never a database error
    serializer_class = ContractSerializer
    selector = contracten_voor
    filter_class = PeriodeFilter
    gemeente_veld = "gemeenten"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("producten__product").order_by("-ingangsdatum", "nummer")


@extend_schema_view(
    list=extend_schema(
        summary="Tarieven",
        description="Tarieven per product per periode onder de contracten die u mag zien. Bedragen in euro.",
        parameters=[PeriodeFilter],
    ),
    retrieve=extend_schema(summary="Eén tarief", description="Eén tarief."),
)
class TariefViewSet(GescoptMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"[0-9]+"  # a malformed id is a 404, never a database error
    serializer_class = TariefSerializer
    selector = tarieven_voor
    filter_class = PeriodeFilter
    gemeente_veld = "contract__gemeenten"

    def get_queryset(self):
        return super().get_queryset().select_related("contract__aanbieder").order_by("id")
