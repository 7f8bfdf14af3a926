"""Build hook: compile the restorer's and the extractor's modules with mypyc, where that is possible.

The modules listed under ``[tool.kashif] compiled`` in pyproject.toml are plain, type-annotated Python. A
regular install (``pip install .``, a wheel) compiles them to C extensions with mypyc, which makes restoring
obfuscated text about 1.7 times faster and extraction about 1.4 times; the Python source is the same either
way and gives the same output.
They stay plain Python when:

- the install is editable (``pip install -e .``, what scripts/bootstrap does): edits to the source must take
  effect without a rebuild;
- ``KASHIF_COMPILE=0`` is set;
- there is no C compiler, or mypyc fails: the build says so and goes on without them (with
  ``KASHIF_COMPILE=require``, as scripts/test sets it, the build fails instead).
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent


def compiled_modules() -> list[str]:
    with (HERE / "pyproject.toml").open("rb") as f:
        return list(tomllib.load(f)["tool"]["kashif"]["compiled"])


REQUIRED = os.environ.get("KASHIF_COMPILE") == "require"


def note(message: str) -> None:
    if REQUIRED:
        raise SystemExit(f"kashif build: {message} (KASHIF_COMPILE=require)")
    print(f"kashif build: {message}", file=sys.stderr)


class OptionalBuildExt(build_ext):
    """Build the compiled modules if the machine can; a failure leaves the pure-Python package."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # no compiler, missing headers, ...
            note(f"could not compile ({exc}); installing plain Python")
            self.extensions = []

    def build_extension(self, ext) -> None:  # type: ignore[no-untyped-def]
        try:
            super().build_extension(ext)
        except Exception as exc:
            note(f"could not compile {ext.name} ({exc}); it stays plain Python")


def ext_modules() -> list:
    if os.environ.get("KASHIF_COMPILE", "1") == "0":
        note("KASHIF_COMPILE=0: kashif stays plain Python")
        return []
    if any(cmd in sys.argv for cmd in ("editable_wheel", "develop")):
        return []  # an editable install runs the source as it is
    try:
        from mypyc.build import mypycify
    except ImportError:
        note("mypyc is not installed; kashif stays plain Python")
        return []
    try:
        # (mypy checks the compiled modules; what they import is read for its types, not checked)
        flags = ["--follow-imports=silent", "--ignore-missing-imports"]  # (wordfreq ships no type hints)
        return mypycify([*flags, *(f"src/{m}" for m in compiled_modules())], opt_level="3")
    except Exception as exc:
        note(f"mypyc failed ({exc!r}); kashif stays plain Python")
        return []
    except SystemExit as exc:  # how mypyc reports a type error
        note(f"mypyc found type errors (exit {exc.code}); kashif stays plain Python")
        return []


setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
