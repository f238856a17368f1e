from django.urls import path

from . import views

app_name = "importeren"
urlpatterns = [
    path("", views.ImportView.as_view(), name="import"),
    path("foutrapport.csv", views.FoutrapportView.as_view(), name="foutrapport"),
]
