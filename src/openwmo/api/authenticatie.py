"""Token authentication that refuses a malformed key before it reaches the database.

DRF's TokenAuthentication looks any key up as given. A key with a NUL byte (`Authorization: Token \\x00`)
made PostgreSQL raise DataError, a 500 instead of a 401 (found by tests/fuzz/test_api_fuzz.py). Keys DRF
generates are 40 lowercase hex characters; anything else cannot be a token and is refused as such.
"""

import re

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

TOKEN_VORM = re.compile(r"[0-9a-f]{40}")


class TokenAuthenticatie(TokenAuthentication):
    def authenticate_credentials(self, key):
        if not TOKEN_VORM.fullmatch(key):
            raise AuthenticationFailed(_("Ongeldige token."))
        return super().authenticate_credentials(key)
