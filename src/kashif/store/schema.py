"""The store's schema, as an ordered list of migrations.

The database records the number of migrations it has had (``meta.schema_version``); opening it applies
the ones it lacks, in order, each in its own transaction. To change the schema, append a migration;
never edit one that has shipped.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the first schema
    (
        """CREATE TABLE articles (
            id BIGINT PRIMARY KEY,
            content_hash VARCHAR NOT NULL UNIQUE,  -- sha256 of the original text, whitespace collapsed
            ref VARCHAR,                           -- where it was read from (file, file#L12, URL)
            outlet VARCHAR,
            url VARCHAR,
            title VARCHAR,
            published DATE,
            ingested_at TIMESTAMP,
            original_text VARCHAR,
            restored_text VARCHAR,
            evasion_score DOUBLE,
            word_count INTEGER,
            hidden_words VARCHAR[],
            duplicate_of BIGINT,                   -- the article this one is a near-duplicate of
            similarity DOUBLE,                     -- estimated Jaccard similarity to duplicate_of
            minhash UINTEGER[],
            terms VARCHAR                          -- search terms (kashif.store.terms.index_terms)
        )""",
        """CREATE TABLE edits (
            article_id BIGINT, seq INTEGER, start INTEGER, "end" INTEGER,
            original VARCHAR, replacement VARCHAR, kind VARCHAR
        )""",
        """CREATE TABLE hidden_words (
            article_id BIGINT, seq INTEGER, word VARCHAR, start INTEGER, "end" INTEGER,
            original VARCHAR, original_start INTEGER, original_end INTEGER, kinds VARCHAR[]
        )""",
        """CREATE TABLE events (
            id BIGINT PRIMARY KEY,
            article_id BIGINT,
            seq INTEGER,
            cluster_id BIGINT,                     -- id of the cluster's first event
            event_type VARCHAR, sub_event_type VARCHAR, modality VARCHAR,
            actor1 VARCHAR, actor1_attributed VARCHAR, actor2 VARCHAR,
            location VARCHAR, country VARCHAR, admin1 VARCHAR, geonameid BIGINT,
            latitude DOUBLE, longitude DOUBLE, geo_precision INTEGER,
            event_date DATE, time_precision INTEGER, fatalities INTEGER,
            evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER
        )""",
        "CREATE TABLE lsh_bands (band_key BIGINT, article_id BIGINT)",
        """CREATE TABLE failures (
            ref VARCHAR PRIMARY KEY, reason VARCHAR, first_failed TIMESTAMP, last_tried TIMESTAMP,
            attempts INTEGER
        )""",
        "CREATE TABLE watch_terms (term VARCHAR PRIMARY KEY, added TIMESTAMP)",
        """CREATE TABLE watch_hits (
            term VARCHAR, article_id BIGINT, start INTEGER, "end" INTEGER,
            original VARCHAR, original_start INTEGER, original_end INTEGER, hidden BOOLEAN
        )""",
        "CREATE INDEX events_date ON events (event_date)",
        "CREATE INDEX lsh_key ON lsh_bands (band_key)",
    ),
    # 2: death tolls beyond 32 bits (a typo in a source must not stop an ingest); the reading options of a
    #    failed item, so that --retry-failed reads it the way it was first read
    (
        "DROP INDEX events_date",  # DuckDB alters no column of a table with an index
        "ALTER TABLE events ALTER COLUMN fatalities SET DATA TYPE BIGINT",
        "CREATE INDEX events_date ON events (event_date)",
        "ALTER TABLE failures ADD COLUMN options VARCHAR",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)
