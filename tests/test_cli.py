"""The ``kashif`` command line: restore (files, stdin, JSONL, highlighting, bad input, streaming) and demo."""

from __future__ import annotations

import difflib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import kashif
from kashif import cli
from kashif.cli import LineSplitter, find_cut, main, mark_hidden
from kashif.restore import Edit, Restoration

EXAMPLES = Path(cli.__file__).parent / "examples"
EXAMPLE_NAMES = sorted(p.name.removesuffix(".txt") for p in EXAMPLES.glob("*.txt")
                       if not p.name.endswith(".restored.txt"))

# Obfuscated words and how they read once restored.
BROKEN = "هــ.دد"
FIXED = "هدد"
SENTENCE = "وقال مصدر إن المسلحين هــ.دد باستــ.هداف القرية بعد قصــ.ف مواقعهم"
SENTENCE_FIXED = "وقال مصدر إن المسلحين هدد باستهداف القرية بعد قصف مواقعهم"
CLEAN = "ونقلت وكالة الأنباء الألمانية (د.ب.أ) عن مصادر محلية في 1441هـ، أن حزيران/يونيو كان حاراً."


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def feed_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_bytes(data.encode("utf-8"))
    else:
        path.write_bytes(data)
    return path


def apply(line: str, edits: list[dict]) -> str:
    """Apply JSONL edits (offsets into the input line) to the input line."""
    parts, pos = [], 0
    for e in edits:
        assert pos <= e["start"] <= e["end"] <= len(line)
        assert line[e["start"] : e["end"]] == e["original"]
        parts += [line[pos : e["start"]], e["replacement"]]
        pos = e["end"]
    return "".join([*parts, line[pos:]])


# -- the restoration itself -------------------------------------------------------------------------------
def test_broken_word_is_joined(tmp_path, capsys):
    path = write(tmp_path, "in.txt", f"{BROKEN}\n{SENTENCE}\n")
    status, out, err = run(["restore", "--no-highlight", str(path)], capsys)
    assert (status, err) == (0, "")
    assert out == f"{FIXED}\n{SENTENCE_FIXED}\n"


def test_clean_text_is_unchanged(tmp_path, capsys):
    text = (f"{CLEAN}\nقال لـ«الشرق» إن الحصيلة ارتفعت بـ7 قتلى ـ ولله الحمد ـ "
            "https://example.org/a.b #غزة_الآن\n")
    status, out, _ = run(["restore", str(write(tmp_path, "clean.txt", text))], capsys)
    assert status == 0
    assert out == text


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_restores_exactly(name):
    text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    expected = (EXAMPLES / f"{name}.restored.txt").read_text(encoding="utf-8")
    assert kashif.restore(text).text == expected


def _broken_words(text: str, restored: str) -> list[str]:
    """The words (as restored) that differ between an example and its restoration."""
    # A tatweel-dot-space-dot-tatweel run is one broken word, not two.
    a = re.split(r"\s+", re.sub(r"ـ\. \.ـ", "ـ..ـ", text))
    b = re.split(r"\s+", restored)
    words = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        assert op in ("equal", "replace") and i2 - i1 == j2 - j1, "examples differ only inside words"
        if op == "replace":
            words += [re.sub(r"^\W+|\W+$", "", w) for w in b[j1:j2]]
    return words


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_reports_each_hidden_word(name):
    text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    expected = (EXAMPLES / f"{name}.restored.txt").read_text(encoding="utf-8")
    r = kashif.restore(text)
    assert r.hidden_words == _broken_words(text, expected)
    for h in r.hidden:
        assert r.text[h.start : h.end] == h.word
        assert text[h.original_start : h.original_end] == h.original


def test_examples_are_bundled_and_linked():
    assert len(EXAMPLE_NAMES) >= 4
    assert (EXAMPLES / "README.md").is_file()
    for name in EXAMPLE_NAMES:
        assert (EXAMPLES / f"{name}.restored.txt").is_file()
    # the repository's examples/ is a link to the package's (the tests may run on an installed build)
    repo = Path(__file__).resolve().parent.parent
    root_link = repo / "examples"
    if root_link.exists():
        assert root_link.resolve() == (repo / "src" / "kashif" / "examples").resolve()
        assert sorted(p.name for p in root_link.iterdir()) == sorted(p.name for p in EXAMPLES.iterdir())


# -- input and output -----------------------------------------------------------------------------------
def test_stdin_when_no_file_or_dash(monkeypatch, capsys):
    for argv in (["restore"], ["restore", "-"]):
        feed_stdin(monkeypatch, f"{CLEAN}\n{BROKEN}\n".encode())
        status, out, _ = run([*argv, "--no-highlight"], capsys)
        assert status == 0
        assert out == f"{CLEAN}\n{FIXED}\n"


def test_several_files_in_order(tmp_path, capsys):
    a = write(tmp_path, "a.txt", f"{BROKEN}\n")
    b = write(tmp_path, "b.txt", "no final newline")
    c = write(tmp_path, "c.txt", f"{CLEAN}\n")
    status, out, _ = run(["restore", str(a), str(b), str(c)], capsys)
    assert status == 0
    assert out == f"{FIXED}\nno final newline{CLEAN}\n"  # like cat: files are concatenated


def test_line_endings_are_kept(tmp_path, capsysbinary):
    data = f"{BROKEN}\r\n{CLEAN}\n\r\n\n{SENTENCE}\r\n{BROKEN}".encode()
    assert main(["restore", str(write(tmp_path, "crlf.txt", data))]) == 0
    out = capsysbinary.readouterr().out
    assert out == f"{FIXED}\r\n{CLEAN}\n\r\n\n{SENTENCE_FIXED}\r\n{FIXED}".encode()


def test_clean_bytes_round_trip(tmp_path, capsysbinary):
    data = f"{CLEAN}\r\nسطر بلا نهاية".encode()
    assert main(["restore", str(write(tmp_path, "x.txt", data))]) == 0
    assert capsysbinary.readouterr().out == data


def test_empty_input(tmp_path, monkeypatch, capsys):
    assert run(["restore", str(write(tmp_path, "empty.txt", b""))], capsys) == (0, "", "")
    feed_stdin(monkeypatch, b"")
    assert run(["restore"], capsys) == (0, "", "")
    feed_stdin(monkeypatch, b"")
    assert run(["restore", "--jsonl"], capsys) == (0, "", "")


def test_many_lines(tmp_path, capsys):
    lines = [SENTENCE, CLEAN, "", BROKEN, "قتــ.لى وجــ.رحى في قصــ.ف على حي سكني"] * 1000
    path = write(tmp_path, "many.txt", "\n".join(lines) + "\n")
    status, out, _ = run(["restore", "--no-highlight", str(path)], capsys)
    assert status == 0
    restored = {line: kashif.restore(line).text for line in set(lines)}
    assert out.split("\n") == [restored[line] for line in lines] + [""]
    assert out.count(FIXED) == 2000


# -- JSONL ----------------------------------------------------------------------------------------------
def test_jsonl_one_object_per_line(tmp_path, capsys):
    text = (EXAMPLES / "idlib-shelling.txt").read_text(encoding="utf-8")
    status, out, _ = run(["restore", "--jsonl", str(EXAMPLES / "idlib-shelling.txt")], capsys)
    assert status == 0
    in_lines = text.split("\n")[:-1]  # the file ends with a newline
    out_lines = out.split("\n")
    assert out_lines[-1] == ""
    assert len(out_lines) - 1 == len(in_lines)
    for line, raw in zip(in_lines, out_lines[:-1], strict=True):
        obj = json.loads(raw)
        assert list(obj) == ["text", "edits", "hidden_words", "evasion_score"]
        assert obj == kashif.restore(line).to_dict()
        assert apply(line, obj["edits"]) == obj["text"]
        assert all(set(e) == {"start", "end", "original", "replacement", "kind"} for e in obj["edits"])
        assert all(isinstance(w, str) and w in obj["text"] for w in obj["hidden_words"])
        assert 0.0 <= obj["evasion_score"] <= 1.0
    assert "\\u" not in out  # ensure_ascii=False: Arabic stays readable


def test_jsonl_content(monkeypatch, capsys):
    feed_stdin(monkeypatch, f"{BROKEN}\r\n{CLEAN}".encode())
    status, out, _ = run(["restore", "--jsonl"], capsys)
    assert status == 0
    first, second = (json.loads(x) for x in out.splitlines())
    assert first["text"] == FIXED
    assert first["hidden_words"] == [FIXED]
    assert first["evasion_score"] == 1.0
    assert apply(BROKEN, first["edits"]) == FIXED
    assert second == {"text": CLEAN, "edits": [], "hidden_words": [], "evasion_score": 0.0}


def test_jsonl_long_line_in_pieces_is_one_object(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "PIECE_CHARS", 200)
    line = " ".join([SENTENCE] * 40)
    path = write(tmp_path, "long.txt", f"{line}\n{BROKEN}\n")
    status, out, _ = run(["restore", "--jsonl", str(path)], capsys)
    assert status == 0
    objs = [json.loads(x) for x in out.splitlines()]
    assert len(objs) == 2
    assert list(objs[0]) == ["text", "edits", "hidden_words", "evasion_score"]
    assert apply(line, objs[0]["edits"]) == objs[0]["text"]
    assert objs[0]["text"] == " ".join([SENTENCE_FIXED] * 40)
    assert objs[0]["hidden_words"] == kashif.restore(SENTENCE).hidden_words * 40
    assert objs[1]["text"] == FIXED


# -- highlighting ---------------------------------------------------------------------------------------
def test_highlight_marks_restored_words(tmp_path, capsys):
    path = write(tmp_path, "in.txt", f"قال {BROKEN} امس\n")
    status, out, _ = run(["restore", "--highlight", str(path)], capsys)
    assert status == 0
    assert out == f"قال {cli.ANSI_MARK[0]}{FIXED}{cli.ANSI_MARK[1]} امس\n"
    assert run(["restore", "--no-highlight", str(path)], capsys)[1] == f"قال {FIXED} امس\n"
    assert "\x1b[" not in run(["restore", str(path)], capsys)[1]  # captured output is not a terminal


def test_mark_hidden_uses_the_spans():
    original = "قال هــ.دد و قصــ.ف"
    edits = [Edit(5, 8, "ــ.", "", "filler"), Edit(15, 18, "ــ.", "", "filler")]
    r = Restoration.build(original, edits, [(4, 10, ("filler",)), (13, 19, ("filler",))])
    assert mark_hidden(r, ("[", "]")) == "قال [هدد] و [قصف]"
    assert mark_hidden(r, cli.NO_MARK) == r.text


# -- bad input ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("prefix_lines", "bad", "offset_in_bad", "byte"),
    [
        (0, b"abc\xffdef\n", 3, 0xFF),
        (600, "قصف ".encode() + b"\xd9A", 7, 0xD9),  # a lead byte without its continuation
        (600, "قصف".encode() + b"\xd9", 6, 0xD9),  # input cut inside a character
    ],
)
def test_not_utf8_names_file_and_byte(tmp_path, capsys, prefix_lines, bad, offset_in_bad, byte):
    prefix = f"{SENTENCE}\n".encode() * prefix_lines  # 600 lines are past the first 64 KiB block
    path = write(tmp_path, "input.txt", prefix + bad)
    status, out, err = run(["restore", str(path)], capsys)
    assert status == 2
    offset = len(prefix) + offset_in_bad
    assert err == (f"kashif: {path}: not valid UTF-8 at byte {offset} (0x{byte:02x}); "
                   "use --errors replace to substitute U+FFFD\n")
    assert out.startswith(f"{SENTENCE_FIXED}\n" * prefix_lines)  # what came before is restored


def test_not_utf8_on_stdin(monkeypatch, capsys):
    feed_stdin(monkeypatch, b"\xd9\x82\xd8\xb5\xd9\x81\n\x80")
    status, _, err = run(["restore"], capsys)
    assert status == 2
    assert err.startswith("kashif: <stdin>: not valid UTF-8 at byte 7 (0x80);")


def test_not_utf8_inside_a_long_jsonl_line_keeps_jsonl_valid(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "PIECE_CHARS", 100)
    line = " ".join([SENTENCE] * 10)
    path = write(tmp_path, "bad.txt", line.encode() + b"\xff tail\n")
    status, out, err = run(["restore", "--jsonl", str(path)], capsys)
    assert status == 2
    assert f"at byte {len(line.encode())} (0xff)" in err
    (obj,) = [json.loads(x) for x in out.splitlines()]
    assert apply(line, obj["edits"]) == obj["text"]


def test_errors_replace_substitutes_and_goes_on(tmp_path, capsys):
    path = write(tmp_path, "input.txt", f"{BROKEN}\n".encode() + b"abc\xffdef\n" + f"{BROKEN}\n".encode())
    status, out, err = run(["restore", "--errors", "replace", str(path)], capsys)
    assert (status, err) == (0, "")
    assert out == f"{FIXED}\nabc\ufffddef\n{FIXED}\n"


def test_missing_file(tmp_path, capsys):
    good = write(tmp_path, "good.txt", f"{BROKEN}\n")
    missing = tmp_path / "nosuch.txt"
    status, out, err = run(["restore", str(missing), str(good)], capsys)
    assert status == 2
    assert err == f"kashif: {missing}: No such file or directory\n"
    assert out == f"{FIXED}\n"  # the other files are still restored


def test_usage_errors_exit_2(capsys):
    assert main([]) == 2
    assert main(["restore", "--errors", "ignore"]) == 2
    assert main(["no-such-command"]) == 2
    capsys.readouterr()


def test_version(capsys):
    status, out, _ = run(["--version"], capsys)
    assert status == 0
    assert out.strip() == f"kashif {kashif.__version__}"


# -- long lines -----------------------------------------------------------------------------------------
def test_huge_single_line_is_restored_in_pieces(tmp_path, capsys):
    unit = f"{CLEAN} {CLEAN} {CLEAN} قال إن المسلحين هــ.دد المقـ. .ـاومة بالقصف. "
    line = unit * (3_000_000 // len(unit.encode()) + 1)  # 3 MB of UTF-8, no newline
    assert len(line) > cli.PIECE_CHARS
    path = write(tmp_path, "huge.txt", line)
    status, out, _ = run(["restore", "--no-highlight", str(path)], capsys)
    assert status == 0

    pieces = list(_pieces(line, cli.PIECE_CHARS))
    assert len(pieces) >= 2
    assert "".join(pieces) == line
    for p in pieces[:-1]:
        assert len(p) <= cli.PIECE_CHARS
        assert p[-1].isspace() and p[-2].isalnum()  # cut after a space between two words
    assert out == "".join(kashif.restore(p).text for p in pieces)
    n = line.count(unit)
    assert out.count(" المسلحين هدد المقاومة بالقصف. ") == n
    assert "ـ." not in out


def _pieces(text: str, limit: int):
    splitter = LineSplitter(limit)
    for p in splitter.feed(text):
        yield p.text
    for p in splitter.finish():
        yield p.text


def test_find_cut_never_cuts_an_obfuscation_run():
    text = "الوضع في المقـ. .ـاومة صعب"
    run_start = text.index("المقـ")
    run_end = text.index(" صعب")
    for limit in range(6, len(text) - 2):
        cut = find_cut(text, limit)
        assert 0 < cut <= limit
        assert not run_start < cut < run_end, f"cut inside the run at {cut} (limit {limit})"
    assert find_cut("قـ. .ـصف" * 10, 20) == 20  # no safe place: hard cut at the limit
    assert find_cut("ab" + "\u0651" * 5 + "cd", 4) == 1  # hard cut not between a letter and its marks


def test_pieces_do_not_depend_on_how_input_arrives():
    text = ("كلمة " * 30 + "قـ. .ـصف " + "ا" * 90 + " ") * 5 + "\r\n" + "سطر ثان\n"
    expected = None
    for chunk_size in (1, 7, 50, 1000):
        splitter = LineSplitter(40)
        pieces = []
        for i in range(0, len(text), chunk_size):
            pieces += splitter.feed(text[i : i + chunk_size])
        pieces += splitter.finish()
        if expected is None:
            expected = pieces
        assert pieces == expected
    assert "".join(p.text + p.ending for p in expected) == text
    assert [p.ending for p in expected if p.last] == ["\r\n", "\n"]
    assert all(len(p.text) <= 40 for p in expected)
    assert not any(p.text.endswith("قـ.") or p.text.endswith("قـ. ") for p in expected)


# -- demo -----------------------------------------------------------------------------------------------
def test_restore_demo_restores_the_bundled_examples(capsys):
    status, out, err = run(["demo", "--restore-only"], capsys)
    assert (status, err) == (0, "")
    for name in EXAMPLE_NAMES:
        assert f"== {name} ==" in out
        assert re.search(rf"^{re.escape(name)}: \d+ words, \d+ hidden words, evasion score [\d.]+; undone: ",
                         out, re.M)
    assert re.search(rf"^total \({len(EXAMPLE_NAMES)} articles\): \d+ words, \d+ hidden words", out, re.M)
    assert "⟦يهدد⟧" in out  # not a terminal: restored words in brackets
    assert "\x1b[" not in out
    for name in EXAMPLE_NAMES:
        restored = (EXAMPLES / f"{name}.restored.txt").read_text(encoding="utf-8")
        assert restored.split("\n")[0] in out.replace("⟦", "").replace("⟧", "")


def test_demo_counts_match_the_examples(capsys):
    out = run(["demo", "--restore-only"], capsys)[1]
    total = 0
    for name in EXAMPLE_NAMES:
        text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
        restored = (EXAMPLES / f"{name}.restored.txt").read_text(encoding="utf-8")
        n = len(_broken_words(text, restored))
        total += n
        assert re.search(rf"^{re.escape(name)}: \d+ words, {n} hidden words", out, re.M)
    assert f" {total} hidden words" in out.splitlines()[-1]


def test_demo_on_a_directory(tmp_path, capsys):
    write(tmp_path, "one.txt", f"{SENTENCE}\n")
    write(tmp_path, "one.restored.txt", f"{SENTENCE_FIXED}\n")
    status, out, _ = run(["demo", "--restore-only", str(tmp_path), "--highlight"], capsys)
    assert status == 0
    assert "== one ==" in out and "one.restored" not in out
    assert f"{cli.ANSI_MARK[0]}{FIXED}{cli.ANSI_MARK[1]}" in out
    assert "total (1 articles)" in out
    assert run(["demo", "--restore-only", str(tmp_path / "nope")], capsys)[0] == 2


# -- the installed console script -------------------------------------------------------------------------
def _console_script() -> str:
    script = Path(sys.executable).parent / "kashif"
    assert script.exists(), "the kashif console script is not installed (pip install -e .)"
    return str(script)


def test_console_script(tmp_path):
    path = write(tmp_path, "in.txt", f"{BROKEN}\r\n{CLEAN}")
    done = subprocess.run([_console_script(), "restore", "--jsonl", str(path)],
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    objs = [json.loads(x) for x in done.stdout.decode("utf-8").splitlines()]
    assert [o["text"] for o in objs] == [FIXED, CLEAN]

    done = subprocess.run([_console_script(), "restore", "-"], input=f"{BROKEN}\n".encode(),
                          capture_output=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{FIXED}\n".encode(), b"")

    done = subprocess.run([_console_script(), "restore", str(tmp_path / "nosuch.txt")],
                          capture_output=True, check=False)
    assert done.returncode == 2 and b"No such file or directory" in done.stderr


def test_console_script_quiet_on_broken_pipe(tmp_path):
    path = write(tmp_path, "big.txt", f"{CLEAN}\n" * 20_000)  # well over a pipe buffer of output
    proc = subprocess.Popen([_console_script(), "restore", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100)
    proc.stdout.close()  # like `| head`
    err = proc.stderr.read()
    assert proc.wait() == 0
    assert err == b""
