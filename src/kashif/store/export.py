"""Exports from the store: ACLED CSV (one row per event cluster), JSONL (one line per event), GeoJSON
(one point per located cluster, opens in QGIS) and Parquet (one row per event, written by DuckDB).

A cluster is the same event reported by several articles. Its row takes the first report's record (the
earliest event of the cluster), the smallest positive death toll any of its reports gives (the codebook's
"most conservative figure", across sources), ``source`` listing every outlet, and ``notes`` quoting each
distinct evidence sentence.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any, TextIO
from urllib.parse import urlsplit

from kashif.extract.actors import actor_inter
from kashif.extract.records import ACLED_COLUMNS, FIELDS, Event, acled_row
from kashif.store.db import Store

FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")
NOTES_LIMIT = 3  # evidence sentences quoted in a cluster's notes


def _event(row: dict[str, Any]) -> Event:
    values = {k: row[k] for k in FIELDS}
    values["event_date"] = row["event_date"].isoformat() if row["event_date"] else ""
    for k in ("actor1", "actor1_attributed", "actor2", "location", "country", "admin1", "evidence"):
        values[k] = values[k] or ""
    values["fatalities"] = values["fatalities"] or 0
    return Event(**values)


def clusters(store: Store, **filters: Any) -> Iterator[list[dict[str, Any]]]:
    """The filtered events, grouped by cluster (each group in event order)."""
    group: list[dict[str, Any]] = []
    for row in store.event_rows(**filters):
        if group and row["cluster_id"] != group[0]["cluster_id"]:
            yield group
            group = []
        group.append(row)
    if group:
        yield group


def cluster_row(group: list[dict[str, Any]]) -> dict[str, Any]:
    """ACLED's 31 columns for one cluster."""
    first = group[0]
    event = _event(first)
    tolls = [r["fatalities"] for r in group if r["fatalities"]]
    event.fatalities = min(tolls) if tolls else 0
    outlets = sorted({_source(r) for r in group} - {""})
    notes: list[str] = []
    for r in group:
        text = " ".join((r["evidence"] or "").split())
        if text and text not in notes:
            notes.append(text)
    if len(notes) > NOTES_LIMIT:
        notes = [*notes[:NOTES_LIMIT], f"(+{len(notes) - NOTES_LIMIT} more reports)"]
    row = acled_row(event, source="; ".join(outlets), inter1=actor_inter(event.actor1),
                    inter2=actor_inter(event.actor2) if event.actor2 else "",
                    event_id=f"KSF{first['cluster_id']}")
    row["notes"] = " | ".join(notes)
    stamp = max((r["ingested_at"] for r in group if r.get("ingested_at")), default=None)
    # ingested_at is UTC without a zone: say so, or timestamp() would read it as local time
    row["timestamp"] = int(stamp.replace(tzinfo=UTC).timestamp()) if isinstance(stamp, datetime) else ""
    return row


def _source(row: dict[str, Any]) -> str:
    """The outlet of a report: its outlet, else its URL's host, else the file it came from."""
    if row.get("outlet"):
        return row["outlet"]
    if row.get("url"):
        return urlsplit(row["url"]).hostname or row["url"]
    return os.path.basename((row.get("ref") or "").split("#")[0])


def write_acled_csv(store: Store, out: TextIO, **filters: Any) -> int:
    writer = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for group in clusters(store, **filters):
        writer.writerow(cluster_row(group))
        n += 1
    return n


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def write_jsonl(store: Store, out: TextIO, **filters: Any) -> int:
    n = 0
    for row in store.event_rows(**filters):
        record = {k: _plain(row[k]) for k in FIELDS}
        record.update(event_id=row["id"], cluster_id=row["cluster_id"], article_id=row["article_id"],
                      outlet=row["outlet"], url=row["url"], title=row["title"],
                      published=_plain(row["published"]), ref=row["ref"])
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_geojson(store: Store, out: TextIO, **filters: Any) -> int:
    """A FeatureCollection (RFC 7946, WGS 84) with one point per located cluster; properties are ACLED's
    columns plus ``modality`` and ``reports``."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for group in clusters(store, **filters):
        row = cluster_row(group)
        if row["latitude"] == "" or row["longitude"] == "":
            continue
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(row["longitude"]), float(row["latitude"])]},
            "properties": {**{k: (None if v == "" else v) for k, v in row.items()},
                           "modality": group[0]["modality"], "reports": len(group)},
        }
        out.write(("," if n else "") + json.dumps(feature, ensure_ascii=False) + "\n")
        n += 1
    out.write("]}\n")
    return n


def write_parquet(store: Store, path: str, **filters: Any) -> int:
    """One row per event, with its article's outlet, url, title and published date."""
    sql, params = store.events_query(with_ingest_time=False, **filters)
    rel = store.con.sql(sql, params=params)
    n = len(rel)
    rel.write_parquet(path)
    return n
