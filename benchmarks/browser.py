"""Open an HTML report in headless Chromium and measure it: how wide the page is laid out at a
given window width, where the first finding and the first clean article sit, how many findings
the filter hides, and how long the browser took. Shared by benchmarks/report_scale.py and
tests/test_report_scale.py.

The report's policy allows only its own script, so the measurement runs on a copy without the
policy, with a script appended that measures. Headless Chromium lays a window out at least 500
pixels wide, so the copy is shown in an iframe of the width asked for inside a wrapper page; the
copy posts its figures to the wrapper, which writes them into the DOM that --dump-dom prints."""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]
_MEASURE = """<script>
window.addEventListener("load", function () {
  var root = document.documentElement;
  var top = function (selector) {
    var el = document.querySelector(selector);
    return el ? el.getBoundingClientRect().top + window.scrollY : null;
  };
  var wide = [];
  document.querySelectorAll("body *").forEach(function (el) {
    var box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > root.clientWidth + 1 && wide.length < 5) {
      wide.push(el.tagName + "." + el.className + " " + Math.round(box.right));
    }
  });
  parent.postMessage(JSON.stringify({
    scroll_width: root.scrollWidth, viewport: window.innerWidth, wider: wide,
    first_finding: top("#findings .finding"), first_clean: top("details.claims.clean"),
    shown: document.querySelectorAll("#findings .finding:not([hidden])").length,
    hidden: document.querySelectorAll("#findings .finding[hidden]").length,
    filter_ready: !document.getElementById("filter") || !document.getElementById("filter").hidden,
    load_ms: performance.now()}), "*");
});
</script>"""
_WRAPPER = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{src}" width="{width}" height="{height}" style="border:0"></iframe>
<script>
window.addEventListener("message", function (event) {{
  document.body.setAttribute("data-measure", event.data);
}});
</script></body></html>"""


def measure(chromium: str, page: Path, profile: Path, width: int = 1280, height: int = 900,
            fragment: str = "") -> dict:
    """Figures for `page` laid out `width` pixels wide; `fragment` presets the filter
    ("severity=error&rule=ID"). Adds `seconds`: the browser's wall time, start-up included."""
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text, count=1)
    probe = page.with_name(page.stem + ".measure.html")
    probe.write_text(text.replace("</body>", _MEASURE + "\n</body>", 1), encoding="utf-8")
    wrapper = page.with_name(page.stem + ".wrapper.html")
    src = probe.name + (f"#{fragment}" if fragment else "")
    wrapper.write_text(_WRAPPER.format(src=src, width=width, height=height), encoding="utf-8")
    start = time.perf_counter()
    try:
        done = subprocess.run(["chromium", *FLAGS, f"--user-data-dir={profile}",
                               f"--window-size={max(width, 500) + 40},{height + 40}",
                               "--virtual-time-budget=10000", "--dump-dom",
                               wrapper.resolve().as_uri()],
                              capture_output=True, text=True, timeout=600, executable=chromium)
    finally:
        probe.unlink()
        wrapper.unlink()
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr[-1500:]}")
    found = re.search(r'data-measure="([^"]*)"', done.stdout)
    if not found:
        raise RuntimeError("the page did not report its measurements (did it load?)")
    figures = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    return {**figures, "seconds": seconds}


def screenshot(chromium: str, page: Path, profile: Path, shot: Path, width: int = 1280,
               height: int = 2000) -> float:
    """Render `page` to a PNG; returns the browser's wall time."""
    start = time.perf_counter()
    done = subprocess.run(["chromium", *FLAGS, f"--user-data-dir={profile}",
                           f"--window-size={width},{height}", f"--screenshot={shot}",
                           page.resolve().as_uri()], capture_output=True, text=True, timeout=600,
                          executable=chromium)
    if done.returncode != 0:
        raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr[-1500:]}")
    return time.perf_counter() - start
