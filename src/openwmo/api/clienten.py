"""Cliënten: restricted to roles with personal data, own municipalities only; every read is logged."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from openwmo.core.models import Client
from openwmo.core.selectors import client_ophalen, clienten_voor

from .filters import GemeenteFilter
from .permissions import AuditLeesMixin, GescoptMixin, MagPersoonsgegevensZien


class ClientSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="cbs_code", read_only=True, help_text="CBS-code.")
    # Declared, not derived from the model: the derived maximum differs per database and the spec must not.
    huisnummer = serializers.IntegerField(read_only=True, allow_null=True, min_value=0)
    wijk = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="Code van de wijk."
    )

    class Meta:
        model = Client
        fields = [
            "id",
            "bsn",
            "voorletters",
            "voorvoegsel",
            "achternaam",
            "geboortedatum",
            "geslacht",
            "straat",
            "huisnummer",
            "huisnummer_toevoeging",
            "postcode",
            "woonplaats",
            "gemeente",
            "wijk",
        ]


@extend_schema_view(
    list=extend_schema(
        summary="Cliënten",
        description=(
            "Cliënten van uw gemeenten, met BSN en naam. Alleen voor rollen die persoonsgegevens mogen zien "
            "(Wmo-consulent, functioneel beheerder); elke raadpleging komt in het logboek dataverwerkingen."
        ),
        parameters=[GemeenteFilter],
    ),
    retrieve=extend_schema(
        summary="Eén cliënt",
        description="Eén cliënt op id (het BSN staat nooit in een URL). De raadpleging komt in het logboek.",
    ),
)
class ClientViewSet(AuditLeesMixin, GescoptMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"[0-9]+"  # a malformed id is a 404, never a database error
    serializer_class = ClientSerializer
    permission_classes = [MagPersoonsgegevensZien]
    selector = clienten_voor
    filter_class = GemeenteFilter
    audit_object_type = "Client"
    audit_activiteit_lijst = "Cliëntenlijst raadplegen (API)"

    def get_queryset(self):
        return super().get_queryset().order_by("achternaam", "voorletters", "id")

    def retrieve(self, request, *args, **kwargs):
        tekst = kwargs["pk"]
        pk = int(tekst) if tekst.isascii() and tekst.isdigit() and len(tekst) <= 18 else 0
        return Response(self.get_serializer(client_ophalen(request.user, pk)).data)
