from django.urls import path

app_name = "importeren"
urlpatterns: list = []
