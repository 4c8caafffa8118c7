"""`exportrow report`: a shortcut option and a `-p` that give one parameter different values are refused (exit 2),
naming both; the same value twice is fine. Nothing runs and no folder is made."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from exportrow import cli

ARTICLE = FIXTURES / "harbor-bridge" / "harbor-bridge.txt"
ANNOTATION = ARTICLE.with_suffix(".yaml")


@pytest.mark.parametrize("args, message", [
    (["--article", str(ARTICLE), "-p", "article_path", "/etc/passwd"],
     f"--article '{ARTICLE}' and -p article_path '/etc/passwd' give article_path two different values"),
    (["--annotation", str(ANNOTATION), "-p", "annotation_path", "other.yaml"],
     f"--annotation '{ANNOTATION}' and -p annotation_path 'other.yaml' give annotation_path two different values"),
    (["-p", "published", "2023-10-19", "--published", "2023-10-20"],
     "--published '2023-10-20' and -p published '2023-10-19' give published two different values"),
    (["--outlet", "Coastline Courier", "-p", "outlet", "Other"],
     "--outlet 'Coastline Courier' and -p outlet 'Other' give outlet two different values"),
    (["--timezone", "Europe/Berlin", "-p", "timezone", "UTC"],
     "--timezone 'Europe/Berlin' and -p timezone 'UTC' give timezone two different values"),
], ids=["article", "annotation", "published", "outlet", "timezone"])
def test_an_option_and_a_parameter_that_disagree_are_refused(tmp_path, capsys, args, message):
    out = tmp_path / "r2"
    assert cli.main(["report", "--out", str(out), *args]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {message}; give it once\n"
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == []


def test_the_same_value_twice_is_one_value(tmp_path, monkeypatch):
    monkeypatch.chdir(ARTICLE.parent)  # -p article_path relative, --article absolute: the same file
    args = cli.build_parser().parse_args(["report", "--out", str(tmp_path / "r"), "--article", str(ARTICLE),
                                          "-p", "article_path", ARTICLE.name, "--outlet", "X", "-p", "outlet", "X"])
    assert cli._report_parameters(args) == [("article_path", ARTICLE.name), ("outlet", "X"),
                                            ("article_path", str(ARTICLE.resolve())), ("outlet", "X")]
