"""Widget benchmark: gzipped sizes, and time from script load to first render on the demo pages.

    PYTHONPATH=. python bench/widget.py [--runs 20] [--screenshots docs/screenshots]

Serves the app (a throwaway SQLite database with the demo data) with werkzeug on a loopback port in this
process, and drives Debian's Chromium (headless, via Playwright) to /demo/product and /demo/article.
"Cold" runs use a fresh browser context each time (empty HTTP cache); "warm" runs reload in one context
(widget.js revalidated or from cache, the form chunk never needed). Times come from the page's own clock:
the Resource Timing entry of widget.js (request start) and the widget's performance marks ``modw:start``
(script executing) and ``modw:render`` (first render with data in the shadow root).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import socket
import statistics
import sys
import tempfile
import threading

from werkzeug.serving import make_server

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from moderation import create_app  # noqa: E402
from moderation.widget.assets import DIST  # noqa: E402

CHROMIUM = os.environ.get("MODERATION_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TIMING_JS = """() => {
  const res = performance.getEntriesByType('resource').find(e => e.name.endsWith('/widget.js'));
  const mark = (n) => performance.getEntriesByName(n)[0].startTime;
  return {fetch: res.startTime, start: mark('modw:start'), render: mark('modw:render'),
          transfer: res.transferSize, encoded: res.encodedBodySize};
}"""


def sizes() -> list[tuple[str, int, int]]:
    with open(os.path.join(DIST, "manifest.json")) as fh:
        manifest = json.load(fh)
    rows = []
    for name in (manifest["widget"], manifest["form"]):
        with open(os.path.join(DIST, name), "rb") as fh:
            data = fh.read()
        rows.append((name, len(data), len(gzip.compress(data, compresslevel=9))))
    return rows


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_demo(data_dir: str):
    from flask_migrate import upgrade

    from moderation.extensions import db
    from moderation.widget.demo import load_demo

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # Reads only: the listing touches neither Redis nor the limiter, so no Redis is started.
    app = create_app({"DATA_DIR": data_dir, "REDIS_URL": "redis://127.0.0.1:1/0", "SECRET_KEY": "bench-" + "k" * 32})
    with app.app_context():
        upgrade()
        load_demo([base])
        db.session.remove()
    server = make_server("127.0.0.1", port, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return (
        f"median {statistics.median(ordered):6.1f} ms   p90 {p90:6.1f} ms   "
        f"min {ordered[0]:6.1f} ms   max {ordered[-1]:6.1f} ms"
    )


def measure(browser, url: str, runs: int) -> dict[str, list[dict]]:
    results: dict[str, list[dict]] = {"cold": [], "warm": []}
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1000, "height": 800})
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => performance.getEntriesByName('modw:render').length")
        results["cold"].append(page.evaluate(TIMING_JS))
        context.close()
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => performance.getEntriesByName('modw:render').length")
    for _ in range(runs):
        page.reload()
        page.wait_for_function("() => performance.getEntriesByName('modw:render').length")
        results["warm"].append(page.evaluate(TIMING_JS))
    context.close()
    return results


def screenshots(browser, base: str, directory: str) -> None:
    os.makedirs(directory, exist_ok=True)
    context = browser.new_context(viewport={"width": 900, "height": 1400}, device_scale_factor=1)
    page = context.new_page()
    for path, name in (("/demo/product", "demo-product.png"), ("/demo/article", "demo-article.png")):
        page.goto(base + path)
        page.wait_for_function("() => performance.getEntriesByName('modw:render').length")
        if path.endswith("article"):
            # The article is long: show its last lines, the note on the held comment, and the thread.
            page.evaluate("window.scrollTo(0, document.querySelector('.demo-note').offsetTop - 300)")
        page.screenshot(path=os.path.join(directory, name), full_page=path.endswith("product"))
        print(f"screenshot {os.path.join(directory, name)}")
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--screenshots", metavar="DIR", help="also write demo-product.png and demo-article.png")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    print("widget sizes (gzip -9):")
    total = 0
    for name, raw, packed in sizes():
        total += packed
        print(f"  {name:24} {raw:6d} bytes  {packed:5d} gzipped")
    print(f"  {'first render (widget.js)':24} {sizes()[0][2]:5d} gzipped  (budget 5120)")
    print(f"  {'everything':24} {total:5d} gzipped  (budget 10240)")

    with tempfile.TemporaryDirectory() as data_dir, sync_playwright() as p:
        server, base = serve_demo(data_dir)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        print(f"\nChromium {browser.version}, {os.cpu_count()} CPUs, {platform.platform()}; {args.runs} runs each")
        for path in ("/demo/product", "/demo/article"):
            results = measure(browser, base + path, args.runs)
            for kind, rows in results.items():
                print(f"{path} {kind}:")
                print(f"  script request -> first render  {summary([r['render'] - r['fetch'] for r in rows])}")
                print(f"  script executing -> first render {summary([r['render'] - r['start'] for r in rows])}")
            cold = results["cold"][-1]
            print(f"  widget.js over the wire (cold): {cold['transfer']} bytes ({cold['encoded']} body)")
        if args.screenshots:
            screenshots(browser, base, args.screenshots)
        browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
