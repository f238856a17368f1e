from django.urls import path

from . import gmsd_views, views

app_name = "monitoring"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("doelenboom/", views.IndicatorenView.as_view(), name="indicatoren"),
    path("raadsrapportage.pdf", views.RaadsrapportView.as_view(), name="raadsrapport"),
    path("gmsd/", gmsd_views.GmsdView.as_view(), name="gmsd"),
    path("tabel/<slug:naam>.<str:formaat>", views.ExportView.as_view(), name="export"),
    path("<slug:slug>/", views.DashboardView.as_view(), name="dashboard"),
]
