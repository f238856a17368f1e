from django.urls import path

from . import views

app_name = "bekostiging"
urlpatterns = [
    path("begroting/", views.BegrotingView.as_view(), name="begroting"),
    path("begroting/nieuw/", views.BegrotingNieuwView.as_view(), name="begroting-nieuw"),
    path("scenarios/", views.ScenarioLijstView.as_view(), name="scenario-lijst"),
    path("scenarios/nieuw/", views.ScenarioNieuwView.as_view(), name="scenario-nieuw"),
    path("scenarios/vergelijken/", views.ScenarioVergelijkView.as_view(), name="scenario-vergelijk"),
    path("scenarios/<int:pk>/", views.ScenarioDetailView.as_view(), name="scenario-detail"),
    path("scenarios/<int:pk>/verwijderen/", views.ScenarioVerwijderenView.as_view(), name="scenario-verwijderen"),
]
