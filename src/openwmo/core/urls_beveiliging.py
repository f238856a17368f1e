from django.urls import path

from . import views_audit, views_beveiliging

app_name = "beveiliging"
urlpatterns = [
    path("tweestaps/", views_beveiliging.TweestapsControlerenView.as_view(), name="tweestaps"),
    path("tweestaps/instellen/", views_beveiliging.TweestapsInstellenView.as_view(), name="tweestaps-instellen"),
    path("logboek/", views_audit.LogboekView.as_view(), name="logboek"),
    path("logboek/export.csv", views_audit.LogboekExportView.as_view(), name="logboek-export"),
]
