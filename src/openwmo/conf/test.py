"""Settings for the test suite: the base settings with a fast password hasher.

`DATABASE_URL` still selects PostgreSQL, so the same suite runs on SQLite and on PostgreSQL.
"""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
