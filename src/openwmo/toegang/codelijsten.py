"""Toegang's own code lists: the Zelfredzaamheid-Matrix (ZRM, 2017 version) and the choices of the access flow."""

# The 13 life domains of the ZRM 2017 (GGD Amsterdam / Zelfredzaamheid-Matrix.nl), in the matrix's order.
ZRM_DOMEINEN = {
    "financien": "Financiën",
    "werk_opleiding": "Werk & opleiding",
    "tijdsbesteding": "Tijdsbesteding",
    "huisvesting": "Huisvesting",
    "huiselijke_relaties": "Huiselijke relaties",
    "geestelijke_gezondheid": "Geestelijke gezondheid",
    "lichamelijke_gezondheid": "Lichamelijke gezondheid",
    "middelengebruik": "Middelengebruik",
    "basale_adl": "Basale ADL",
    "instrumentele_adl": "Instrumentele ADL",
    "sociaal_netwerk": "Sociaal netwerk",
    "maatschappelijke_participatie": "Maatschappelijke participatie",
    "justitie": "Justitie",
}

# Each domain is scored on the same five-point scale.
ZRM_SCORES = {
    1: "1 – Acute problematiek",
    2: "2 – Niet zelfredzaam",
    3: "3 – Beperkt zelfredzaam",
    4: "4 – Voldoende zelfredzaam",
    5: "5 – Volledig zelfredzaam",
}
