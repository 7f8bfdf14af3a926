"""The store: articles, edits, events, event clusters, failures and watch terms in one DuckDB file."""

from kashif.store.db import DEFAULT_DB, DatabaseBusy, Store, StoreError

__all__ = ["DEFAULT_DB", "DatabaseBusy", "Store", "StoreError"]
