"""Configuration files: discovery, validation errors as one line, and per-file settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_lint.config import find_config, load_config
from awesome_lint.errors import UserError


def test_pyproject_table_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.awesome-lint]\nselect = ["AL3", "mojibake"]\nignore = ["arxiv-version"]\nfail-on = "error"\n'
        'exclude = ["lists/README.md"]\n[tool.awesome-lint.per-file-ignores]\n"lists/old-*.md" = ["AL4"]\n'
        '[tool.awesome-lint.rules.arxiv-link-style]\nstyle = "pdf"\n[tool.awesome-lint.dedup]\ntitle-threshold = 97\n'
    )
    sub = tmp_path / "lists"
    sub.mkdir()
    assert find_config(sub) == tmp_path / "pyproject.toml"
    config = load_config(start=sub)
    assert config.select == ("AL3", "mojibake")
    assert config.ignore == ("arxiv-version",)
    assert config.fail_on == "error"
    assert config.is_excluded(str(tmp_path / "lists" / "README.md"))
    assert not config.is_excluded(str(tmp_path / "lists" / "a.md"))
    assert config.ignored_for(str(tmp_path / "lists" / "old-2019.md")) == ("AL4",)
    assert config.ignored_for(str(tmp_path / "lists" / "new.md")) == ()
    assert config.rules == {"arxiv-link-style": {"style": "pdf"}}
    assert config.dedup_config().title_threshold == 97


def test_dotfile_wins_and_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None or find_config(tmp_path) != tmp_path / "pyproject.toml"
    (tmp_path / ".awesome-lint.toml").write_text('ignore = ["AL404"]\n')
    assert load_config(start=tmp_path).ignore == ("AL404",)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('selec = ["ALL"]\n', "unknown setting 'selec'"),
        ('select = "ALL"\n', "'select' must be a list of strings"),
        ('fail-on = "fatal"\n', "'fail-on' must be one of info, warning, error"),
        ("[dedup]\nthreshold = 3\n", "unknown dedup setting 'threshold'"),
        ("select = [\n", "invalid TOML"),
        ('[dedup]\ntitle-threshold = "high"\n', "dedup setting 'title-threshold' must be a number"),
        ('[links]\nworkers = "x"\n', "links setting 'workers' has the wrong type"),
        ("[links]\naccept = 200\n", "links setting 'accept' has the wrong type"),
        ("[links]\ncolour = 1\n", "unknown links setting 'colour'"),
    ],
)
def test_bad_config_is_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / ".awesome-lint.toml"
    path.write_text(content)
    with pytest.raises(UserError, match=message) as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)
