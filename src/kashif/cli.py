"""The ``kashif`` command line.

Subcommands live in :data:`COMMANDS`, one row each: a name, a one-line help, a function that adds the
subcommand's arguments to its parser, and a function that runs it and returns the exit status. To add a
subcommand (``events``, ``ingest``, ``search``, ``export``), write those two functions and add a row.

Exit status: 0 on success, 2 on bad usage or bad input (missing file, input that is not UTF-8), 130 on
Ctrl-C. A closed output pipe (``kashif restore big.txt | head``) ends the run quietly with status 0.

Input is read as bytes in blocks and decoded incrementally, so ``restore`` runs in constant memory on
files of any size; output is always UTF-8.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import json
import os
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO, TextIO

from kashif import __version__
from kashif.restore import Restoration, restore

PROG = "kashif"
BLOCK_SIZE = 1 << 16  # bytes read at a time
# A line longer than this (in characters) is restored in pieces of at most this size.
PIECE_CHARS = 1 << 20

ANSI_MARK = ("\x1b[1;31m", "\x1b[0m")
BRACKET_MARK = ("⟦", "⟧")
NO_MARK = ("", "")


# -- errors ---------------------------------------------------------------------------------------------
class CliError(Exception):
    """A problem to report as ``kashif: MESSAGE`` on stderr, ending the run with ``status``."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


class InvalidUtf8(CliError):
    """Input that is not valid UTF-8; ``offset`` is the byte offset of the first bad byte."""

    def __init__(self, name: str, offset: int, byte: int) -> None:
        super().__init__(
            f"{name}: not valid UTF-8 at byte {offset} (0x{byte:02x}); "
            "use --errors replace to substitute U+FFFD"
        )
        self.name = name
        self.offset = offset
        self.byte = byte


def error(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


# -- output -----------------------------------------------------------------------------------------------
class Output:
    """Writes text to stdout as UTF-8 bytes, whatever the locale, with no newline translation."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stdout
        self.stream.flush()
        self.binary: BinaryIO | None = getattr(self.stream, "buffer", None)

    def write(self, text: str) -> None:
        if self.binary is not None:
            self.binary.write(text.encode("utf-8"))
        else:
            self.stream.write(text)

    def flush(self) -> None:
        (self.binary or self.stream).flush()

    def isatty(self) -> bool:
        try:
            return self.stream.isatty()
        except (AttributeError, ValueError, OSError):
            return False


def want_colour(choice: bool | None, out: Output) -> bool:
    """``--highlight``/``--no-highlight`` if given, else colour only on a terminal (and not with NO_COLOR)."""
    if choice is not None:
        return choice
    return out.isatty() and not os.environ.get("NO_COLOR")


def mark_hidden(r: Restoration, mark: tuple[str, str]) -> str:
    """The restored text with each restored (formerly hidden) word wrapped in ``mark``."""
    if mark == NO_MARK or not r.hidden:
        return r.text
    opening, closing = mark
    parts: list[str] = []
    pos = 0
    for h in sorted(r.hidden, key=lambda h: (h.start, h.end)):
        if h.start < pos or h.end <= h.start:
            continue  # overlapping or empty span: leave it unmarked
        parts += [r.text[pos : h.start], opening, r.text[h.start : h.end], closing]
        pos = h.end
    parts.append(r.text[pos:])
    return "".join(parts)


# -- input ------------------------------------------------------------------------------------------------
@contextlib.contextmanager
def open_input(name: str) -> Iterator[BinaryIO]:
    """Open a named file (or stdin for ``-``) for reading bytes. Raises :class:`CliError` if it can't."""
    if name == "-":
        stdin = sys.stdin
        if stdin is None:
            raise CliError("<stdin>: no standard input")
        yield getattr(stdin, "buffer", stdin)
        return
    try:
        f = open(name, "rb")
    except OSError as e:
        raise CliError(f"{name}: {e.strerror or e}") from None
    with f:
        yield f


def display_name(name: str) -> str:
    return "<stdin>" if name == "-" else name


def decode_blocks(stream: BinaryIO, name: str, errors: str = "strict",
                  block_size: int = BLOCK_SIZE) -> Iterator[str]:
    """Read ``stream`` in blocks and yield its text, decoded as UTF-8 incrementally.

    With ``errors="strict"`` the text before the first invalid byte is yielded, then :class:`InvalidUtf8`
    is raised with that byte's offset in the stream.
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors)
    read = getattr(stream, "read1", stream.read)
    fed = 0  # bytes given to the decoder so far
    while True:
        data = read(block_size)
        final = not data
        pending = decoder.getstate()[0]
        try:
            text = decoder.decode(data, final)
        except UnicodeDecodeError as e:
            buf = pending + data
            good = buf[: e.start].decode("utf-8")
            if good:
                yield good
            raise InvalidUtf8(name, fed - len(pending) + e.start, buf[e.start]) from None
        fed += len(data)
        if text:
            yield text
        if final:
            return


_WORD_CHAR = r"[^\W_\u0640]"  # a letter or digit (tatweel is a letter to Unicode, not here)
_SAFE_SPACE = re.compile(rf"(?<={_WORD_CHAR}{{2}})\s(?={_WORD_CHAR}{{2}})")
_FAIR_SPACE = re.compile(rf"(?<={_WORD_CHAR})\s(?={_WORD_CHAR})")
_NEAR = 1 << 16  # look for a cut this close to the limit first


def find_cut(text: str, limit: int) -> int:
    """Where to cut ``text`` (longer than ``limit``) so that the first piece has at most ``limit`` chars.

    Cuts just after a whitespace character with letters or digits on both sides (two on each side if
    possible, so that neither ``ـ. .ـ`` runs nor spaced-out letters are cut), as late as possible; if
    there is no such place, a hard cut at ``limit`` (not between a letter and its combining marks).
    Depends only on ``text[:limit + 2]``, so the pieces of a line do not depend on how it was read.
    """
    end = min(len(text), limit + 2)
    for pattern in (_SAFE_SPACE, _FAIR_SPACE):
        for start in (max(1, limit - _NEAR), 1):
            last = None
            for m in pattern.finditer(text, start, end):
                if m.start() + 1 <= limit:
                    last = m
            if last is not None:
                return last.start() + 1
    cut = limit
    while cut > max(1, limit - 64) and unicodedata.category(text[cut])[0] == "M":
        cut -= 1
    return cut


@dataclass(frozen=True, slots=True)
class Piece:
    """A line, or a piece of a long line: ``text`` (no line ending), ``ending`` ("\\n", "\\r\\n" or ""
    on the last piece, "" on the others), ``last`` if it ends the line."""

    text: str
    ending: str
    last: bool


class LineSplitter:
    """Turns decoded text, fed in any chunks, into lines; lines longer than ``limit`` into pieces."""

    def __init__(self, limit: int = PIECE_CHARS) -> None:
        self.limit = limit
        self.pending = ""

    def _cut(self, text: str, ending: str, complete: bool) -> Iterator[Piece]:
        # find_cut looks at text[:limit + 2]: cut an unfinished line only once that much of it is here.
        while len(text) > (self.limit if complete else self.limit + 1):
            cut = find_cut(text, self.limit)
            yield Piece(text[:cut], "", False)
            text = text[cut:]
        if complete:
            yield Piece(text, ending, True)
        else:
            self.pending = text

    def feed(self, chunk: str) -> Iterator[Piece]:
        parts = (self.pending + chunk).split("\n")
        self.pending = ""
        for part in parts[:-1]:
            if part.endswith("\r"):
                yield from self._cut(part[:-1], "\r\n", True)
            else:
                yield from self._cut(part, "\n", True)
        yield from self._cut(parts[-1], "", False)

    def finish(self) -> Iterator[Piece]:
        """The rest of the input: a last line with no line ending, if there is one."""
        if self.pending:
            text, self.pending = self.pending, ""
            yield Piece(text, "", True)


# -- restore: sinks that write restored pieces --------------------------------------------------------------
class TextSink:
    """Writes restored text, keeping line endings, optionally marking restored words."""

    def __init__(self, out: Output, mark: tuple[str, str]) -> None:
        self.out = out
        self.mark = mark

    def write(self, piece: Piece) -> None:
        self.out.write(mark_hidden(restore(piece.text), self.mark) + piece.ending)

    def close(self) -> None:
        pass


class JsonlSink:
    """Writes one JSON object per input line, ``Restoration.to_dict()``.

    A line restored in pieces still makes one object: its text is streamed into the object as the pieces
    come, and the edits (shifted to offsets in the whole line), hidden words and score are merged.
    """

    def __init__(self, out: Output) -> None:
        self.out = out
        self._reset()

    def _reset(self) -> None:
        self.open = False
        self.offset = 0
        self.edits: list[dict] = []
        self.hidden_words: list[str] = []
        self.words = 0
        self.hidden = 0

    def write(self, piece: Piece) -> None:
        r = restore(piece.text)
        if piece.last and not self.open:
            self.out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
            return
        if not self.open:
            self.out.write('{"text": "')
            self.open = True
        self.out.write(json.dumps(r.text, ensure_ascii=False)[1:-1])
        for e in r.edits:
            d = e.to_dict()
            d["start"] += self.offset
            d["end"] += self.offset
            self.edits.append(d)
        self.hidden_words += r.hidden_words
        self.words += r.word_count
        self.hidden += len(r.hidden)
        self.offset += len(piece.text)
        if piece.last:
            score = round(min(1.0, self.hidden / self.words), 4) if self.words else 0.0
            rest = {"edits": self.edits, "hidden_words": self.hidden_words, "evasion_score": score}
            self.out.write('", ' + json.dumps(rest, ensure_ascii=False)[1:] + "\n")
            self._reset()

    def close(self) -> None:
        """End an object left open by input that stopped inside a long line."""
        if self.open:
            self.write(Piece("", "", True))


def restore_stream(stream: BinaryIO, name: str, sink: TextSink | JsonlSink, out: Output,
                   errors: str = "strict", limit: int = PIECE_CHARS) -> None:
    """Restore a whole input stream line by line into ``sink``, in constant memory.

    On invalid UTF-8 (``errors="strict"``) everything before the bad byte is restored and written, then
    :class:`InvalidUtf8` is raised.
    """
    splitter = LineSplitter(limit)

    def finish() -> None:
        for piece in splitter.finish():
            sink.write(piece)
        sink.close()
        out.flush()

    try:
        for chunk in decode_blocks(stream, name, errors):
            for piece in splitter.feed(chunk):
                sink.write(piece)
            out.flush()  # write as we go: before reading (and maybe waiting for) more input
    except InvalidUtf8:
        finish()
        raise
    finish()


def _restore_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="UTF-8 text to restore; '-' or none for standard input")
    p.add_argument("--jsonl", action="store_true",
                   help="print one JSON object per input line: text, edits, hidden_words, evasion_score")
    p.add_argument("--highlight", action=argparse.BooleanOptionalAction, default=None,
                   help="mark restored words in colour (default: only when output is a terminal)")
    p.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="on bytes that are not UTF-8: stop with an error (strict, the default) or "
                        "substitute U+FFFD and go on (replace)")


def run_restore(args: argparse.Namespace) -> int:
    out = Output()
    if args.jsonl:
        sink: TextSink | JsonlSink = JsonlSink(out)
    else:
        sink = TextSink(out, ANSI_MARK if want_colour(args.highlight, out) else NO_MARK)
    status = 0
    for name in args.files or ["-"]:
        try:
            with open_input(name) as stream:
                restore_stream(stream, display_name(name), sink, out, args.errors, PIECE_CHARS)
        except CliError as e:
            out.flush()
            error(str(e))
            status = e.status
    return status


# -- demo -------------------------------------------------------------------------------------------------
def _is_article(name: str) -> bool:
    return name.endswith(".txt") and not name.endswith(".restored.txt")


def _decode_article(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InvalidUtf8(name, e.start, data[e.start]) from None


def load_articles(directory: str | None = None) -> list[tuple[str, str]]:
    """(name, text) of the example articles: the bundled ones, or the ``*.txt`` files in ``directory``."""
    if directory is None:
        folder = resources.files("kashif").joinpath("examples")
        entries = [(e.name, e) for e in folder.iterdir() if _is_article(e.name)]
    else:
        path = Path(directory)
        if not path.is_dir():
            raise CliError(f"{directory}: not a directory")
        entries = [(p.name, p) for p in path.iterdir() if _is_article(p.name)]
        if not entries:
            raise CliError(f"{directory}: no .txt articles in it")
    articles = []
    for filename, entry in sorted(entries, key=lambda x: x[0]):
        shown = filename if directory is None else str(Path(directory) / filename)
        articles.append((filename.removesuffix(".txt"), _decode_article(entry.read_bytes(), shown)))
    return articles


def _tricks(kinds: Counter[str]) -> str:
    if not kinds:
        return "nothing"
    return ", ".join(f"{kind} ×{n}" for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))


def summary_line(label: str, words: int, hidden: int, score: float, kinds: Counter[str]) -> str:
    return (f"{label}: {words} words, {hidden} hidden words, evasion score {score:.3f}; "
            f"undone: {_tricks(kinds)}")


def _demo_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("dir", nargs="?", metavar="DIR",
                   help="use the *.txt articles in DIR instead of the bundled examples "
                        "(*.restored.txt files are skipped)")
    p.add_argument("--restore-only", action="store_true",
                   help="only restore the articles and print them with the hidden words marked")
    p.add_argument("--highlight", action=argparse.BooleanOptionalAction, default=None,
                   help="mark restored words in colour, or with ⟦ ⟧ brackets "
                        "(default: colour only when output is a terminal)")
    cli_pipeline.pipeline_demo_arguments(p)


def run_demo(args: argparse.Namespace) -> int:
    """The main job: ingest the examples into a database, show their events and hidden words, export them.
    With ``--restore-only``: print the restored articles with the hidden words marked."""
    if not args.restore_only:
        return cli_pipeline.run_pipeline_demo(args)
    out = Output()
    articles = load_articles(args.dir)
    mark = ANSI_MARK if want_colour(args.highlight, out) else BRACKET_MARK
    total_words = total_hidden = 0
    total_kinds: Counter[str] = Counter()
    for name, text in articles:
        r = restore(text)
        kinds = Counter(e.kind for e in r.edits)
        body = mark_hidden(r, mark)
        if not body.endswith("\n"):
            body += "\n"
        out.write(f"== {name} ==\n{body}")
        out.write(summary_line(name, r.word_count, len(r.hidden), r.evasion_score, kinds) + "\n\n")
        total_words += r.word_count
        total_hidden += len(r.hidden)
        total_kinds.update(kinds)
    label = f"total ({len(articles)} articles)"
    score = min(1.0, total_hidden / total_words) if total_words else 0.0
    out.write(summary_line(label, total_words, total_hidden, score, total_kinds) + "\n")
    out.flush()
    return 0


# -- events -------------------------------------------------------------------------------------------------
def _events_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="articles, one per file ('-' for stdin)")
    p.add_argument("--published", metavar="DATE",
                   help="publication date of the articles (ISO, e.g. 2020-01-07): resolves أمس، الثلاثاء الماضي")
    p.add_argument("--format", choices=("jsonl", "csv", "geojson"), default="jsonl",
                   help="jsonl: one codebook record per line; csv: ACLED's columns in ACLED's order, then "
                        "kashif's own; geojson: a FeatureCollection of points (default: jsonl)")
    p.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="what to do with input that is not UTF-8 (default: stop with an error)")


def _read_article(name: str, errors: str) -> str:
    with contextlib.ExitStack() as stack:
        stream = stack.enter_context(open_input(name))
        data = stream.read()
    try:
        return data.decode("utf-8", errors=errors)
    except UnicodeDecodeError as e:
        raise InvalidUtf8(display_name(name), e.start, data[e.start]) from None


EXTRA_CSV_COLUMNS = ("modality", "actor1_attributed", "geonameid", "evidence_start", "evidence_end", "file")


def run_events(args: argparse.Namespace) -> int:
    import csv

    from kashif.extract import extract
    from kashif.extract.actors import actor_inter
    from kashif.extract.pipeline import parse_published
    from kashif.extract.records import ACLED_COLUMNS, acled_row

    try:
        published = parse_published(args.published)
    except ValueError as e:
        raise CliError(str(e)) from None
    out = Output()
    features: list[dict] = []
    writer = None
    if args.format == "csv":
        writer = csv.DictWriter(OutputWriter(out), fieldnames=[*ACLED_COLUMNS, *EXTRA_CSV_COLUMNS],
                                lineterminator="\n")
        writer.writeheader()
    status = 0
    for name in args.files:
        try:
            text = _read_article(name, args.errors)
        except CliError as e:
            error(str(e))
            status = e.status
            continue
        for event in extract(text, published=published):
            record = event.to_dict()
            if args.format == "jsonl":
                out.write(json.dumps({**record, "file": display_name(name)}, ensure_ascii=False) + "\n")
            elif writer is not None:
                row = acled_row(event, source=display_name(name), inter1=actor_inter(event.actor1),
                                inter2=actor_inter(event.actor2) if event.actor2 else "")
                row.update({k: record[k] for k in EXTRA_CSV_COLUMNS[:-1]}, file=display_name(name))
                writer.writerow(row)
            elif event.latitude is not None and event.longitude is not None:
                features.append({
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
                    "properties": {**record, "file": display_name(name)},
                })
    if args.format == "geojson":
        out.write(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n")
    out.flush()
    return status


class OutputWriter:
    """A file-like ``write`` through :class:`Output` (UTF-8 whatever the locale), for csv and the exporters."""

    def __init__(self, out: Output) -> None:
        self.out = out

    def write(self, text: str) -> int:
        self.out.write(text)
        return len(text)


# -- the command table ------------------------------------------------------------------------------------
# The store's commands live in kashif.cli_pipeline, which uses the helpers above: imported here, after them.
from kashif import cli_pipeline  # noqa: E402


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: list[Command] = [
    Command("restore", "undo obfuscation in Arabic text, line by line (stdin or files)",
            _restore_arguments, run_restore),
    Command("demo", "run the pipeline on the bundled example articles: ingest, show events and hidden "
            "words, export", _demo_arguments, run_demo),
    Command("events", "extract event records (ACLED's schema) from Arabic articles",
            _events_arguments, run_events),
    Command("ingest", "restore, extract and store articles from files, folders, feeds and pages",
            cli_pipeline.ingest_arguments, cli_pipeline.run_ingest),
    Command("search", "full-text search of the stored articles, through obfuscation",
            cli_pipeline.search_arguments, cli_pipeline.run_search),
    Command("watch", "watch terms reported whenever ingested text matches them",
            cli_pipeline.watch_arguments, cli_pipeline.run_watch),
    Command("export", "export the stored events: ACLED CSV, JSONL, GeoJSON or Parquet",
            cli_pipeline.export_arguments, cli_pipeline.run_export),
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="kashif (كاشف) reads Arabic news the way its writers meant it: it undoes the "
                    "obfuscation that evades moderation and reports what was hidden.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for cmd in COMMANDS:
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        cmd.add_arguments(p)
        p.set_defaults(run=cmd.run)
    return parser


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the interpreter's last flush does not fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    """Run the ``kashif`` command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help, --version, usage errors
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    if getattr(args, "run", None) is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.run(args)
    except CliError as e:
        error(str(e))
        return e.status
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
