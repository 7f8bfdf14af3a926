"""A local HTTP server on 127.0.0.1 for the ingest tests, and the pages and feeds it serves."""

from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def page(title: str, *paragraphs: str, head: str = "", charset: str = "utf-8") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}"><title>{title}</title>{head}'
        f'</head><body><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav>'
        f"<article><h1>{title}</h1>{body}</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )


EMPTY_PAGE = (
    "<!DOCTYPE html><html><head><title>صفحة فارغة</title></head><body><script>var a = 1;</script></body></html>"
)


@dataclass
class Route:
    body: bytes
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    gzip: bool = False


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits.append(self.path)
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                if route.delay:
                    server.release.wait(route.delay)
                body = gzip.compress(route.body) if route.gzip else route.body
                try:
                    self.send_response(route.status)
                    if route.content_type:
                        self.send_header("Content-Type", route.content_type)
                    if route.gzip:
                        self.send_header("Content-Encoding", "gzip")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (the timeout test)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path


def rss(title: str, items: list[tuple[str, str | None, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title>{f'<link>{link}</link>' if link else ''}<pubDate>{d}</pubDate></item>"
        for t, link, d in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://example.invalid/</link><description>أخبار</description>{entries}</channel></rss>"
    ).encode()
