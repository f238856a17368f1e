"""Settings for the test suite: the base settings with a fast password hasher.

`DATABASE_URL` still selects PostgreSQL, so the same suite runs on SQLite and on PostgreSQL.
"""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Off so that tests of other features can use force_login for staff; tests/core/test_tweestaps.py switches it on
# with override_settings to prove the enforcement. Login throttling (axes) stays on.
OPENWMO_2FA_VERPLICHT = False
