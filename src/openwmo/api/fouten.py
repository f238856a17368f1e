"""Errors of the services as API answers: ValidationError → 400 per field, PermissionDenied → 403.

The services raise Django's exceptions with Dutch messages that name the field; the API passes them on
unchanged so an integrator sees the same message a user of the web UI sees.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            detail = {
                ("non_field_errors" if veld == "__all__" else veld): berichten
                for veld, berichten in exc.message_dict.items()
            }
        else:
            detail = {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, DjangoPermissionDenied) and exc.args:
        exc = exceptions.PermissionDenied(str(exc))
    elif isinstance(exc, Http404):
        # Always the same words: never "No Client matches", which is English and says what was looked for.
        exc = exceptions.NotFound("Niet gevonden.")
    return drf_exception_handler(exc, context)


class FoutSerializer(serializers.Serializer):
    """An error answer: `detail` with the reason, or one list of Dutch messages per field."""

    detail = serializers.CharField(required=False, help_text="De reden, in het Nederlands.")
