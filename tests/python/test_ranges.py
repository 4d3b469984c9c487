"""Findings and errors about text carry the range they are about, and misspelled keys the key
meant: the same numbers from ``lint``, ``Config.validate()`` and parse errors."""

import pytest

from wetwire_gitlab.runner_config import Config, Diagnostic, Edit, Fix, TomlParseError, lint

TEXT = (
    "# é\n"
    "concurrent = 1\n"
    "[[runners]]\n"
    'url = "https://gitlab.example.com/"\n'
    'token = "${T}"\n'
    'executor = "dockr"\n'
    '  buids_dir = "/b"\n'
)


def test_lint_gives_ranges_and_suggestions():
    assert lint(TEXT) == [
        Diagnostic("error", "unknown-executor", "runners[0].executor",
                   'unknown executor "dockr"; did you mean "docker"?', 6, 1, 6, 19, None),
        Diagnostic("error", "unknown-key", "runners[0].buids_dir",
                   "unknown key; did you mean builds_dir?", 7, 3, 7, 12, "builds_dir",
                   Fix(False, (Edit(TEXT.index("buids_dir"), TEXT.index("buids_dir") + 9, "builds_dir"),))),
    ]


def test_str_is_unchanged_by_ranges():
    assert [str(d) for d in lint(TEXT)][1] == "7:3: error[unknown-key]: runners[0].buids_dir: unknown key; did you mean builds_dir?"


def test_parse_errors_carry_the_range_and_the_suggestion():
    with pytest.raises(TomlParseError) as caught:
        Config.from_toml(TEXT)
    error = caught.value
    assert (error.line, error.column) == (7, 3)
    (detail,) = error.errors
    assert (detail.end_line, detail.end_column, detail.suggestion) == (7, 12, "builds_dir")


def test_wrong_types_are_the_value():
    with pytest.raises(TomlParseError) as caught:
        Config.from_toml('concurrent = "é4"\n')
    (detail,) = caught.value.errors
    assert (detail.line, detail.column, detail.end_line, detail.end_column) == (1, 14, 1, 18)


def test_validate_of_a_parsed_config_gives_the_same_ranges():
    config = Config.from_toml(TEXT.replace("  buids_dir", "  builds_dir"))
    (finding,) = config.validate()
    assert (finding.code, finding.line, finding.column, finding.end_line, finding.end_column) == (
        "unknown-executor", 6, 1, 6, 19)
