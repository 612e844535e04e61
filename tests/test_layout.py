"""The tests mirror the package: each test file sits in the folder of its subject, under a name
no other test file has (the folders have no `__init__.py`, so pytest imports them by name)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SUBJECTS = {"model", "datafile", "analysis", "output", "cli", "acceptance"}
GUARDS = {"test_architecture.py", "test_import_cycles.py", "test_layout.py"}


def _misplaced(files: list[Path]) -> list[str]:
    """Test files outside a subject folder, other than the guards of the whole tree."""
    parts = [path.relative_to(TESTS).parts for path in files]
    allowed = [GUARDS if len(p) == 1 else SUBJECTS for p in parts]
    return ["/".join(p) for p, ok in zip(parts, allowed, strict=True) if p[0] not in ok]


def _clashes(files: list[Path]) -> list[str]:
    counts = Counter(path.name for path in files)
    return sorted(name for name, n in counts.items() if n > 1)


def _test_files() -> list[Path]:
    return sorted(TESTS.rglob("test_*.py"))


def test_every_test_file_sits_in_a_subject_folder() -> None:
    assert _misplaced(_test_files()) == []


def test_no_two_test_files_share_a_name() -> None:
    assert _clashes(_test_files()) == []


def test_the_checks_find_a_stray_file_and_a_clash() -> None:
    files = [TESTS / "test_era.py", TESTS / "misc" / "test_x.py", TESTS / "cli" / "test_list.py"]
    assert _misplaced(files) == ["test_era.py", "misc/test_x.py"]
    assert _clashes([TESTS / "cli" / "test_a.py", TESTS / "output" / "test_a.py"]) == ["test_a.py"]
