"""Production settings: behind a TLS-terminating reverse proxy, on PostgreSQL, with a real SECRET_KEY.

Refuses to start without SECRET_KEY. Passes `openwmo manage check --deploy`.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import config, config_bool

SECRET_KEY = config("SECRET_KEY")
if not SECRET_KEY or SECRET_KEY.startswith("django-insecure") or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Zet SECRET_KEY op een willekeurige waarde van minstens 50 tekens.")
DEBUG = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = config_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(config("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
STATIC_ROOT = VAR_DIR / "static"  # noqa: F405  (filled by `openwmo manage collectstatic`)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
