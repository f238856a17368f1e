from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "openwmo.monitoring"
    label = "monitoring"
    verbose_name = _("Sturingsinformatie")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .stand import volg_wijzigingen

        post_migrate.connect(volg_wijzigingen, sender=self, dispatch_uid="monitoring_volg_wijzigingen")
