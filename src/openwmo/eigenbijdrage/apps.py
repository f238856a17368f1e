from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EigenbijdrageConfig(AppConfig):
    name = "openwmo.eigenbijdrage"
    label = "eigenbijdrage"
    verbose_name = _("Eigen bijdrage")
