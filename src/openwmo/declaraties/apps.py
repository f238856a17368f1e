from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeclaratiesConfig(AppConfig):
    name = "openwmo.declaraties"
    label = "declaraties"
    verbose_name = _("Declaraties en betaalbatches")
