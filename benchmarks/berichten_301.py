"""Benchmark: build and validate N WMO301 messages (several ToegewezenProduct each).

    PYTHONPATH=src python benchmarks/berichten_301.py [N] [products-per-message]

Prints messages per second for build (model → tree → bytes), build + our validation, and, in the same
run, a bare `lxml.etree.tostring` of the same (prebuilt) trees as the floor to compare against.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from datetime import time as dtime

from lxml import etree

from openwmo.berichten import common as c
from openwmo.berichten import wmo301


def message(i: int, products: int) -> wmo301.Toewijzingsbericht:
    return wmo301.Toewijzingsbericht(
        header=c.Header.nieuw("0384", "42420001", f"B{i:08d}", date(2024, 3, 1)),
        client=wmo301.Client(
            bsn="999900006",
            geboortedatum=c.Geboortedatum(datum=date(1950, 5, 17)),
            geslacht="2",
            naam=c.VolledigeNaam(geslachtsnaam=c.Achternaam(achternaam=f"Jansen{i}"), naam_gebruik="1"),
            contactgegevens=(
                wmo301.Contact(soort="01", adres=c.Adres(huis=c.Huis(huisnummer=i % 999 + 1), postcode="1234AB")),
            ),
            toegewezen_producten=tuple(
                wmo301.ToegewezenProduct(
                    toewijzing_nummer=i * 10 + p,
                    product=c.Product(categorie="02", code="02A01"),
                    toewijzingsdatum=date(2024, 3, 1),
                    toewijzingstijd=dtime(9, 30),
                    ingangsdatum=date(2024, 4, 1),
                    einddatum=date(2024, 12, 31),
                    omvang=c.Omvang(volume=4 + p, eenheid="04", frequentie="2"),
                    commentaar="Benchmark",
                )
                for p in range(products)
            ),
        ),
    )


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:10,.0f} msg/s  ({seconds:6.2f} s)"


def main(n: int = 5000, products: int = 4) -> None:
    messages = [message(i, products) for i in range(n)]

    t0 = time.perf_counter()
    for m in messages:
        wmo301.build(m, validate=False)
    build = time.perf_counter() - t0

    t0 = time.perf_counter()
    for m in messages:
        wmo301.build(m, validate=True)
    build_validate = time.perf_counter() - t0

    trees = [wmo301.to_tree(m) for m in messages]
    t0 = time.perf_counter()
    for tree in trees:
        etree.tostring(tree, encoding="UTF-8", xml_declaration=False, pretty_print=True)
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    for tree in trees:
        assert not wmo301.validate(tree)
    validate_only = time.perf_counter() - t0

    print(f"WMO301 benchmark: {n} messages x {products} ToegewezenProduct, Python {sys.version.split()[0]}")
    print(f"  build (model -> bytes)          {rate(n, build)}")
    print(f"  build + our validation          {rate(n, build_validate)}")
    print(f"  our validation only (trees)     {rate(n, validate_only)}")
    print(f"  bare lxml etree.tostring        {rate(n, bare)}")
    print(f"  ratio build / bare tostring     {build / bare:10.1f}x slower")
    print(f"  ratio build+validate / tostring {build_validate / bare:10.1f}x slower")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
