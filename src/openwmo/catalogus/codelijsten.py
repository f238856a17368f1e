"""iWmo 3.2 code lists used across Open Wmo: the single source of codes and their Dutch meaning.

The lists are part of the iWmo release (Zorginstituut Nederland) and change only with it, so they are
versioned with the code. `load_reference` copies them into `Codewaarde` so the administrator can browse
them; validation uses these dictionaries. Facts from `shared/reference/iwmo-reference.md` §6 and §8.
"""

PRODUCTCATEGORIE = {  # WMO020
    "01": "Hulp bij het huishouden",
    "02": "Begeleiding",
    "03": "Persoonlijke verzorging",
    "04": "Kortdurend verblijf",
    "05": "Woondiensten",
    "06": "Overige ondersteuning gericht op het individu of huishouden/gezin",
    "07": "Dagbesteding",
    "08": "Vervoerdiensten",
    "09": "Overige groepsgerichte ondersteuning",
    "10": "Overige maatwerkarrangementen",
    "11": "Rolstoelen",
    "12": "Vervoervoorzieningen",
    "13": "Woonvoorzieningen",
    "14": "Overige hulpmiddelen",
    "15": "Beschermd wonen",
    "16": "Opvang",
    "17": "Spoedopvang",
    "18": "Overige beschermd wonen en opvang",
}
# Hulpmiddelen and voorzieningen: allocations of these categories may overlap in time (TR302/TR386/TR410).
OVERLAP_TOEGESTAAN_CATEGORIEEN = frozenset({"11", "12", "13", "14"})

EENHEID = {  # WJ756
    "01": "Minuut",
    "04": "Uur",
    "14": "Etmaal",
    "16": "Dagdeel (4 uur)",
    "82": "Stuks (output)",
    "83": "Euro's",
    "84": "Stuks (inspanning)",
}

FREQUENTIE = {  # WMO757
    "1": "Per dag",
    "2": "Per week",
    "4": "Per maand",
    "6": "Totaal binnen geldigheidsduur toewijzing",
}

REDEN_WIJZIGING = {  # WMO002 (01 is retired, CS336)
    "02": "Cliënt overleden",
    "03": "Contractwijziging",
    "04": "Herbeoordeling: verlenging toewijzing",
    "05": "Herbeoordeling: verkorting toewijzing",
    "06": "Uitstroom naar ander domein (Wlz, Zvw)",
    "07": "Verhuizing naar een andere gemeente",
    "08": "Wijziging leveringsvorm",
    "09": "Overstap naar andere aanbieder",
    "10": "Overgang naar nieuwe bekostigingssystematiek",
    "11": "Gemeentelijke herindeling",
    "12": "Geïnitieerd door de aanbieder",
    "13": "Verwijderd",
    "14": "Administratieve correctie",
}

REDEN_BEEINDIGING = {  # WMO588
    "02": "Overlijden",
    "19": "Levering volgens plan beëindigd",
    "20": "Levering is tijdelijk beëindigd",
    "21": "Eenzijdig door cliënt beëindigd",
    "22": "Eenzijdig door aanbieder beëindigd",
    "23": "In overeenstemming voortijdig beëindigd",
    "31": "Verhuizing naar een andere gemeente",
    "36": "Geïnitieerd door de gemeente",
    "37": "In verband met wijzigingsverzoek",
    "38": "Overstap naar andere aanbieder",
    "39": "Uitstroom naar ander domein",
}

GESLACHT = {"0": "Onbekend", "1": "Mannelijk", "2": "Vrouwelijk"}  # COD046

REDEN_VERZOEK = {"1": "Verandering cliëntsituatie", "2": "Wijziging zorgplan"}  # WJ758

REDEN_AFWIJZING_VERZOEK = {  # WJ759
    "1": "Geen wijziging maar nieuwe aanvraag",
    "2": "Past niet binnen budget",
    "3": "Geen contract",
    "4": "Past niet binnen contract",
    "5": "Andere gemeente",
    "6": "Stapeling",
    "7": "Zorginhoudelijke afkeur",
    "8": "Woonplaatsbeginsel",
    "9": "Leeftijdsgrens bereikt",
}

VERZOEK_ANTWOORD = {"1": "Verzoek afgewezen", "2": "Aanvraag in onderzoek"}  # WJ760

RETOURCODE = {  # WJ001
    "0001": "Bericht is afgekeurd om technische redenen.",
    "0200": "Geen opmerking over deze berichtklasse.",
    "0233": "Berichtklasse is niet beoordeeld.",
    "8848": "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.",
    "9056": "Identificatie moet uniek zijn.",
    "S300": "Gemeentecode ongeldig.",
    "S329": "ProductCode ongeldig.",
    "9019": "Het regiebericht kan niet gekoppeld worden aan een toewijzing.",
    "9063": "Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is",
    "9069": "Er is geen actueel startbericht met dezelfde sleutel.",
    "9071": "Het eerdere startbericht kan niet verwijderd worden omdat de zorg al beeindigd is.",
    "9074": "Er is al een eerder bericht ontvangen met dezelfde sleutel.",
    "9326": "De actuele levering is nog niet gestopt met een Stopbericht.",
    "9413": "StatusAanlevering is waarde 1 of 2 en RedenBeeindiging heeft waarde 20, terwijl er al een ander StopProduct met hetzelfde Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging waarde 20 is.",
    "9414": "Einddatum is niet >= aan Einddatum uit actuele StopProduct met gelijk Bsn, ToewijzingNummer en Begindatum.",
    "9415": "Er is al een StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20 en StatusAanlevering heeft waarde 1 of 2.",
    "0611": "Het ingediende tarief komt niet overeen met het contractuele tarief",
    "8001": "Declaratie is volledig toegewezen.",
    "8017": "Van deze credit prestatie is geen debet prestatie bekend.",
    "8021": "Referentienummer prestatie is reeds aangeleverd.",
    "8187": "De prestatie hoort niet bij deze cliënt.",
    "8214": "DeclaratiePeriode is niet de kalendermaand die volgt op voorgaande DeclaratiePeriode terwijl iedere declaratieperiode zorg geleverd is.",
    "9307": "Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing.",
    "9308": "Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing.",
    "9319": "De ProductPeriode valt niet geheel binnen een DeclaratiePeriode.",
    "9321": "Het ingediende volume overschrijdt het toegewezen volume.",
    "9322": "De som van de ingediende volumes overschrijdt het toegewezen volume.",
    "9333": "Declaratienummer is niet uniek.",
    "9338": "Niet iedere prestatie in een declaratiebericht is gerelateerd aan een toegewezen product op basis van het toewijzingnummer.",
    "9339": "ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het ToegewezenProduct.",
    "9340": "ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct.",
    "9341": "Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct.",
    "9346": "Eenheid is ongelijk is aan waarde 83 (Euro’s), maar IngediendBedrag is niet gelijk aan GeleverdVolume vermenigvuldigd met (het onafgeronde) ProductTarief.",
    "9369": "Budget is meegegeven, maar de som van GeleverdVolume in alle ingediende Prestaties passen niet binnen het toegewezen Budget.",
    "9384": "Declaratie op toewijzing met RedenWijziging “13” (Verwijderd).",
    "9387": "Begindatum van de ProductPeriode is niet eerste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Ingangsdatum van de toewijzing ligt niet later in deze betreffende maand.",
    "9388": "Einddatum van de ProductPeriode is niet laatste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Einddatum van de toewijzing ligt niet eerder in deze betreffende maand.",
    "9389": "Deze prestatie heeft een debetprestatie zonder bijbehorende creditprestatie.",
    "9390": "Er is al een Prestatie met gelijk ProductReferentie met waarde Credit.",
    "9332": "Toewijzing heeft geen uniek nummer binnen wettelijk domein.",
    "9347": "ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein.",
    "9349": "Het VOW bericht bevat niet alle actuele toegewezen producten van de cliënt, hetzij in OngewijzigdProduct, hetzij in TeWijzigenProduct.",
    "9350": "OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product op basis van het toewijzingnummer.",
    "9355": "ReferentieAanbieder komt niet voor in een eerder ontvangen verzoek (315/317).",
    "9351": "TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van ToewijzingNummer.",
    "9357": "GewensteIngangsdatum is kleiner dan of gelijk aan de dagtekening, maar niet gelijk aan de ingangsdatum van het originele ToegewezenProduct.",
    "9359": "Er is al een toewijzing gestuurd met deze ReferentieAanbieder.",
    "9360": "Er is al een antwoordbericht met deze ReferentieAanbieder, terwijl antwoordbericht in VerzoekAntwoord waarde 2 (aanvraag in onderzoek) heeft.",
    "9361": "Het product komt vaker voor met overlappende zorgperiodes.",
    "9365": "Er is al een antwoordbericht met dezelfde ReferentieAanbieder waar VerzoekAntwoord niet de waarde ‘Aanvraag in onderzoek’ heeft.",
    "9373": "Budget is gewijzigd, maar GewensteIngangsdatum is niet gelijk aan die in de actuele toewijzing.",
    "9374": "Er is al een verzoek onderhanden.",
    "9375": "Omvang is gevuld, terwijl Product in toewijzing met ToewijzingNummer leeg is en Einddatum groter dan 31-12-2020 of leeg is.",
    "9379": "ReferentieAanbieder refereert niet naar een verzoek om toewijzing of verzoek om wijziging, is onterecht gevuld.",
    "9385": "Toewijzing heeft goedgekeurde declaratieregels.",
    "9411": "Omvang is leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer gevuld is.",
    "9412": "Omvang is niet leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer leeg is en einddatum groter dan 31-12-2020 of leeg is.",
    "9366": "ProductReferentie komt niet voor in een Declaratiebericht.",
    "9367": "De waarde komt niet overeen met de waarde uit heenbericht met gelijke ProductReferentie.",
}

CODELIJSTEN = {
    "WMO020": ("Productcategorie", PRODUCTCATEGORIE),
    "WJ756": ("Eenheid", EENHEID),
    "WMO757": ("Frequentie", FREQUENTIE),
    "WMO002": ("Reden wijziging toewijzing", REDEN_WIJZIGING),
    "WMO588": ("Reden beëindiging", REDEN_BEEINDIGING),
    "COD046": ("Geslacht", GESLACHT),
    "WJ758": ("Reden verzoek", REDEN_VERZOEK),
    "WJ759": ("Reden afwijzing verzoek", REDEN_AFWIJZING_VERZOEK),
    "WJ760": ("Verzoek antwoord", VERZOEK_ANTWOORD),
    "WJ001": ("Retourcode", RETOURCODE),
}


def choices(codelijst: dict[str, str]) -> list[tuple[str, str]]:
    """Django field choices 'code – meaning' for one code list."""
    return [(code, f"{code} – {betekenis}") for code, betekenis in codelijst.items()]
