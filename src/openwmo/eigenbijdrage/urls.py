from django.urls import path

from . import views

app_name = "eigenbijdrage"
urlpatterns = [path("cak-export/", views.CakExportView.as_view(), name="cak-export")]
