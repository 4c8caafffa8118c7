"""The course site's launch buttons are made from the repository URL and branch, which the theme writes into every
page's links as they are: only a plain ``https://host/owner/repo`` and a branch of safe characters are accepted,
from the command line or from pyproject.toml, and anything else stops the build before it starts (exit 2)."""

from __future__ import annotations

import functools
import subprocess
import sys

import pytest

from exportrow import book
from exportrow.book import RepositoryError, build_site, check_repository

# The review's payloads (review 9, finding 3).
BAD_URLS = ['https://github.com/x/y"><img src=x onerror=document.title=31337>',
            "javascript:alert(document.domain)//github.com/x/y",
            "http://github.com/x/y", "https://github.com/x/y?a=1", "https://github.com/x/y/../z",
            "https://github.com/x", "https://github.com/x/y z", "JAVASCRIPT:alert(1)", " https://github.com/x/y"]
BAD_BRANCHES = ['main"><script>alert(2)</script>', "main branch", "-x", "../main", "a..b", "main\u202e"]


def run_book(*args):
    return subprocess.run([sys.executable, "-m", "exportrow.book", *args], capture_output=True, text=True)


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_repository_url_that_is_not_plain_is_refused_before_the_build(tmp_path, url):
    out = tmp_path / "site"
    res = run_book("--out", str(out), f"--repository-url={url}")
    assert res.returncode == 2, res.stderr
    assert res.stderr.startswith("error: --repository-url: ") and "is not a plain repository address" in res.stderr
    assert "https://HOST/OWNER/REPO" in res.stderr
    assert "--repository-url https://github.com/OWNER/exportrow" in res.stderr  # the nearest fix
    assert "Traceback" not in res.stderr and "[book]" not in res.stderr  # nothing was staged
    assert not out.exists()


@pytest.mark.parametrize("branch", BAD_BRANCHES)
def test_a_branch_that_is_not_plain_is_refused_before_the_build(tmp_path, branch):
    out = tmp_path / "site"
    res = run_book("--out", str(out), "--repository-url", "https://github.com/x/y", f"--branch={branch}")
    assert res.returncode == 2, res.stderr
    assert res.stderr.startswith("error: --branch: ") and "is not a plain branch name" in res.stderr
    assert "for example --branch main" in res.stderr and "Traceback" not in res.stderr
    assert not out.exists()


def test_the_url_from_pyproject_is_checked_and_the_message_names_the_file_and_key(tmp_path, monkeypatch):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project.urls]\nRepository = "https://github.com/x/y\\"><script>alert(1)</script>"\n')
    monkeypatch.setattr(book, "repository_url", functools.partial(book.repository_url, pyproject))
    with pytest.raises(RepositoryError) as err:
        build_site(tmp_path / "site", url=None, branch="main")
    message = str(err.value)
    assert "pyproject.toml: Repository under [project.urls]: " in message
    assert 'write Repository = "https://github.com/OWNER/exportrow" there' in message
    assert err.value.exit_code == 2 and not (tmp_path / "site").exists()


@pytest.mark.parametrize("url, branch", [("https://github.com/example/exportrow", "main"),
                                         ("https://gitlab.example.org:8443/my-group/exportrow.git", "release/2.0"),
                                         ("https://github.com/Some_One/ex.port-row", "feature/x_y-1.2"),
                                         ("", 'anything"<>')])  # no URL: no buttons, the branch is not used
def test_plain_values_pass_as_they_are(url, branch):
    assert check_repository(url, branch) == (url, branch)


@pytest.mark.parametrize("url, plain", [("https://gitlab.com/group/subgroup/repo",
                                         "https://gitlab.com/group/subgroup/repo"),
                                        ("https://github.com/a/b/", "https://github.com/a/b"),
                                        ("HTTPS://github.com/a/b", "https://github.com/a/b")])
def test_subgroups_a_trailing_slash_and_an_upper_case_scheme_are_accepted(url, plain):
    assert check_repository(url, "main") == (plain, "main")  # review 10, finding 3


@pytest.mark.parametrize("url, branch", [("https://github.com/../..", "main"), ("https://github.com/a/.", "main"),
                                         ("https://localhost/a/b", "main"), ("https://127.0.0.1/a/b", "main"),
                                         ("https://github.com/a/b/tree", "main"), ("https://github.com/a/b", "x/"),
                                         ("https://github.com/a/b", "x.lock"), ("https://github.com/a/b", "a/.b"),
                                         ("https://gitlab.com/g/s/r?x=\"<script>", "main"),
                                         ("javascript://github.com/a/b", "main")])
def test_non_repository_addresses_and_branches_git_refuses_are_refused(url, branch):
    with pytest.raises(RepositoryError) as err:
        check_repository(url, branch)
    assert err.value.exit_code == 2
    assert ("--branch" if branch != "main" else "--repository-url") in str(err.value).split(":")[0]
