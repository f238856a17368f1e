"""Pages of 100 by default; a client may ask up to 1000 with `page_size`. Wrong values give 400."""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

MAX_PAGINA = 1_000_000


def _geheel_getal(request, naam: str, minimum: int, maximum: int, melding: str) -> int | None:
    tekst = request.query_params.get(naam)
    if tekst is None:
        return None
    if not tekst.isascii() or not tekst.isdigit() or not minimum <= int(tekst) <= maximum:
        raise ValidationError({naam: [melding]})
    return int(tekst)


class Paginering(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000
    page_query_description = "Het paginanummer (vanaf 1)."
    page_size_query_description = "Aantal resultaten per pagina (standaard 100, maximaal 1000)."
    invalid_page_message = "Deze pagina bestaat niet."

    def get_page_size(self, request):
        gevraagd = _geheel_getal(
            request, self.page_size_query_param, 1, self.max_page_size, "Geef een paginagrootte van 1 tot en met 1000."
        )
        return gevraagd or self.page_size

    def paginate_queryset(self, queryset, request, view=None):
        _geheel_getal(request, self.page_query_param, 1, MAX_PAGINA, "Geef een paginanummer vanaf 1.")
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        grenzen = {self.page_query_param: (1, MAX_PAGINA), self.page_size_query_param: (1, self.max_page_size)}
        for parameter in parameters:
            minimum, maximum = grenzen[parameter["name"]]
            parameter["schema"].update(minimum=minimum, maximum=maximum)
        return parameters
