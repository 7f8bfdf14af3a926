from __future__ import annotations

from pathlib import Path

CASES = Path(__file__).parent / "cases"


def read_cases(name: str) -> list[list[str]]:
    """Rows of a case file: tab-separated fields, '#' comments and blank lines skipped."""
    rows = []
    for line in (CASES / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows
