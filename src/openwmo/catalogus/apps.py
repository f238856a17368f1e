from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogusConfig(AppConfig):
    name = "openwmo.catalogus"
    label = "catalogus"
    verbose_name = _("Catalogus: voorzieningen, producten en resultaatgebieden")
