"""Configuration files: discovery, validation errors as one line, and per-file settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome_lint.cli import main
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
    assert config.rule_options()["arxiv-link-style"].style == "pdf"
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
        ("[dedup]\nblock-tokens = 2.5\n", "dedup setting 'block-tokens' must be a whole number, not 2.5"),
        ("[dedup]\nblock-max = 0\n", "dedup setting 'block-max' must be a whole number from 1, not 0"),
        ("[dedup]\ntitle-threshold = nan\n", "dedup setting 'title-threshold' must be a number from 0 to 100, not nan"),
        ("[dedup]\nid-title-threshold = inf\n", "must be a number from 0 to 100, not inf"),
        ("[dedup]\ntruncation-min-ratio = 1.5\n", "'truncation-min-ratio' must be a number from 0 to 1"),
        ("dedup = 3\n", "'dedup' must be a table, not 3"),
        ("[links]\ntimeout = 0\n", "links setting 'timeout' must be a number from 0.1 to 3600, not 0"),
        ("[links]\ntimeout = inf\n", "links setting 'timeout' must be a number from 0.1 to 3600, not inf"),
        ("[links]\ntimeout = nan\n", "links setting 'timeout' must be a number from 0.1 to 3600, not nan"),
        ("[links]\nworkers = 0\n", "links setting 'workers' must be a whole number from 1 to 512, not 0"),
        ("[links]\nper-host = -1\n", "links setting 'per-host' must be a whole number from 1 to 512"),
        ("[links]\narxiv-delay = -3\n", "links setting 'arxiv-delay' must be a number from 0 to 3600, not -3"),
        ("[links]\ndead-after = 0\n", "links setting 'dead-after' must be a whole number from 1 to 3650, not 0"),
        ("[links]\narxiv-delay = inf\n", "links setting 'arxiv-delay' must be a number from 0 to 3600, not inf"),
        ("[links]\ntitle-threshold = 50\n", "unknown links setting 'title-threshold'"),
        ("[links]\naccept = [200, 1000]\n", "links setting 'accept' must be a whole number from 100 to 599"),
        ('[links]\ncache = ""\n', "links setting 'cache' must not be empty"),
        ("links = [1]\n", "'links' must be a table, not an array"),
        ('output-format = "xml"\n', "'output-format' must be one of text, json, github, sarif, not 'xml'"),
        ("a = " + "[" * 100_000 + "]" * 100_000 + "\n", "invalid TOML: nested too deeply"),
        ("x = " + "{a = " * 100_000 + "1" + "}" * 100_000 + "\n", "invalid TOML: nested too deeply"),
        ("[links.timeout" + ".a" * 5_000 + "]\n", "links setting 'timeout' has the wrong type \\(a table\\)"),
    ],
)
def test_bad_config_is_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / ".awesome-lint.toml"
    path.write_text(content)
    with pytest.raises(UserError, match=message) as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("tool = 3\n", "'tool' must be a table, not 3"),
        ('[tool]\nawesome-lint = "yes"\n', "[tool.awesome-lint] must be a table, not 'yes'"),
    ],
)
def test_pyproject_with_a_bad_tool_table_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, message: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(content)
    (tmp_path / "list.md").write_text("- [A](https://a.org)\n")
    monkeypatch.chdir(tmp_path)
    for args in (["lint", "list.md"], ["dupes", "list.md"], ["lint", "--config", "pyproject.toml", "list.md"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2
        named = "pyproject.toml" if "--config" in args else tmp_path / "pyproject.toml"
        assert result.stderr == f"awesome-lint: error: {named}: {message}\n"


@pytest.mark.parametrize(
    "content",
    ["[dedup]\nblock-tokens = 2.5\n", "[links]\ntimeout = 0\n", "[links]\nworkers = 0\n", 'output-format = "xml"\n'],
)
def test_bad_values_stop_every_command_with_one_line(tmp_path: Path, content: str) -> None:
    config = tmp_path / ".awesome-lint.toml"
    config.write_text(content)
    listing = tmp_path / "list.md"
    listing.write_text("- [A](https://a.org)\n- [A](https://a.org)\n")
    for command in (["lint"], ["dupes"], ["merge"], ["check-links", "--offline"]):
        result = CliRunner().invoke(main, [*command, "--config", str(config), str(listing)])
        assert result.exit_code == 2, (command, result.output)
        assert result.stderr.startswith(f"awesome-lint: error: {config}: ")
        assert result.stderr.count("\n") == 1


def test_timeout_on_the_command_line_must_be_finite(tmp_path: Path) -> None:
    listing = tmp_path / "list.md"
    listing.write_text("- [A](https://a.org)\n")
    for value in ("nan", "inf"):
        result = CliRunner().invoke(main, ["check-links", "--no-cache", "--timeout", value, str(listing)])
        assert result.exit_code == 2
        assert result.stderr == f"awesome-lint: error: --timeout must be a number from 0.1 to 3600, not {value}\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '[rules.missing-year]\nmin-share = "lots"\n',
            "rules.missing-year: bad option value: min-share must be a number",
        ),
        ("[rules.missing-year]\nmin-share = 1.5\n", "min-share must be between 0 and 1, not 1.5"),
        ("[rules.missing-year]\nmin-papers = 2.5\n", "min-papers must be a whole number, not 2.5"),
        ("[rules.trailing-whitespace]\nbr-spaces = -1\n", "br-spaces must be at least 0, not -1"),
        ("[rules.trailing-whitespace]\nbr-spaces = true\n", "br-spaces must be a whole number, not True"),
        ('[rules.arxiv-link-style]\nstyle = "html"\n', 'style must be "auto", "abs" or "pdf", not \'html\''),
        ("[rules.insecure-link]\nhttps-hosts = [1]\n", "https-hosts must be a list of strings"),
        ("[rules.shared-url]\nmin-title-similarity = 101\n", "min-title-similarity must be between 0 and 100"),
        ('[rules.mojibake]\nlevel = "high"\n', "rules.mojibake: unknown option 'level' (options: none)"),
        ("[rules.insecure-link]\nhosts = []\n", "rules.insecure-link: unknown option 'hosts' (options: https-hosts)"),
        ("[rules.no-such-rule]\nx = 1\n", "rules.no-such-rule: unknown rule name"),
    ],
)
def test_bad_rule_options_are_config_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / ".awesome-lint.toml"
    path.write_text(content)
    with pytest.raises(UserError) as info:
        load_config(path).rule_options()
    assert message in str(info.value)


def test_rule_options_are_typed_with_their_defaults_in_one_place(tmp_path: Path) -> None:
    path = tmp_path / ".awesome-lint.toml"
    path.write_text(
        '[rules.arxiv-link-style]\nstyle = "PDF"\n[rules.insecure-link]\nhttps-hosts = "example.org"\n'
        "[rules.missing-year]\nmin-papers = 3\n"
    )
    options = load_config(path).rule_options()
    assert options["arxiv-link-style"].style == "pdf"
    assert options["insecure-link"].https_hosts == ("example.org",)
    assert (options["missing-year"].min_share, options["missing-year"].min_papers) == (0.8, 3)
    assert "shared-url" not in options
