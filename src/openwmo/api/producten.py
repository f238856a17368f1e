"""Producten: the catalogue (iWmo productcategorie + productcode), read-only."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from openwmo.catalogus.models import Product


class ProductSerializer(serializers.ModelSerializer):
    voorzieningsoort = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Product
        fields = ["productcode", "productcategorie", "naam", "eenheid", "frequentie", "zwaarte", "voorzieningsoort"]


@extend_schema_view(
    list=extend_schema(summary="Producten", description="De productcatalogus met iWmo-productcategorie en -code."),
    retrieve=extend_schema(summary="Eén product", description="Eén product op iWmo-productcode, bijv. 02A01."),
)
class ProductViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProductSerializer
    lookup_field = "productcode"
    lookup_value_regex = r"[0-9A-Z]{1,5}"
    queryset = Product.objects.select_related("voorzieningsoort").order_by("productcategorie", "productcode")
