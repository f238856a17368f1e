"""Shared pieces of the fuzz suite: the example counter, the row counts of the domain tables, hostile values.

Every fuzz test calls `tel(naam)` once per generated input, so `test_zz_totaal` can prove how many bad inputs
the suite really ran (Hypothesis may stop early when a strategy runs out of distinct values).
"""

from collections import Counter

from django.apps import apps
from django.db import connection
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

TELLER: Counter = Counter()
UITKOMSTEN: Counter = Counter()  # how inputs ended (printed in the summary: shows the fuzzing reaches deep)
# What each fuzz test is meant to run; `test_zz_totaal` checks the real counts against it.
BEGROTING: dict[str, int] = {}
MINIMUM_TOTAAL = 10_000

# Tables that are not domain data: the audit log grows with every read, sessions/tokens/login records are
# infrastructure.
NIET_DOMEIN = {"core.verwerking"}
DOMEIN_APPS = ("core", "catalogus", "inkoop", "toegang", "berichten", "bekostiging", "declaraties")


def fuzz_settings(max_examples: int, naam: str):
    BEGROTING[naam] = max_examples
    return settings(
        max_examples=max_examples,
        deadline=None,
        database=None,  # no example database: every run explores afresh, nothing is written to .hypothesis/
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.large_base_example,
        ],
    )


def tel(naam: str) -> None:
    TELLER[naam] += 1


def uitkomst(naam: str) -> None:
    UITKOMSTEN[naam] += 1


def domein_modellen():
    return [
        m
        for app in DOMEIN_APPS
        for m in apps.get_app_config(app).get_models()
        if m._meta.label_lower not in NIET_DOMEIN and not m._meta.proxy
    ]


def tellingen() -> dict[str, int]:
    """Row count per domain table, in one query (it runs twice per generated input)."""
    modellen = domein_modellen()
    sql = "SELECT " + ", ".join(
        f"(SELECT COUNT(*) FROM {connection.ops.quote_name(m._meta.db_table)})" for m in modellen
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rij = cursor.fetchone()
    return {m._meta.label_lower: aantal for m, aantal in zip(modellen, rij, strict=True)}


def verschil(voor: dict[str, int], na: dict[str, int]) -> dict[str, int]:
    return {k: na[k] - voor[k] for k in voor if na[k] != voor[k]}


SQL = [
    "' OR '1'='1",
    "1; DROP TABLE core_client;--",
    '" OR 1=1 --',
    "1' UNION SELECT password FROM core_user--",
    "0603' AND SLEEP(5)--",
    "%' OR 'x' LIKE '%",
]
HTML = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}",
    "{% debug %}",
    "${7*7}",
    "javascript:alert(1)",
    "<![CDATA[x]]>",
    "&lt;b&gt;",
]
RAAR = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\u202e\u0644",
    "\ufeff",
    "𝕏𝔶",
    "Zoë d'Ångström",
    "\x1b[31m",
    "\r\n",
    "a" * 5000,
    "9" * 40,
    "-1",
    "0",
    "1e309",
    "NaN",
    "Infinity",
    "9999-99-99",
    "0000-00-00",
    "2016-02-30",
    "31-12-9999",
    "../../etc/passwd",
    "%00",
    "null",
    "[]",
    "{}",
    "=cmd|' /C calc'!A0",
    "+1+1",
    "@SUM(1)",
]
VIJANDIG = SQL + HTML + RAAR

vijandige_tekst = st.one_of(
    st.sampled_from(VIJANDIG),
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.from_regex(r"[0-9]{1,12}", fullmatch=True),
)
