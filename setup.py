"""Build hook: compile the restorer's and the extractor's modules with mypyc, where that is possible.

The modules listed under ``[tool.kashif] compiled`` in pyproject.toml are plain, type-annotated Python. A
regular install (``pip install .``, a wheel) compiles them to C extensions with mypyc, which makes restoring
obfuscated text about 1.7 times faster and extraction about 1.4 times; the Python source is the same either
way and gives the same output. They stay plain Python when:

- the install is editable (``pip install -e .``, what scripts/bootstrap does): edits to the source must take
  effect without a rebuild;
- ``KASHIF_COMPILE=0`` is set;
- there is no C compiler, or mypyc or the compiler fails on any module: the build says so and installs plain
  Python, all of it (the compiled modules share one runtime library: some without the rest would not
  import). With ``KASHIF_COMPILE=require``, as scripts/test sets it, the build fails instead.
"""

from __future__ import annotations

import os
import sys
import sysconfig
import tomllib
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
REQUIRED = os.environ.get("KASHIF_COMPILE") == "require"
# The commands that build the package itself; metadata, sdist and editable builds compile nothing.
BUILDS = {"bdist_wheel", "build", "build_ext", "install", "bdist", "bdist_egg"}


def compiled_modules() -> list[str]:
    with (HERE / "pyproject.toml").open("rb") as f:
        return list(tomllib.load(f)["tool"]["kashif"]["compiled"])


def note(message: str) -> None:
    if REQUIRED:
        raise SystemExit(f"kashif build: {message} (KASHIF_COMPILE=require)")
    print(f"kashif build: {message}", file=sys.stderr)


class AllOrNothingBuildExt(build_ext):
    """Build every compiled module, or none: a failure leaves the whole package plain Python. Extension
    files left in the build folder by an earlier build (another module list, an older source) are removed
    first, so they can never be packed beside, or instead of, the source."""

    def run(self) -> None:
        self._remove_built()
        try:
            super().run()
        except Exception as exc:  # no compiler, missing headers, a compiler error in any module
            self._remove_built()
            self.extensions = []
            note(f"could not compile ({exc}); installing plain Python")

    def _remove_built(self) -> None:
        suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
        root = Path(self.build_lib)
        if root.is_dir():
            for path in root.rglob(f"*{suffix}"):
                path.unlink()


def ext_modules() -> list:
    if os.environ.get("KASHIF_COMPILE", "1") == "0":
        note("KASHIF_COMPILE=0: kashif stays plain Python")
        return []
    if not BUILDS & set(sys.argv[1:]):
        return []  # metadata, an sdist, or an editable install (which runs the source as it is)
    try:
        from mypyc.build import mypycify
    except ImportError:
        note("mypyc is not installed; kashif stays plain Python")
        return []
    try:
        flags = ["--follow-imports=silent", "--ignore-missing-imports"]  # (wordfreq ships no type hints)
        return mypycify([*flags, *(f"src/{m}" for m in compiled_modules())], opt_level="3")
    except Exception as exc:
        note(f"mypyc failed ({exc!r}); kashif stays plain Python")
        return []
    except SystemExit as exc:  # how mypyc reports a type error
        note(f"mypyc found type errors (exit {exc.code}); kashif stays plain Python")
        return []


setup(ext_modules=ext_modules(), cmdclass={"build_ext": AllOrNothingBuildExt})
