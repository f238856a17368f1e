"""Aanbieders: providers with their AGB code. A provider's employee sees only its own provider."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from openwmo.inkoop.models import Aanbieder
from openwmo.inkoop.selectors import aanbieders_voor


class AanbiederSerializer(serializers.ModelSerializer):
    class Meta:
        model = Aanbieder
        fields = ["agb_code", "naam", "kvk_nummer", "soort"]


@extend_schema_view(
    list=extend_schema(
        summary="Aanbieders", description="Alle aanbieders; een medewerker van een aanbieder ziet alleen de eigen."
    ),
    retrieve=extend_schema(summary="Eén aanbieder", description="Eén aanbieder op AGB-code (8 cijfers)."),
)
class AanbiederViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AanbiederSerializer
    lookup_field = "agb_code"
    lookup_value_regex = r"[0-9]{8}"

    def get_queryset(self):
        return aanbieders_voor(self.request.user).order_by("naam", "agb_code")
