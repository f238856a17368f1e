"""Meldingen and ondersteuningsplannen (with their doelen per resultaatgebied): case records of clients, so only
for roles with personal data, of their own municipalities (`toegang.selectors.voor_user`); every read is logged."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from openwmo.toegang.models import Doel, Melding, Ondersteuningsplan
from openwmo.toegang.selectors import voor_user

from .filters import IngangsdatumFilter, MeldingFilter
from .permissions import AuditLeesMixin, GescoptMixin, MagPersoonsgegevensZien


class MeldingSerializer(serializers.ModelSerializer):
    client = serializers.PrimaryKeyRelatedField(read_only=True, help_text="Id van de cliënt.")
    bsn = serializers.CharField(source="client.bsn", read_only=True, help_text="BSN van de cliënt.")
    gemeente = serializers.SlugRelatedField(slug_field="cbs_code", read_only=True, help_text="CBS-code.")
    consulent = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True, help_text="Gebruikersnaam van de consulent."
    )
    onderzoek_uiterlijk = serializers.DateField(
        read_only=True, help_text="Uiterste datum voor het onderzoek: zes weken na de melding (Wmo 2015, art. 2.3.2)."
    )

    class Meta:
        model = Melding
        fields = [
            "id",
            "client",
            "bsn",
            "gemeente",
            "meldingsdatum",
            "kanaal",
            "vraag",
            "consulent",
            "onderzoek_uiterlijk",
        ]


class DoelSerializer(serializers.ModelSerializer):
    resultaatgebied = serializers.SlugRelatedField(
        slug_field="code", read_only=True, help_text="Code van het resultaatgebied."
    )
    resultaatgebied_naam = serializers.CharField(source="resultaatgebied.naam", read_only=True)

    class Meta:
        model = Doel
        fields = [
            "id",
            "resultaatgebied",
            "resultaatgebied_naam",
            "omschrijving",
            "bijdrage_client",
            "bijdrage_netwerk",
            "bijdrage_algemene_voorziening",
            "bijdrage_maatwerk",
        ]


class OndersteuningsplanSerializer(serializers.ModelSerializer):
    client = serializers.PrimaryKeyRelatedField(read_only=True, help_text="Id van de cliënt.")
    bsn = serializers.CharField(source="client.bsn", read_only=True, help_text="BSN van de cliënt.")
    huishouden = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="Id van het huishouden als het plan voor het hele huishouden geldt."
    )
    gemeente = serializers.SlugRelatedField(slug_field="cbs_code", read_only=True, help_text="CBS-code.")
    regisseur = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True, help_text="Gebruikersnaam van de regisseur."
    )
    doelen = DoelSerializer(many=True, read_only=True, help_text="De doelen, elk bij een resultaatgebied.")

    class Meta:
        model = Ondersteuningsplan
        fields = [
            "id",
            "client",
            "bsn",
            "huishouden",
            "gemeente",
            "regisseur",
            "ingangsdatum",
            "evaluatiedatum",
            "status",
            "toelichting",
            "doelen",
        ]


def meldingen_voor(user):
    return voor_user(Melding, user).select_related("consulent")


def plannen_voor(user):
    return voor_user(Ondersteuningsplan, user).select_related("regisseur").prefetch_related("doelen__resultaatgebied")


@extend_schema_view(
    list=extend_schema(
        summary="Meldingen",
        description=(
            "Meldingen van een ondersteuningsvraag bij uw gemeenten, met de hulpvraag. Alleen voor rollen die "
            "persoonsgegevens mogen zien (Wmo-consulent, functioneel beheerder); elke raadpleging komt in het "
            "logboek dataverwerkingen."
        ),
        parameters=[MeldingFilter],
    ),
    retrieve=extend_schema(summary="Eén melding", description="Eén melding op id. De raadpleging komt in het logboek."),
)
class MeldingViewSet(AuditLeesMixin, GescoptMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"[0-9]{1,18}"  # a malformed id is a 404, never a database error
    serializer_class = MeldingSerializer
    permission_classes = [MagPersoonsgegevensZien]
    selector = meldingen_voor
    filter_class = MeldingFilter
    audit_object_type = "Melding"
    audit_activiteit_lijst = "Meldingen raadplegen (API)"
    audit_activiteit_detail = "Melding raadplegen (API)"

    def get_queryset(self):
        return super().get_queryset().order_by("-meldingsdatum", "-id")


@extend_schema_view(
    list=extend_schema(
        summary="Ondersteuningsplannen",
        description=(
            "Ondersteuningsplannen van cliënten van uw gemeenten, met hun doelen per resultaatgebied en wat cliënt, "
            "netwerk, algemene voorzieningen en maatwerk bijdragen. Alleen voor rollen die persoonsgegevens mogen "
            "zien; elke raadpleging komt in het logboek dataverwerkingen."
        ),
        parameters=[IngangsdatumFilter],
    ),
    retrieve=extend_schema(
        summary="Eén ondersteuningsplan", description="Eén plan met zijn doelen. De raadpleging komt in het logboek."
    ),
)
class OndersteuningsplanViewSet(AuditLeesMixin, GescoptMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"[0-9]{1,18}"
    serializer_class = OndersteuningsplanSerializer
    permission_classes = [MagPersoonsgegevensZien]
    selector = plannen_voor
    filter_class = IngangsdatumFilter
    audit_object_type = "Ondersteuningsplan"
    audit_activiteit_lijst = "Ondersteuningsplannen raadplegen (API)"
    audit_activiteit_detail = "Ondersteuningsplan raadplegen (API)"

    def get_queryset(self):
        return super().get_queryset().order_by("-ingangsdatum", "-id")
