"""Shell completion: `validate` offers folders and *.toml files, `--as-of` the data's months."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "indicators.toml"


def _complete(words: str, cwd: Path) -> list[str]:
    env = {
        "_GANXIAN_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        "GANXIAN_DATA": str(DATA),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv[0] = 'ganxian'; "
         "from ganxian_cli.cli.entry import main; main()"],
        capture_output=True, text=True, env={**os.environ, **env}, cwd=cwd,
    )  # fmt: skip
    return result.stdout.split()


def test_validate_offers_folders_and_toml_files_only(tmp_path: Path) -> None:
    (tmp_path / "regions").mkdir()
    (tmp_path / "regions" / "a.toml").write_text("")
    (tmp_path / "regions" / "notes.txt").write_text("")
    (tmp_path / "top.toml").write_text("")
    offered = _complete("ganxian validate ", tmp_path)
    assert "regions/" in offered and "top.toml" in offered
    inside = _complete("ganxian validate regions/", tmp_path)
    assert "regions/a.toml" in inside and not [w for w in inside if w.endswith(".txt")]


def test_as_of_offers_the_months_of_the_data(tmp_path: Path) -> None:
    offered = _complete("ganxian progress --as-of 2022", tmp_path)
    assert "2022-05" in offered and "2022-06" in offered
    assert not [w for w in offered if ".toml" in w]
