from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.ClientLijstView.as_view(), name="client-lijst"),
    path("<int:pk>/", views.ClientDetailView.as_view(), name="client-detail"),
]
