"""iWmo messages through the API with a token: a provider's software POSTs the raw XML of a 305, 307, 315, 317,
320 or 323 (or a retour) and gets the answer XML back.

The same rules as the web's receive endpoint (`berichten.views.OntvangApiView`): a provider's employee may only
deliver messages its own AGB code sent; municipal staff (roles with personal data) only messages addressed to
one of their municipalities. `berichten.inbox.ontvang` applies them and is idempotent on the message bytes.
"""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ParseError, PermissionDenied
from rest_framework.parsers import BaseParser
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from openwmo.berichten.inbox import OntvangstGeweigerd, max_bytes, ontvang_van_gebruiker
from openwmo.berichten.models import Kanaal
from openwmo.berichten.selectors import mag_berichten_zien

from .fouten import FoutSerializer


class TeGroot(Exception):
    pass


class XmlParser(BaseParser):
    """The request body as bytes, unparsed (the inbox parses it safely); at most the message limit + 1 byte."""

    media_type = "application/xml"

    def parse(self, stream, media_type=None, parser_context=None):
        if stream is None:
            return b""
        inhoud = stream.read(max_bytes() + 1)
        if len(inhoud) > max_bytes():
            raise TeGroot
        return inhoud


class TekstXmlParser(XmlParser):
    media_type = "text/xml"


class MagBerichtenSturen(BasePermission):
    message = _("Uw rol mag geen iWmo-berichten aanleveren.")

    def has_permission(self, request, view):
        return bool(request.user.is_authenticated and mag_berichten_zien(request.user))


class OntvangstSerializer(serializers.Serializer):
    status = serializers.CharField(help_text="De status van het ontvangen bericht (bijv. verwerkt, afgekeurd).")
    retourcodes = serializers.ListField(child=serializers.CharField(), help_text="Retourcodes (WJ001).")
    meldingen = serializers.ListField(child=serializers.CharField(), help_text="Toelichting in het Nederlands.")


_XML = {"type": "string", "description": "Het iWmo-bericht als XML (UTF-8)."}


class BerichtOntvangenView(APIView):
    parser_classes = [XmlParser, TekstXmlParser]
    permission_classes = [MagBerichtenSturen]

    @extend_schema(
        operation_id="berichten_ontvangen",
        summary="iWmo-bericht aanleveren",
        description=(
            "Levert één iWmo-bericht aan (de ruwe XML als body, `Content-Type: application/xml`), bijvoorbeeld "
            "een WMO305, WMO307 of WMO323. Een medewerker van een aanbieder mag alleen berichten met de eigen "
            "AGB-code als afzender aanleveren; een gemeentemedewerker alleen berichten aan een van de eigen "
            "gemeenten. Antwoord: het retourbericht (WMO306/308/316/318/319/325) als XML; 202 als er geen "
            "retourbericht is; 422 als het bericht is afgekeurd zonder retourbericht. Hetzelfde bericht nogmaals "
            "aanleveren verandert niets en geeft hetzelfde antwoord."
        ),
        request={"application/xml": _XML, "text/xml": _XML},
        responses={
            (200, "application/xml"): OpenApiResponse(_XML, description="Het retourbericht."),
            202: OpenApiResponse(OntvangstSerializer, description="Ontvangen; geen retourbericht."),
            413: OpenApiResponse(OntvangstSerializer, description="Het bericht is te groot."),
            415: OpenApiResponse(FoutSerializer, description="De body is geen XML (Content-Type)."),
            422: OpenApiResponse(OntvangstSerializer, description="Afgekeurd zonder retourbericht."),
        },
        examples=[OpenApiExample("WMO323", value="<Bericht>…</Bericht>", request_only=True)],
    )
    def post(self, request):
        try:
            inhoud = request.data
        except TeGroot:
            return Response(
                {"status": "afgekeurd", "retourcodes": ["0001"], "meldingen": [_("Bericht is te groot.")]},
                status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            )
        if not isinstance(inhoud, bytes):
            raise ParseError(_("Stuur het bericht als XML (Content-Type: application/xml)."))
        try:
            ontvangst = ontvang_van_gebruiker(inhoud, kanaal=Kanaal.API, user=request.user)
        except OntvangstGeweigerd as fout:
            raise PermissionDenied(str(fout)) from None
        if ontvangst.antwoord is not None:
            return HttpResponse(bytes(ontvangst.antwoord.inhoud), content_type="application/xml")
        samenvatting = ontvangst.samenvatting
        afgekeurd = samenvatting["status"] == "afgekeurd"
        return Response(
            samenvatting, status=status.HTTP_422_UNPROCESSABLE_ENTITY if afgekeurd else status.HTTP_202_ACCEPTED
        )
