"""Gemeenten: the municipalities the user works for, with their districts."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from openwmo.core.models import Gemeente, Wijk
from openwmo.core.selectors import gemeenten_voor


class WijkSerializer(serializers.ModelSerializer):
    class Meta:
        model = Wijk
        fields = ["code", "naam"]


class GemeenteSerializer(serializers.ModelSerializer):
    regio = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="Code van de regio, bijv. H4."
    )
    wijken = WijkSerializer(many=True, read_only=True)

    class Meta:
        model = Gemeente
        fields = ["cbs_code", "naam", "regio", "wijken"]


@extend_schema_view(
    list=extend_schema(summary="Gemeenten", description="De gemeenten waarvoor u werkt, met hun wijken."),
    retrieve=extend_schema(summary="Eén gemeente", description="Eén gemeente op CBS-code, met haar wijken."),
)
class GemeenteViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = GemeenteSerializer
    lookup_field = "cbs_code"
    lookup_value_regex = r"[0-9]{4}"

    def get_queryset(self):
        return gemeenten_voor(self.request.user).select_related("regio").prefetch_related("wijken").order_by("cbs_code")
