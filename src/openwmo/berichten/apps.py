from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BerichtenConfig(AppConfig):
    """The Django side of iWmo messaging (inbox, outbox, UI). The message layer itself stays Django-free."""

    name = "openwmo.berichten"
    label = "berichten"
    verbose_name = _("iWmo-berichten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The iWmo deadlines join the consultant's worklist; toegang never imports berichten (no cycle).
        from openwmo.toegang.selectors import signaalbron_registreren

        from .werkvoorraad import LABELS, signalen

        signaalbron_registreren(signalen, LABELS)
