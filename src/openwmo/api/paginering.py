"""Pages of 100 by default; a client may ask up to 1000 with `page_size`."""

from rest_framework.pagination import PageNumberPagination


class Paginering(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000
    page_query_description = "Het paginanummer (vanaf 1)."
    page_size_query_description = "Aantal resultaten per pagina (standaard 100, maximaal 1000)."
    invalid_page_message = "Deze pagina bestaat niet."
