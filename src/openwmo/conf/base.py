"""Base settings: every value from an environment variable, with defaults that are safe on a laptop.

| variable         | meaning                                                      | default                       |
|------------------|--------------------------------------------------------------|-------------------------------|
| DATABASE_URL     | database; `postgres://…` selects PostgreSQL                  | SQLite file in OPENWMO_VAR_DIR |
| OPENWMO_VAR_DIR  | folder for the SQLite file, media and exports                | `var/` in the source checkout  |
| SECRET_KEY       | Django secret key (required in production)                   | an insecure development key    |
| DEBUG            | debug pages                                                  | false                          |
| ALLOWED_HOSTS    | comma-separated host names                                   | localhost,127.0.0.1            |
| OPENWMO_IWMO_XSD_DIR | folder with the official iWmo XSD package, validated as well | (none)                     |
"""

from pathlib import Path

import dj_database_url

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
    "openwmo.core",
    "openwmo.catalogus",
    "openwmo.inkoop",
    "openwmo.toegang",
    "openwmo.declaraties",
    "openwmo.eigenbijdrage",
    "openwmo.monitoring",
    "openwmo.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

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
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

OPENWMO_IWMO_XSD_DIR = config("OPENWMO_IWMO_XSD_DIR")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": config("LOG_LEVEL", "WARNING")},
}
