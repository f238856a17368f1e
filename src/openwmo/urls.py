from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

admin.site.site_header = _("Open Wmo – beheer")
admin.site.site_title = _("Open Wmo")
admin.site.index_title = _("Referentiegegevens en gebruikers")

urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("clienten/", include("openwmo.core.urls")),
    path("inkoop/", include("openwmo.inkoop.urls")),
    path("bekostiging/", include("openwmo.bekostiging.urls")),
    path("toegang/", include("openwmo.toegang.urls")),
    path("sturing/", include("openwmo.monitoring.urls")),
    path("berichten/", include("openwmo.berichten.urls")),
    path("api/v1/", include("openwmo.api.urls")),
    path("importeren/", include("openwmo.importeren.urls")),
    path("declaraties/", include("openwmo.declaraties.urls")),
    path("eigenbijdrage/", include("openwmo.eigenbijdrage.urls")),
    path("beheer/", admin.site.urls),
    path("beveiliging/", include("openwmo.core.urls_beveiliging")),
]

handler404 = "openwmo.api.views.niet_gevonden"
