"""Base settings: every value from an environment variable, with defaults that are safe on a laptop.

| variable         | meaning                                                      | default                       |
|------------------|--------------------------------------------------------------|-------------------------------|
| DATABASE_URL     | database; `postgres://…` selects PostgreSQL                  | SQLite file in OPENWMO_VAR_DIR |
| OPENWMO_VAR_DIR  | folder for the SQLite file, media and exports                | `var/` in the source checkout  |
| SECRET_KEY       | Django secret key (required in production)                   | an insecure development key    |
| DEBUG            | debug pages                                                  | false                          |
| ALLOWED_HOSTS    | comma-separated host names                                   | localhost,127.0.0.1            |
| OPENWMO_IWMO_XSD_DIR | folder with the official iWmo XSD package, validated as well | (none)                     |
| OPENWMO_2FA_VERPLICHT | staff (beheerder, is_staff, superuser) must pass a TOTP step | true                      |
| OPENWMO_LOGIN_MAX_POGINGEN | failed logins per username + IP before a lockout    | 5                              |
| OPENWMO_LOGIN_BLOKKADE_MINUTEN | minutes a username + IP stays locked out        | 15                             |
| OPENWMO_CLIENT_IP_HEADER | request.META key with the client IP (proxy: HTTP_X_FORWARDED_FOR) | REMOTE_ADDR        |
| OPENWMO_PROXY_COUNT  | number of reverse proxies in front of Open Wmo                   | (none)                     |
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .env import config, config_bool, config_list

PACKAGE_DIR = Path(__file__).resolve().parent.parent
_SOURCE_ROOT = PACKAGE_DIR.parent.parent
VAR_DIR = Path(
    config("OPENWMO_VAR_DIR")
    or (_SOURCE_ROOT / "var" if (_SOURCE_ROOT / "pyproject.toml").exists() else Path.cwd() / "var")
)

SECRET_KEY = config("SECRET_KEY", "django-insecure-openwmo-development-only")
DEBUG = config_bool("DEBUG", False)
ALLOWED_HOSTS = config_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    # Security (docs/security.md): login throttling, two-factor authentication, Content-Security-Policy.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "openwmo.core",
    "openwmo.catalogus",
    "openwmo.inkoop",
    "openwmo.toegang",
    "openwmo.berichten",
    "openwmo.declaraties",
    "openwmo.eigenbijdrage",
    "openwmo.monitoring",
    "openwmo.bekostiging",
    "openwmo.demo",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "openwmo.api",
    "openwmo.importeren",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "openwmo.core.beveiliging.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "openwmo.core.beveiliging.TweestapsVerplichtMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that it turns a lockout flagged during authentication into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "openwmo.urls"
# Widgets render with the NL Design System classes (templates/django/forms/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "openwmo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "openwmo.core.context_processors.navigatie",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        config("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'openwmo.sqlite3'}",
        conn_max_age=int(config("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead log: readers no longer wait for the single writer, and every read of personal data writes an
    # audit entry, so without it all workers queued on one lock (benchmarks/BENCHMARKS.md, load). The mode is
    # stored in the file; an in-memory test database ignores it.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"
# The lockout check comes first; it needs the request (see openwmo.core.beveiliging.InlogBlokkadeBackend).
AUTHENTICATION_BACKENDS = [
    "openwmo.core.beveiliging.InlogBlokkadeBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Serve static files straight from the package (no collectstatic needed for the demo).
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "media"

# Sessions end after 30 minutes of inactivity and when the browser closes.
SESSION_COOKIE_AGE = int(config("SESSION_COOKIE_AGE", str(30 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

OPENWMO_IWMO_XSD_DIR = config("OPENWMO_IWMO_XSD_DIR")

# REST API (openwmo.api): token per user or system account, or the browser session; pages of 100 (max 1000).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "openwmo.api.authenticatie.TokenAuthenticatie",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "openwmo.api.paginering.Paginering",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "openwmo.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "openwmo.api.fouten.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Open Wmo API",
    "DESCRIPTION": (
        "De REST API van Open Wmo voor gemeentelijke integraties en aanbieders: cliënten, meldingen, "
        "ondersteuningsplannen, beschikkingen, toewijzingen, declaraties en betaalbatches, iWmo-berichten, "
        "aanbieders, contracten, tarieven, producten, gemeenten en rapporten. Authenticatie met "
        "een token per gebruiker of systeemaccount (`Authorization: Token <token>`). Elke gebruiker ziet "
        "hetzelfde als in de webapplicatie: alleen de eigen gemeenten, en een aanbieder alleen de eigen "
        "toewijzingen en declaraties. Zie docs/api.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVERS": [{"url": "/api/v1", "description": "Deze installatie"}],
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {},
    "DISABLE_ERRORS_AND_WARNINGS": False,
}

# Imports of existing data (openwmo.importeren): upper bounds against hostile or mistaken files.
OPENWMO_IMPORT_MAX_BYTES = int(config("OPENWMO_IMPORT_MAX_BYTES", str(50 * 1024 * 1024)))
OPENWMO_IMPORT_MAX_ROWS = int(config("OPENWMO_IMPORT_MAX_ROWS", "500000"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": config("LOG_LEVEL", "WARNING")},
}

# --- Security (docs/security.md) -------------------------------------------------------------------------------

# Login throttling (django-axes): after N failed logins for one username from one IP address, that combination
# is locked out for M minutes; a successful login resets the counter.
AXES_FAILURE_LIMIT = int(config("OPENWMO_LOGIN_MAX_POGINGEN", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(config("OPENWMO_LOGIN_BLOKKADE_MINUTEN", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "openwmo.core.beveiliging.blokkade_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_IPWARE_META_PRECEDENCE_ORDER = (config("OPENWMO_CLIENT_IP_HEADER", "REMOTE_ADDR"),)
AXES_IPWARE_PROXY_COUNT = int(config("OPENWMO_PROXY_COUNT")) if config("OPENWMO_PROXY_COUNT") else None
AXES_COOLOFF_MESSAGE = _("Te veel mislukte inlogpogingen. Probeer het later opnieuw.")
AXES_PERMALOCK_MESSAGE = _("Te veel mislukte inlogpogingen. Neem contact op met de functioneel beheerder.")

# Two-factor authentication (django-otp): staff complete a TOTP step (or use a backup code) after the password.
OPENWMO_2FA_VERPLICHT = config_bool("OPENWMO_2FA_VERPLICHT", True)
OTP_TOTP_ISSUER = config("OPENWMO_2FA_UITGEVER", "Open Wmo")

# Content-Security-Policy (django-csp): only our own scripts, styles and images; no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Browser features Open Wmo never uses (openwmo.core.beveiliging.PermissionsPolicyMiddleware).
OPENWMO_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)
