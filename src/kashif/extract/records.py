"""Event records in the codebook's fields (§9), and their ACLED export row (§10).

:class:`Event` is what :func:`kashif.extract` returns; ``to_dict()`` gives the codebook record and
:func:`acled_row` the 31 ACLED columns in ACLED's order (empty where kashif has no value).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, fields
from functools import lru_cache

from kashif.extract.gazetteer import DATA_DIR, read_tsv
from kashif.extract.triggers import EVENT_TYPES

MODALITIES = ("occurred", "threatened", "planned", "denied")
DISORDER_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
# ACLED's regions for the countries kashif's gazetteer covers.
ACLED_REGION = {
    "Syria": "Middle East", "Iraq": "Middle East", "Yemen": "Middle East", "Lebanon": "Middle East",
    "Palestine": "Middle East", "Israel": "Middle East", "Jordan": "Middle East", "Saudi Arabia": "Middle East",
    "Turkey": "Middle East", "Iran": "Middle East", "Egypt": "Northern Africa", "Libya": "Northern Africa",
    "Sudan": "Northern Africa", "Somalia": "Eastern Africa",
}


@dataclass
class Event:
    """One event record, in the codebook's field order (§9)."""

    event_type: str
    sub_event_type: str
    modality: str
    actor1: str
    actor1_attributed: str
    actor2: str
    location: str
    country: str
    admin1: str
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    event_date: str  # ISO date, "" when unresolved
    time_precision: int | None
    fatalities: int
    evidence: str  # copied exactly from the ORIGINAL text
    evidence_start: int  # offsets into the ORIGINAL text (before restoration)
    evidence_end: int

    def __post_init__(self) -> None:
        if self.sub_event_type not in EVENT_TYPES.get(self.event_type, ()):
            raise ValueError(f"{self.event_type!r} / {self.sub_event_type!r} is not an ACLED type and sub-type")
        if self.modality not in MODALITIES:
            raise ValueError(f"unknown modality {self.modality!r}")

    def to_dict(self) -> dict:
        return asdict(self)


FIELDS = tuple(f.name for f in fields(Event))


@lru_cache(maxsize=1)
def _iso_numeric() -> dict[str, str]:
    return {row["name"]: row["iso_numeric"] for row in read_tsv(DATA_DIR / "countries.tsv")}


def acled_row(event: Event, *, source: str = "", inter1: str = "", inter2: str = "", event_id: str = "") -> dict:
    """The event as ACLED's 31 export columns, in order; empty where kashif has no value."""
    iso = _iso_numeric().get(event.country, "")
    civilian = "Civilian targeting" if event.actor2.startswith("Civilians") else ""
    interaction = "-".join(x for x in (inter1, inter2) if x)
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row.update(
        event_id_cnty=event_id or _event_id(event),
        event_date=event.event_date,
        year=event.event_date[:4],
        time_precision=event.time_precision or "",
        disorder_type=DISORDER_TYPE[event.event_type],
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actor1=event.actor1,
        inter1=inter1,
        actor2=event.actor2,
        inter2=inter2,
        interaction=interaction,
        civilian_targeting=civilian,
        iso=iso,
        region=ACLED_REGION.get(event.country, ""),
        country=event.country,
        admin1=event.admin1,
        location=event.location,
        latitude=event.latitude if event.latitude is not None else "",
        longitude=event.longitude if event.longitude is not None else "",
        geo_precision=event.geo_precision or "",
        source=source,
        notes=event.evidence,
        fatalities=event.fatalities,
    )
    return row


def _event_id(event: Event) -> str:
    """A stable id: the country's ISO3-like prefix and a hash of what identifies the event."""
    key = "|".join(str(x) for x in (event.event_type, event.sub_event_type, event.location, event.event_date,
                                    event.actor1, event.evidence))
    return f"KSF{hashlib.sha1(key.encode()).hexdigest()[:10].upper()}"
