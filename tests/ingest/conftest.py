"""Fixtures of the ingest tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from httpserver import Server


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.release.set()
        srv.httpd.shutdown()
        srv.httpd.server_close()
