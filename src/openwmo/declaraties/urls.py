from django.urls import path

from . import views

app_name = "declaraties"
urlpatterns = [
    path("", views.DeclaratieLijstView.as_view(), name="lijst"),
    path("indienen/", views.DeclaratieIndienenView.as_view(), name="indienen"),
    path("<int:pk>/", views.DeclaratieDetailView.as_view(), name="detail"),
    path("<int:pk>/325/", views.Antwoord325View.as_view(), name="antwoord-325"),
    path("betaalbatches/", views.BetaalbatchesView.as_view(), name="betaalbatches"),
    path("betaalbatches/<int:pk>/<str:formaat>/", views.BetaalbatchExportView.as_view(), name="betaalbatch-export"),
]
