"""Another process that holds a kashif database open, for the tests of a busy database."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def database_held_by_another_process(db: Path) -> Iterator[None]:
    """While the block runs, a second Python process has ``db`` open for writing."""
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from kashif.store import Store
            s = Store({str(db)!r})
            print("open", flush=True)
            sys.stdin.readline()
            s.close()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        yield
    finally:
        holder.communicate("\n", timeout=30)
