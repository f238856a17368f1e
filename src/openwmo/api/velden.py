"""Serializer fields shared by resources: the natural keys integrators use (BSN, CBS code, AGB code, productcode)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from openwmo.catalogus.models import Product
from openwmo.core.models import Gemeente
from openwmo.core.selectors import clienten_voor
from openwmo.inkoop.models import Aanbieder

from .permissions import ziet_bsn_van, ziet_persoonsgegevens


@extend_schema_field({"type": "string", "pattern": "^[0-9]{9}$", "example": "999990019"})
class ClientBsnField(serializers.SlugRelatedField):
    """A client named by BSN, looked up only among the clients the user may see.

    A person can be a client of several municipalities (one record each): the resource's `gemeente` (CBS code), if
    given, picks the record; without it the BSN must be a client of only one of the user's municipalities.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "BSN van de cliënt (9 cijfers, elfproef).")
        kwargs.setdefault(
            "error_messages",
            {
                "does_not_exist": "Geen cliënt met BSN {value} in uw gemeenten.",
                "invalid": "Geef een BSN van 9 cijfers.",
                "meerdere": "Cliënt met BSN {value} staat in meer dan één van uw gemeenten; geef de gemeente op.",
            },
        )
        super().__init__(slug_field="bsn", **kwargs)

    def get_queryset(self):
        return clienten_voor(self.context["request"].user)

    def to_internal_value(self, data):
        if not isinstance(data, str) or not data.isdigit() or len(data) != 9:
            self.fail("invalid")
        clienten = list(self.get_queryset().filter(bsn=data))  # one per own municipality at most
        invoer = getattr(self.parent, "initial_data", None)
        cbs = invoer.get("gemeente") if hasattr(invoer, "get") else None
        in_gemeente = [c for c in clienten if c.gemeente.cbs_code == cbs]
        if in_gemeente:
            return in_gemeente[0]
        if not clienten:
            self.fail("does_not_exist", value=data)
        if len(clienten) > 1:
            self.fail("meerdere", value=data)
        return clienten[0]  # the service refuses a `gemeente` that is not the client's, or not the user's


@extend_schema_field({"type": "string", "pattern": "^[0-9]{2}[0-9A-Z]{3}$", "example": "02A01"})
class ProductcodeField(serializers.RelatedField):
    """A product named by its iWmo productcode; the productcategorie is its first two characters."""

    default_error_messages = {
        "does_not_exist": "Onbekende productcode {value}.",
        "invalid": "Geef een iWmo-productcode van 5 tekens, bijv. 02A01.",
    }

    def __init__(self, **kwargs):
        if not kwargs.get("read_only"):
            kwargs.setdefault("queryset", Product.objects.all())
        kwargs.setdefault("help_text", "iWmo-productcode, bijv. 02A01.")
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or len(data) != 5:
            self.fail("invalid")
        product = self.get_queryset().filter(productcategorie=data[:2], productcode=data).first()
        if product is None:
            self.fail("does_not_exist", value=data)
        return product

    def to_representation(self, value):
        return value.productcode


@extend_schema_field({"type": "string", "nullable": True, "pattern": "^[0-9]{9}$"})
class ZichtbaarBsnField(serializers.Field):
    """The client's BSN, or null for roles that may not see personal data.

    With `eigen_aanbieder=True` (allocations only) a provider's employee also sees the BSN on its own
    provider's records (`permissions.ziet_bsn_van`); the view logs those reads.
    """

    def __init__(self, eigen_aanbieder: bool = False, **kwargs):
        self.eigen_aanbieder = eigen_aanbieder
        tekst = "BSN van de cliënt; leeg (null) voor rollen zonder persoonsgegevens."
        if eigen_aanbieder:
            tekst += " Een aanbieder ziet het BSN bij de eigen toewijzingen (nodig voor WMO305/307/323)."
        kwargs.setdefault("help_text", tekst)
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        request = self.context["request"]
        if ziet_persoonsgegevens(request.user):
            return obj.client.bsn
        if self.eigen_aanbieder and ziet_bsn_van(request, obj.aanbieder_id):
            return obj.client.bsn
        return None


@extend_schema_field({"type": "string", "pattern": "^[0-9]{4}$", "example": "0603"})
class GemeenteCodeField(serializers.SlugRelatedField):
    """A municipality named by its CBS code."""

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {"does_not_exist": "Onbekende gemeente {value}."})
        super().__init__(slug_field="cbs_code", queryset=Gemeente.objects.all(), **kwargs)


@extend_schema_field({"type": "string", "pattern": "^[0-9]{8}$", "example": "98000001"})
class AgbCodeField(serializers.SlugRelatedField):
    """A provider named by its AGB code."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "AGB-code van de aanbieder (8 cijfers).")
        kwargs.setdefault("error_messages", {"does_not_exist": "Onbekende aanbieder met AGB-code {value}."})
        super().__init__(slug_field="agb_code", queryset=Aanbieder.objects.all(), **kwargs)
