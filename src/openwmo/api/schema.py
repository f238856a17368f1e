"""OpenAPI generation: every operation documents the error answers it can give, in Dutch."""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.utils import OpenApiResponse

from .fouten import FoutSerializer

FOUTEN = {
    "400": "Ongeldige invoer: per veld of parameter een Nederlandse melding.",
    "401": "Niet ingelogd: stuur `Authorization: Token <token>`.",
    "403": "Uw rol of gemeente geeft geen toegang tot dit gegeven.",
    "404": "Niet gevonden, of niet zichtbaar voor u.",
}


class AutoSchema(SpectacularAutoSchema):
    def _get_response_bodies(self, direction="response"):
        antwoorden = super()._get_response_bodies(direction)
        for code, omschrijving in FOUTEN.items():
            if code not in antwoorden:
                antwoorden[code] = self._get_response_for_code(
                    OpenApiResponse(FoutSerializer, description=omschrijving), code, direction=direction
                )
        return antwoorden
