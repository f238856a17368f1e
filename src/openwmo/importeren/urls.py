app_name = "importeren"
urlpatterns: list = []
