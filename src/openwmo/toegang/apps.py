from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToegangConfig(AppConfig):
    name = "openwmo.toegang"
    label = "toegang"
    verbose_name = _("Toegang: beschikkingen en toewijzingen")
