from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InkoopConfig(AppConfig):
    name = "openwmo.inkoop"
    label = "inkoop"
    verbose_name = _("Inkoop: aanbieders, aanbestedingen en contracten")
