"""`extract --published` is read as `init` and `import` read an article's month."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import invoke


def test_a_month_written_another_way_is_refused_with_the_month_meant(
    runner: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("某县经济\n\n1-9月，全县完成投资87.5亿元。\n", encoding="utf-8")
    for command in (["extract", str(article)], ["init", str(tmp_path / "n.toml"), "--region",
                                                "某县", "--title", "t"]):  # fmt: skip
        result = invoke(runner, *command, "--published", "2022-6")
        assert result.exit_code == 2, (command, result.stderr)
        assert result.stderr == (
            "ganxian: error: --published: expected YYYY-MM, not '2022-6'; did you mean 2022-06?\n"
        )
