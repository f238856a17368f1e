"""The resources listed on the API start page, in the order integrators usually need them."""

BRONNEN = [
    ("gemeenten", "Gemeenten waarvoor u werkt, met wijken"),
    ("clienten", "Cliënten (alleen rollen met persoonsgegevens; elke raadpleging gelogd)"),
    ("meldingen", "Meldingen (alleen rollen met persoonsgegevens; elke raadpleging gelogd)"),
    ("ondersteuningsplannen", "Ondersteuningsplannen met doelen per resultaatgebied (idem)"),
    ("beschikkingen", "Beschikkingen (lezen en vastleggen)"),
    ("toewijzingen", "Toewijzingen (lezen en vastleggen; aanbieders alleen de eigen)"),
    ("declaraties", "Declaraties met prestaties en retourcodes (lezen; aanbieders dienen in)"),
    ("betaalbatches", "Betaalbatches (controller en functioneel beheerder)"),
    ("aanbieders", "Aanbieders"),
    ("contracten", "Contracten"),
    ("tarieven", "Tarieven"),
    ("producten", "Productcatalogus"),
    ("rapporten", "Rapporttabellen uit de sturingsinformatie"),
]
