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
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, invoke

BROWSER = next(
    (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
)
pytestmark = [
    pytest.mark.skipif(
        BROWSER is None,
        reason="no Chromium here (apt-get install chromium); page not browser-tested",
    ),
    pytest.mark.xdist_group("browser"),  # one worker opens every page (the `browsed` fixture)
]


def _chromium(
    profile: Path, *args: str, scrollbars: bool = False
) -> subprocess.CompletedProcess[str]:
    """Headless Chromium with its own profile folder; with *scrollbars*, drawn as a desktop
    browser draws them (they take their width off the viewport), else hidden."""
    assert BROWSER is not None
    profile.mkdir(parents=True, exist_ok=True)
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


MEASURE = (
    "<script>document.title = [document.scrollingElement.scrollWidth,"
    " document.scrollingElement.clientWidth,"
    " document.querySelectorAll('script').length,"
    " document.querySelectorAll('svg.bullet rect.done').length,"
    " document.querySelectorAll('svg.bullet .half').length,"
    " document.querySelectorAll('svg.bullet line.time').length].join(' ')</script>"
)
COMMANDS = ("progress", "report")
LANGS = ("zh", "en")


def _probe(page: Path, probe: Path) -> Path:
    """A copy of *page* measured by a script added to it (the page itself has none)."""
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"))
    return probe


class Opened(NamedTuple):
    """A page opened in Chromium: the run (still going until asked for) and its screenshot."""

    run: Future[subprocess.CompletedProcess[str]]
    shot: Path | None

    def result(self) -> subprocess.CompletedProcess[str]:
        return self.run.result()

    def screenshot(self) -> bytes:
        run = self.result()
        assert self.shot is not None
        assert run.returncode == 0 and self.shot.exists(), run.stderr[-2000:]
        return self.shot.read_bytes()


Browsed = dict[tuple[str, ...], Opened]


@pytest.fixture(scope="module")
def browsed(tmp_path_factory: pytest.TempPathFactory, followup_data: Path) -> Iterator[Browsed]:
    """Every page the tests look at, written by the CLI, then opened in Chromium. The browsers
    run side by side (each waits on its own start-up more than on the processor); each test
    waits for its own."""
    folder = tmp_path_factory.mktemp("browsed")
    runner = CliRunner()
    jobs: dict[tuple[str, ...], tuple[tuple[str, ...], bool, Path | None]] = {}

    def page(name: str, *args: str) -> Path:
        path = folder / f"{name}.html"
        result = invoke(runner, *args, "-f", "html", "-o", str(path))
        assert result.exit_code == 0, result.stderr
        return path

    report = page("report", "report", "--data", str(DATA))
    shot = folder / "shot.png"
    jobs[("loads",)] = (
        ("--enable-logging=stderr", "--v=0", "--window-size=1200,1400",
         f"--screenshot={shot}", report.as_uri()),
        False, shot,
    )  # fmt: skip
    for command in COMMANDS:
        for lang in LANGS:
            one = page(f"{command}-{lang}", command, "--data", str(DATA), "--lang", lang)
            shot = folder / f"{command}-{lang}.png"
            # the screenshot and the document the page leaves, from one browser
            jobs[("fits", command, lang)] = (
                ("--window-size=1280,1600", f"--screenshot={shot}", "--dump-dom", one.as_uri()),
                False, shot,
            )  # fmt: skip
            probe = _probe(one, folder / f"probe-{command}-{lang}.html")
            jobs[("fits-probe", command, lang)] = (
                ("--window-size=1280,1000", "--dump-dom", probe.as_uri()),
                True,
                None,
            )
            several = page(
                f"several-{command}-{lang}", command, "--data", str(followup_data), "--lang", lang
            )
            probe = _probe(several, folder / f"probe-several-{command}-{lang}.html")
            jobs[("several", command, lang)] = (
                ("--window-size=1280,1000", "--dump-dom", probe.as_uri()),
                True,
                None,
            )
    with ThreadPoolExecutor(max_workers=4) as pool:
        yield {
            key: Opened(
                pool.submit(
                    _chromium, folder / "-".join(("profile", *key)), *args, scrollbars=scrollbars
                ),
                shot,
            )
            for key, (args, scrollbars, shot) in jobs.items()
        }


def test_page_loads_without_errors_and_the_charts_show(browsed: Browsed) -> None:
    opened = browsed[("loads",)]
    shot, run = opened.screenshot(), opened.result()
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line]
    assert not console, console  # e.g. 'INFO:CONSOLE:1] "Uncaught ReferenceError: …"'
    assert "ERR_" not in run.stderr  # no failed fetches: nothing is fetched
    width, height, raw = _pixels(shot)
    assert (width, height) == (1200, 1400)
    ink = sum(1 for b in raw if b < 200) / len(raw)
    assert ink > 0.01, f"the screenshot is blank ({ink:.4f} of it inked)"
    # the charts are drawn in colour: some channel values far from grey
    assert len(set(raw)) > 64


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("lang", LANGS)
def test_page_fits_1280_has_no_script_and_a_bar_per_target(
    browsed: Browsed, command: str, lang: str
) -> None:
    opened = browsed[("fits", command, lang)]
    assert _pixels(opened.screenshot())[:2] == (1280, 1600)
    dom = opened.result().stdout
    assert "<script" not in dom and "<svg" in dom
    run = browsed[("fits-probe", command, lang)].result()
    found = re.search(r"<title>(\d+) (\d+) (\d+) (\d+) (\d+) (\d+)</title>", run.stdout)
    assert found, run.stdout[:500]
    width, viewport, scripts, done, half, time = map(int, found.groups())
    assert viewport < 1280  # the vertical scrollbar takes its width
    assert width <= viewport, f"horizontal scrollbar at 1280 px: {width} px in {viewport}"
    assert scripts == 1  # the probe's own
    # each of the three targets its bar; the two judged against time both marks (the fixed
    # list of projects to start has no half or time mark)
    assert done == 3 and half == time == 2


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_page_of_several_articles_fits_1280(browsed: Browsed, command: str, lang: str) -> None:
    """Within the viewport a 1280 px window leaves beside its scrollbar: no sideways scroll."""
    run = browsed[("several", command, lang)].result()
    found = re.search(r"<title>(\d+) (\d+) ", run.stdout)
    assert found, run.stdout[:500]
    width, viewport = map(int, found.groups())
    assert width <= viewport, f"horizontal scrollbar at 1280 px: {width} px in {viewport}"
