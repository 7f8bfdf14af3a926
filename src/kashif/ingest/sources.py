"""Source readers for ``kashif ingest``: turn inputs (paths, folders, URLs) into article items.

:func:`iter_items` takes what the user named and yields, in order, one :class:`Item` per article read or one
:class:`Failure` per thing that could not be read. Bad input never stops the run and never raises: a broken line
of a JSONL file, a page that times out or a feed entry whose page is gone each become a ``Failure`` with a
re-readable ``ref`` and a reason a person can act on, and reading goes on with the next one.

Inputs
    * plain text (``.txt`` or no extension): one article per file;
    * JSON (``.json``): one object, or an array of objects (refs ``path#0``, ``path#1``, ... 0-based);
    * JSONL / NDJSON (``.jsonl``, ``.ndjson``): one object per line, read line by line in constant memory
      (refs ``path#L1``, ``path#L2``, ... 1-based line numbers; blank lines are skipped);
    * HTML (``.html``, ``.htm``, ``.xhtml``) and ``http(s)://`` pages: main text, title and date by trafilatura;
    * RSS / Atom feeds (``.xml``, ``.rss``, ``.atom`` and feed URLs): every entry's linked page is fetched and
      extracted (refs are the entry links; an entry without a link is ``feed#N``, 0-based);
    * folders, recursively, in sorted order, hidden files and folders skipped.

A URL's kind is decided by sniffing the start of the body (``<rss``, ``<feed``, ``<rdf:RDF`` against ``<html`` /
``<!doctype html``) and then by its Content-Type. Only what the user names is fetched: the URLs given, and the
pages that a named feed links to. Each request gets one try and ``SourceOptions.timeout`` seconds in all.

Encodings: UTF-8 (with or without BOM), UTF-16/UTF-32 with a BOM; when UTF-8 fails, Windows-1256 if the result is
mostly Arabic letters; otherwise a failure naming the 0-based byte offset of the first bad UTF-8 byte. HTML also
honours a declared charset (HTTP header or ``<meta charset>``) when the bytes are not UTF-8.

Dates come out as ISO ``YYYY-MM-DD`` (the calendar date as written, not converted to UTC) or ``None``.
"""

from __future__ import annotations

import codecs
import email.utils
import gzip
import io
import json
import os
import re
import stat
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from http.client import HTTPException
from typing import Any

__all__ = ["Failure", "Item", "SourceOptions", "iter_items", "read_ref"]


@dataclass(frozen=True)
class SourceOptions:
    """How to read inputs: JSON field names and HTTP settings."""

    text_field: str = "text"  # JSON/JSONL field names; "a.b" reaches into nested objects
    title_field: str = "title"
    url_field: str = "url"
    date_field: str = "published"  # also try "date" when the named field is absent and the default is used
    outlet_field: str = "outlet"
    timeout: float = 10.0  # seconds, per HTTP request (connect + whole body)
    user_agent: str = "kashif/0.1 (+https://example.invalid/kashif)"


@dataclass(frozen=True)
class Item:
    """One article read from a source."""

    ref: str  # re-readable reference: a path, "path#L12" (JSONL line), "path#3" (JSON array element), or a URL
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO "YYYY-MM-DD" or None
    outlet: str | None = None  # the JSON outlet field, else the feed's title, else the URL's host, else None


@dataclass(frozen=True)
class Failure:
    """Something that could not be read, and why. ``context``: what the failed item's source said of it that
    reading the ref again would not give (a feed entry's title, date and the feed's name), for retries."""

    ref: str
    reason: str
    context: dict[str, str] | None = field(default=None, compare=False)


TEXT_SUFFIXES = frozenset({"", ".txt"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})

MAX_DOCUMENT_BYTES = 64 << 20  # a single text/HTML file or HTTP response larger than this is refused
# A JSON file is parsed whole (several times its size in memory); a larger one is refused with the advice to
# write it as JSONL, which is read one line at a time in constant memory.
MAX_JSON_BYTES = 256 << 20
SNIFF_BYTES = 4096
_DEFAULT_DATE_FIELD = "published"
_FALLBACK_DATE_FIELD = "date"

_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Charsets that servers declare by default; an Arabic page declared so is usually Windows-1256.
_LATIN_DEFAULTS = frozenset({"latin-1", "iso8859-1", "cp1252", "ascii"})
_URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_FEED_MARK = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_MARK = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")
_YMD_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T.*)?")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d])")
_EPOCH = re.compile(r"\d{10}(?:\d{3})?(?:\.\d+)?")


_MISSING = object()


class _ReadError(Exception):
    """A reason to give up on one ref; becomes a :class:`Failure`."""


# ---------------------------------------------------------------------------------------------------------------
# Public API


def iter_items(inputs: Iterable[str], options: SourceOptions = SourceOptions()) -> Iterator[Item | Failure]:
    """Yield an :class:`Item` for every article in ``inputs`` and a :class:`Failure` for everything unreadable.

    ``inputs`` are file paths, folder paths or ``http(s)://`` URLs, read in the order given; folders are walked
    recursively in sorted order. The generator streams: nothing is read before it is asked for.
    """
    for source in inputs:
        source = os.fspath(source)
        if not source:
            yield Failure(source, "empty input name")
        elif _URL_SCHEME.match(source):
            yield from _guarded(source, _read_url(source, options))
        else:
            yield from _guarded(source, _read_path(source, options))


def read_ref(ref: str, options: SourceOptions = SourceOptions()) -> Iterator[Item | Failure]:
    """Re-read exactly what ``ref`` names (an :attr:`Item.ref` or :attr:`Failure.ref`).

    ``path#L12`` reads only line 12 of a JSONL file, ``path#3`` only element 3 of a JSON array (or entry 3 of a
    feed), a plain path or URL the whole resource. A path that exists as written is never split at ``#``.
    """
    ref = os.fspath(ref)
    if not ref:
        yield Failure(ref, "empty ref")
        return
    if _URL_SCHEME.match(ref):
        fragment = urllib.parse.urlsplit(ref).fragment
        entry = int(fragment) if fragment.isdigit() else None
        yield from _guarded(ref, _read_url(ref, options, entry=entry))
        return
    path, sep, fragment = ref.rpartition("#")
    if not sep or os.path.lexists(ref) or not path:
        yield from _guarded(ref, _read_path(ref, options))
        return
    line = re.fullmatch(r"L(\d+)", fragment)
    if line:
        yield from _guarded(ref, _read_path(path, options, line=int(line.group(1))))
    elif fragment.isdigit():
        yield from _guarded(ref, _read_path(path, options, index=int(fragment)))
    else:
        yield from _guarded(ref, _read_path(ref, options))


def read_lines(path: str, lines: Iterable[int], options: SourceOptions = SourceOptions()
               ) -> Iterator[Item | Failure]:
    """Re-read several lines of one JSONL file, in one pass over it: what :func:`read_ref` gives for each
    ``path#L<n>``, in file order (a thousand failed lines of a large file are not a thousand passes)."""
    wanted = frozenset(lines)
    suffix = os.path.splitext(os.path.basename(path))[1].lower()
    if len(wanted) < 2 or suffix not in JSONL_SUFFIXES or not os.path.isfile(path):
        for n in sorted(wanted):  # (one line, or a path that is no JSONL file: each fails on its own)
            yield from read_ref(f"{path}#L{n}", options)
        return
    done: set[str] = set()
    try:
        for item in _read_jsonl(path, options, only_lines=wanted):
            done.add(item.ref)
            yield item
    except Exception as exc:  # as _guarded does for one ref: the rest of the lines fail, the run goes on
        reason = _reason(exc)
        for ref in _line_refs(path, wanted):
            if ref not in done:
                yield Failure(ref, reason)


def _guarded(ref: str, items: Iterator[Item | Failure]) -> Iterator[Item | Failure]:
    """Last line of defence: an unexpected error ends this input with a Failure instead of the whole run."""
    try:
        yield from items
    except Exception as exc:
        yield Failure(ref, _reason(exc))


def _reason(exc: Exception) -> str:
    """A failure's reason: what a read error says, or which unexpected error it was."""
    return str(exc) if isinstance(exc, _ReadError) else f"unexpected error: {type(exc).__name__}: {exc}"


# ---------------------------------------------------------------------------------------------------------------
# Paths and folders


def _read_path(
    path: str, options: SourceOptions, *, line: int | None = None, index: int | None = None
) -> Iterator[Item | Failure]:
    ref = _selection_ref(path, line, index)
    try:
        st = os.stat(path)
    except OSError as exc:
        yield Failure(ref, _os_reason(exc))
        return
    if stat.S_ISDIR(st.st_mode):
        if line is not None or index is not None:
            yield Failure(ref, "a folder has no lines or elements")
            return
        yield from _walk(path, options, {_dir_key(path, st)})
        return
    if not stat.S_ISREG(st.st_mode):
        yield Failure(ref, "not a regular file")
        return
    yield from _read_file(path, options, line=line, index=index)


def _selection_ref(path: str, line: int | None, index: int | None) -> str:
    if line is not None:
        return f"{path}#L{line}"
    return path if index is None else f"{path}#{index}"


def _walk(folder: str, options: SourceOptions, seen: set[tuple[int, int]]) -> Iterator[Item | Failure]:
    try:
        with os.scandir(folder) as it:
            names = sorted(entry.name for entry in it)
    except OSError as exc:
        yield Failure(folder, _os_reason(exc))
        return
    for name in names:
        if name.startswith("."):
            continue
        path = os.path.join(folder, name)
        try:
            st = os.stat(path)
        except OSError as exc:
            yield Failure(path, _os_reason(exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = _dir_key(path, st)
            if key in seen:  # a symlink back up the tree
                continue
            yield from _walk(path, options, seen | {key})
        elif stat.S_ISREG(st.st_mode):
            yield from _guarded(path, _read_file(path, options))
        else:
            yield Failure(path, "not a regular file")


def _dir_key(path: str, st: os.stat_result) -> tuple[int, int]:
    return (st.st_dev, st.st_ino)


def _read_file(
    path: str, options: SourceOptions, *, line: int | None = None, index: int | None = None
) -> Iterator[Item | Failure]:
    suffix = os.path.splitext(os.path.basename(path))[1].lower()
    if suffix in JSONL_SUFFIXES:
        if index is not None:
            yield Failure(f"{path}#{index}", "a JSONL ref names a line: use path#L<number>")
            return
        yield from _read_jsonl(path, options, only_lines=None if line is None else frozenset([line]))
        return
    if line is not None:
        yield Failure(f"{path}#L{line}", f"line refs apply to JSONL files, not {suffix or 'files without extension'}")
        return
    if suffix in JSON_SUFFIXES:
        yield from _read_json(path, options, only_index=index)
    elif suffix in FEED_SUFFIXES:
        data = _read_bytes(path)
        yield from _read_feed(data, path, options, base_url=None, only_entry=index)
    elif index is not None:
        yield Failure(f"{path}#{index}", f"element refs apply to JSON files and feeds, not {suffix or 'this file'}")
    elif suffix in TEXT_SUFFIXES:
        text = _clean_text(_decode(_read_bytes(path)))
        yield Item(ref=path, text=text) if text else Failure(path, "empty file: no text")
    elif suffix in HTML_SUFFIXES:
        data = _read_bytes(path)
        yield _html_item(_decode_html(data, None), ref=path, page_url=None)
    else:
        yield Failure(path, f"unsupported file type {suffix}")


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise _ReadError(_os_reason(exc)) from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise _ReadError(f"file larger than {MAX_DOCUMENT_BYTES >> 20} MB")
    return data


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


# ---------------------------------------------------------------------------------------------------------------
# JSON and JSONL


def _read_json(path: str, options: SourceOptions, *, only_index: int | None) -> Iterator[Item | Failure]:
    whole = _selection_ref(path, None, only_index)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_JSON_BYTES + 1)
    except OSError as exc:
        yield Failure(whole, _os_reason(exc))
        return
    if len(data) > MAX_JSON_BYTES:
        yield Failure(whole, f"JSON file larger than {MAX_JSON_BYTES >> 20} MB: write it as JSONL (one object per "
                             "line), which is read line by line")
        return
    try:
        value = json.loads(_decode(data))
    except _ReadError as exc:
        yield Failure(whole, str(exc))
        return
    except json.JSONDecodeError as exc:
        yield Failure(whole, f"malformed JSON on line {exc.lineno}: {exc.msg} (column {exc.colno})")
        return
    except RecursionError:
        yield Failure(whole, "malformed JSON: nested too deeply")
        return
    if isinstance(value, dict):
        if only_index is not None:
            yield Failure(f"{path}#{only_index}", "the file holds one JSON object, not an array")
        else:
            yield _record_item(value, path, options)
        return
    if not isinstance(value, list):
        yield Failure(whole, f"JSON is neither an object nor an array of objects (got {_json_type(value)})")
        return
    selected = _select(value, only_index)
    if selected is None:
        yield Failure(f"{path}#{only_index}", f"no element {only_index}: the array has {len(value)}")
        return
    for i, element in selected:
        ref = f"{path}#{i}"
        if isinstance(element, dict):
            yield _record_item(element, ref, options)
        else:
            yield Failure(ref, f"element {i} is not a JSON object (got {_json_type(element)})")


def _read_jsonl(path: str, options: SourceOptions, *, only_lines: frozenset[int] | None
                ) -> Iterator[Item | Failure]:
    """The records of a JSONL file, or only those of the lines ``only_lines`` (1-based), in one pass."""
    try:
        f = open(path, "rb")
    except OSError as exc:
        for ref in _line_refs(path, only_lines):
            yield Failure(ref, _os_reason(exc))
        return
    last = max(only_lines) if only_lines else 0
    with f:
        lineno = 0
        for lineno, text, problem in _jsonl_lines(f, path, first=min(only_lines) if only_lines else 1):
            if only_lines is not None and lineno not in only_lines:
                if lineno > last:
                    return
                continue
            ref = f"{path}#L{lineno}"
            if problem is not None:
                yield Failure(ref, problem)
                continue
            if text is None or not text.strip():
                if only_lines is not None:
                    yield Failure(ref, f"line {lineno} is blank")
                continue
            try:
                value = json.loads(text)
            except json.JSONDecodeError as exc:
                yield Failure(ref, f"malformed JSON on line {lineno}: {exc.msg} (column {exc.colno})")
                continue
            except RecursionError:
                yield Failure(ref, f"malformed JSON on line {lineno}: nested too deeply")
                continue
            if isinstance(value, dict):
                yield _record_item(value, ref, options)
            else:
                yield Failure(ref, f"line {lineno} is not a JSON object (got {_json_type(value)})")
        for n in sorted(only_lines or ()):
            if n > lineno:
                yield Failure(f"{path}#L{n}", f"no line {n}: the file has {lineno} lines")


def _line_refs(path: str, lines: frozenset[int] | None) -> list[str]:
    return [path] if lines is None else [f"{path}#L{n}" for n in sorted(lines)]


def _jsonl_lines(f: io.BufferedReader, path: str, first: int = 1) -> Iterator[tuple[int, str | None, str | None]]:
    """Yield (line number, decoded line or None, failure reason or None), one line at a time.

    Lines before ``first`` are counted but not decoded.
    """
    try:
        head = f.peek(4)[:4]
    except OSError as exc:
        raise _ReadError(_os_reason(exc)) from None
    for bom, codec, name in _BOMS:
        if head.startswith(bom) and codec != "utf-8-sig":
            reader = io.TextIOWrapper(f, encoding=codec, newline=None)
            lineno = 0
            try:
                for lineno, text in enumerate(reader, 1):
                    yield lineno, text, None
            except UnicodeDecodeError:
                yield lineno + 1, None, f"not valid {name} (after line {lineno}); the rest of the file is skipped"
            finally:
                reader.detach()
            return
    offset = 0
    try:
        for lineno, raw in enumerate(f, 1):
            start = offset
            offset += len(raw)
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
                start += len(codecs.BOM_UTF8)
            if not raw.strip():
                yield lineno, None, None
                continue
            if lineno < first:
                yield lineno, None, None  # before the wanted line: counted, not decoded
                continue
            try:
                text: str | None = raw.decode("utf-8")
                problem = None
            except UnicodeDecodeError as exc:
                text = _arabic_cp1256(raw)
                problem = None if text is not None else f"not UTF-8 (byte {start + exc.start})"
            yield lineno, text, problem
    except OSError as exc:
        raise _ReadError(f"{_os_reason(exc)} while reading {path}") from None


def _record_item(record: dict[str, Any], ref: str, options: SourceOptions) -> Item | Failure:
    field = options.text_field
    text = _field(record, field, _MISSING)
    if text is _MISSING:
        return Failure(ref, f"no text: the record has no '{field}' field")
    if text is None:
        return Failure(ref, f"no text: field '{field}' is null")
    if not isinstance(text, str):
        return Failure(ref, f"no text: field '{field}' is {_json_type(text)}, not a string")
    text = _clean_text(text)
    if not text:
        return Failure(ref, f"no text: field '{field}' is empty")
    url = _string(_field(record, options.url_field))
    raw_date = _field(record, options.date_field)
    if raw_date is None and options.date_field == _DEFAULT_DATE_FIELD:
        raw_date = _field(record, _FALLBACK_DATE_FIELD)
    return Item(
        ref=ref,
        text=text,
        title=_string(_field(record, options.title_field)),
        url=url,
        published=_normalise_date(raw_date),
        outlet=_string(_field(record, options.outlet_field)) or _host(url),
    )


def _field(record: dict[str, Any], name: str, missing: Any = None) -> Any:
    """``record[name]``; a dotted name ("meta.date") reaches into nested objects; ``missing`` when absent."""
    if name in record:
        return record[name]
    if "." in name:
        value: Any = record
        for part in name.split("."):
            if not isinstance(value, dict) or part not in value:
                return missing
            value = value[part]
        return value
    return missing


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _string(value: Any) -> str | None:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean_text(text: str) -> str:
    """Line endings made ``\\n``, the ends stripped, and lone surrogates (which JSON allows and UTF-8 cannot
    hold) made U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip().lstrip("\ufeff").strip()
    return _SURROGATE.sub("\ufffd", text)


# ---------------------------------------------------------------------------------------------------------------
# Decoding


def _decode(data: bytes) -> str:
    """Decode a whole document by the module's rules, or raise _ReadError naming the first bad byte."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise _ReadError(f"not valid {name} (byte {exc.start})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        fallback = _arabic_cp1256(data)
        if fallback is None:
            raise _ReadError(f"not UTF-8 (byte {exc.start})") from None
        return fallback


def _arabic_cp1256(data: bytes) -> str | None:
    """Windows-1256 text if it decodes and is mostly Arabic letters, else None.

    Damaged UTF-8 is not Windows-1256: UTF-8 Arabic read as Windows-1256 is mostly Arabic letters too (ظ‚ط§ظ„),
    so bytes whose non-ASCII part is mostly valid UTF-8 sequences are refused.
    """
    as_utf8 = data.decode("utf-8", "replace")
    damaged = as_utf8.count("\ufffd")
    if sum(1 for ch in as_utf8 if ord(ch) > 0x7F) - damaged > damaged:
        return None
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return None
    letters = arabic = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if _is_arabic(ch):
                arabic += 1
    return text if letters and arabic * 2 > letters else None


def _is_arabic(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x0600 <= cp <= 0x06FF
        or 0x0750 <= cp <= 0x077F
        or 0x08A0 <= cp <= 0x08FF
        or 0xFB50 <= cp <= 0xFDFF
        or 0xFE70 <= cp <= 0xFEFF
    )


def _decode_html(data: bytes, declared: str | None) -> str:
    """BOM, then UTF-8, then the declared charset (HTTP header or <meta>), then Arabic Windows-1256."""
    if any(data.startswith(bom) for bom, _, _ in _BOMS):
        return _decode(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for charset in (declared, _meta_charset(data)):
        if not charset:
            continue
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            continue
        if codec in ("utf-8", "utf-16", "utf-32"):
            continue
        if codec in _LATIN_DEFAULTS and _arabic_cp1256(data) is not None:
            break  # a server's default Latin charset on an Arabic Windows-1256 page
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return _decode(data)


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


# ---------------------------------------------------------------------------------------------------------------
# Dates


def _normalise_date(value: Any) -> str | None:
    """ISO ``YYYY-MM-DD`` for a date in a common form (ISO 8601, RFC 2822, Unix seconds or milliseconds), or None.

    The date is the calendar date as written: ``2024-03-05T23:30:00+03:00`` is 2024-03-05, not converted to UTC.
    Slash dates are read day first (``05/03/2024`` is 5 March, as written in Arab media) only when unambiguous.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if isinstance(value, datetime | date):
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip().translate(_ARABIC_INDIC_DIGITS)
    if not text:
        return None
    if _EPOCH.fullmatch(text):
        return _from_epoch(float(text))
    match = _YMD.match(text) or _YMD_COMPACT.fullmatch(text)
    if match:
        return _ymd(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    match = _DMY.fullmatch(text.split()[0]) if text.split() else None
    if match:
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if first > 12 >= second:
            return _ymd(year, second, first)
        if second > 12 >= first:
            return _ymd(year, first, second)
        if first == second:
            return _ymd(year, first, first)
    return None


def _ymd(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------------------------
# HTTP


@dataclass(frozen=True)
class _Response:
    url: str  # after redirects
    content_type: str | None  # lower-case media type, None when the server sent none
    charset: str | None
    body: bytes


def _fetch(url: str, options: SourceOptions) -> _Response:
    """GET ``url`` once, within ``options.timeout`` seconds in all, or raise _ReadError."""
    target = urllib.parse.urldefrag(url).url
    request = urllib.request.Request(
        target, headers={"User-Agent": options.user_agent, "Accept": _ACCEPT, "Accept-Encoding": "gzip, identity"}
    )
    timed_out = f"timed out after {options.timeout:g} s"
    deadline = time.monotonic() + options.timeout
    try:
        with urllib.request.urlopen(request, timeout=options.timeout) as response:
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise _ReadError(timed_out)
                chunk = response.read1(1 << 16)
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_DOCUMENT_BYTES:
                    raise _ReadError(f"response larger than {MAX_DOCUMENT_BYTES >> 20} MB")
                chunks.append(chunk)
            headers = response.headers
            final_url = response.geturl() or target
    except urllib.error.HTTPError as exc:
        exc.close()
        reason = f" {exc.reason}" if exc.reason else ""
        raise _ReadError(f"HTTP {exc.code}{reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _ReadError(timed_out) from None
        raise _ReadError(f"could not connect: {exc.reason}") from None
    except TimeoutError:
        raise _ReadError(timed_out) from None
    except (OSError, HTTPException, ValueError) as exc:
        raise _ReadError(f"could not fetch: {type(exc).__name__}: {exc}") from None
    body = b"".join(chunks)
    encoding = (headers.get("Content-Encoding") or "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        try:
            body = gzip.decompress(body) if "gzip" in encoding else zlib.decompress(body)
        except (OSError, EOFError, zlib.error) as exc:
            raise _ReadError(f"bad {encoding} body: {exc}") from None
    content_type = headers.get_content_type() if headers.get("Content-Type") else None
    return _Response(url=final_url, content_type=content_type, charset=headers.get_content_charset(), body=body)


def _url_kind(response: _Response) -> str:
    """'feed', 'html', 'text' or 'unsupported', from the body's start and the Content-Type."""
    head = response.body[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "replace").encode("utf-8")
    feed = _FEED_MARK.search(head)
    html = _HTML_MARK.search(head)
    if feed and (not html or feed.start() < html.start()):
        return "feed"
    if html:
        return "html"
    ctype = response.content_type
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype is not None and (ctype.endswith(("+xml", "/xml")) or ctype in ("application/rss", "application/atom")):
        return "feed"
    if ctype == "text/plain":
        return "text"
    if ctype is None:
        return "html"  # no Content-Type and no marker: let the extractor try
    return "unsupported"


def _read_url(url: str, options: SourceOptions, *, entry: int | None = None) -> Iterator[Item | Failure]:
    scheme = _URL_SCHEME.match(url)
    if scheme is None or scheme.group(1).lower() not in ("http", "https"):
        yield Failure(url, f"unsupported URL scheme {scheme.group(1).lower() if scheme else url}")
        return
    response = _fetch(url, options)
    kind = _url_kind(response)
    if kind == "feed":
        feed_ref = url if entry is None else urllib.parse.urldefrag(url).url
        yield from _read_feed(
            response.body, feed_ref, options, base_url=response.url, only_entry=entry, charset=response.charset
        )
    else:
        yield _page_item(response, url)


def _page_item(
    response: _Response, ref: str, *, title: str | None = None, published: str | None = None
) -> Item | Failure:
    kind = _url_kind(response)
    if kind == "html":
        item = _html_item(_decode_html(response.body, response.charset), ref=ref, page_url=response.url)
    elif kind == "text":
        text = _clean_text(_decode_html(response.body, response.charset))
        if not text:
            return Failure(ref, "empty page: no text")
        item = Item(ref=ref, text=text, url=response.url, outlet=_host(response.url))
    elif kind == "feed":
        return Failure(ref, "the link leads to another feed, not an article")
    else:
        return Failure(ref, f"unsupported content type {response.content_type or '(none)'}")
    if isinstance(item, Failure):
        return item
    return Item(
        ref=item.ref,
        text=item.text,
        title=title or item.title,
        url=item.url,
        published=published or item.published,
        outlet=item.outlet,
    )


# ---------------------------------------------------------------------------------------------------------------
# HTML


def _html_item(html: str, *, ref: str, page_url: str | None) -> Item | Failure:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str input that declares an encoding
    try:
        document = trafilatura.bare_extraction(
            html,
            url=page_url,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,  # leave menus and link lists out of the text
            # No guessing from years seen in the text (it turns "in 2021" into 2021-01-01).
            date_extraction_params={
                "extensive_search": False,
                "original_date": True,
                "max_date": date.today().isoformat(),
            },
        )
    except Exception as exc:
        return Failure(ref, f"could not extract the page: {type(exc).__name__}: {exc}")
    text = _clean_text(getattr(document, "text", None) or "") if document is not None else ""
    if not any(ch.isalpha() for ch in text):
        return Failure(ref, "no main text found")
    url = page_url or _http_url(getattr(document, "url", None))
    return Item(
        ref=ref,
        text=text,
        title=_string(getattr(document, "title", None)),
        url=url,
        published=_normalise_date(getattr(document, "date", None)),
        outlet=_host(url),
    )


def _http_url(value: Any) -> str | None:
    if isinstance(value, str) and re.match(r"(?i)https?://", value.strip()):
        return value.strip()
    return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    return host if parts.scheme.lower() in ("http", "https") and host else None


# ---------------------------------------------------------------------------------------------------------------
# Feeds


def _read_feed(
    data: bytes,
    ref: str,
    options: SourceOptions,
    *,
    base_url: str | None,
    only_entry: int | None,
    charset: str | None = None,
) -> Iterator[Item | Failure]:
    import feedparser  # imported here: only feeds need it

    # A stream, never bytes or str: feedparser treats a str as a URL or file name to open.
    headers = {"content-type": f"application/xml; charset={charset}"} if charset else None
    parsed = feedparser.parse(
        io.BytesIO(data), response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    entries = parsed.get("entries") or []
    if not entries:
        whole = ref if only_entry is None else f"{ref}#{only_entry}"
        if parsed.get("bozo"):
            yield Failure(whole, f"not a valid feed: {parsed.get('bozo_exception')}")
        else:
            yield Failure(whole, "feed has no entries")
        return
    feed_title = _string(parsed.get("feed", {}).get("title"))
    selected = _select(entries, only_entry)
    if selected is None:
        yield Failure(f"{ref}#{only_entry}", f"no entry {only_entry}: the feed has {len(entries)}")
        return
    for i, entry in selected:
        yield from _guarded(f"{ref}#{i}", _feed_entry(entry, i, ref, feed_title, base_url, options))


def _select(values: list[Any], only: int | None) -> Iterable[tuple[int, Any]] | None:
    """(index, value) of every value, or of only the one asked for; None if there is no such one."""
    if only is None:
        return enumerate(values)
    return [(only, values[only])] if 0 <= only < len(values) else None


def _feed_entry(
    entry: Any, i: int, feed_ref: str, feed_title: str | None, base_url: str | None, options: SourceOptions
) -> Iterator[Item | Failure]:
    link = _entry_link(entry, base_url)
    if link is None:
        raw = entry.get("link")
        reason = f"entry {i} has no link" if not raw else f"entry {i} links to {raw!r}, not an http(s) URL"
        yield Failure(f"{feed_ref}#{i}", reason)
        return
    published = _entry_date(entry)
    title = _string(entry.get("title"))
    context = {k: v for k, v in (("title", title), ("published", published), ("outlet", feed_title)) if v}
    try:
        response = _fetch(link, options)
    except _ReadError as exc:
        yield Failure(link, str(exc), context or None)
        return
    item = _page_item(response, link, title=title, published=published)
    if isinstance(item, Failure):
        item = replace(item, context=context or None)
    if isinstance(item, Item):
        outlet = feed_title or item.outlet
        item = Item(item.ref, item.text, item.title, item.url, item.published, outlet)
    yield item


def _entry_link(entry: Any, base_url: str | None) -> str | None:
    link = entry.get("link")
    if not isinstance(link, str) or not link.strip():
        return None
    link = link.strip()
    if base_url:
        link = urllib.parse.urljoin(base_url, link)
    return link if _http_url(link) else None


def _entry_date(entry: Any) -> str | None:
    # dict.get, not entry.get: FeedParserDict maps a missing "updated" to "published" with a DeprecationWarning.
    for key in ("published", "updated", "created"):
        value = _normalise_date(dict.get(entry, key))
        if value:
            return value
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = dict.get(entry, key)
        if parsed:
            return _ymd(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None
