"""The HTML page in a real headless browser: it loads without console errors, shows charts,
fits a 1280 px window without a script, with a bar and two marks per target.

Skipped, with a message, where no Chromium is installed (`.ci/run` installs Debian's).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, invoke

BROWSER = next(
    (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium here (apt-get install chromium); page not browser-tested"
)


def _chromium(
    tmp_path: Path, *args: str, scrollbars: bool = False
) -> subprocess.CompletedProcess[str]:
    """Headless Chromium; with *scrollbars*, drawn as a desktop browser draws them (they take
    their width off the viewport), else hidden."""
    assert BROWSER is not None
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={profile}",
        *(() if scrollbars else ("--hide-scrollbars",)), *args,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _pixels(png: bytes) -> tuple[int, int, bytes]:
    """Width, height and the raw (filtered) scanlines of a PNG, by the standard library."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        body = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def test_page_loads_without_errors_and_the_charts_show(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = invoke(runner, "report", "--data", str(DATA), "-f", "html", "-o", str(page))
    assert result.exit_code == 0, result.stderr
    url = page.as_uri()

    shot = tmp_path / "shot.png"
    run = _chromium(
        tmp_path, "--enable-logging=stderr", "--v=0", "--window-size=1200,1400",
        f"--screenshot={shot}", url,
    )  # fmt: skip
    assert run.returncode == 0 and shot.exists(), run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line]
    assert not console, console  # e.g. 'INFO:CONSOLE:1] "Uncaught ReferenceError: …"'
    assert "ERR_" not in run.stderr  # no failed fetches: nothing is fetched
    width, height, raw = _pixels(shot.read_bytes())
    assert (width, height) == (1200, 1400)
    ink = sum(1 for b in raw if b < 200) / len(raw)
    assert ink > 0.01, f"the screenshot is blank ({ink:.4f} of it inked)"
    # the charts are drawn in colour: some channel values far from grey
    assert len(set(raw)) > 64


MEASURE = (
    "<script>document.title = [document.scrollingElement.scrollWidth,"
    " document.scrollingElement.clientWidth,"
    " document.querySelectorAll('script').length,"
    " document.querySelectorAll('svg.bullet rect.done').length,"
    " document.querySelectorAll('svg.bullet .half').length,"
    " document.querySelectorAll('svg.bullet line.time').length].join(' ')</script>"
)


@pytest.mark.parametrize("command", ["progress", "report"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_fits_1280_has_no_script_and_a_bar_per_target(
    runner: CliRunner, tmp_path: Path, command: str, lang: str
) -> None:
    page = tmp_path / f"{command}-{lang}.html"
    result = invoke(
        runner, command, "--data", str(DATA), "--lang", lang, "-f", "html", "-o", str(page)
    )
    assert result.exit_code == 0, result.stderr
    shot = tmp_path / f"{command}-{lang}.png"
    run = _chromium(tmp_path, "--window-size=1280,1600", f"--screenshot={shot}", page.as_uri())
    assert run.returncode == 0 and shot.exists(), run.stderr[-2000:]
    assert _pixels(shot.read_bytes())[:2] == (1280, 1600)
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "<script" not in dom and "<svg" in dom
    # the page measured by a script added to a copy (the page itself has none)
    probe = tmp_path / f"probe-{command}-{lang}.html"
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"))
    run = _chromium(
        tmp_path, "--window-size=1280,1000", "--dump-dom", probe.as_uri(), scrollbars=True
    )
    found = re.search(r"<title>(\d+) (\d+) (\d+) (\d+) (\d+) (\d+)</title>", run.stdout)
    assert found, run.stdout[:500]
    width, viewport, scripts, done, half, time = map(int, found.groups())
    assert viewport < 1280  # the vertical scrollbar takes its width
    assert width <= viewport, f"horizontal scrollbar at 1280 px: {width} px in {viewport}"
    assert scripts == 1  # the probe's own
    # each of the three targets its bar; the two judged against time both marks (the fixed
    # list of projects to start has no half or time mark)
    assert done == 3 and half == time == 2


@pytest.mark.parametrize("command", ["progress", "report"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_page_of_several_articles_fits_1280(
    runner: CliRunner, tmp_path: Path, followup_data: Path, command: str, lang: str
) -> None:
    """Within the viewport a 1280 px window leaves beside its scrollbar: no sideways scroll."""
    page = tmp_path / f"{command}-{lang}.html"
    args = (command, "--data", str(followup_data), "--lang", lang, "-f", "html", "-o", str(page))
    assert invoke(runner, *args).exit_code == 0
    probe = tmp_path / "probe.html"
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"))
    run = _chromium(
        tmp_path, "--window-size=1280,1000", "--dump-dom", probe.as_uri(), scrollbars=True
    )
    found = re.search(r"<title>(\d+) (\d+) ", run.stdout)
    assert found, run.stdout[:500]
    width, viewport = map(int, found.groups())
    assert width <= viewport, f"horizontal scrollbar at 1280 px: {width} px in {viewport}"
