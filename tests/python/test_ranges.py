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


def place(d: Diagnostic) -> tuple:
    return (d.code, d.path, d.line, d.column, d.end_line, d.end_column)


def test_validate_places_findings_where_lint_does():
    # A key in another letter case, a finding about a whole file, and findings about part of
    # a string: Config.validate() on the parsed text finds each where lint() does.
    text = (
        '[[runners]]\n  name = "a"\n  url = "https://gitlab.example.com/"\n  token = "${T}"\n'
        '  Executor = "dockr"\n  environment = ["DOCKER_AUTH_CONFIG={\\"auths\\": 1}", "DOCKER_AUTH_CONFIG=x"]\n'
    )
    validated = [place(d) for d in Config.from_toml(text).validate()]
    assert validated == [
        ("concurrent-unset", "concurrent", None, None, None, None),
        ("unknown-executor", "runners[0].executor", 5, 3, 5, 21),
        ("invalid-docker-auth", "runners[0].environment[0]", 6, 18, 6, 53),
        ("invalid-docker-auth", "runners[0].environment[1]", 6, 75, 6, 76),
    ]
    assert validated == [place(d) for d in lint(text) if d.code != "key-case"]
