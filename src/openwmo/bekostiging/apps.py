from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BekostigingConfig(AppConfig):
    name = "openwmo.bekostiging"
    label = "bekostiging"
    verbose_name = _("Bekostiging: begroting, realisatie en scenario's")
