"""Message-level iWmo 3.2 code lists that only the message layer needs.

Domain code lists (product categories, units, reasons, retourcodes, …) live in
`openwmo.catalogus.codelijsten`; this module holds the lists that describe message fields
(berichtcodes, address kinds, name use, …). Facts from `shared/reference/iwmo-reference.md` §2 and §6.6.
"""

# COD002-VEKT: berichtcode per iWmo message (the number in the message name → BerichtCode).
BERICHTCODE = {
    "301": "414",
    "302": "415",
    "305": "418",
    "306": "419",
    "307": "420",
    "308": "421",
    "315": "444",
    "316": "445",
    "317": "480",
    "318": "481",
    "319": "482",
    "320": "483",
    "323": "484",
    "325": "485",
}

DEBET_CREDIT = {"C": "Creditbedrag en aantal", "D": "Debetbedrag en aantal"}  # COD043

DATUM_GEBRUIK = {  # COD170
    "1": "Dag onbekend; alleen maand en jaar gebruiken",
    "2": "Dag en maand onbekend; alleen jaar gebruiken",
    "3": "Dag, maand en jaar onbekend; onbekende datum",
}

JA_NEE = {"1": "Ja", "2": "Nee"}  # COD260

TYPE_VERWIJZER = {  # COD327
    "01": "Gemeente",
    "02": "Huisarts",
    "03": "Jeugdarts",
    "04": "Gecertificeerde instelling",
    "05": "Medisch specialist",
    "06": "Zelfverwijzer/geen verwijzer",
    "08": "Rechter, Officier van Justitie of functionaris JJI",
}

STATUS_AANLEVERING = {  # COD467
    "1": "Eerste aanlevering",
    "2": "Gewijzigde aanlevering",
    "3": "Verwijderen aanlevering",
    "9": "Niet van toepassing",
}

SOORT_RELATIE = {  # COD472
    "03": "Curator",
    "04": "Financieel (gemachtigd)",
    "05": "Financieel (toetsing)",
    "06": "Leefeenheid",
    "07": "Hulpverlener",
    "08": "Specialist",
    "09": "Anders",
    "10": "Ouder",
    "11": "Voogd",
    "12": "Partner/echtgeno(o)t(e)",
    "13": "Pleegouder",
    "14": "Bewindvoerder",
    "15": "Mentor",
    "16": "Zoon/dochter",
    "17": "Familielid",
    "18": "Gezinslid",
    "19": "Buur",
    "20": "Vriend(in)/kennis",
    "21": "Cliëntondersteuner",
    "22": "Huisarts",
    "23": "Erven van",
    "24": "Werkgever",
    "25": "Wijkcoach",
}

NAAMGEBRUIK = {  # COD700
    "1": "Eigen naam",
    "2": "Naam partner/alternatieve naam",
    "3": "Naam partner gevolgd door eigen naam",
    "4": "Eigen naam gevolgd door naam partner",
    "5": "Pseudoniem",
    "6": "Niet-natuurlijk persoon",
}

COMMUNICATIEVORM = {"1": "Tolk taal", "2": "Doventolk", "3": "Doofblindentolk"}  # COD747

ADRES_SOORT = {  # COD757
    "01": "BRP-adres",
    "02": "Correspondentie-adres",
    "03": "Verblijfadres",
    "04": "Tijdelijk verblijfadres",
}

AANDUIDING_WOONADRES = {"AB": "Aan boord", "BY": "Bij", "TO": "Tegenover", "WW": "Woonwagen"}  # NUM061

WETTELIJKE_VERTEGENWOORDIGING = {  # WJ003
    "06": "Voogdij",
    "07": "Bewindvoering",
    "08": "Mentorschap",
    "09": "Onder curatele",
    "10": "Zaakwaarneming",
}

JURIDISCHE_STATUS = {  # WJ232
    "01": "Rechterlijke machtiging voorlopig/voortgezet",
    "02": "Rechterlijke machtiging op eigen verzoek",
    "03": "Rechterlijke machtiging met voorwaardelijk ontslag",
    "04": "Ondertoezichtstelling",
    "05": "Inbewaringstelling",
    "11": "Strafrechtelijk (tbs)",
    "12": "Strafrechtelijk (overig)",
}

# COD032: ISO 3166-1 alpha-2 country codes as enumerated in the iWmo 3.2 basisschema (LDT_LandCode).
LANDCODE = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT
    BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES
    ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL
    IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC
    MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA
    PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS
    ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF
    WS YE YT ZA ZM ZW""".split()
)
