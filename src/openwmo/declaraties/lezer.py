"""Reading a WMO323 into the claim checks' input: safe, complete, and fast enough for the hot path.

The generic reader (`wmo323.parse`) walks the structure definition, collects every problem with its path
and builds a frozen dataclass per element; at 1,000 lines per message that is most of the time a claim
takes. This module reads the same message in a *strict* pass driven by the same definition:

- the bytes go through `berichten.safe_xml.parse_xml` (the only XML entry point: no DTDs, entities,
  network; size cap; UTF-8 only); the strict pass only reads a message that parsed;
- the header and the declaration (a few dozen elements) are walked on the tree: every element sequence
  must match the definition (order, minOccurs, maxOccurs, no unknown element), every leaf value must pass
  its own `SimpleType.check`, no attributes other than xsi:schemaLocation, no text in element-only
  content, no element inside a leaf;
- the Clienten (thousands of elements) are matched on the *text* of the same, already parsed message by
  one regular expression that allows exactly one spelling: the canonical tags with the prefixes the tree
  binds to the message and basisschema namespaces, no attributes, only whitespace between elements, and
  leaf values without markup, references or carriage returns. Such text can only mean one tree, and the
  tree says it is the Clienten element: everything before it is the header and the declaration just
  walked (no comments, CDATA or processing instructions that could hide a look-alike), everything after
  it only closes Declaratie and Bericht, and the tree has as many Client elements as the text. Where
  the group of a leaf admits only values its LDT type accepts (BSN, reference, numbers, amounts: derived
  from the type's facets) the values need nothing more; every *distinct* value of the other columns is
  checked once against its type (dates and codes repeat), and each distinct text is converted once;
- the Prestaties become `declaraties.checks.Prestatie` directly (amounts in euros, sign in DebetCredit).

The strict pass only *accepts*. Another spelling of a valid message (comments, CDATA, character
references, whitespace around a typed value, other namespace declarations, xsi:schemaLocation inside) is
read by a walk of the Clienten on the tree (`lezer_boom`, same rules, about twice the time). On any other
deviation the strict pass gives up and the generic `wmo323` reader runs on the same tree: it raises
`BerichtFout` with every problem and its path (the 0001 answer), or — when the deviation was harmless to
the standard — returns the model, which is then converted. So this module never accepts a message that
`wmo323.parse` rejects; tests compare both on valid and mutated messages and check which way each took.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import accumulate

from openwmo.berichten import common as c
from openwmo.berichten import wmo323
from openwmo.berichten.safe_xml import BerichtFout, parse_xml
from openwmo.berichten.structure import BASIS_NS, Complex
from openwmo.berichten.types import XSD_WHITESPACE

from .checks import Declaratie, Prestatie
from .lezer_boom import TOEGESTANE_ATTRIBUTEN as _TOEGESTANE_ATTRIBUTEN
from .lezer_boom import Afwijking as _Afwijking
from .lezer_boom import kolommen_uit_boom

_DEFINITIE = wmo323.STRUCTURE
_NS = _DEFINITIE.namespace
_CLIENTEN = wmo323.CLIENTEN.type


@dataclass(frozen=True, slots=True)
class Gelezen323:
    """A read WMO323: its header (for the 325), the claim for the checks and the raw dagtekening."""

    header: c.Header
    declaratie: Declaratie
    dagtekening: date


_EL = wmo323.PRESTATIE.child
_REF_TYPE = c.REFERENTIE.child("ReferentieNummer").type
_DATUM_TYPE = c.GESLOTEN_PERIODE.child("Begindatum").type
_BEDRAG_TYPE = c.BEDRAG_MET_DC.child("Bedrag").type
_DC_TYPE = c.BEDRAG_MET_DC.child("DebetCredit").type
_BSN_TYPE = wmo323.CLIENT.child("Bsn").type

# -- the Clienten as text ------------------------------------------------------------------------------
# XML whitespace between elements (a carriage return there is harmless: it is never part of a value).
_W = "[ \t\r\n]*+"  # possessive: a `<` or the end always follows
# A leaf value as the tree holds it: no markup, no reference, no CR (which the parser would normalise);
# never empty (every leaf type under Clienten needs at least one character; an empty one falls back).
_TEKEN = "[^<&\r]"


def _waarde(soort) -> tuple[str, bool]:
    """The regex group for a leaf of type `soort`, and whether every text it admits is valid for the type
    (then the values need no check of their own). Stricter than the type is fine: what the group does not
    admit falls back to the generic reader. Only derived from the type's own facets, so a changed type
    means checking again, never accepting more."""
    if soort.kind == "integer" and soort.pattern is None and (soort.min_value or 0) <= 0 and soort.max_value:
        cijfers = len(str(soort.max_value + 1)) - 1  # every number of this many digits is in range
        if cijfers:
            return f"([0-9]{{1,{cijfers}}}+)", True
    if soort.kind == "string" and soort.enum is None and soort.niet_leeg is None:
        if soort.pattern is None and soort.max_length:
            return f"({_TEKEN}{{{max(soort.min_length or 0, 1)},{soort.max_length}}}+)", True
        if soort.pattern == "[0-9]{9}" and (soort.min_length or 0) <= 9 <= (soort.max_length or 9):
            return "([0-9]{9})", True
    if soort.kind == "date":
        return "([0-9]{4}-[0-9]{2}-[0-9]{2})", False
    return f"({_TEKEN}++)", False


# The groups of one match of `_patroon`, in this order: (name, type, group, values valid by the group).
_KOLOMMEN = tuple(
    (naam, soort, *_waarde(soort))
    for naam, soort in (
        ("Bsn", _BSN_TYPE),
        ("ReferentieNummer", _REF_TYPE),
        ("VorigReferentieNummer", _REF_TYPE),
        ("ToewijzingNummer", _EL("ToewijzingNummer").type),
        ("ProductCategorie", _EL("ProductCategorie").type),
        ("ProductCode", _EL("ProductCode").type),
        ("Begindatum", _DATUM_TYPE),
        ("Einddatum", _DATUM_TYPE),
        ("GeleverdVolume", _EL("GeleverdVolume").type),
        ("Eenheid", _EL("Eenheid").type),
        ("ProductTarief", _EL("ProductTarief").type),
        ("Bedrag", _BEDRAG_TYPE),
        ("DebetCredit", _DC_TYPE),
    )
)
_GROEP = {naam: groep for naam, _, groep, _ in _KOLOMMEN}
_OPTIONEEL = frozenset({"VorigReferentieNummer", "ProductTarief"})
# ToewijzingNummer as digits only: its text is its canonical form unless it has a leading zero.
_TNR_CIJFERS = _GROEP["ToewijzingNummer"].startswith("([0-9]")
_MAX_PREFIX = 32  # longer namespace prefixes (legal, never seen) take the generic reader, not a new pattern
_XML_DECLARATIE = re.compile("\ufeff?(?:<\\?xml[ \t\r\n][^<>?]*\\?>)?")
_WITRUIMTE = re.compile(_W)


@functools.lru_cache(maxsize=16)
def _patroon(m: str, i: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """For message prefix `m` and basisschema prefix `i`: the pattern of the first Client's start (its Bsn
    in group 1), the token pattern for the rest of the content of Clienten, and the pattern of what
    follows Clienten.

    Tokens: one Prestatie (groups 2–13), preceded by the end of a Client and the start of the next with
    its Bsn (group 1) when it is that Client's first; the last Client's end (no group); or — anything
    else — the whole rest (last group), so a deviation ends the scan at once."""
    m, i = re.escape(m), re.escape(i)

    def leeg(pfx: str, naam: str) -> str:
        return f"<{pfx}:{naam}>{_W}"

    def sluit(pfx: str, naam: str) -> str:
        return f"</{pfx}:{naam}>{_W}"

    def blad(pfx: str, naam: str) -> str:
        return f"<{pfx}:{naam}>{_GROEP[naam]}</{pfx}:{naam}>{_W}"

    client = leeg(m, "Client") + blad(m, "Bsn") + leeg(m, "Prestaties")
    prestatie = (
        leeg(m, "Prestatie")
        + leeg(m, "ProductReferentie")
        + blad(i, "ReferentieNummer")
        + f"(?:{blad(i, 'VorigReferentieNummer')})?"
        + sluit(m, "ProductReferentie")
        + blad(m, "ToewijzingNummer")
        + blad(m, "ProductCategorie")
        + blad(m, "ProductCode")
        + leeg(m, "ProductPeriode")
        + blad(i, "Begindatum")
        + blad(i, "Einddatum")
        + sluit(m, "ProductPeriode")
        + blad(m, "GeleverdVolume")
        + blad(m, "Eenheid")
        + f"(?:{blad(m, 'ProductTarief')})?"
        + leeg(m, "IngediendBedrag")
        + blad(i, "Bedrag")
        + blad(i, "DebetCredit")
        + sluit(m, "IngediendBedrag")
        + sluit(m, "Prestatie")
    )
    einde_client = sluit(m, "Prestaties") + sluit(m, "Client")
    tokens = re.compile(f"(?:{einde_client}{client})?{prestatie}|{einde_client}|((?s:.+))")
    staart = re.compile(f"</{m}:Clienten>{_W}</{m}:Declaratie>{_W}</{m}:Bericht>{_W}")
    return re.compile(client), tokens, staart


def _aangevuld(vorige: str, bsn: str) -> str:
    return bsn or vorige


def _euro(centen: int) -> Decimal:
    return Decimal(centen).scaleb(-2)


def _geheel(tekst: str) -> int:
    return int(tekst.strip(XSD_WHITESPACE))


class _Strikt:
    """One strict pass over one message: the tree walk of header and declaration, then the Clienten."""

    def __init__(self) -> None:
        self.compiled = _DEFINITIE.compiled
        self.clienten = None

    # -- header and declaration: a few dozen elements on the tree ---------------------------------------
    def complex(self, elem, cx: Complex) -> None:
        if elem.attrib and not _TOEGESTANE_ATTRIBUTEN.issuperset(elem.attrib):
            raise _Afwijking
        if elem.text and elem.text.strip(XSD_WHITESPACE):
            raise _Afwijking  # text in element-only content
        tags = self.compiled.tags[id(cx)]
        children = cx.children
        n = len(children)
        i, aantal = 0, 0
        for kind in elem:
            tag = kind.tag
            if kind.tail and kind.tail.strip(XSD_WHITESPACE):
                raise _Afwijking
            while tags[i] != tag:
                if aantal < children[i].min:
                    raise _Afwijking
                i += 1
                aantal = 0
                if i == n:
                    raise _Afwijking
            el = children[i]
            aantal += 1
            if el.max is not None and aantal > el.max:
                raise _Afwijking
            soort = el.type
            if soort is _CLIENTEN:
                self.clienten = kind  # checked on the text, see `clienten`
            elif isinstance(soort, Complex):
                self.complex(kind, soort)
            else:
                if (kind.attrib and not _TOEGESTANE_ATTRIBUTEN.issuperset(kind.attrib)) or len(kind):
                    raise _Afwijking
                if soort.check(kind.text or "") is not None:
                    raise _Afwijking
        for j in range(i, n):
            if (aantal if j == i else 0) < children[j].min:
                raise _Afwijking

    # -- the hot part: the Clienten on the message text -------------------------------------------------
    def clienten_lezen(self, root, declaratie, tekst: str) -> list:
        """The Clienten's values as columns (see `_KOLOMMEN`), read from the message text."""
        elem = self.clienten
        m = elem.prefix
        if m is None or root.prefix != m or declaratie.prefix != m:
            raise _Afwijking
        nsmap = elem.nsmap
        if nsmap.get(m) != _NS:
            raise _Afwijking
        i = next((p for p, uri in nsmap.items() if uri == BASIS_NS and p), None)
        if i is None or len(m) > _MAX_PREFIX or len(i) > _MAX_PREFIX:
            raise _Afwijking
        eerste, tokens, staart = _patroon(m, i)
        open_tag = f"<{m}:Clienten>"
        begin = tekst.find(open_tag)
        if begin < 0:
            raise _Afwijking
        # Why the text between `begin` and `einde` is the tree's Clienten, element for element:
        # - before `begin` there is no comment, CDATA or processing instruction (the XML declaration
        #   aside), and the tokens and the tail contain none either (their only `<` open tags). So every
        #   `<` in the message opens a tag and every tag is an element of the tree;
        # - the tokens are balanced, so the element whose start tag is at `begin` ends at `einde`, and
        #   the tail closes Declaratie and Bericht right after it: it is the last child of the root's
        #   last child — the tree walk found that to be Clienten;
        # - no tag in the tokens has attributes, so none declares a namespace: the prefixes mean what
        #   they mean on Clienten (checked above); values hold no reference and no CR, so the tree's text
        #   of each leaf is exactly the matched text.
        voor = _XML_DECLARATIE.match(tekst, 0, begin).end()
        if tekst.find("<!", voor, begin) >= 0 or tekst.find("<?", voor, begin) >= 0:
            raise _Afwijking
        start = begin + len(open_tag)
        einde = tekst.rfind(f"</{m}:Clienten>")
        if einde < start or not staart.fullmatch(tekst, einde):
            raise _Afwijking
        start = _WITRUIMTE.match(tekst, start, einde).end()
        client = eerste.match(tekst, start, einde)
        if client is None:
            raise _Afwijking
        gevonden = tokens.findall(tekst, client.end(), einde)
        # Prestatie (a Client's end + the next Client's start + Prestatie)* and the last Client's end:
        # every token but the last holds a Prestatie, the last nothing (not even the swallowed rest), and
        # the first continues the first Client (a Client without Prestatie is not valid).
        if len(gevonden) < 2 or any(gevonden[-1]):
            raise _Afwijking
        kolommen = list(zip(*gevonden[:-1], strict=True))[: len(_KOLOMMEN)]
        bsns = kolommen[0]
        if not all(kolommen[1]) or bsns[0] or len(elem) != 1 + len(bsns) - bsns.count(""):
            raise _Afwijking
        kolommen[0] = list(accumulate(bsns, _aangevuld, initial=client[1]))[1:]
        return kolommen


@functools.lru_cache(maxsize=1 << 16)
def _bedrag(tekst: str) -> Decimal:
    """Euros from the text of a valid LDT_Bedrag (amounts repeat within and across claims)."""
    return _euro(_geheel(tekst))


def _omgezet(kolom, omzetten) -> list:
    """The column with each distinct text converted once; an empty text (absent element) becomes None."""
    memo = {w: omzetten(w) for w in set(kolom) if w}
    memo[""] = None
    return list(map(memo.__getitem__, kolom))


def _prestaties(k: list, uit_tekst: bool) -> tuple[Prestatie, ...]:
    """The Prestaties from the columns of the text pass (`uit_tekst`: the groups vouch for some columns) or
    of the tree walk (every column is checked). "" is an absent optional element, never a value."""
    for (naam, soort, _, geldig), kolom in zip(_KOLOMMEN, k, strict=True):
        if naam not in _OPTIONEEL and "" in kolom:
            raise _Afwijking  # cannot happen (see the callers); a guard for the meaning of ""
        if not (uit_tekst and geldig):
            for waarde in set(kolom):
                if waarde and soort.check(waarde) is not None:
                    raise _Afwijking
    bsn, ref, vorig, tnr, cat, code, begin, eind, volume, eenheid, tarief, bedrag, dc = k
    n = len(ref)
    vorig = [w or None for w in vorig] if any(vorig) else [None] * n
    if not (uit_tekst and _TNR_CIJFERS) or any(w[0] == "0" for w in set(tnr)):
        tnr = _omgezet(tnr, lambda t: str(_geheel(t)))
    datums = _omgezet([*begin, *eind], _DATUM_TYPE.to_python)
    volume = _omgezet(volume, _geheel)
    tarief = list(map(_bedrag, tarief)) if all(tarief) else _omgezet(tarief, _bedrag)
    return Prestatie.veel_uit_kolommen(
        (ref, tnr, bsn, cat, code, datums[:n], datums[n:], volume, eenheid, tarief, list(map(_bedrag, bedrag)), dc,
         vorig)
    )  # fmt: skip


def _van_model(bericht: wmo323.Bericht) -> Gelezen323:
    """Convert the generic reader's model (the fallback path) into the checks' input."""
    d = bericht.declaratie
    prestaties = tuple(
        Prestatie(
            p.product_referentie.referentie_nummer,
            str(p.toewijzing_nummer),
            client.bsn,
            p.product_categorie,
            p.product_code,
            p.product_periode.begindatum,
            p.product_periode.einddatum,
            p.geleverd_volume,
            p.eenheid,
            None if p.product_tarief is None else _euro(p.product_tarief),
            _euro(p.ingediend_bedrag.bedrag),
            p.ingediend_bedrag.debet_credit,
            p.product_referentie.vorig_referentie_nummer,
        )
        for client in d.clienten
        for p in client.prestaties
    )
    return Gelezen323(bericht.header, _declaratie(bericht.header, d, prestaties), d.declaratie_dagtekening)


def _declaratie(header: c.Header, d: wmo323.Declaratie, prestaties: tuple[Prestatie, ...]) -> Declaratie:
    return Declaratie(
        d.declaratie_nummer,
        header.afzender,
        header.ontvanger,
        d.declaratie_periode.begindatum,
        d.declaratie_periode.einddatum,
        _euro(d.totaal_ingediend_bedrag.totaal_bedrag),
        d.totaal_ingediend_bedrag.debet_credit,
        prestaties,
    )


def _strikt_lezen(root, tekst: str) -> Gelezen323:
    if root.tag != f"{{{_NS}}}Bericht":
        raise _Afwijking
    lezer = _Strikt()
    lezer.complex(root, _DEFINITIE.root)
    if lezer.clienten is None:
        raise _Afwijking
    header_elem, declaratie_elem = root[0], root[1]
    try:
        prestaties = _prestaties(lezer.clienten_lezen(root, declaratie_elem, tekst), uit_tekst=True)
    except _Afwijking:  # another spelling: walk the tree (raises `_Afwijking` in turn if it is not valid)
        prestaties = _prestaties(kolommen_uit_boom(lezer.clienten), uit_tekst=False)
    # Everything is valid now; read the few header values with the generic reader (cheap: no Clienten).
    header = _DEFINITIE.read_element(header_elem, _DEFINITIE.root.child("Header").type)
    d = _DEFINITIE.read_element(declaratie_elem, wmo323.DECLARATIE, overslaan={"Clienten"}, clienten=())
    return Gelezen323(header, _declaratie(header, d, prestaties), d.declaratie_dagtekening)


def lees_323(xml: bytes) -> Gelezen323:
    """Read a WMO323 safely. Raises `BerichtFout` (retourcode 0001) for anything the standard rejects,
    including values the checks' dataclasses refuse (their shape rules mirror the XSD)."""
    root = parse_xml(xml, namespace=_NS)
    try:
        try:
            return _strikt_lezen(root, bytes(xml).decode("utf-8"))
        except _Afwijking:
            return _van_model(_DEFINITIE.from_tree(root))
    except ValueError as fout:
        if isinstance(fout, BerichtFout):
            raise
        raise BerichtFout(f"bericht kan niet worden ingelezen: {fout}") from None
