"""`veld__any=[…]` on PostgreSQL: `veld = ANY(%s)` with one array parameter instead of one placeholder per
value (Django's psycopg cursors bind client-side, and quoting 1,000 separate parameters costs more than the
query). Other databases use `__in`; `in_filter` picks the right one."""

from django.db import connection
from django.db.models import CharField, ForeignKey, IntegerField, Lookup, Q
from django.db.models.fields import BigAutoField


class Any(Lookup):
    lookup_name = "any"
    prepare_rhs = False

    def get_prep_lookup(self):
        return list(self.rhs)

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*lhs_params, self.rhs]


for veldtype in (CharField, ForeignKey, IntegerField, BigAutoField):
    veldtype.register_lookup(Any)


def in_filter(veld: str, waarden) -> Q:
    waarden = list(waarden)
    if connection.vendor == "postgresql":
        return Q(**{f"{veld}__any": waarden})
    return Q(**{f"{veld}__in": waarden})
