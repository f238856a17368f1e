from django.urls import path

from . import views, views_toekennen

app_name = "berichten"
urlpatterns = [
    path("", views.BerichtLijstView.as_view(), name="lijst"),
    path("<int:pk>/", views.BerichtDetailView.as_view(), name="detail"),
    path("uploaden/", views.UploadView.as_view(), name="upload"),
    path("export/", views.ExportView.as_view(), name="export"),
    path("verzoeken/", views.VerzoekLijstView.as_view(), name="verzoeken"),
    path("verzoeken/<int:pk>/toekennen/", views_toekennen.VerzoekToekennenView.as_view(), name="verzoek-toekennen"),
    path("verzoeken/<int:pk>/<str:actie>/", views.VerzoekActieView.as_view(), name="verzoek-actie"),
    path("api/ontvangen/", views.OntvangApiView.as_view(), name="api-ontvangen"),
]
