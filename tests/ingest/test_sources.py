"""Source readers: every input kind becomes items, every bad input a Failure, and nothing raises."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
from httpserver import EMPTY_PAGE, Route, Server, page, rss

from kashif.ingest import sources
from kashif.ingest.sources import Failure, Item, SourceOptions, iter_items, read_ref

# Short news-like paragraphs written for these tests.
STRIKE = (
    "قالت مصادر محلية إن طائرة مسيرة استهدفت صباح الثلاثاء سيارة مدنية على الطريق الواصل بين البلدتين، "
    "ما أدى إلى مقتل شخصين وإصابة ثالث بجروح خطيرة نقل على إثرها إلى المستشفى."
)
PROTEST = (
    "تظاهر مئات الطلاب أمام مبنى المحافظة احتجاجا على انقطاع الكهرباء لساعات طويلة، "
    "وطالبوا السلطات المحلية بإيجاد حلول عاجلة قبل بدء موسم الامتحانات."
)
CLASH = (
    "اندلعت اشتباكات عنيفة بين مجموعتين مسلحتين في الحي الشرقي من المدينة مساء أمس، "
    "واستمرت حتى ساعات الفجر الأولى وسط حالة من الذعر بين السكان."
)
FLOOD = (
    "غمرت السيول عشرات المنازل في القرى الجنوبية بعد أمطار غزيرة هطلت طوال الليل، "
    "وأعلنت فرق الإنقاذ أنها أجلت أكثر من مئة عائلة إلى مدارس قريبة."
)




DEFAULT = SourceOptions()


def run(*inputs: str | Path, options: SourceOptions = DEFAULT) -> list[Item | Failure]:
    return list(iter_items([str(i) for i in inputs], options))


def only(results: list[Item | Failure]) -> Item | Failure:
    assert len(results) == 1, results
    return results[0]


# --------------------------------------------------------------------------------------------------------------
# Plain text and encodings


def test_text_file_is_one_article(tmp_path: Path) -> None:
    path = tmp_path / "strike.txt"
    path.write_text(f"{STRIKE}\n\n{PROTEST}\n", encoding="utf-8")
    item = only(run(path))
    assert item == Item(ref=str(path), text=f"{STRIKE}\n\n{PROTEST}")


def test_file_without_extension_is_text(tmp_path: Path) -> None:
    path = tmp_path / "report"
    path.write_text(CLASH, encoding="utf-8")
    assert only(run(path)) == Item(ref=str(path), text=CLASH)


@pytest.mark.parametrize(
    "encoding", ["utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32", "cp1256", "crlf"]
)
def test_text_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "flood.txt"
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + FLOOD.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + FLOOD.encode("utf-16-be")
    elif encoding == "crlf":
        data = f"{FLOOD}\r\n{STRIKE}\r\n".encode()
    else:
        data = FLOOD.encode(encoding)
    path.write_bytes(data)
    item = only(run(path))
    assert isinstance(item, Item)
    assert item.text == (f"{FLOOD}\n{STRIKE}" if encoding == "crlf" else FLOOD)


def test_windows_1256_only_when_mostly_arabic(tmp_path: Path) -> None:
    # Latin-1 French: not UTF-8, and read as Windows-1256 it is not Arabic, so it is refused with the offset.
    text = "Le cessez-le-feu a été annoncé mercredi."
    path = tmp_path / "french.txt"
    path.write_bytes(text.encode("latin-1"))
    failure = only(run(path))
    assert failure == Failure(str(path), f"not UTF-8 (byte {text.encode('latin-1').index(0xE9)})")


def test_bad_byte_offset_is_reported(tmp_path: Path) -> None:
    good = STRIKE.encode()
    path = tmp_path / "broken.txt"
    path.write_bytes(good + b"\xff\xfe\x00 tail ends in latin letters only " * 3)
    assert only(run(path)) == Failure(str(path), f"not UTF-8 (byte {len(good)})")


def test_empty_text_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    failure = only(run(path))
    assert isinstance(failure, Failure) and "empty" in failure.reason


# --------------------------------------------------------------------------------------------------------------
# JSON


def test_json_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {
        "title": "  اشتباكات في الحي الشرقي ",
        "text": CLASH,
        "url": "https://News.Example.org/2024/clash",
        "published": "2024-03-05T22:10:00+03:00",
        "outlet": "وكالة المثال",
    }
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert only(run(path)) == Item(
        ref=str(path),
        text=CLASH,
        title="اشتباكات في الحي الشرقي",
        url="https://News.Example.org/2024/clash",
        published="2024-03-05",
        outlet="وكالة المثال",
    )


def test_json_array_refs_failures_and_outlet_from_host(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    records = [
        {"text": STRIKE, "url": "https://www.example.net/a", "date": "2024-01-09"},
        {"title": "بلا نص"},
        "ليس كائنا",
        {"text": "   "},
        {"text": PROTEST},
        {"text": None},
        {"text": ["نص"]},
    ]
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    results = run(path)
    assert results == [
        Item(
            ref=f"{path}#0",
            text=STRIKE,
            url="https://www.example.net/a",
            published="2024-01-09",
            outlet="www.example.net",
        ),
        Failure(f"{path}#1", "no text: the record has no 'text' field"),
        Failure(f"{path}#2", "element 2 is not a JSON object (got a string)"),
        Failure(f"{path}#3", "no text: field 'text' is empty"),
        Item(ref=f"{path}#4", text=PROTEST),
        Failure(f"{path}#5", "no text: field 'text' is null"),
        Failure(f"{path}#6", "no text: field 'text' is an array, not a string"),
    ]
    # Each ref reads back exactly its element.
    for result in results:
        assert list(read_ref(result.ref)) == [result]


def test_json_custom_fields(tmp_path: Path) -> None:
    path = tmp_path / "custom.json"
    record = {"body": FLOOD, "headline": "سيول", "link": "https://x.example/1", "meta": {"day": "09/01/2024"}}
    path.write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    options = SourceOptions(text_field="body", title_field="headline", url_field="link", date_field="meta.day")
    assert run(path, options=options) == [
        Item(ref=f"{path}#0", text=FLOOD, title="سيول", url="https://x.example/1", published=None, outlet="x.example")
    ]
    # A custom date field does not fall back to "date", and a missing custom text field is named.
    record = {"text": FLOOD, "date": "2024-01-09"}
    path.write_text(json.dumps(record), encoding="utf-8")
    assert only(run(path, options=SourceOptions(date_field="when"))) == Item(ref=str(path), text=FLOOD)
    assert only(run(path, options=SourceOptions(text_field="body"))) == Failure(
        str(path), "no text: the record has no 'body' field"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:30:00+03:00", "2024-03-05"),  # the date as written, not shifted to UTC
        ("2024-03-05T01:00:00Z", "2024-03-05"),
        ("2024/3/5 10:00", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("Tue, 05 Mar 2024 01:00:00 +0300", "2024-03-05"),
        ("Tue, 5 Mar 2024 23:59:59 GMT", "2024-03-05"),
        ("٢٠٢٤-٠٣-٠٥", "2024-03-05"),
        ("25/12/2023", "2023-12-25"),
        ("05/03/2024", None),  # day and month could be swapped: no guess
        (1709632800, "2024-03-05"),
        (1709632800000, "2024-03-05"),
        ("1709632800", "2024-03-05"),
        ("2024-02-30", None),
        ("أمس", None),
        ("", None),
        (True, None),
        (["2024-03-05"], None),
    ],
)
def test_json_dates(tmp_path: Path, value: object, expected: str | None) -> None:
    path = tmp_path / "dated.json"
    path.write_text(json.dumps({"text": STRIKE, "published": value}), encoding="utf-8")
    item = only(run(path))
    assert isinstance(item, Item) and item.published == expected


def test_malformed_json_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "نص",\n  "title": }', encoding="utf-8")
    failure = only(run(path))
    assert isinstance(failure, Failure) and failure.reason.startswith("malformed JSON on line 2:")
    path.write_text('"just a string"', encoding="utf-8")
    assert "neither an object nor an array" in only(run(path)).reason


# --------------------------------------------------------------------------------------------------------------
# JSONL


def write_jsonl(path: Path) -> None:
    lines = [
        json.dumps({"text": STRIKE, "published": "2024-03-05"}, ensure_ascii=False).encode(),
        b"",
        b'{"text": "\xd9\x86\xd8\xb5", "title": ',  # cut off: malformed
        b"   ",
        json.dumps({"text": PROTEST, "outlet": "صحيفة المثال"}, ensure_ascii=False).encode("cp1256"),
        b'{"text": "bad byte \xff here"}',
        b"[1, 2]",
        json.dumps({"title": "بلا نص"}, ensure_ascii=False).encode(),
        json.dumps({"text": CLASH}, ensure_ascii=False).encode(),
    ]
    path.write_bytes(codecs_bom() + b"\n".join(lines) + b"\n")


def codecs_bom() -> bytes:
    return b"\xef\xbb\xbf"


def test_jsonl_lines_go_on_after_bad_ones(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    write_jsonl(path)
    data = path.read_bytes()
    bad_byte = data.index(b"\xff")
    results = run(path)
    assert results == [
        Item(ref=f"{path}#L1", text=STRIKE, published="2024-03-05"),
        Failure(f"{path}#L3", results[1].reason),
        Item(ref=f"{path}#L5", text=PROTEST, outlet="صحيفة المثال"),
        Failure(f"{path}#L6", f"not UTF-8 (byte {bad_byte})"),
        Failure(f"{path}#L7", "line 7 is not a JSON object (got an array)"),
        Failure(f"{path}#L8", "no text: the record has no 'text' field"),
        Item(ref=f"{path}#L9", text=CLASH),
    ]
    assert results[1].reason.startswith("malformed JSON on line 3: ")


def test_jsonl_read_ref_reads_one_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    write_jsonl(path)
    assert list(read_ref(f"{path}#L5")) == [Item(ref=f"{path}#L5", text=PROTEST, outlet="صحيفة المثال")]
    assert list(read_ref(f"{path}#L1")) == [Item(ref=f"{path}#L1", text=STRIKE, published="2024-03-05")]
    assert list(read_ref(f"{path}#L2")) == [Failure(f"{path}#L2", "line 2 is blank")]
    assert list(read_ref(f"{path}#L40")) == [Failure(f"{path}#L40", "no line 40: the file has 9 lines")]
    # A ref whose file is gone fails under the same ref, so a retry list can match it.
    gone = tmp_path / "gone.jsonl"
    assert list(read_ref(f"{gone}#L3")) == [Failure(f"{gone}#L3", "no such file or folder")]
    assert list(read_ref(f"{tmp_path / 'gone.json'}#2")) == [
        Failure(f"{tmp_path / 'gone.json'}#2", "no such file or folder")
    ]
    assert len(list(read_ref(str(path)))) == 7


def test_jsonl_utf16(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in (FLOOD, CLASH)]
    path.write_bytes("\n".join(lines).encode("utf-16"))
    assert run(path) == [Item(ref=f"{path}#L1", text=FLOOD), Item(ref=f"{path}#L2", text=CLASH)]


def test_jsonl_streams(tmp_path: Path) -> None:
    # The first item comes out before the rest of the file is looked at: a later line written after the first
    # item was taken is still read, which a reader that loads the whole file first would miss.
    path = tmp_path / "growing.jsonl"
    path.write_text(json.dumps({"text": STRIKE}, ensure_ascii=False) + "\n", encoding="utf-8")
    stream = iter_items([str(path)])
    assert next(stream) == Item(ref=f"{path}#L1", text=STRIKE)
    assert list(stream) == []
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as f:
        for i in range(20_000):
            f.write(json.dumps({"text": f"{PROTEST} {i}"}, ensure_ascii=False) + "\n")
    count = sum(1 for r in iter_items([str(big)]) if isinstance(r, Item))
    assert count == 20_000


# --------------------------------------------------------------------------------------------------------------
# HTML files


def test_html_file(tmp_path: Path) -> None:
    path = tmp_path / "article.html"
    head = (
        '<meta property="article:published_time" content="2024-03-05T09:15:00+03:00">'
        '<link rel="canonical" href="https://www.example-news.org/2024/03/05/strike">'
    )
    path.write_text(page("استهداف سيارة مدنية", STRIKE, PROTEST, head=head), encoding="utf-8")
    item = only(run(path))
    assert isinstance(item, Item)
    assert item.ref == str(path)
    assert item.title == "استهداف سيارة مدنية"
    assert STRIKE in item.text and PROTEST in item.text
    assert "جميع الحقوق محفوظة" not in item.text  # boilerplate left out
    assert item.published == "2024-03-05"
    assert item.url == "https://www.example-news.org/2024/03/05/strike"
    assert item.outlet == "www.example-news.org"


def test_html_file_windows_1256(tmp_path: Path) -> None:
    path = tmp_path / "old.htm"
    path.write_bytes(page("سيول في الجنوب", FLOOD, charset="windows-1256").encode("cp1256"))
    item = only(run(path))
    assert isinstance(item, Item) and FLOOD in item.text and item.title == "سيول في الجنوب"
    assert item.published is None  # no date in the page, and none is guessed


def test_html_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(EMPTY_PAGE, encoding="utf-8")
    assert only(run(path)) == Failure(str(path), "no main text found")


# --------------------------------------------------------------------------------------------------------------
# Folders and unreadable paths


def test_folder_walk(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")
    (root / ".hidden.txt").write_text(STRIKE, encoding="utf-8")
    (root / "b" / "2.txt").write_text(PROTEST, encoding="utf-8")
    (root / "a" / "1.TXT").write_text(STRIKE, encoding="utf-8")
    (root / "a" / "report.pdf").write_bytes(b"%PDF-1.4")
    (root / "z.jsonl").write_text(json.dumps({"text": CLASH}, ensure_ascii=False) + "\n", encoding="utf-8")
    (root / "c.txt").write_text(FLOOD, encoding="utf-8")
    assert run(root) == [
        Item(ref=str(root / "a" / "1.TXT"), text=STRIKE),
        Failure(str(root / "a" / "report.pdf"), "unsupported file type .pdf"),
        Item(ref=str(root / "b" / "2.txt"), text=PROTEST),
        Item(ref=str(root / "c.txt"), text=FLOOD),
        Item(ref=f"{root / 'z.jsonl'}#L1", text=CLASH),
    ]


def test_folder_symlink_loop_ends(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text(CLASH, encoding="utf-8")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    assert run(tmp_path / "d") == [Item(ref=str(tmp_path / "d" / "x.txt"), text=CLASH)]


def test_missing_path_and_empty_input(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    assert list(iter_items([str(missing), ""])) == [
        Failure(str(missing), "no such file or folder"),
        Failure("", "empty input name"),
    ]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(STRIKE, encoding="utf-8")
    path.chmod(0)
    try:
        assert only(run(path)) == Failure(str(path), "permission denied")
    finally:
        path.chmod(0o644)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.json"
    path.write_text(json.dumps({"text": STRIKE}), encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sources, "open", refuse, raising=False)
    assert only(run(path)) == Failure(str(path), "permission denied")
    (tmp_path / "other.jsonl").write_text("{}", encoding="utf-8")
    assert only(run(tmp_path / "other.jsonl")) == Failure(str(tmp_path / "other.jsonl"), "permission denied")


def test_garbage_never_raises(tmp_path: Path) -> None:
    blobs = {
        "a.json": bytes(range(256)),
        "b.jsonl": b"\x00\x01\x02\n\xff\xfe\n" + b"{" * 100_000 + b"\n",
        "c.html": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "d.xml": b"<not a feed",
        "e.rss": b"",
        "f.txt": b"\xfe\xff\xd8",  # UTF-16 BOM, then half a code unit
    }
    for name, blob in blobs.items():
        (tmp_path / name).write_bytes(blob)
    results = run(tmp_path)
    assert results and all(isinstance(r, Failure) for r in results), results
    assert {r.ref.split("#")[0] for r in results} == {str(tmp_path / n) for n in blobs}


# --------------------------------------------------------------------------------------------------------------
# HTTP: a local server on 127.0.0.1


FAST = SourceOptions(timeout=0.5)


def test_html_url(server: Server) -> None:
    head = '<meta name="date" content="2024-02-11">'
    server.routes["/news/1"] = Route(page("احتجاج الطلاب", PROTEST, head=head).encode())
    url = server.url("/news/1")
    item = only(run(url, options=FAST))
    assert isinstance(item, Item)
    assert (item.ref, item.url, item.title, item.published, item.outlet) == (
        url,
        url,
        "احتجاج الطلاب",
        "2024-02-11",
        "127.0.0.1",
    )
    assert PROTEST in item.text


def test_url_charset_from_header_and_gzip(server: Server) -> None:
    html = page("اشتباكات", CLASH).replace('<meta charset="utf-8">', "")
    server.routes["/old"] = Route(html.encode("cp1256"), content_type="text/html; charset=windows-1256", gzip=True)
    # A server's default Latin-1 label on an Arabic Windows-1256 page is not believed.
    server.routes["/mislabelled"] = Route(html.encode("cp1256"), content_type="text/html; charset=ISO-8859-1")
    for path in ("/old", "/mislabelled"):
        item = only(run(server.url(path), options=FAST))
        assert isinstance(item, Item) and CLASH in item.text


def test_url_kind_by_sniffing_and_content_type(server: Server) -> None:
    server.routes["/page"] = Route(page("سيول", FLOOD).encode(), content_type="application/octet-stream")
    server.routes["/plain"] = Route(STRIKE.encode(), content_type="text/plain; charset=utf-8")
    server.routes["/pdf"] = Route(b"%PDF-1.4 ...", content_type="application/pdf")
    results = run(server.url("/page"), server.url("/plain"), server.url("/pdf"), options=FAST)
    assert isinstance(results[0], Item) and FLOOD in results[0].text
    assert results[1] == Item(ref=server.url("/plain"), text=STRIKE, url=server.url("/plain"), outlet="127.0.0.1")
    assert results[2] == Failure(server.url("/pdf"), "unsupported content type application/pdf")


def test_http_errors(server: Server) -> None:
    server.routes["/gone"] = Route(b"gone", status=410)
    server.routes["/empty"] = Route(EMPTY_PAGE.encode())
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    refused = f"http://127.0.0.1:{port}/x"
    results = run(server.url("/missing"), server.url("/gone"), server.url("/empty"), refused, options=FAST)
    assert results[:3] == [
        Failure(server.url("/missing"), "HTTP 404 Not Found"),
        Failure(server.url("/gone"), "HTTP 410 Gone"),
        Failure(server.url("/empty"), "no main text found"),
    ]
    assert results[3].ref == refused and results[3].reason.startswith("could not connect:")


def test_timeout(server: Server) -> None:
    server.routes["/slow"] = Route(page("بطيء", STRIKE).encode(), delay=5)
    server.routes["/fast"] = Route(page("سريع", FLOOD).encode())
    results = run(server.url("/slow"), server.url("/fast"), options=FAST)
    assert results[0] == Failure(server.url("/slow"), "timed out after 0.5 s")
    assert isinstance(results[1], Item) and FLOOD in results[1].text


def test_rss_feed_url_with_broken_entries(server: Server) -> None:
    server.routes["/a"] = Route(page("عنوان الصفحة", STRIKE).encode())
    server.routes["/c"] = Route(EMPTY_PAGE.encode())
    server.routes["/d"] = Route(page("سيول", FLOOD, head='<meta name="date" content="2023-11-02">').encode())
    server.routes["/feed"] = Route(
        rss(
            "وكالة الاختبار",
            [
                ("استهداف سيارة", "/a", "Tue, 05 Mar 2024 01:00:00 +0300"),  # relative link, local date kept
                ("خبر محذوف", server.url("/b"), "Wed, 06 Mar 2024 10:00:00 GMT"),
                ("صفحة فارغة", server.url("/c"), "Wed, 06 Mar 2024 11:00:00 GMT"),
                ("بلا رابط", None, "Wed, 06 Mar 2024 12:00:00 GMT"),
                ("سيول", server.url("/d"), "not a date"),
            ],
        ),
        content_type="application/rss+xml",
    )
    feed = server.url("/feed")
    results = run(feed, options=FAST)
    assert results == [
        Item(
            ref=server.url("/a"),
            text=results[0].text,
            title="استهداف سيارة",
            url=server.url("/a"),
            published="2024-03-05",
            outlet="وكالة الاختبار",
        ),
        Failure(server.url("/b"), "HTTP 404 Not Found"),
        Failure(server.url("/c"), "no main text found"),
        Failure(f"{feed}#3", "entry 3 has no link"),
        Item(
            ref=server.url("/d"),
            text=results[4].text,
            title="سيول",
            url=server.url("/d"),
            published="2023-11-02",  # the entry has no usable date: the page's
            outlet="وكالة الاختبار",
        ),
    ]
    assert STRIKE in results[0].text and FLOOD in results[4].text
    # Retrying: a failed entry's page, once it is back, reads as a page; a link-less entry stays a failure.
    server.routes["/b"] = Route(page("عاد", PROTEST).encode())
    retried = only(list(read_ref(server.url("/b"), FAST)))
    assert isinstance(retried, Item) and PROTEST in retried.text and retried.title == "عاد"
    assert list(read_ref(f"{feed}#3", FAST)) == [Failure(f"{feed}#3", "entry 3 has no link")]
    fetched = len(server.hits)
    assert list(read_ref(f"{feed}#4", FAST)) == [results[4]]
    assert server.hits[fetched:] == ["/feed", "/d"]  # only that entry's page


def test_atom_feed_sniffed_and_feed_file(server: Server, tmp_path: Path) -> None:
    server.routes["/x"] = Route(page("اشتباكات", CLASH).encode())
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>شبكة المثال</title>'
        f'<entry><title>اشتباكات ليلية</title><link href="{server.url("/x")}"/>'
        "<updated>2024-04-01T23:30:00+03:00</updated><id>x</id></entry></feed>"
    )
    server.routes["/atom"] = Route(atom.encode(), content_type="text/html")  # mislabelled: sniffing wins
    expected = Item(
        ref=server.url("/x"),
        text="",
        title="اشتباكات ليلية",
        url=server.url("/x"),
        published="2024-04-01",
        outlet="شبكة المثال",
    )
    from_url = only(run(server.url("/atom"), options=FAST))
    assert isinstance(from_url, Item) and CLASH in from_url.text
    assert from_url == Item(**{**expected.__dict__, "text": from_url.text})
    path = tmp_path / "saved.atom"
    path.write_text(atom, encoding="utf-8")
    assert run(path, options=FAST) == [from_url]


def test_feed_file_without_entries_and_relative_links(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_bytes(rss("قناة فارغة", []))
    assert only(run(path)) == Failure(str(path), "feed has no entries")
    path = tmp_path / "relative.xml"
    path.write_bytes(rss("قناة", [("خبر", "/local/1", "Tue, 05 Mar 2024 01:00:00 GMT")]))
    assert only(run(path)) == Failure(f"{path}#0", "entry 0 links to '/local/1', not an http(s) URL")


def test_unsupported_url_scheme() -> None:
    assert only(run("ftp://example.invalid/file.txt")) == Failure(
        "ftp://example.invalid/file.txt", "unsupported URL scheme ftp"
    )


def test_a_json_file_too_large_to_parse_is_refused_with_advice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    monkeypatch.setattr(sources, "MAX_JSON_BYTES", 200)
    rows = [{"text": f"قصفت الطائرات الحي رقم {i}"} for i in range(10)]
    big = tmp_path / "dump.json"
    big.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    out = list(iter_items([big]))
    assert len(out) == 1 and isinstance(out[0], Failure)
    assert "JSONL" in out[0].reason
    # the same rows as JSONL are read, however large the file
    lines = tmp_path / "dump.jsonl"
    lines.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert [isinstance(x, Item) for x in iter_items([lines])] == [True] * 10


def test_read_lines_gives_what_read_ref_gives_for_each_line(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(
        json.dumps({"text": "قصفت الطائرات مأرب"}, ensure_ascii=False) + "\n\n[1, 2]\n{broken\n"
        + json.dumps({"text": "تظاهر الطلاب في البصرة"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    lines = [5, 1, 2, 3, 4, 9]
    together = [(x.ref, type(x).__name__, getattr(x, "text", getattr(x, "reason", ""))) for x in
                sources.read_lines(str(path), lines)]
    one_by_one = [(x.ref, type(x).__name__, getattr(x, "text", getattr(x, "reason", ""))) for n in sorted(lines)
                  for x in read_ref(f"{path}#L{n}")]
    assert together == one_by_one
    assert [kind for _, kind, _ in together] == ["Item", "Failure", "Failure", "Failure", "Item", "Failure"]
    assert "no line 9: the file has 5 lines" in together[-1][2]
